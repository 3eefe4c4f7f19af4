import { unauthorized } from '../../errors.js';
import type { Scope } from '../../domain/scope.js';
import type { CustomerScope } from '../../domain/customer-requests.js';
import { AnyObject, ErrorSchema, portalErrorResponses } from '../router.js';

/** portalAuth always pins a customer; a scope without one never reaches customer data. */
export function customerScope(scope: Scope | undefined): CustomerScope {
  if (!scope?.customerId) throw unauthorized('A widget token is required (Authorization: Bearer …).');
  return scope as CustomerScope;
}

const error = (description: string) => ({ description, content: { 'application/json': { schema: ErrorSchema } } });

/** The refusals the portal's write endpoints answer with, for the OpenAPI document. */
export const portalWriteErrors = {
  403: error('Not allowed by the merchant, or from this origin'),
  409: error('Not possible in the current state (already done, already pending, wrong status)'),
} as const;

/** What support and invoice requests answer: a reference, or a refusal (they share one budget). */
export const referenceResponses = {
  201: { description: 'The request reference (a retry within minutes answers with the same one)', content: { 'application/json': { schema: AnyObject } } },
  ...portalErrorResponses,
  ...portalWriteErrors,
  429: error('Too many support and invoice requests from this customer lately (see Retry-After)'),
} as const;
