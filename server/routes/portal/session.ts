import { createRoute, z } from '@hono/zod-openapi';
import { createRouter, ErrorSchema } from '../router.js';
import { endSession, openSession, redeemSignInCode, sessionMerchantHint } from '../../auth/portal-session.js';
import { mintToken, DEFAULT_TTL_SECONDS } from '../../auth/widget-token.js';
import { ApiError } from '../../errors.js';
import { DomainError } from '../../domain/errors.js';
import { lookupLink } from '../../auth/links.js';
import { iso } from '../../clock.js';
import { expiredPage } from '../../pages/sign-in-pages.js';
import { rateLimitByAddress, type SignInLimits } from '../../middleware/rate-limit.js';
import { formToken, pageLocale, refuseForeignPost, sendPage } from './hosted-respond.js';
import { endSessionCookie, readSessionCookie, startSessionCookie } from './session-cookie.js';
import { TokenAnswer } from './schemas.js';

const Html = { 'text/html': { schema: z.string() } };

/** The hosted portal's cookie session: started by a magic-link code, read by token-url, ended by sign-out. */
export function portalSessions(limits: SignInLimits) {
  const router = createRouter();

  router.use('/session', async (c, next) => (c.req.method === 'POST' ? rateLimitByAddress(limits.codePerAddress)(c, next) : next()));
  router.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      summary: 'Spend a magic-link code posted by /portal/magic: sets the session cookie, redirects to /portal',
      security: [],
      request: {
        body: { required: true, content: { 'application/x-www-form-urlencoded': { schema: z.object({ code: z.string().max(512).optional(), csrf: z.string().max(100).optional() }) } } },
      },
      responses: {
        303: { description: 'Signed in: to /portal' },
        403: { description: 'Not posted from /portal/magic (no matching CSRF token)', content: Html },
        410: { description: 'Used, expired or unknown code', content: Html },
      },
    }),
    async (c) => {
      const refused = await refuseForeignPost(c);
      if (refused) return refused;
      const { code = '' } = c.req.valid('form');
      try {
        const who = await redeemSignInCode(c.var.deps, code);
        await startSessionCookie(c, who);
        return c.redirect('/portal', 303);
      } catch (e) {
        if (!(e instanceof DomainError) || e.kind !== 'invalid') throw e;
        const { merchant } = await lookupLink(c.var.deps, code, ['magic_link', 'portal_link']);
        return sendPage(c, expiredPage(pageLocale(c), merchant, formToken(c)), 410, merchant);
      }
    },
  );

  router.openapi(
    createRoute({
      method: 'get',
      path: '/session/token',
      summary: "The hosted portal element's token-url: a short session token from the session cookie",
      description: 'Lives at most 15 minutes and never past the session’s absolute end (1 h after sign-in).',
      security: [],
      responses: {
        200: { description: 'A portal token', content: { 'application/json': { schema: TokenAnswer } } },
        401: { description: 'No session, or it ended', content: { 'application/json': { schema: ErrorSchema } } },
      },
    }),
    async (c) => {
      const { keys, config, clock } = c.var.deps;
      c.header('Cache-Control', 'no-store');
      const session = await openSession(c.var.deps, readSessionCookie(c));
      const now = clock();
      const remaining = Math.floor((session.expiresAt - now) / 1000);
      if (remaining < 1) throw new ApiError(401, ['Not signed in.']);
      const { token, expiresAt } = await mintToken(
        keys,
        config.publicUrl,
        { ...session, sessionId: session.jti, kind: 'session', ttlSeconds: Math.min(DEFAULT_TTL_SECONDS, remaining), allowedOrigins: [new URL(config.publicUrl).origin] },
        now,
      );
      return c.json({ token, expires_at: iso(expiresAt), customer_id: session.customerId }, 200);
    },
  );

  router.openapi(
    createRoute({
      method: 'post',
      path: '/logout',
      summary: 'End the hosted portal session (the session cookie stops working everywhere at once)',
      security: [],
      responses: {
        303: { description: "To the merchant's sign-in page" },
        403: { description: 'Not posted from the portal page (no matching CSRF token)', content: Html },
      },
    }),
    async (c) => {
      const refused = await refuseForeignPost(c);
      if (refused) return refused;
      const cookie = readSessionCookie(c);
      const merchant = sessionMerchantHint(cookie);
      const session = await openSession(c.var.deps, cookie).catch((e: unknown) => {
        if (e instanceof DomainError && e.kind === 'unauthenticated') return undefined; // already over: nothing to end
        throw e;
      });
      if (session) await endSession(c.var.deps, session);
      endSessionCookie(c);
      return c.redirect(merchant ? `/portal/login?merchant=${encodeURIComponent(merchant)}` : '/portal', 303);
    },
  );

  return router;
}
