import { SECRET_PATH_PREFIXES } from '../urls.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * Every path the URL layout says carries a single-use code: the code is a credential, so it never
 * reaches a log. One rule for every secret path, and for the forms of it that do not route (other
 * case, doubled slashes, a proxy's prefix in front): the code in them is still live. Only the path
 * is ever logged, never the query string, so nothing a client puts there reaches the log either.
 * The access log line itself is written by the edge middleware (edge.ts).
 */
const SECRET_PATHS = new RegExp(`(${SECRET_PATH_PREFIXES.map((p) => escape(p).replaceAll('/', '/+')).join('|')})[^/]+`, 'gi');
export const redactPath = (path: string) => path.replace(SECRET_PATHS, '$1[redacted]');
