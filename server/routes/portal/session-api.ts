import { createRoute } from '@hono/zod-openapi';
import { createRouter, ErrorSchema } from '../router.js';
import { ApiError } from '../../errors.js';
import { iso } from '../../clock.js';
import { LINK_EXPIRED_MESSAGE } from '../../auth/sign-in-codes.js';
import { lookupLink } from '../../auth/links.js';
import { ExchangeRequest } from '../../../contract/portal.js';
import { TokenAnswer } from './schemas.js';
import { redeemSignInCode, SESSION_TTL_SECONDS } from '../../auth/portal-session.js';
import { mintToken } from '../../auth/widget-token.js';
import { rateLimitByAddress, type SignInLimits } from '../../middleware/rate-limit.js';
import { assertOriginAllowed } from './magic-link.js';

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/**
 * `POST /portal/api/session/exchange` (no token): the element trades the code from its URL
 * fragment for a session token (1 h, absolute) that it keeps in memory. The token is bound to the
 * calling page's origin.
 */
export function sessionApi(limits: SignInLimits) {
  const router = createRouter();
  router.use('/exchange', rateLimitByAddress(limits.codePerAddress));
  router.openapi(
    createRoute({
      method: 'post',
      path: '/exchange',
      summary: 'Exchange a magic-link or portal-link code for a portal session token',
      security: [],
      request: {
        body: { required: true, content: { 'application/json': { schema: ExchangeRequest } } },
      },
      responses: {
        200: { description: 'A session token (at most 1 h)', content: { 'application/json': { schema: TokenAnswer } } },
        400: error('The code is used, expired or unknown'),
        403: error('Called from an origin the merchant does not allow'),
        429: error('Too many requests'),
      },
    }),
    async (c) => {
      const { code } = c.req.valid('json');
      const deps = c.var.deps;
      // Look before spending: a call from a foreign origin must not burn the customer's link.
      const { check, merchant } = await lookupLink(deps, code, ['magic_link', 'portal_link']);
      if (!check.ok || !merchant) throw new ApiError(400, [LINK_EXPIRED_MESSAGE]);
      assertOriginAllowed(c, merchant);
      const who = await redeemSignInCode(deps, code);
      const origin = c.req.header('origin');
      const { token, expiresAt } = await mintToken(
        deps.keys,
        deps.config.publicUrl,
        { ...who, kind: 'session', ttlSeconds: SESSION_TTL_SECONDS, allowedOrigins: origin ? [origin] : [] },
        deps.clock(),
      );
      c.header('Cache-Control', 'no-store');
      return c.json({ token, expires_at: iso(expiresAt), customer_id: who.customerId }, 200);
    },
  );
  return router;
}
