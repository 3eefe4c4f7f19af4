import { ApiError, notFound } from '../errors.js';
import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { Customer, Order } from '../store/schema.js';
import { inScope, type Scope } from './scope.js';
import type { DomainDeps } from './subscriptions.js';

/**
 * A new customer record: every optional field empty, the email lower-cased (lookups by email
 * rely on it). The one place that knows a customer's full shape.
 */
export function newCustomer(
  fields: Pick<Customer, 'merchant_id' | 'mode' | 'email' | 'created_at'> & Partial<Omit<Customer, 'merchant_id' | 'mode' | 'email' | 'created_at'>>,
): Customer {
  return {
    id: newId('cust'),
    name: null,
    country: null,
    address: null,
    tax_id: null,
    locale: null,
    metadata: {},
    payment_method: null,
    pending_email: null,
    updated_at: fields.created_at,
    ...fields,
    email: fields.email.trim().toLowerCase(),
  };
}

export function getCustomer(deps: DomainDeps, scope: Scope, id: string): Customer {
  const c = deps.store.get('customers', id);
  if (!inScope(scope, c)) throw notFound('Customer');
  return c!;
}

/** Emails are stored lower-case, so lookups ignore case. */
export function findCustomerByEmail(deps: DomainDeps, scope: Scope, email: string): Customer {
  const c = deps.store.findBy('customers', 'email', email.trim().toLowerCase()).find((x) => inScope(scope, x));
  if (!c) throw notFound('Customer');
  return c;
}

const newestFirst = <T extends { created_at: string; id: string }>(a: T, b: T) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id);

export function listCustomers(deps: DomainDeps, scope: Scope): Customer[] {
  return deps.store.findBy('customers', 'merchant_id', scope.merchantId).filter((c) => inScope(scope, c)).sort(newestFirst);
}

export function listCustomerOrders(deps: DomainDeps, scope: Scope, customerId: string): Order[] {
  const customer = getCustomer(deps, scope, customerId);
  return deps.store.findBy('orders', 'customer_id', customer.id).filter((o) => inScope(scope, o)).sort(newestFirst);
}

export interface CustomerUpdate {
  name?: string;
  email?: string;
  metadata?: Customer['metadata'];
  externalId?: string | null;
}

/** Changes what the merchant asked for; an email already used by another customer of the same merchant and mode is refused. */
export function updateCustomer(deps: DomainDeps, scope: Scope, id: string, input: CustomerUpdate): Promise<Customer> {
  const now = deps.clock();
  return deps.store.transact((tx) => {
    const current = getCustomer(deps, scope, id);
    const email = input.email?.trim().toLowerCase();
    if (email && email !== current.email) {
      const taken = deps.store.findBy('customers', 'email', email).some((c) => c.id !== current.id && inScope(scope, c));
      if (taken) throw new ApiError(409, [`Another customer already uses ${email}.`]);
    }
    return tx.put('customers', {
      ...current,
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(email ? { email } : {}),
      ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
      ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
      updated_at: iso(now),
    });
  });
}
