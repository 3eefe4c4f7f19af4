import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

/** One log line per request, with its id, so a customer's trace_id leads straight to it. */
export function accessLog() {
  return createMiddleware<AppEnv>(async function accessLog(c, next) {
    const started = performance.now();
    await next();
    c.var.deps.log.info('request', {
      request_id: c.var.requestId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
}
