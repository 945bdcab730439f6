// A journal sink on a local file: each record is appended and fsync'd before the call that follows it
// is made. Synchronous on purpose: a record is on disk before `append` returns, whatever happens next.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { summarizeJournal, type JournalRecord, type JournalSink } from '../core/apply/journal';

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

/** The newest run of a patch in its default journal folder, when it did not finish: its journal and revert patch. */
export function interruptedLastRun(patchFile: string): { journal: string; revert: string | null } | undefined {
  const dir = dirname(defaultJournalPath(patchFile));
  const suffix = basename(defaultJournalPath(patchFile)).replace(/^[^-]*-/, '-');
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(suffix)).sort();
  } catch {
    return undefined;
  }
  const last = names.at(-1);
  if (!last) return undefined;
  const journal = join(dir, last);
  const summary = summarizeJournal(readFileSync(journal, 'utf8'));
  if (summary.finished || !summary.plan) return undefined;
  return { journal, revert: summary.plan.revert ?? null };
}
