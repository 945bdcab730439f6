// What the editor pulled into patches (task, environment, field -> value, time), in the extension's
// workspace storage, never in the patch: the Apply check compares it with the current values.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as vscode from 'vscode';
import { mergePulled, parsePulled, serializePulled, type PulledTask } from '../../core/pull/pulled';

function storePath(context: vscode.ExtensionContext): string {
  return path.join((context.storageUri ?? context.globalStorageUri).fsPath, 'pulled-values.json');
}

export function readPulledStore(context: vscode.ExtensionContext): PulledTask[] {
  try {
    return parsePulled(fs.readFileSync(storePath(context), 'utf8'));
  } catch {
    return [];
  }
}

/** Replaces the whole store (after an apply moved its baseline). */
export function writePulledStore(context: vscode.ExtensionContext, tasks: readonly PulledTask[]): void {
  const file = storePath(context);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, serializePulled(tasks));
  fs.renameSync(tmp, file);
}

/** Adds a pull's records (a later pull of the same task replaces the earlier one); atomic replace. */
export function recordPulled(context: vscode.ExtensionContext, tasks: readonly PulledTask[]): void {
  if (!tasks.length) return;
  writePulledStore(context, mergePulled(readPulledStore(context), tasks));
}
