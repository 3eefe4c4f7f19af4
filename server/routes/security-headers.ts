import type { Context } from 'hono';

/** Headers for every HTML page we serve: a CSP without unsafe-eval or inline script, no sniffing, no referrer. */
export function htmlSecurityHeaders(c: Context, extraConnect: string[] = []) {
  c.header(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      "script-src 'self'",
      `connect-src 'self' ${extraConnect.join(' ')}`.trim(),
      "style-src 'self'",
      "img-src 'self' data:",
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
}
