import type { Context } from 'hono';
import type { AppEnv } from '../env.js';

const HEADER = 'x-request-id';
const CALLER_ID = /^[\w\-=]{1,255}$/;

/**
 * Every answer carries `x-request-id` (the `trace_id` of an error body, and the access log's
 * request_id): the caller's own when it sent a sane one, else a new UUID. `/healthz` gets an id
 * (its log line has one) but no header: probes call it every few seconds, nobody traces them,
 * and on an answer with no other header of its own that one header is a tenth of its cost.
 */
export function assignRequestId(c: Context<AppEnv>): void {
  const sent = c.req.header(HEADER);
  const id = sent !== undefined && CALLER_ID.test(sent) ? sent : crypto.randomUUID();
  c.set('requestId', id);
  if (c.req.path !== '/healthz') c.header(HEADER, id);
}
