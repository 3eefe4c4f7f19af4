import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ErrorSchema } from '../router.js';
import { ApiError, notFound } from '../../errors.js';
import { scheduleMagicLink } from '../../auth/magic-link.js';
import { normalizeEmail } from '../../domain/customers.js';
import { findMerchant } from '../../domain/merchants.js';
import { MagicLinkRequest } from '../../../contract/portal.js';
import { MagicLinkAnswer } from './schemas.js';
import { clientAddress, takeMagicLinkBudget, tooManyRequests, type SignInLimits } from '../../middleware/rate-limit.js';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';
import type { Merchant } from '../../store/schema.js';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** A browser call must come from our own origin or one the merchant allows (the CORS list). */
export function assertOriginAllowed(c: Context<AppEnv>, merchant: Merchant) {
  const origin = c.req.header('origin');
  if (!origin || origin === new URL(c.var.deps.config.publicUrl).origin) return;
  if (!merchant.settings.allowed_origins.includes(origin)) throw new ApiError(403, [`Sign-in is not allowed from ${origin}.`]);
}

/** `POST /portal/api/magic-link` (no token): emails a sign-in link; the same 202 whether or not the address is known. */
export function magicLinkApi(limits: SignInLimits) {
  const router = createRouter();
  router.openapi(
    createRoute({
      method: 'post',
      path: '/',
      summary: 'Email a sign-in link to a customer (no token needed)',
      description:
        'Always 202 `{ok:true}` for a valid request, known address or not. The link lands on `return_url` when its origin is one of the merchant’s allowed origins (code in the fragment), else on the hosted `/portal/magic` page. Limited per address and per client.',
      security: [],
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: MagicLinkRequest,
            },
          },
        },
      },
      responses: {
        202: { description: 'Accepted', content: { 'application/json': { schema: MagicLinkAnswer } } },
        400: error('Invalid request'),
        403: error('Called from an origin the merchant does not allow'),
        404: error('Unknown merchant'),
        429: error('Too many requests'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const deps = c.var.deps;
      const email = normalizeEmail(body.email);
      if (!z.email().safeParse(email).success) throw new ApiError(400, ['email: must be an email address']);
      const merchant = await findMerchant(deps, body.merchant_id);
      if (!merchant) throw notFound('Merchant');
      assertOriginAllowed(c, merchant);
      const budget = takeMagicLinkBudget(limits, clientAddress(c), merchant.id, email, deps.clock());
      if (!budget.ok) throw tooManyRequests(budget.retryAfterSeconds);
      scheduleMagicLink(deps, { merchant, email, returnUrl: body.return_url, locale: body.locale });
      c.header('Cache-Control', 'no-store');
      return c.json({ ok: true as const }, 202);
    },
  );
  return router;
}
