import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { lookupLink } from '../../auth/links.js';
import { redeemSignInCode } from '../../auth/portal-session.js';
import { DomainError } from '../../domain/errors.js';
import { expiredPage, linkPage } from '../../pages/sign-in-pages.js';
import { rateLimitByAddress, type SignInLimits } from '../../middleware/rate-limit.js';
import { formToken, pageLocale, refuseForeignPost, sendPage } from './hosted-respond.js';
import { startSessionCookie } from './session-cookie.js';
import type { Context } from 'hono';
import type { AppEnv } from '../../env.js';

const Params = z.object({ code: z.string().max(512).openapi({ description: 'The single-use code from customer_portal_link' }) });
const Html = { 'text/html': { schema: z.string() } };

/**
 * `customer_portal_link`: GET and HEAD only look (mail scanners and link previews open links);
 * the page's Continue button POSTs, which spends the code and starts a one-hour portal session.
 */
export function portalLinks(limits: SignInLimits) {
  const router = createRouter();

  const show = async (c: Context<AppEnv>, code: string) => {
    const { check, merchant, customer } = await lookupLink(c.var.deps, code, ['portal_link']);
    const locale = pageLocale(c, customer?.locale);
    if (!check.ok || !merchant) return sendPage(c, expiredPage(locale, merchant, formToken(c)), 410, merchant);
    return sendPage(c, linkPage(locale, merchant, `/portal/link/${encodeURIComponent(code)}`, formToken(c)), 200, merchant);
  };

  router.openapi(
    createRoute({
      method: 'get',
      path: '/link/{code}',
      summary: 'Portal link page: asks the customer to continue (changes nothing)',
      security: [],
      request: { params: Params },
      responses: { 200: { description: 'The continue page', content: Html }, 410: { description: 'Used, expired or unknown link', content: Html } },
    }),
    (c) => show(c, c.req.valid('param').code),
  );
  // Hono answers HEAD with the GET handler minus the body, so HEAD can't spend a code either.

  router.use('/link/:code', async (c, next) => (c.req.method === 'POST' ? rateLimitByAddress(limits.codePerAddress)(c, next) : next()));
  router.openapi(
    createRoute({
      method: 'post',
      path: '/link/{code}',
      summary: 'Spend a portal link: sets the portal session cookie and redirects to /portal',
      security: [],
      request: { params: Params },
      responses: {
        303: { description: 'Signed in: to /portal' },
        403: { description: 'Not posted from the link page (no matching CSRF token)', content: Html },
        410: { description: 'Used, expired or unknown link', content: Html },
      },
    }),
    async (c) => {
      const refused = await refuseForeignPost(c);
      if (refused) return refused;
      const { code } = c.req.valid('param');
      try {
        const who = await redeemSignInCode(c.var.deps, code);
        await startSessionCookie(c, who);
      } catch (e) {
        if (e instanceof DomainError && e.kind === 'invalid') return show(c, code);
        throw e;
      }
      return c.redirect('/portal', 303);
    },
  );

  return router;
}
