import fs from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { replaceFile, type FileOps } from '../durable-file.js';

/** What the store's lowdb adapter carries: the parsed document when read, its encoded bytes when written. */
export type StoreDocument<T> = T | Uint8Array[];

/** Only the server's own user may read or write the data file. */
export const FILE_MODE = 0o600;

// writev takes at most IOV_MAX buffers per call.
const IOV_MAX = 1024;

/**
 * lowdb adapter for the data file. Reads and parses the JSON document; writes it from chunks the
 * store has already encoded, so a commit need not turn the whole store into one string first.
 * Atomic and durable (replaceFile): a temp file beside the data file (`.db.json.tmp`), fsynced,
 * renamed over it, then the directory fsynced; both files are 0600, so the file keeps that mode
 * after every commit. The store calls write() once per group commit, so one pair of fsyncs serves
 * every transaction in the batch.
 */
export class ChunkedJsonFile<T> implements Adapter<StoreDocument<T>> {
  private readonly temp: string;

  constructor(
    private readonly file: string,
    private readonly parse: (text: string) => T,
    private readonly ops?: FileOps,
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
    // 0600: the data file holds webhook signing secrets (replaceFile narrows a leftover temp file too).
    await replaceFile(
      this.file,
      this.temp,
      async (handle) => {
        for (let i = 0; i < doc.length; i += IOV_MAX) await writeAll(handle, doc.slice(i, i + IOV_MAX));
      },
      { mode: FILE_MODE, ops: this.ops },
    );
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
