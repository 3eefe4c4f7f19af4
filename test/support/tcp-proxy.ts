import net from 'node:net';

export interface TcpProxy {
  port: number;
  /** Drops every connection through it at once, as a database restart or a network fault would. */
  cut(): void;
  /** From now on every new connection is dropped as soon as it arrives (the database is gone)… */
  down(): void;
  /** …until this: connections go through again. */
  up(): void;
  /**
   * The next COMMIT on a connection that has sent `marker` (say, a record's id) reaches the
   * database, which commits it, but that connection is dropped before the answer gets back: the
   * sender cannot know the outcome. Resolves once the database has answered the COMMIT.
   */
  loseCommitOf(marker: string): Promise<void>;
  /** Connections it let through so far. */
  passed(): number;
  close(): Promise<void>;
}

/** A TCP hop on 127.0.0.1 in front of `target`, that a test can cut: for faults below any protocol. */
export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const live = new Set<net.Socket>();
  let isDown = false;
  let passed = 0;
  let trap: { marker: Buffer; sprung: () => void } | null = null;
  // A simple-protocol query message ends with its text and a NUL: this is `COMMIT` on its own.
  const COMMIT = Buffer.from('COMMIT\0');
  const server = net.createServer((client) => {
    if (isDown) return void client.destroy();
    passed++;
    const upstream = net.connect(target.port, target.host);
    for (const s of [client, upstream]) {
      live.add(s);
      s.on('close', () => live.delete(s));
      s.on('error', () => undefined);
    }
    let swallowing = false;
    let marked = false;
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      if (trap && !marked) marked = chunk.includes(trap.marker);
      if (trap && marked && chunk.includes(COMMIT)) {
        const answered = trap.sprung;
        trap = null;
        swallowing = true;
        client.destroy();
        // The database still gets the whole message and answers it; then this connection goes too.
        upstream.once('data', () => {
          upstream.destroy();
          answered();
        });
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (!swallowing) client.write(chunk);
    });
    client.on('close', () => {
      if (!swallowing) upstream.destroy();
    });
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const cut = () => {
    for (const s of live) s.destroy();
  };
  return {
    port: (server.address() as net.AddressInfo).port,
    cut,
    down: () => {
      isDown = true;
      cut();
    },
    up: () => {
      isDown = false;
    },
    loseCommitOf: (marker) => new Promise<void>((sprung) => (trap = { marker: Buffer.from(marker), sprung })),
    passed: () => passed,
    close: () =>
      new Promise<void>((resolve) => {
        cut();
        server.close(() => resolve());
      }),
  };
}
