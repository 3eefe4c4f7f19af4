import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * The file operations a durable replace uses: node:fs/promises itself unless a caller passes
 * another (a test passes a wrapper that records and delays them). Every write, sync and close goes
 * through the handle `open` returns, the directory included.
 */
export type FileOps = Pick<typeof fs, 'open' | 'rename'>;

/**
 * The new file was renamed into place but its directory could not be synced: readers see the new
 * content, yet a power cut may bring the old one back. Whoever reports the write as failed should
 * put the old content back first, so that what is on the disk matches what it says.
 */
export class UnsyncedRenameError extends Error {}

/**
 * Replaces `file` with what `write` puts into `temp` (beside it, on the same filesystem), so that
 * whatever happens, power cut included, the file is the old one or the new one, whole:
 *  1. write the temp file (created `mode`; a temp file left by a crash is narrowed to `mode` too);
 *  2. fsync it — otherwise the rename can reach the disk before the data, and a power cut leaves
 *     an empty or short file under the real name (ext4 and XFS do not order the two for us);
 *  3. rename it over the file (atomic: a reader never sees half of either);
 *  4. fsync the directory — the rename is a change to the directory, and until that reaches the
 *     disk a power cut can undo it, losing a write already reported as done.
 * Resolves only after step 4, so a caller that acknowledges afterwards acknowledges what the disk holds.
 */
export async function replaceFile(
  file: string,
  temp: string,
  write: (handle: fs.FileHandle) => Promise<void>,
  opts: { mode: number; ops?: FileOps },
): Promise<void> {
  const ops = opts.ops ?? fs;
  const handle = await ops.open(temp, 'w', opts.mode);
  try {
    await handle.chmod(opts.mode);
    await write(handle);
    // sync, not datasync: the mode just set is part of what must survive (the file holds secrets).
    await handle.sync();
  } finally {
    await handle.close();
  }
  await ops.rename(temp, file);
  try {
    await syncDirectory(path.dirname(file), ops);
  } catch (e) {
    throw new UnsyncedRenameError(`${file} was replaced but its directory could not be synced: ${(e as Error).message}`, { cause: e });
  }
}

async function syncDirectory(dir: string, ops: FileOps) {
  // Windows cannot open a directory as a file; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await ops.open(dir, 'r');
  try {
    await handle.sync();
  } catch (e) {
    // A filesystem without directory sync (some network and FUSE mounts) says so: the rename is
    // then as durable as that filesystem makes it, and refusing every write would help nobody.
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
  } finally {
    await handle.close();
  }
}
