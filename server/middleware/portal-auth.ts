import { createMiddleware } from 'hono/factory';
import { unauthorized } from '../errors.js';
import { authenticatePortalToken } from '../auth/portal-auth.js';
import type { AppEnv } from '../env.js';

/** Portal API auth by `Authorization: Bearer <widget token>`; the scope it sets pins merchant, mode and customer. */
export function portalAuth() {
  return createMiddleware<AppEnv>(async function portalAuth(c, next) {
    const match = /^Bearer ([A-Za-z0-9_.-]{10,4096})$/.exec(c.req.header('authorization') ?? '');
    if (!match) throw unauthorized('A widget token is required (Authorization: Bearer …).');
    const caller = await authenticatePortalToken(c.var.deps, match[1], c.req.header('origin'));
    c.set('merchant', caller.merchant);
    c.set('mode', caller.mode);
    c.set('scope', { merchantId: caller.merchant.id, mode: caller.mode, customerId: caller.customerId });
    await next();
  });
}
