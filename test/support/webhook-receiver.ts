import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedAttempt {
  path: string;
  /** The event id (`webhook-id`): the same on every attempt of one event. */
  eventId: string;
  status: number;
}

export interface WebhookReceiver {
  /** The receiver's URL for `path` (`/ok`, `/flaky`, …), on 127.0.0.1. */
  url(path: string): string;
  attempts: ReceivedAttempt[];
  /** Attempts per `path event-id`. */
  counts(): Map<string, number>;
  /** Requests being answered right now (an attempt still in flight). */
  inFlight(): number;
  close(): Promise<void>;
}

export interface ReceiverOptions {
  /** How long each answer takes, so a batch of attempts stays in flight long enough for other workers to poll meanwhile. */
  delayMs?: number;
  /** The status for an attempt, given how many attempts of this path and event came before it. */
  answer?: (path: string, earlier: number) => number;
}

/** A webhook endpoint of the test's own on 127.0.0.1 that records every attempt it is sent. */
export async function startReceiver(opts: ReceiverOptions = {}): Promise<WebhookReceiver> {
  const attempts: ReceivedAttempt[] = [];
  let open = 0;
  const key = (path: string, id: string) => `${path} ${id}`;
  const counts = () => {
    const m = new Map<string, number>();
    for (const a of attempts) m.set(key(a.path, a.eventId), (m.get(key(a.path, a.eventId)) ?? 0) + 1);
    return m;
  };
  const server = http.createServer((req, res) => {
    open++;
    req.resume();
    req.on('end', () => {
      const path = req.url ?? '/';
      const eventId = String(req.headers['webhook-id'] ?? '');
      const status = opts.answer?.(path, counts().get(key(path, eventId)) ?? 0) ?? 200;
      attempts.push({ path, eventId, status });
      setTimeout(() => {
        res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'not now');
        open--;
      }, opts.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    attempts,
    counts,
    inFlight: () => open,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
