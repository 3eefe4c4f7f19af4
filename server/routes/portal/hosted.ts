import { createRoute, z } from '@hono/zod-openapi';
import { createRouter } from '../router.js';
import { openSession, sessionMerchantHint } from '../../auth/portal-session.js';
import { DomainError } from '../../domain/errors.js';
import { findMerchant } from '../../domain/merchants.js';
import { magicPage, portalPage, signedOutPage } from '../../pages/sign-in-pages.js';
import { MAGIC_JS, PAGE_CSS, brandCss } from '../../pages/assets.js';
import { onColor, safeColor } from '../../pages/html.js';
import { formToken, pageLocale, sendPage } from './hosted-respond.js';
import { readSessionCookie } from './session-cookie.js';

const Html = { 'text/html': { schema: z.string() } };

/** The hosted portal page, the magic-link landing page and their same-origin assets. */
export function hostedPortal() {
  const router = createRouter();

  router.openapi(
    createRoute({
      method: 'get',
      path: '/',
      summary: 'The hosted portal: <creem-portal> full-page, for the signed-in customer (session cookie)',
      security: [],
      responses: { 200: { description: 'The portal page', content: Html }, 401: { description: 'Signed out: the sign-in form', content: Html } },
    }),
    async (c) => {
      const { deps } = c.var;
      const cookie = readSessionCookie(c);
      try {
        const session = await openSession(deps, cookie);
        const merchant = await findMerchant(deps, session.merchantId);
        const customer = merchant && (await deps.customers.byId(merchant, session.mode, session.customerId));
        return sendPage(c, portalPage(pageLocale(c, customer?.locale), merchant!, formToken(c)), 200, merchant);
      } catch (e) {
        if (!(e instanceof DomainError) || e.kind !== 'unauthenticated') throw e;
        const hint = sessionMerchantHint(cookie);
        const merchant = hint ? await findMerchant(deps, hint) : undefined;
        return sendPage(c, signedOutPage(pageLocale(c), merchant, formToken(c)), 401, merchant);
      }
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/magic',
      summary: 'Magic-link landing page: a same-origin script posts the code from the URL fragment',
      security: [],
      responses: { 200: { description: 'The page', content: Html } },
    }),
    (c) => sendPage(c, magicPage(pageLocale(c), formToken(c))),
  );

  const asset = (type: string, body: string) => ({
    'Content-Type': type,
    'Cache-Control': 'public, max-age=300',
    'X-Content-Type-Options': 'nosniff',
    body,
  });
  const serve = (a: ReturnType<typeof asset>) => {
    const { body, ...headers } = a;
    return new Response(body, { headers });
  };
  const css = asset('text/css; charset=utf-8', PAGE_CSS);
  const js = asset('text/javascript; charset=utf-8', MAGIC_JS);
  router.get('/assets/page.css', () => serve(css));
  router.get('/assets/magic.js', () => serve(js));
  router.get('/assets/brand/:file{mer_[A-Za-z0-9]{1,64}\\.css}', async (c) => {
    const merchant = await findMerchant(c.var.deps, c.req.param('file').slice(0, -4));
    const color = safeColor(merchant?.settings.brand.color);
    return serve(asset('text/css; charset=utf-8', brandCss(color, onColor(color))));
  });

  return router;
}
