import type { Customer, CustomerRequest, Merchant, Transaction } from '../store/schema.js';

/**
 * The mails the rules cause, as intents: the domain says who must learn what (and hands over the
 * single-use codes a link needs); `server/mail/` renders them in the right language, builds the
 * links and sends them. A method that rejects could not send; the caller decides what that means.
 */
export interface Notifier {
  /** To the merchant's support address: a customer's support, invoice or refund request. */
  customerRequest(input: { merchant: Merchant; customer: Pick<Customer, 'id' | 'email' | 'name'>; request: CustomerRequest; transaction: Transaction | undefined }): Promise<void>;
  /** To the merchant's support address: why a customer canceled (Creem's API has no field for it). */
  cancelFeedback(input: { merchant: Merchant; customer: Pick<Customer, 'id' | 'email' | 'name'>; subscriptionId: string; productName: string; mode: string; reason: string; comment: string | null }): Promise<void>;
  /** A sign-in link (magic link) to the customer; lands on `returnUrl` when the merchant allows it. */
  signInLink(input: { merchant: Merchant; customer: Customer; code: string; returnUrl?: string; locale?: string }): Promise<void>;
  /** To the OLD address when a change is asked for: it may call the change off with `cancelCode`. */
  emailChangeRequested(input: { merchant: Merchant; customer: Customer; newEmail: string; cancelCode: string }): Promise<void>;
  /** To the NEW address: following `confirmCode` proves the person asking owns it. */
  emailChangeConfirmation(input: { merchant: Merchant; customer: Customer; newEmail: string; confirmCode: string }): Promise<void>;
  /** To the OLD address once the change is done: it may still undo it with `cancelCode`. */
  emailChanged(input: { merchant: Merchant; customer: Customer; previous: string; cancelCode: string }): Promise<void>;
}
