import type { z } from 'zod';
import type {
  BillingResponse,
  BillingUpdate,
  CancelRequest,
  ChangePreview,
  ChangeRequest,
  ChangeResponse,
  InvoiceRequest,
  ManageLinkResponse,
  OverviewResponse,
  RefundRequest,
  RefundRequestResponse,
  ReferenceResponse,
  SubscribeRequest,
  SubscribeResponse,
  SubscriptionResponse,
  SupportRequest,
  TransactionsResponse,
} from '../../contract/portal.js';
import type { Customer, Merchant, Mode } from '../store/schema.js';

/** Who is calling the portal API: one customer of one merchant, in one mode (pinned by the token). */
export interface PortalCaller {
  merchant: Merchant;
  mode: Mode;
  customerId: string;
}

/** Request bodies as the contract's schemas leave them after validation (trimmed, defaults applied). */
export type Parsed<S extends z.ZodType> = z.output<S>;

/**
 * Everything a signed-in customer sees or does in the portal, in the contract's wire format. The
 * portal routes call only this; which implementation answers — the local domain over this
 * server's store, or Creem's API in companion mode — is the wiring's choice, invisible to routes,
 * element and tests. Every method acts only within the caller's merchant, mode and customer.
 */
export interface PortalBackend {
  overview(caller: PortalCaller): Promise<OverviewResponse>;
  transactions(caller: PortalCaller): Promise<TransactionsResponse>;
  cancel(caller: PortalCaller, subscriptionId: string, body: Parsed<typeof CancelRequest>): Promise<SubscriptionResponse>;
  pause(caller: PortalCaller, subscriptionId: string): Promise<SubscriptionResponse>;
  resume(caller: PortalCaller, subscriptionId: string): Promise<SubscriptionResponse>;
  preview(caller: PortalCaller, subscriptionId: string, body: Parsed<typeof ChangeRequest>): Promise<ChangePreview>;
  change(caller: PortalCaller, subscriptionId: string, body: Parsed<typeof ChangeRequest>): Promise<ChangeResponse>;
  support(caller: PortalCaller, body: Parsed<typeof SupportRequest>): Promise<ReferenceResponse>;
  invoice(caller: PortalCaller, body: Parsed<typeof InvoiceRequest>): Promise<ReferenceResponse>;
  refund(caller: PortalCaller, body: Parsed<typeof RefundRequest>): Promise<RefundRequestResponse>;
  updateBilling(caller: PortalCaller, body: Parsed<typeof BillingUpdate>): Promise<BillingResponse>;
  /**
   * A checkout for one of the offered plans, for a customer whose subscriptions have all ended:
   * this server's hosted checkout (standalone) or Creem's (companion). Paying it starts the new
   * subscription; the overview shows it from then on.
   */
  subscribe(caller: PortalCaller, body: Parsed<typeof SubscribeRequest>): Promise<SubscribeResponse>;
  /** A single-use link to the payment provider's own page for the card on file; refused where there is none. */
  manageLink(caller: PortalCaller): Promise<ManageLinkResponse>;
  /**
   * The language the customer uses the portal in (a canonical BCP 47 tag a catalog speaks): their
   * mails go out in it. Where the customer record is not this server's (companion mode) nothing
   * keeps it, and the one mail a customer gets there, the sign-in link, follows the page that asked.
   */
  rememberLocale(caller: PortalCaller, locale: string): Promise<void>;
}

/**
 * Who the merchant's customers are, wherever they live (this server's store, or Creem): what
 * sign-in, token minting and portal links check before trusting a customer id or an email.
 */
export interface CustomerDirectory {
  /** One of the merchant's customers in `mode`, or undefined. */
  byId(merchant: Merchant, mode: Mode, id: string): Promise<Customer | undefined>;
  /** The customer an email signs in as: a live-mode customer wins over a test-mode one. */
  byEmail(merchant: Merchant, email: string): Promise<Customer | undefined>;
}
