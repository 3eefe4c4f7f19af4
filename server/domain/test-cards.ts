/** Why a test card payment is refused: each is a text of the checkout page (server/texts). */
export type CardRefusal = 'cardDeclined' | 'cardInsufficient' | 'cardCvcWrong' | 'cardExpired' | 'cardNotTest' | 'expiryInvalid' | 'cvcInvalid';

/** Creem's documented test cards: one succeeds, the others fail the way real cards do. */
const CARDS: Record<string, CardRefusal | null> = {
  '4242424242424242': null,
  '4000000000000002': 'cardDeclined',
  '4000000000009995': 'cardInsufficient',
  '4000000000000127': 'cardCvcWrong',
  '4000000000000069': 'cardExpired',
};

/**
 * What paying with this card would do: null when it pays. Spaces and dashes in the number are
 * ignored; the expiry is MM/YY (or MM/YYYY) and must not be before the current month.
 */
export function testCardOutcome(number: string, expiry: string, cvc: string, now: number): CardRefusal | null {
  const m = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(expiry);
  const month = m ? Number(m[1]) : 0;
  const year = m ? (m[2]!.length === 2 ? 2000 + Number(m[2]) : Number(m[2])) : 0;
  const today = new Date(now);
  if (month < 1 || month > 12 || year * 12 + month < today.getUTCFullYear() * 12 + today.getUTCMonth() + 1) return 'expiryInvalid';
  if (!/^\d{3,4}$/.test(cvc.trim())) return 'cvcInvalid';
  const digits = number.replace(/[\s-]/g, '');
  return digits in CARDS ? CARDS[digits]! : 'cardNotTest';
}
