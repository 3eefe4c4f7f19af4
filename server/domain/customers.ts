import { newId } from '../ids.js';
import { iso } from '../clock.js';
import type { StoreReader } from '../store/interface.js';
import type { Customer, Order } from '../store/schema.js';
import type { DomainDeps } from './deps.js';
import { conflict, notFound } from './errors.js';
import { inScope, type Scope } from './scope.js';
import { orderView, type OrderView } from './views.js';

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

/** Emails are stored lower-case; compare the same way. */
export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/** A customer of the scope's merchant and mode; a customer-pinned scope finds only that customer. */
export async function getCustomer(r: StoreReader, scope: Scope, id: string): Promise<Customer> {
  if (scope.customerId !== undefined && id !== scope.customerId) throw notFound('Customer');
  const c = await r.get('customers', id);
  if (!c || !inScope({ merchantId: scope.merchantId, mode: scope.mode }, c)) throw notFound('Customer');
  return c;
}

/** Emails are stored lower-case, so lookups ignore case. */
export async function findCustomerByEmail(r: StoreReader, scope: Scope, email: string): Promise<Customer> {
  const c = (await r.findBy('customers', 'email', normalizeEmail(email))).find((x) => inScope(scope, x));
  if (!c) throw notFound('Customer');
  return c;
}

const newestFirst = <T extends { created_at: string; id: string }>(a: T, b: T) => b.created_at.localeCompare(a.created_at) || a.id.localeCompare(b.id);

export async function listCustomers(deps: DomainDeps, scope: Scope): Promise<Customer[]> {
  return (await deps.store.findBy('customers', 'merchant_id', scope.merchantId)).filter((c) => inScope(scope, c)).sort(newestFirst);
}

export async function listCustomerOrders(deps: DomainDeps, scope: Scope, customerId: string): Promise<Order[]> {
  const customer = await getCustomer(deps.store, scope, customerId);
  return (await deps.store.findBy('orders', 'customer_id', customer.id)).filter((o) => inScope(scope, o)).sort(newestFirst);
}

export const viewOrders = (deps: DomainDeps, orders: Order[]): Promise<OrderView[]> => Promise.all(orders.map((o) => orderView(deps.store, o)));

export interface CustomerUpdate {
  name?: string;
  email?: string;
  metadata?: Customer['metadata'];
  externalId?: string | null;
}

/** Changes what the merchant asked for; an email already used by another customer of the same merchant and mode is refused. */
export function updateCustomer(deps: DomainDeps, scope: Scope, id: string, input: CustomerUpdate): Promise<Customer> {
  const now = deps.clock();
  return deps.store.transact(async (tx) => {
    const current = await getCustomer(tx, scope, id);
    const email = input.email === undefined ? undefined : normalizeEmail(input.email);
    if (email && email !== current.email) {
      const taken = (await tx.findBy('customers', 'email', email)).some((c) => c.id !== current.id && inScope(scope, c));
      if (taken) throw conflict(`Another customer already uses ${email}.`);
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

export interface NewCustomerInput {
  email: string;
  name: string;
  metadata?: Customer['metadata'];
  externalId?: string;
}

/** A new customer of the scope's merchant and mode; an email one of them already uses is refused. */
export function createCustomer(deps: DomainDeps, scope: Scope, input: NewCustomerInput): Promise<Customer> {
  const now = iso(deps.clock());
  const customer = newCustomer({
    merchant_id: scope.merchantId,
    mode: scope.mode,
    email: input.email,
    name: input.name,
    metadata: input.metadata ?? {},
    ...(input.externalId !== undefined ? { external_id: input.externalId } : {}),
    created_at: now,
  });
  return deps.store.transact(async (tx) => {
    const taken = (await tx.findBy('customers', 'email', customer.email)).find((c) => inScope(scope, c));
    if (taken) throw conflict(`A customer with ${customer.email} already exists: ${taken.id}.`);
    return tx.put('customers', customer);
  });
}

/** A customer by id or, failing that, by email (Creem's `GET /v1/customers`). */
export const findCustomer = (deps: DomainDeps, scope: Scope, by: { id?: string; email?: string }): Promise<Customer> =>
  by.id ? getCustomer(deps.store, scope, by.id) : findCustomerByEmail(deps.store, scope, by.email ?? '');

/**
 * Keeps the language the customer last used the portal in (a canonical BCP 47 tag), which their
 * mails then go out in. Not a change to the customer Creem's API shows: `updated_at` stays.
 */
export async function rememberCustomerLocale(deps: DomainDeps, scope: Scope, id: string, locale: string): Promise<void> {
  // Read first: a transaction only when the language changed, not on every first screen.
  if ((await getCustomer(deps.store, scope, id)).locale === locale) return;
  await deps.store.transact(async (tx) => {
    const current = await getCustomer(tx, scope, id);
    if (current.locale !== locale) await tx.put('customers', { ...current, locale });
  });
}
