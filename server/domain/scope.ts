import type { Mode } from '../store/schema.js';

/**
 * Who is asking. A merchant API key gives merchant + mode; a widget token or portal session also
 * pins one customer. Every domain lookup goes through `inScope`, so nothing outside it is found.
 */
export interface Scope {
  merchantId: string;
  mode: Mode;
  customerId?: string;
}

export function inScope(scope: Scope, rec: { merchant_id: string; mode: Mode; customer_id?: string } | undefined): boolean {
  if (!rec) return false;
  if (rec.merchant_id !== scope.merchantId || rec.mode !== scope.mode) return false;
  if (scope.customerId !== undefined && rec.customer_id !== scope.customerId) return false;
  return true;
}
