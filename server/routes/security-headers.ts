import type { Context } from 'hono';

export interface PageSources {
  /** Extra origins the page may fetch from. */
  connect?: string[];
  /** Extra origins images may load from (a merchant's https logo). */
  img?: string[];
}

/**
 * Headers for every HTML page we serve: a CSP without unsafe-eval or inline script (scripts only
 * from our own origin), no sniffing, no referrer (link pages carry single-use codes), no framing.
 * `extra` is the older form of `sources.connect`.
 */
export function htmlSecurityHeaders(c: Context, extra: string[] | PageSources = []) {
  const sources: PageSources = Array.isArray(extra) ? { connect: extra } : extra;
  const list = (xs: string[] | undefined) => (xs ?? []).filter((x) => /^https?:\/\/[^\s;,'"]+$/.test(x)).join(' ');
  c.header(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      `connect-src 'self' ${list(sources.connect)}`.trim(),
      "style-src 'self'",
      `img-src 'self' data: ${list(sources.img)}`.trim(),
      "font-src 'self'",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join('; '),
  );
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', 'no-referrer');
  c.header('X-Frame-Options', 'DENY');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
}
