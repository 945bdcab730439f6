// A journal sink on a local file: each record is appended and fsync'd before the call that follows it
// is made. Synchronous on purpose: a record is on disk before `append` returns, whatever happens next.
import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { JournalRecord, JournalSink } from './journal';

export class FileJournal implements JournalSink {
  private fd: number | undefined;

  constructor(readonly path: string) {}

  append(record: JournalRecord): void {
    if (this.fd === undefined) {
      mkdirSync(dirname(this.path), { recursive: true });
      this.fd = openSync(this.path, 'a', 0o600);
    }
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
