// A journal sink on a local file: each record is appended and fsync'd before the call that follows it
// is made. Synchronous on purpose: a record is on disk before `append` returns, whatever happens next.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JournalRecord, JournalSink } from './journal';

export class FileJournal implements JournalSink {
  private fd: number | undefined;

  /** Creates the file, readable by its owner only; an existing file is refused (a journal is never appended to another run's). */
  constructor(readonly path: string) {
    mkdirSync(dirname(this.path), { recursive: true });
    try {
      this.fd = openSync(this.path, 'wx', 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${this.path} already exists; a journal is always a new file`);
      throw e;
    }
  }

  append(record: JournalRecord): void {
    if (this.fd === undefined) throw new Error(`${this.path} is closed`);
    writeSync(this.fd, `${JSON.stringify(record)}\n`);
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}

/** `.dwtasks/journal/<timestamp>-<file>.jsonl` next to the patch (git-ignored by the repo's .gitignore). */
export function defaultJournalPath(patchFile: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('.', '');
  const name = basename(patchFile).replace(/\.dwtasks\.json$|\.json$/, '');
  return join(dirname(patchFile), '.dwtasks', 'journal', `${stamp}-${name}.jsonl`);
}

/** The revert patch sits next to its journal: `<journal>.revert.dwtasks.json`. */
export function revertPathFor(journalPath: string): string {
  return journalPath.replace(/\.jsonl$/, '') + '.revert.dwtasks.json';
}
