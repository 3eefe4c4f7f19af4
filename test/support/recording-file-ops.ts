import fs from 'node:fs/promises';
import path from 'node:path';
import type { FileOps } from '../../server/store/durable-file.js';

/** One file operation, named by what it did and to which file: `write .db.json.tmp`, `sync <dir>`, `rename .db.json.tmp db.json`. */
export type Step = string;

/**
 * Real node:fs/promises operations (the files are really written), each recorded once it has
 * completed. A test can stop any operation before it runs (`holdNext`) or make it fail (`failNext`),
 * and writes its own marks (`mark('acked')`) into the same log, so the log shows what happened first.
 */
export function recordingFileOps() {
  const log: Step[] = [];
  const holds: { match: (s: Step) => boolean; reached: () => void; released: Promise<void> }[] = [];
  const failures: { match: (s: Step) => boolean; error: Error }[] = [];

  const name = (p: string, isDir: boolean) => (isDir ? '<dir>' : path.basename(p));
  async function step<T>(label: Step, run: () => Promise<T>): Promise<T> {
    const hold = holds.findIndex((h) => h.match(label));
    if (hold >= 0) {
      const [h] = holds.splice(hold, 1);
      h.reached();
      await h.released;
    }
    const failure = failures.findIndex((f) => f.match(label));
    if (failure >= 0) throw failures.splice(failure, 1)[0].error;
    const out = await run();
    log.push(label);
    return out;
  }

  const ops: FileOps = {
    async open(p, flags, mode) {
      const handle = await fs.open(p, flags, mode);
      const file = name(String(p), (await handle.stat()).isDirectory());
      // Every method of the handle goes through `step`, under its own name: write, writev, sync, close…
      return new Proxy(handle, {
        get(target, prop) {
          const value = Reflect.get(target, prop, target) as unknown;
          if (typeof value !== 'function') return value;
          return (...args: unknown[]) => step(`${String(prop).replace(/^writeFile$|^writev$/, 'write')} ${file}`, () => value.apply(target, args));
        },
      });
    },
    rename: (from, to) => step(`rename ${path.basename(String(from))} ${path.basename(String(to))}`, () => fs.rename(from, to)),
  };

  return {
    ops,
    log,
    /** Only writes, syncs, renames and the test's own marks, consecutive writes to one file as one. */
    steps(): Step[] {
      const out: Step[] = [];
      for (const s of log) if (/^(write|sync|rename|mark) /.test(s) && out.at(-1) !== s) out.push(s);
      return out;
    },
    mark(what: string) {
      log.push(`mark ${what}`);
    },
    /**
     * Stops the next operation `match`es before it runs. Resolves `reached` when it gets there;
     * `release()` lets it go on, `never` leaves it stopped for good (a crash at that point).
     */
    holdNext(match: Step | RegExp) {
      let reached!: () => void;
      let release!: () => void;
      const atStep = new Promise<void>((r) => (reached = r));
      holds.push({ match: matcher(match), reached, released: new Promise<void>((r) => (release = r)) });
      return { reached: atStep, release };
    },
    failNext(match: Step | RegExp, code = 'EIO') {
      failures.push({ match: matcher(match), error: Object.assign(new Error(`${code}: i/o error (injected)`), { code }) });
    },
    count: (match: Step | RegExp) => log.filter(matcher(match)).length,
  };
}

const matcher = (m: Step | RegExp) => (s: Step) => (typeof m === 'string' ? s === m : m.test(s));
