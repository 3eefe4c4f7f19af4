/**
 * The only way server-rendered HTML (hosted pages, emails, the dev mailbox) is built: every
 * interpolated value is escaped unless it is already `SafeHtml` made by this same tag.
 */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;' };

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"'`]/g, (ch) => ENTITIES[ch]);
}

function piece(value: unknown): string {
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += piece(values[i]) + strings[i + 1];
  return new SafeHtml(out);
}

/** An http(s) URL fit for an href or src, else undefined: no javascript:, data: or relative tricks. */
export function safeUrl(value: string | null | undefined, protocols: readonly string[] = ['https:', 'http:']): string | undefined {
  if (!value) return undefined;
  try {
    const url = new URL(value);
    return protocols.includes(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export const DEFAULT_BRAND_COLOR = '#4f46e5';

/** A #rrggbb colour, or the default: brand colours end up in CSS and inline styles. */
export const safeColor = (value: string | null | undefined) => (value && /^#[0-9a-f]{6}$/i.test(value) ? value : DEFAULT_BRAND_COLOR);

/** Black or white text, whichever reads better on the brand colour. */
export function onColor(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.18 ? '#111318' : '#ffffff';
}
