import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { scheduleMagicLink } from '../../auth/magic-link.js';
import { normalizeEmail } from '../../domain/customers.js';
import { findMerchant } from '../../domain/merchants.js';
import { clientAddress, takeMagicLinkBudget, type SignInLimits } from '../../middleware/rate-limit.js';
import { loginPage, sentPage, tooManyPage, unknownMerchantPage } from '../../pages/sign-in-pages.js';
import { formToken, pageLocale, refuseForeignPost, sendPage } from './hosted-respond.js';

const Html = { 'text/html': { schema: z.string() } };
const MerchantId = z.string().max(80);

/** The hosted sign-in page (`/portal/login?merchant=…`): an email form that works without script. */
export function portalLogin(limits: SignInLimits) {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/login',
      summary: "A merchant's hosted sign-in page (email → magic link)",
      security: [],
      request: { query: z.object({ merchant: MerchantId.optional(), lang: z.string().max(35).optional() }) },
      responses: { 200: { description: 'The sign-in page', content: Html }, 404: { description: 'Unknown merchant', content: Html } },
    }),
    async (c) => {
      const { merchant: id } = c.req.valid('query');
      const merchant = id ? await findMerchant(c.var.deps, id) : undefined;
      if (!merchant) return sendPage(c, unknownMerchantPage(pageLocale(c)), 404);
      return sendPage(c, loginPage(pageLocale(c), merchant, formToken(c)), 200, merchant);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/login',
      summary: 'Send a magic link from the hosted form; the same page follows for known and unknown addresses',
      security: [],
      request: {
        body: {
          required: true,
          content: {
            'application/x-www-form-urlencoded': {
              schema: z.object({ merchant: MerchantId, email: z.string().max(320), lang: z.string().max(35).optional(), csrf: z.string().max(100).optional() }),
            },
          },
        },
      },
      responses: {
        200: { description: 'Check-your-email page', content: Html },
        400: { description: 'Not an email address', content: Html },
        403: { description: 'Not posted from our sign-in page (no matching CSRF token)', content: Html },
        429: { description: 'Too many requests', content: Html },
      },
    }),
    async (c) => {
      const refused = await refuseForeignPost(c);
      if (refused) return refused;
      const form = c.req.valid('form');
      const deps = c.var.deps;
      const merchant = await findMerchant(deps, form.merchant);
      const locale = pageLocale(c, form.lang);
      if (!merchant) return sendPage(c, unknownMerchantPage(locale), 404);
      const email = normalizeEmail(form.email);
      if (!z.email().safeParse(email).success) return sendPage(c, loginPage(locale, merchant, formToken(c)), 400, merchant);
      if (!takeMagicLinkBudget(limits, clientAddress(c), merchant.id, email, deps.clock()).ok) {
        return sendPage(c, tooManyPage(locale, merchant, formToken(c)), 429, merchant);
      }
      scheduleMagicLink(deps, { merchant, email, locale });
      return sendPage(c, sentPage(locale, merchant, email), 200, merchant);
    },
  );

  return router;
}
