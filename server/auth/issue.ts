import type { AppDeps } from '../env.js';
import type { Merchant, Mode } from '../store/schema.js';
import { invalid, notFound } from '../domain/errors.js';
import type { Scope } from '../domain/scope.js';
import { createSignInCode, LINK_CODE_TTL_MS } from './sign-in-codes.js';
import { revokeCustomerTokens, tokenGeneration } from './revocations.js';
import { mintToken } from './widget-token.js';

type Deps = Pick<AppDeps, 'store' | 'keys' | 'config' | 'clock' | 'urls' | 'customers'>;

/** One of the merchant's customers in this mode, wherever they live; otherwise "not found". */
async function customerOf(deps: Deps, scope: Scope, id: string) {
  const merchant = await deps.store.get('merchants', scope.merchantId);
  const customer = merchant && (await deps.customers.byId(merchant, scope.mode, id));
  if (!customer) throw notFound('Customer');
  return customer;
}

export interface WidgetTokenInput {
  customerId: string;
  allowedOrigins?: string[];
  ttlSeconds?: number;
}

/** A widget token for one of the merchant's customers, optionally narrowed to some of the merchant's origins. */
export async function issueWidgetToken(deps: Deps, merchant: Merchant, mode: Mode, input: WidgetTokenInput) {
  const customer = await customerOf(deps, { merchantId: merchant.id, mode }, input.customerId);
  const outside = (input.allowedOrigins ?? []).filter((o) => !merchant.settings.allowed_origins.includes(o));
  if (outside.length > 0) throw invalid(`allowed_origins: ${outside.join(', ')} is not among the merchant's allowed origins`);
  const { token, expiresAt } = await mintToken(
    deps.keys,
    deps.config.publicUrl,
    {
      merchantId: merchant.id,
      mode,
      customerId: customer.id,
      allowedOrigins: input.allowedOrigins,
      ttlSeconds: input.ttlSeconds,
      generation: await tokenGeneration(deps.store, merchant.id, customer.id),
    },
    deps.clock(),
  );
  return { token, expiresAt, customerId: customer.id };
}

/** Ends every outstanding token, session and unused link of one of the merchant's customers. */
export async function revokeCustomer(deps: Deps, scope: Scope, customerId: string): Promise<{ customerId: string; at: number }> {
  const customer = await customerOf(deps, scope, customerId);
  const now = deps.clock();
  await deps.store.transact((tx) => revokeCustomerTokens(tx, scope.merchantId, customer.id, now));
  return { customerId: customer.id, at: now };
}

/** `customer_portal_link`: a single-use link to the hosted portal, signed in as this customer. */
export async function issuePortalLink(deps: Deps, scope: Scope, customerId: string): Promise<string> {
  const customer = await customerOf(deps, scope, customerId);
  const now = deps.clock();
  const code = await deps.store.transact((tx) =>
    createSignInCode(tx, { merchantId: scope.merchantId, mode: scope.mode, customerId: customer.id, kind: 'portal_link', ttlMs: LINK_CODE_TTL_MS }, now),
  );
  return deps.urls.portalLink(code);
}
