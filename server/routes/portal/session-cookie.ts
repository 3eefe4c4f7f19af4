import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../../env.js';
import { sealSession, SESSION_TTL_SECONDS, type SignedIn } from '../../auth/portal-session.js';

type C = Context<AppEnv>;

/** Over https the `__Host-` prefix pins the cookie to this exact host, path `/`, Secure. */
function cookieName(c: C) {
  return c.var.deps.config.publicUrl.startsWith('https:') ? '__Host-creem_portal_session' : 'creem_portal_session';
}

export const readSessionCookie = (c: C) => getCookie(c, cookieName(c));

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), gone after the session's hour. */
export async function startSessionCookie(c: C, who: SignedIn) {
  const { value, expiresAt } = await sealSession(c.var.deps, who);
  const secure = c.var.deps.config.publicUrl.startsWith('https:');
  setCookie(c, cookieName(c), value, {
    path: '/',
    httpOnly: true,
    secure,
    sameSite: 'Strict',
    expires: new Date(expiresAt),
    maxAge: SESSION_TTL_SECONDS,
  });
}

export function endSessionCookie(c: C) {
  const secure = c.var.deps.config.publicUrl.startsWith('https:');
  deleteCookie(c, cookieName(c), { path: '/', secure, httpOnly: true, sameSite: 'Strict' });
}
