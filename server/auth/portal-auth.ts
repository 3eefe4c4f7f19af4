import type { AppDeps } from '../env.js';
import type { PortalCaller } from '../portal-backend/backend.js';
import { forbidden, unauthenticated } from '../domain/errors.js';
import { verifyToken } from './widget-token.js';
import { tokenGeneration } from './revocations.js';

/**
 * A widget or session token → who is calling. Checks the signature and claims, the customer's
 * revocations and sign-out, and the calling page's origin: it must be one the merchant allows (or
 * our own hosted pages) and, when the token names origins, one of those.
 */
export async function authenticatePortalToken(
  deps: Pick<AppDeps, 'store' | 'keys' | 'config' | 'clock' | 'customers'>,
  token: string,
  origin: string | undefined,
): Promise<PortalCaller> {
  const { store, keys, config } = deps;
  const claims = await verifyToken(keys, config.publicUrl, token, deps.clock());
  const merchant = await store.get('merchants', claims.merchantId);
  const customer = merchant && (await deps.customers.byId(merchant, claims.mode, claims.customerId));
  if (!merchant || !customer) throw unauthenticated('The token is invalid or expired.');
  if (claims.generation < (await tokenGeneration(store, merchant.id, customer.id))) throw unauthenticated('The token has been revoked.');
  if (claims.sessionId && (await store.get('ended_sessions', claims.sessionId))) throw unauthenticated('Signed out.');
  if (origin) {
    const byMerchant = origin === new URL(config.publicUrl).origin || merchant.settings.allowed_origins.includes(origin);
    const byToken = claims.allowedOrigins.length === 0 || claims.allowedOrigins.includes(origin);
    if (!byMerchant || !byToken) throw forbidden(`This token may not be used from ${origin}.`);
  }
  return { merchant, mode: claims.mode, customerId: customer.id };
}

/** Whether any merchant lets pages on `origin` embed the portal (CORS; the token check then pins it to its merchant). */
export async function originAllowedAnywhere(store: AppDeps['store'], origin: string): Promise<boolean> {
  return (await store.all('merchants')).some((m) => m.settings.allowed_origins.includes(origin));
}
