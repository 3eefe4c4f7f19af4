import type {
  BillingResponse,
  BillingUpdate,
  CancelRequest,
  ChangePreview,
  ChangeRequest,
  ChangeResponse,
  ExchangeRequest,
  InvoiceRequest,
  MagicLinkAccepted,
  ManageLinkResponse,
  MagicLinkRequest,
  OverviewResponse,
  ReferenceResponse,
  RefundRequest,
  RefundRequestResponse,
  SubscribeRequest,
  SubscribeResponse,
  SubscriptionResponse,
  SessionPreview,
  SupportRequest,
  TokenResponse,
  TransactionsResponse,
} from '../contract/portal.js';
import { ApiError, request } from './api.js';

// Where the classic script came from, known only while it first runs; the ES module falls back to the page.
const scriptOrigin = (() => {
  try {
    return new URL((document.currentScript as HTMLScriptElement).src).origin;
  } catch {
    return undefined;
  }
})();

/** The portal server's origin: `api-base`, else where the classic script came from, else this page. */
export const serverOrigin = (apiBase: string | undefined) => (apiBase || scriptOrigin || location.origin).replace(/\/+$/, '');

export interface ClientOptions {
  /** Origin of the portal server. */
  base(): string;
  /** The widget token to send now, if any. */
  token(): string | undefined;
  /** Aborts a request made without a signal of its own (the element's connection). */
  signal(): AbortSignal;
  /** The server refused (401) the token that is still the current one. */
  refused(): void;
  /** The BCP 47 tag the element shows its text in. */
  lang(): string;
}

/**
 * The portal API, one function per endpoint, typed by the wire contract (`contract/portal.ts`).
 * Failures are `ApiError`s (`status` 0 when offline); this is the only place that knows paths.
 */
export function createPortalClient(options: ClientOptions) {
  async function call<T>(method: string, path: string, body: unknown, signal = options.signal(), signedIn = true): Promise<T> {
    const token = signedIn ? options.token() : undefined;
    try {
      return await request<T>(options.base(), token, method, path, body, signal, options.lang());
    } catch (e) {
      if (token && e instanceof ApiError && e.status === 401 && token === options.token()) options.refused();
      throw e;
    }
  }
  const subscription = (id: string, action: string) => `/subscriptions/${encodeURIComponent(id)}/${action}`;
  return {
    overview: (signal?: AbortSignal) => call<OverviewResponse>('GET', '/overview', undefined, signal),
    transactions: (signal?: AbortSignal) => call<TransactionsResponse>('GET', '/transactions', undefined, signal),
    cancel: (id: string, body: CancelRequest) => call<SubscriptionResponse>('POST', subscription(id, 'cancel'), body),
    pause: (id: string) => call<SubscriptionResponse>('POST', subscription(id, 'pause'), undefined),
    resume: (id: string) => call<SubscriptionResponse>('POST', subscription(id, 'resume'), undefined),
    /** What a plan or quantity change costs, computed by the server; changes nothing. */
    preview: (id: string, body: ChangeRequest) => call<ChangePreview>('POST', subscription(id, 'preview'), body),
    change: (id: string, body: ChangeRequest) => call<ChangeResponse>('POST', subscription(id, 'change'), body),
    support: (body: SupportRequest) => call<ReferenceResponse>('POST', '/support', body),
    requestInvoice: (body: InvoiceRequest) => call<ReferenceResponse>('POST', '/invoice-requests', body),
    requestRefund: (body: RefundRequest) => call<RefundRequestResponse>('POST', '/refund-requests', body),
    updateBilling: (body: BillingUpdate) => call<BillingResponse>('PATCH', '/billing', body),
    /** A checkout for a new subscription to an offered plan. */
    subscribe: (body: SubscribeRequest) => call<SubscribeResponse>('POST', '/checkouts', body),
    /** A short-lived link to the payment provider's own page for the card on file. */
    manageLink: () => call<ManageLinkResponse>('POST', '/billing/manage-link', undefined),
    /** Signed out: email a sign-in link (always the same answer, known address or not). */
    requestMagicLink: (body: MagicLinkRequest) => call<MagicLinkAccepted>('POST', '/magic-link', body, undefined, false),
    /** Signed out: whom a sign-in code from a link signs in as (masked); spends nothing. */
    previewSession: (body: ExchangeRequest, signal?: AbortSignal) => call<SessionPreview>('POST', '/session/preview', body, signal, false),
    /** Signed out: a sign-in code from a link → a portal session token. */
    exchangeSession: (body: ExchangeRequest, signal?: AbortSignal) => call<TokenResponse>('POST', '/session/exchange', body, signal, false),
  };
}

export type PortalClient = ReturnType<typeof createPortalClient>;
