/**
 * A real HTTP hop between a companion server and its upstream, in its own process, that can be
 * told to misbehave: slow answers, 5xx, 429, a body that is not JSON, a dropped connection. It
 * also keeps a log of what reached the upstream, so a test can prove no write was made.
 *
 * Env: UPSTREAM (base URL), PORT (default 0). Prints `fault proxy on 127.0.0.1:<port>`.
 * Control: POST /__fault {mode, delay_ms?, only?: "writes"|"reads"|"all", count?}; GET /__log; POST /__log/clear.
 */
import http from 'node:http';

type Mode = 'pass' | 'slow' | '500' | '429' | 'garbage' | 'drop';
let fault: { mode: Mode; delayMs: number; only: 'writes' | 'reads' | 'all'; count: number } = { mode: 'pass', delayMs: 0, only: 'all', count: Infinity };
const log: { method: string; path: string; status: number; faulted: boolean }[] = [];
const upstream = new URL(process.env.UPSTREAM!);

const read = (req: http.IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

function forward(req: http.IncomingMessage, body: Buffer): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = http.request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
      async (res) => resolve({ status: res.statusCode ?? 502, headers: res.headers, body: await read(res) }),
    );
    out.on('error', reject);
    out.end(body);
  });
}

const applies = (method: string) => fault.mode !== 'pass' && fault.count > 0 && (fault.only === 'all' || (fault.only === 'writes') === (method !== 'GET'));

const server = http.createServer(async (req, res) => {
  const path = req.url ?? '/';
  const body = await read(req);
  if (path === '/__fault' && req.method === 'POST') {
    const f = JSON.parse(body.toString() || '{}');
    fault = { mode: f.mode ?? 'pass', delayMs: f.delay_ms ?? 0, only: f.only ?? 'all', count: f.count ?? Infinity };
    return res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  }
  if (path === '/__log') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(log));
  if (path === '/__log/clear' && req.method === 'POST') {
    log.length = 0;
    return res.writeHead(200).end();
  }
  const method = req.method ?? 'GET';
  const faulted = applies(method);
  if (faulted) fault.count--;
  const mode = faulted ? fault.mode : 'pass';
  if (mode === 'drop') {
    log.push({ method, path, status: 0, faulted });
    return req.socket.destroy();
  }
  if (mode === '500' || mode === '429') {
    log.push({ method, path, status: Number(mode), faulted });
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(mode === '429' ? { 'retry-after': '7' } : {}) };
    return res.writeHead(Number(mode), headers).end(JSON.stringify({ trace_id: 'x', status: Number(mode), error: 'fault', message: ['injected'], timestamp: Date.now() }));
  }
  if (mode === 'garbage') {
    log.push({ method, path, status: 200, faulted });
    return res.writeHead(200, { 'content-type': 'application/json' }).end('<html>this is not json');
  }
  try {
    // A slow upstream still does the work at once: only its answer is late (the outcome is unknown to the caller).
    const answer = await forward(req, body);
    log.push({ method, path, status: answer.status, faulted });
    if (mode === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
    const headers = { ...answer.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    res.writeHead(answer.status, headers).end(answer.body);
  } catch {
    log.push({ method, path, status: 502, faulted });
    res.writeHead(502).end();
  }
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const { port } = server.address() as { port: number };
  process.stdout.write(`fault proxy on 127.0.0.1:${port}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
