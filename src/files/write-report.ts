// Files the tools write for the user (a schedule report, a pulled patch, a revert patch): written
// whole to a temporary file in the same folder, then put in place in one step, so a reader never sees
// half a file and an interrupted run leaves the old one. An existing path (a file, or a symlink,
// dangling or not) is replaced only when the caller says so (--force); the link itself is then
// replaced, never the file it points to. The no-replace case is atomic too (link(2) fails on an
// existing name), so nothing created between a check and the write is overwritten.
import { closeSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

export class WriteRefusedError extends Error {
  constructor(readonly path: string, readonly reason: 'exists' | 'symlink' | 'not-a-file' | 'failed', detail?: string) {
    super(reason === 'exists' ? `${path} exists; give another path, or --force to replace it`
      : reason === 'symlink' ? `${path} is a symbolic link; give another path, or --force to replace the link (the file it points to is left alone)`
        : reason === 'not-a-file' ? `${path} is not a regular file (${detail ?? 'a directory or device'}); give another path`
          : `cannot write ${path}: ${detail ?? 'unknown error'}`);
  }
}

export interface WriteOptions {
  /** Replace an existing file or symlink at the path. */
  force?: boolean;
  /** File mode of a new file (before the umask). */
  mode?: number;
}

/** Writes `text` to `path` as described above; throws WriteRefusedError when it must not or cannot. */
export function writeFileAtomic(path: string, text: string, o: WriteOptions = {}): void {
  checkWritable(path, o);
  // A fresh name, created exclusively: nothing planted at it (a symlink) can redirect the write.
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx', o.mode ?? 0o666);
  } catch (e) {
    throw new WriteRefusedError(path, 'failed', (e as NodeJS.ErrnoException).code ?? String(e));
  }
  try {
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    if (o.force) renameSync(tmp, path);
    else linkOrRename(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw new WriteRefusedError(path, 'exists');
    if (code === 'EISDIR') throw new WriteRefusedError(path, 'not-a-file', 'a directory');
    throw new WriteRefusedError(path, 'failed', code ?? String(e));
  } finally {
    try { unlinkSync(tmp); } catch { /* renamed into place */ }
  }
}

/** Throws what writeFileAtomic would refuse with, so a command can refuse before its work (a long pull). */
export function checkWritable(path: string, o: Pick<WriteOptions, 'force'> = {}): void {
  const existing = lstatOrUndefined(path);
  if (!existing) return;
  if (existing.isDirectory() || (!existing.isFile() && !existing.isSymbolicLink())) {
    throw new WriteRefusedError(path, 'not-a-file', existing.isDirectory() ? 'a directory' : 'a device, FIFO or socket');
  }
  if (!o.force) throw new WriteRefusedError(path, existing.isSymbolicLink() ? 'symlink' : 'exists');
}

/** link(2) fails with EEXIST if something appeared since the check; a file system without hard links gets the checked rename. */
function linkOrRename(tmp: string, path: string): void {
  try {
    linkSync(tmp, path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
    if (lstatOrUndefined(path)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    renameSync(tmp, path);
  }
}

function lstatOrUndefined(path: string) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}
