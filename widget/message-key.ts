/**
 * A message's key in the catalogs the element fetches: a 32-bit FNV-1a hash of its English source
 * text, in base 36. The source text itself would be half of every catalog's bytes; the build
 * (scripts/write-locales.mjs) refuses two messages with one key.
 */
export function messageKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
