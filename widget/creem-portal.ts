import type { PortalEventMap } from './events.js';
import { negotiate } from '../contract/locales.js';
import { warmWhenIdle } from './i18n.js';
import { PortalElement } from './portal-element.js';

export type * from './events.js';
export type {
  ApiErrorBody,
  BillingResponse,
  BillingUpdate,
  CancelRequest,
  ChangePreview,
  ChangeRequest,
  ChangeResponse,
  ExchangeRequest,
  InvoiceRequest,
  MagicLinkAccepted,
  MagicLinkRequest,
  OverviewResponse,
  PaymentMethod,
  PortalAddress,
  PortalCustomer,
  PortalMerchant,
  PortalProduct,
  PortalSubscription,
  PortalTransaction,
  ReferenceResponse,
  RefundRequest,
  RefundRequestResponse,
  SubscribeRequest,
  SubscribeResponse,
  SubscriptionResponse,
  SupportRequest,
  TokenResponse,
  TransactionsResponse,
} from '../contract/portal.js';
export type {
  BillingPeriod,
  CancelMode,
  CancelReason,
  Currency,
  RefundReason,
  RefundRequestStatus,
  SubscriptionStatus,
  TransactionStatus,
} from '../contract/values.js';
export type { Flow, Theme, View } from './portal-element.js';

/**
 * An embeddable customer portal: the signed-in customer's subscriptions, payments and billing details,
 * managed inline on the merchant's page.
 *
 * @summary Customer portal for Creem subscriptions.
 *
 * @fires {CustomEvent<ReadyDetail>} creem-ready - The first screen loaded; detail has the customer and subscriptions.
 * @fires {CustomEvent<SubscriptionDetail>} creem-subscription-created - Back from a checkout started from the plans: the new subscription.
 * @fires {CustomEvent<SubscriptionDetail>} creem-subscription-canceled - A subscription was canceled (now or at period end).
 * @fires {CustomEvent<SubscriptionDetail>} creem-subscription-resumed - A paused or ending subscription is active again.
 * @fires {CustomEvent<SubscriptionDetail>} creem-subscription-paused - A subscription was paused.
 * @fires {CustomEvent<ChangedDetail>} creem-subscription-changed - Plan or quantity changed; detail has any transaction made.
 * @fires {CustomEvent<RefundRequestedDetail>} creem-refund-requested - A refund was requested; `outcome` is `refunded` or `pending`.
 * @fires {CustomEvent<ReferenceDetail>} creem-support-requested - A support message was sent; detail has its reference.
 * @fires {CustomEvent<ReferenceDetail>} creem-invoice-requested - An invoice was requested; detail has its reference.
 * @fires {CustomEvent<Record<string, never>>} creem-token-expired - The token expired or was refused: set a new `token`.
 * @fires {CustomEvent<ErrorDetail>} creem-error - A request failed (status 0 when offline).
 * @fires {CustomEvent<RequestCancelDetail>} creem-request-cancel - Cancelable; fired before canceling. `preventDefault()` stops it.
 * @fires {CustomEvent<SubscriptionDetail>} creem-request-pause - Cancelable; fired before pausing.
 * @fires {CustomEvent<RequestChangeDetail>} creem-request-change - Cancelable; fired before a plan or quantity change.
 * @fires {CustomEvent<RequestRefundDetail>} creem-request-refund - Cancelable; fired before a refund request is sent.
 *
 * @csspart base - The portal's outer box.
 * @csspart header - Merchant name and navigation.
 * @csspart list - The list of subscriptions.
 * @csspart item - One subscription, or one plan on offer (also `plan`).
 * @csspart plan - A plan offered once every subscription has ended.
 * @csspart sheet - The manage sheet (side sheet, full screen on narrow screens).
 * @csspart button - Every button.
 * @csspart tab - The navigation buttons (also `button`).
 * @csspart badge - A status badge.
 * @csspart table - The payments table.
 *
 * @cssprop [--creem-portal-accent=merchant brand colour, else #4338ca] - Primary buttons and focus rings.
 * @cssprop [--creem-portal-accent-fg=#fff] - Text on the accent colour.
 * @cssprop [--creem-portal-bg=#fff] - Background.
 * @cssprop [--creem-portal-fg=#15171c] - Text.
 * @cssprop [--creem-portal-muted=#555c69] - Secondary text.
 * @cssprop [--creem-portal-border=#d6d9df] - Borders.
 * @cssprop [--creem-portal-radius=8px] - Corner radius.
 * @cssprop [--creem-portal-font=system-ui, sans-serif] - Font family.
 * @cssprop [--creem-portal-spacing=1rem] - Base spacing (density).
 *
 * @attr token - Widget token from your backend (`POST /v1/widget-tokens`).
 * @attr token-url - Same-origin URL returning `{token}`; fetched at start and before expiry.
 * @attr api-base - Portal server origin; default: where the classic script came from, else this page.
 * @attr locale - BCP 47 tag, matched to the closest of the 51 catalogs (`pt` → pt-BR, `es-MX` → es-419, `zh-Hant-HK` → zh-TW; see docs/i18n.md); default `<html lang>`, then the browser.
 * @attr theme - `light` (default), `dark` or `auto`.
 * @attr merchant - Merchant id; with no token, shows sign-in by emailed link.
 * @attr view - `subscriptions` (default), `payments` or `billing`.
 * @attr subscription-id - With `flow`, opens that subscription's flow on load.
 * @attr flow - `cancel`, `switch`, `units` or `pause`.
 * @attr checkout-target - Where a checkout for a new subscription opens: `self` (this tab, default) or `popup`.
 */
export class CreemPortalElement extends PortalElement {}

// Guarded: a page that includes the script twice still defines the tag once.
if (!customElements.get('creem-portal')) {
  customElements.define('creem-portal', CreemPortalElement);
  warmWhenIdle(() => negotiate(document.documentElement.lang, ...navigator.languages).tag);
}

declare global {
  interface HTMLElementTagNameMap {
    'creem-portal': CreemPortalElement;
  }
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface GlobalEventHandlersEventMap extends PortalEventMap {}
}
