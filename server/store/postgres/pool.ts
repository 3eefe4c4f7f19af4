import type pg from 'pg';

export interface Checkout {
  client: pg.PoolClient;
  /** Back to the pool; a client that failed or lost its connection is destroyed instead. */
  release(failed?: boolean): void;
}

/**
 * A client of its own from the pool. pg emits 'error' on a checked-out client whose connection
 * dies between queries, and an 'error' nobody listens to ends the process: this one is heard, and
 * the client is then never handed to anyone again.
 */
export async function checkout(pool: pg.Pool): Promise<Checkout> {
  const client = await pool.connect();
  let lost = false;
  const onError = () => {
    lost = true;
  };
  client.on('error', onError);
  return {
    client,
    release(failed) {
      // A destroyed client may still emit: it keeps its listener. A healthy one goes back to the pool's.
      if (!failed && !lost) client.removeListener('error', onError);
      client.release(failed || lost || undefined);
    },
  };
}
