import type { Mode } from './records.js';

/** The server's own bookkeeping: the webhook outbox, sign-in codes and sessions, idempotency, the dev outbox. */

interface Owned {
  id: string;
  merchant_id: string;
  mode: Mode;
  created_at: string;
}

export interface WebhookEndpoint extends Owned {
  /** Empty for `cli` endpoints, whose events wait in the pending feed instead. */
  url: string;
  name: string | null;
  /** `http`: the worker POSTs each event to `url`; `cli`: pulled via /events/pending + ack. */
  delivery_mode: 'http' | 'cli';
  /** Signing secret ("whsec_…"), shown to the merchant on request. */
  secret: string;
  events: string[];
  status: 'active' | 'disabled';
  updated_at: string;
}

/** The outbox: written in the same store commit as the change it describes. */
export interface WebhookEvent extends Owned {
  eventType: string;
  object: unknown;
}

export interface WebhookDelivery {
  id: string;
  merchant_id: string;
  event_id: string;
  endpoint_id: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: number;
  last_status: number | null;
  last_error: string | null;
  log: { at: number; status: number | null; error: string | null; ms: number }[];
  /**
   * Epoch ms until which one worker holds this delivery for its attempt (claimDueDeliveries); no
   * other process takes it meanwhile. A worker that dies mid-attempt lets it lapse.
   */
  claimed_until?: number | null;
  created_at: number;
  updated_at: number;
}

/** A single-use sign-in code (portal link or magic link); only its hash is stored. */
export interface SignInCode {
  id: string;
  merchant_id: string;
  mode: Mode;
  customer_id: string;
  kind: 'portal_link' | 'magic_link' | 'email_change' | 'email_change_cancel';
  hash: string;
  expires_at: number;
  used_at: number | null;
  /** For email_change: the new address; for email_change_cancel: JSON `{from, to}`. */
  data: string | null;
  created_at: number;
}

/** The customer's latest revocation: tokens and portal sessions minted with a lower `generation` are refused. */
export interface TokenRevocation {
  id: string;
  merchant_id: string;
  customer_id: string;
  /** Epoch seconds of the latest revocation (for display). */
  before: number;
  /** Bumped by each revocation; tokens carry the generation they were minted in. */
  generation: number;
}

/** A hosted portal session signed out before its end: its cookie is refused until it would have expired anyway. */
export interface EndedSession {
  /** The session cookie's `jti` (an identifier, not a credential). */
  id: string;
  merchant_id: string;
  customer_id: string;
  /** Epoch milliseconds: the session's own end, after which the entry is pruned. */
  expires_at: number;
}

export interface IdempotencyRecord {
  /** merchant_id + ":" + mode + ":" + key (records from before modes were in it: merchant_id + ":" + key) */
  id: string;
  merchant_id: string;
  fingerprint: string;
  status: number;
  /**
   * The answer as JSON text, so a replay is the first answer byte for byte on any engine
   * (PostgreSQL's jsonb keeps an object's keys in an order of its own). Older records hold the
   * parsed answer in `body` instead.
   */
  body_text?: string;
  body?: unknown;
  /**
   * Written before the request runs, replaced by its answer: one left behind (the process died, or
   * the answer could not be stored after the change was) means the outcome is unknown.
   */
  pending?: true;
  created_at: number;
}

export interface MailMessage {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  created_at: string;
}

/**
 * What this server knows of a subscription that lives elsewhere (companion mode: in Creem), which
 * Creem's API has no field for: that the customer paused it here, and why they canceled.
 */
export interface SubscriptionNote {
  /** The subscription's id. */
  id: string;
  merchant_id: string;
  mode: Mode;
  customer_id: string;
  paused_by: 'customer' | null;
  cancel_reason: string | null;
  cancel_comment: string | null;
  /** Epoch milliseconds. */
  updated_at: number;
}

/** A widget-token signing key kept in a shared store (PostgreSQL), so every process signs and verifies alike. */
export interface WidgetKey {
  /** The key's `kid`. */
  id: string;
  /** base64url of at least 32 random bytes. */
  secret: string;
  created_at: number;
  /** When a newer key took over signing; null for the current key. */
  retired_at: number | null;
}
