import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from '../errors.js';
import { answerError } from '../error-answer.js';
import type { AppDeps, AppEnv } from '../env.js';
import { redactPath } from './redact-path.js';
import { hostCheck } from './host-check.js';
import { refuseNulInBody, refuseNulInUrl } from './nul-characters.js';
import { assignRequestId } from './request-id.js';

export const MAX_BODY_BYTES = 64 * 1024;

const tooLarge = () => new ApiError(413, [`The request body is larger than ${MAX_BODY_BYTES} bytes.`]);

/** Content-Length when it alone says how long the body is (no transfer coding), else null. */
function declaredLength(c: Context<AppEnv>): number | null {
  if (c.req.header('transfer-encoding') !== undefined) return null;
  const raw = c.req.header('content-length');
  return raw !== undefined && /^\d{1,15}$/.test(raw) ? Number(raw) : null;
}

/**
 * What every request passes through, in one frame rather than six: its request id, the app's
 * deps, the host check, the body limit and the NUL refusal, and the access log line around all of it. Every
 * request pays for each middleware frame it crosses (a promise and a closure each way), and
 * these run on every request, /healthz included.
 */
export function edge(deps: AppDeps): MiddlewareHandler<AppEnv> {
  const checkHost = hostCheck(deps.config);
  const limitBody = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw tooLarge();
    },
  });
  return async function edge(c, next) {
    assignRequestId(c);
    c.set('deps', deps);
    // Asked per request: the logger can be swapped on a running app (tests do).
    const logging = deps.log.enabled?.('info') ?? true;
    const started = logging ? performance.now() : 0;
    try {
      const url = c.req.url;
      checkHost?.(url);
      refuseNulInUrl(url);
      const method = c.req.method;
      // Only methods whose body a route reads: checking every GET costs a request copy each time.
      const length = method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? undefined : declaredLength(c);
      if (length === undefined) await next();
      else if (length !== null) {
        // The usual case, a declared length: checked from the header, so the body is then read
        // once, straight from Node's request (touching the WHATWG body would build a stream).
        if (length > MAX_BODY_BYTES) throw tooLarge();
        await refuseNulInBody(c);
        await next();
      } else
        await limitBody(c, async () => {
          await refuseNulInBody(c);
          await next();
        });
    } catch (e) {
      // A refusal here is answered here, so the log line below carries its status.
      c.res = answerError(e as Error, c);
    }
    if (logging) {
      deps.log.info('request', {
        request_id: c.var.requestId,
        method: c.req.method,
        path: redactPath(c.req.path),
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      });
    }
  };
}
