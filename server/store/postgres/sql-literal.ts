/**
 * Values written into a statement as SQL literals, for the simple protocol (which takes no
 * parameters): it is the only way to send BEGIN, the reads and the writes with COMMIT each in one
 * round trip.
 */

/**
 * A string as a quoted literal, with the output of pg's `escapeLiteral`: quotes doubled, and
 * where there is a backslash, backslashes doubled in an E'' string (right whatever
 * standard_conforming_strings is). pg builds it one character at a time; a write carries
 * kilobytes of JSON, and that loop was a visible part of a write's CPU.
 */
export function quote(s: string): string {
  const quoted = s.replaceAll("'", "''");
  return s.includes('\\') ? ` E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
}

export function literal(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return v.length ? `ARRAY[${v.map(literal).join(', ')}]` : `'{}'`;
  // In parentheses: after a minus sign, -1 would start a comment.
  if (typeof v === 'number' && Number.isFinite(v)) return `(${v})`;
  return quote(String(v));
}

/** `$1`, `$2`… replaced by their values as literals (the store's own SQL holds no other `$`). */
export const inline = (text: string, values: unknown[] = []) => text.replace(/\$(\d+)/g, (_, n: string) => literal(values[Number(n) - 1]));
