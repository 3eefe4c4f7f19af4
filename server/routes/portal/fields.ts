import { z } from '@hono/zod-openapi';
import type { CancelReason, RefundRequest } from '../../../widget/portal-api.js';

// Control characters other than newline/tab have no place in anything a customer types; in a
// single line not even those (a subject becomes a mail header).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LINE_BREAK = /[\r\n\t]/;

/** One line of text, trimmed, 1..max characters. */
export const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s) && !LINE_BREAK.test(s), 'must be a single line of text');

/** Free text that may span lines, trimmed, 1..max characters. */
export const paragraph = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters');

export const TransactionId = z.string().regex(/^tran_[A-Za-z0-9]{1,64}$/, 'must be a transaction id (tran_…)');

/** The cancel survey's answers (CancelReason in the wire contract). */
export const CANCEL_REASONS = [
  'too_expensive',
  'missing_features',
  'switched_service',
  'unused',
  'customer_service',
  'too_complex',
  'low_quality',
  'other',
] as const satisfies readonly CancelReason[];

/** Why a customer asks for a refund: the cancel reasons, plus two only a payment can have. */
export const REFUND_REASONS = [...CANCEL_REASONS, 'duplicate', 'not_as_described'] as const satisfies readonly RefundRequest['reason'][];
