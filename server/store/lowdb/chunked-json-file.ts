import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';

/** What the store's lowdb adapter carries: the parsed document when read, its encoded bytes when written. */
export type StoreDocument<T> = T | Uint8Array[];

// writev takes at most IOV_MAX buffers per call.
const IOV_MAX = 1024;

/**
 * lowdb adapter for the data file. Reads and parses the JSON document; writes it from chunks the
 * store has already encoded, so a commit need not turn the whole store into one string first.
 * Atomic like lowdb's own writer: a temp file beside the data file (`.db.json.tmp`), then a rename.
 */
export class ChunkedJsonFile<T> implements Adapter<StoreDocument<T>> {
  private readonly temp: string;

  constructor(
    private readonly file: string,
    private readonly parse: (text: string) => T,
  ) {
    this.temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw e;
    }
    return this.parse(text);
  }

  async write(doc: StoreDocument<T>): Promise<void> {
    if (!Array.isArray(doc)) throw new TypeError('The data file is written from encoded chunks only.');
    const handle = await fs.open(this.temp, 'w');
    try {
      for (let i = 0; i < doc.length; i += IOV_MAX) await writeAll(handle, doc.slice(i, i + IOV_MAX));
    } finally {
      await handle.close();
    }
    await fs.rename(this.temp, this.file);
  }
}

async function writeAll(handle: fs.FileHandle, chunks: Uint8Array[]) {
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const { bytesWritten } = await handle.writev(chunks);
  if (bytesWritten === total) return;
  // A short write (rare on regular files): finish the rest in order.
  let rest = Buffer.concat(chunks).subarray(bytesWritten);
  while (rest.length > 0) {
    const { bytesWritten: n } = await handle.write(rest);
    rest = rest.subarray(n);
  }
}
