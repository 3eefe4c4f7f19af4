import { isIP } from 'node:net';
import { ApiError } from '../errors.js';
import type { Config } from '../config.js';

/**
 * DNS rebinding: a page on evil.example whose name is made to resolve to 127.0.0.1 talks to this
 * server as its own origin, and could read /dev/mailbox (live sign-in codes) on a developer's
 * machine. Its requests still name evil.example in `Host`, so outside production only the names
 * this server is configured for are answered: PUBLIC_URL's host and localhost. Address literals
 * are answered too (127.0.0.1, [::1], a LAN address): no DNS is involved, so nothing can rebind
 * (Vite's dev server draws the same line). In production the reverse proxy routes by host, and
 * the dev routes are off: the check is then null.
 */
export function hostCheck(config: Config): ((url: string) => void) | null {
  if (config.production) return null;
  const allowed = new Set(['localhost', new URL(config.publicUrl).hostname]);
  const answered = new Map<string, boolean>();
  return function hostCheck(url) {
    // Keyed by the URL up to its path ("http://localhost:3000"): the authority alone decides, and
    // parsing the URL was most of what this check cost every request.
    const slash = url.indexOf('/', url.indexOf('//') + 2);
    const authority = slash > 0 ? url.slice(0, slash) : url;
    let ok = answered.get(authority);
    if (ok === true) return;
    // The URL's host is the Host header's (app.request() in tests: localhost), lower-cased by URL.
    const host = new URL(url).hostname.replace(/\.$/, '');
    if (ok === undefined) {
      ok = allowed.has(host) || isIP(host.replace(/^\[|\]$/g, '')) !== 0;
      // Bounded: a client inventing host names must not grow this without end.
      if (answered.size < 1000) answered.set(authority, ok);
    }
    if (!ok) {
      throw new ApiError(403, [
        `This server does not answer for the host "${host.slice(0, 100)}" (DNS-rebinding protection, outside production). Open ${config.publicUrl} instead.`,
      ]);
    }
  };
}
