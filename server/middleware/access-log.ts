import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { SECRET_PATH_PREFIXES } from '../urls.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Every path the URL layout says carries a single-use code: the code is a credential, so it never reaches a log. */
const SECRET_PATHS = new RegExp(`^(${SECRET_PATH_PREFIXES.map(escape).join('|')})[^/]+`);
export const redactPath = (path: string) => path.replace(SECRET_PATHS, '$1[redacted]');

/** One log line per request, with its id, so a customer's trace_id leads straight to it. */
export function accessLog() {
  return createMiddleware<AppEnv>(async function accessLog(c, next) {
    const started = performance.now();
    await next();
    c.var.deps.log.info('request', {
      request_id: c.var.requestId,
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
}
