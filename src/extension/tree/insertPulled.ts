// Puts pulled entries into the active .dwtasks.json (or a new untitled one), each under its task's
// name, and records what was pulled for the Apply check. Shared by Add to Patch and Add All Matching.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TaskPatch } from '../../core/patch/model';
import type { PulledEntry } from '../../core/pull/entry';
import { pulledTasks } from '../../core/pull/pulled';
import { entryComment } from '../../core/pull/text';
import { insertTaskEntries } from './patchInsert';
import { recordPulled } from './pulledStore';
import { ui } from '../util/ui';

export interface AddToPatchResult {
  uri: vscode.Uri;
  added: TaskPatch[];
  skipped: TaskPatch[];
}

export function isPatchDocument(doc: vscode.TextDocument): boolean {
  return /\.dwtasks\.json$/i.test(doc.uri.path);
}

export async function insertPulled(
  context: vscode.ExtensionContext, pulled: readonly PulledEntry[], pulledAt: Date, endpoint: string,
): Promise<AddToPatchResult | undefined> {
  const active = vscode.window.activeTextEditor;
  const editor = active && isPatchDocument(active.document) ? active : await newPatchEditor();
  const doc = editor.document;
  const fmt = {
    insertSpaces: editor.options.insertSpaces !== false,
    tabSize: typeof editor.options.tabSize === 'number' ? editor.options.tabSize : 2,
    eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
  const comments = new Map<TaskPatch, string>(pulled.map((p) => [p.entry, entryComment(p)]));
  let result;
  try {
    result = insertTaskEntries(doc.getText(), pulled.map((p) => p.entry), fmt, (e) => comments.get(e));
  } catch (e) {
    void ui().showErrorMessage(vscode.l10n.t('Cannot add tasks to {0}: {1}', path.basename(doc.uri.path), (e as Error).message));
    return undefined;
  }
  if (result.added.length) {
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(whole, result.text));
    // Only what was written: entries already in the file keep the values recorded when they were pulled.
    const added = new Set(result.added);
    recordPulled(context, pulledTasks(pulled.filter((p) => added.has(p.entry)), pulledAt, endpoint));
  }
  await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: false });
  const skippedNote = result.skipped.length ? ' ' + vscode.l10n.t('{0} already in the file: {1}', result.skipped.length, result.skipped.slice(0, 20).map((e) => e.Id).join(', ')) : '';
  const file = path.basename(doc.uri.path);
  const added = result.added.length === 1 ? vscode.l10n.t('Added 1 task to {0}.', file) : vscode.l10n.t('Added {0} tasks to {1}.', result.added.length, file);
  void vscode.window.setStatusBarMessage(added + skippedNote, 8000);
  return { uri: doc.uri, added: result.added, skipped: result.skipped };
}

async function newPatchEditor(): Promise<vscode.TextEditor> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dir = folder?.scheme === 'file' ? folder.fsPath : os.homedir();
  const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.path));
  let uri: vscode.Uri;
  for (let n = 1; ; n++) {
    const candidate = vscode.Uri.file(path.join(dir, n === 1 ? 'tasks.dwtasks.json' : `tasks-${n}.dwtasks.json`));
    if (open.has(candidate.path) || (await exists(candidate))) continue;
    uri = candidate.with({ scheme: 'untitled' });
    break;
  }
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc, { preview: false });
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
