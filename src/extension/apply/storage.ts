// Where apply journals and revert patches live: the extension's workspace storage (global storage
// when no folder is open), never the user's repository.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { summarizeJournal, type JournalSummary } from '../../core/apply';
import { defaultJournalPath, revertPathFor } from '../../files/journal-file';

export function journalDir(context: vscode.ExtensionContext): string {
  return path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'journals');
}

/** A new journal path for an apply of `patchFile` (same naming as the CLI's, in our storage). */
export function newJournalPath(context: vscode.ExtensionContext, patchFile: string): string {
  return path.join(journalDir(context), path.basename(defaultJournalPath(patchFile)));
}

export interface JournalEntry {
  path: string;
  revertPath?: string;
  modified: Date;
  summary: JournalSummary;
}

/** Journals in storage, newest first. */
export function listJournals(context: vscode.ExtensionContext): JournalEntry[] {
  const dir = journalDir(context);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.jsonl'));
  } catch {
    return [];
  }
  return names.map((n) => {
    const p = path.join(dir, n);
    const revert = revertPathFor(p);
    return {
      path: p,
      revertPath: fs.existsSync(revert) ? revert : undefined,
      modified: fs.statSync(p).mtime,
      summary: summarizeJournal(fs.readFileSync(p, 'utf8')),
    };
  }).sort((a, b) => b.path.localeCompare(a.path));
}
