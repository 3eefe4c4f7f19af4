import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';

/** A signing secret as Creem issues them: `whsec_` + base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** Legacy Creem header: lowercase hex HMAC-SHA256 of the raw body, keyed with the whole secret string. */
export function creemSignature(secret: string, body: string): string {
  return createHmac('sha256', secret).update(body).digest('hex');
}

/**
 * Standard Webhooks: base64 HMAC-SHA256 over `id.timestamp.body`, keyed with the base64-decoded
 * part of the secret after `whsec_` (what Creem's SDK verifier and the standard's libraries expect).
 */
export function standardSignature(secret: string, id: string, timestampSec: number, body: string): string {
  const key = Buffer.from(secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret, 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestampSec}.${body}`).digest('base64')}`;
}

export interface SignInput {
  secret: string;
  /** The event id: stays the same across retries and replays, so receivers can drop duplicates. */
  eventId: string;
  body: string;
  /** Epoch milliseconds of this attempt; receivers reject timestamps more than 5 minutes off. */
  now: number;
}

/** Every header a delivery carries, signed both ways so old and new receivers verify it. */
export function deliveryHeaders({ secret, eventId, body, now }: SignInput): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  return {
    'content-type': 'application/json',
    'user-agent': 'creem-portal-webhooks/0.1',
    'creem-signature': creemSignature(secret, body),
    'webhook-id': eventId,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': standardSignature(secret, eventId, timestamp, body),
  };
}
