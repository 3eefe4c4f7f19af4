import type { Context } from 'hono';
import { unauthorized } from '../../errors.js';
import type { AppEnv } from '../../env.js';
import type { PortalCaller } from '../../portal-backend/backend.js';

/** portalAuth always pins a customer; a request without one never reaches customer data. */
export function callerOf(c: Context<AppEnv>): PortalCaller {
  const { scope, merchant, mode } = c.var;
  if (!scope?.customerId) throw unauthorized('A widget token is required (Authorization: Bearer …).');
  return { merchant, mode, customerId: scope.customerId };
}
