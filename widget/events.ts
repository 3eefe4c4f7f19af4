import type { ChangePreview, PortalCustomer, PortalSubscription, PortalTransaction, RefundRequestResponse } from '../contract/portal.js';
import type { CancelMode, CancelReason } from '../contract/values.js';

export interface ReadyDetail {
  customer: PortalCustomer;
  subscriptions: PortalSubscription[];
}
export interface SubscriptionDetail {
  subscription: PortalSubscription;
}
export interface ChangedDetail extends SubscriptionDetail {
  transaction: PortalTransaction | null;
}
export interface RefundRequestedDetail extends RefundRequestResponse {
  transaction_id: string;
}
export interface ReferenceDetail {
  reference: string;
}
export interface ErrorDetail {
  /** HTTP status, or 0 when offline. */
  status: number;
  message: string;
}
export interface RequestCancelDetail extends SubscriptionDetail {
  mode: CancelMode;
  reason: CancelReason;
}
export interface RequestChangeDetail extends SubscriptionDetail {
  preview: ChangePreview;
}
export interface RequestRefundDetail {
  transaction: PortalTransaction;
}

/** Every event `<creem-portal>` fires, by name. */
export interface PortalEventMap {
  'creem-ready': CustomEvent<ReadyDetail>;
  /** A subscription started from the portal's plans, seen once the customer is back from the checkout. */
  'creem-subscription-created': CustomEvent<SubscriptionDetail>;
  'creem-subscription-canceled': CustomEvent<SubscriptionDetail>;
  'creem-subscription-resumed': CustomEvent<SubscriptionDetail>;
  'creem-subscription-paused': CustomEvent<SubscriptionDetail>;
  'creem-subscription-changed': CustomEvent<ChangedDetail>;
  'creem-refund-requested': CustomEvent<RefundRequestedDetail>;
  'creem-support-requested': CustomEvent<ReferenceDetail>;
  'creem-invoice-requested': CustomEvent<ReferenceDetail>;
  'creem-token-expired': CustomEvent<Record<string, never>>;
  'creem-error': CustomEvent<ErrorDetail>;
  'creem-request-cancel': CustomEvent<RequestCancelDetail>;
  'creem-request-pause': CustomEvent<SubscriptionDetail>;
  'creem-request-change': CustomEvent<RequestChangeDetail>;
  'creem-request-refund': CustomEvent<RequestRefundDetail>;
}

type Detail<K extends keyof PortalEventMap> = PortalEventMap[K] extends CustomEvent<infer D> ? D : never;

/** Fire a bubbling, composed event; false when a cancelable one was prevented. */
export const emit = <K extends keyof PortalEventMap>(el: HTMLElement, type: K, detail: Detail<K>, cancelable = false) =>
  el.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
