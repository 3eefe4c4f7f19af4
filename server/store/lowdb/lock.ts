import fs from 'node:fs';

export class StoreLockedError extends Error {}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One server per data file: two writers would overwrite each other's commits.
 * A lock left by a killed process (its pid no longer alive) is taken over.
 */
export function acquireLock(dataFile: string): () => void {
  const lockFile = `${dataFile}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if (fs.readFileSync(lockFile, 'utf8') === String(process.pid)) fs.unlinkSync(lockFile);
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) {
        throw new StoreLockedError(
          `The data file ${dataFile} is in use by another creem-portal server (pid ${pid}). Stop it first, or set DATA_FILE to another file.`,
        );
      }
      fs.rmSync(lockFile, { force: true });
    }
  }
  throw new StoreLockedError(`Could not lock ${dataFile}: another server keeps taking the lock.`);
}
