// Add to Patch: the selected tasks become entries (Id, EnvType, current editable values) in the
// active .dwtasks.json, or in a new untitled one. GetTask is called only for Tags (ListTasks has none).
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TaskPatch } from '../../core/patch/model';
import type { Task } from '../../dataworks/types';
import { TaskNode } from './nodes/taskNode';
import { patchEntryFor } from './patchEntry';
import { insertTaskEntries } from './patchInsert';
import type { TaskDetails } from './taskDetails';

/** Above this many tasks without cached details, ask before spending one GetTask call per task. */
const ASK_ABOVE = 10;
const CONCURRENCY = 4;

export interface AddToPatchOptions {
  /** Skip the question: true fetches Tags for every task, false adds entries without Tags. */
  includeTags?: boolean;
}

export interface AddToPatchResult {
  uri: vscode.Uri;
  added: TaskPatch[];
  skipped: TaskPatch[];
}

export function isPatchDocument(doc: vscode.TextDocument): boolean {
  return /\.dwtasks\.json$/i.test(doc.uri.path);
}

export async function addToPatch(
  details: TaskDetails,
  clicked: unknown,
  selected: unknown,
  options: AddToPatchOptions = {},
): Promise<AddToPatchResult | undefined> {
  const nodes = (Array.isArray(selected) && selected.length ? selected : [clicked]).filter((n): n is TaskNode => n instanceof TaskNode);
  if (!nodes.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('Select one or more tasks in the DataWorks view first.'));
    return undefined;
  }
  const tasks = await withTags(details, nodes, options);
  if (!tasks) return undefined;
  const entries = tasks.map(({ task, node }) => patchEntryFor(task, node.env));

  const active = vscode.window.activeTextEditor;
  const editor = active && isPatchDocument(active.document) ? active : await newPatchEditor();
  const doc = editor.document;
  const fmt = {
    insertSpaces: editor.options.insertSpaces !== false,
    tabSize: typeof editor.options.tabSize === 'number' ? editor.options.tabSize : 2,
    eol: doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n',
  };
  let result;
  try {
    result = insertTaskEntries(doc.getText(), entries, fmt);
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot add tasks to {0}: {1}', path.basename(doc.uri.path), (e as Error).message));
    return undefined;
  }
  if (result.added.length) {
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    await editor.edit((b) => b.replace(whole, result.text));
  }
  await vscode.window.showTextDocument(doc, { preserveFocus: false, preview: false });
  const skippedNote = result.skipped.length ? ' ' + vscode.l10n.t('{0} already in the file: {1}', result.skipped.length, result.skipped.map((e) => e.Id).join(', ')) : '';
  void vscode.window.setStatusBarMessage(vscode.l10n.t('Added {0} tasks to {1}.', result.added.length, path.basename(doc.uri.path)) + skippedNote, 8000);
  return { uri: doc.uri, added: result.added, skipped: result.skipped };
}

async function withTags(
  details: TaskDetails,
  nodes: TaskNode[],
  options: AddToPatchOptions,
): Promise<{ node: TaskNode; task: Task }[] | undefined> {
  const missing = nodes.filter((n) => !details.cached(n.task.Id, n.env));
  let include = options.includeTags;
  if (include === undefined) {
    if (missing.length <= ASK_ABOVE) include = true;
    else {
      const withTagsLabel = vscode.l10n.t('Include Tags');
      const without = vscode.l10n.t('Without Tags');
      const answer = await vscode.window.showInformationMessage(
        vscode.l10n.t('Reading the current Tags of {0} tasks takes {0} GetTask calls (they count against the API quota).', missing.length),
        { modal: true },
        withTagsLabel,
        without,
      );
      if (!answer) return undefined;
      include = answer === withTagsLabel;
    }
  }
  const out = nodes.map((node) => ({ node, task: details.cached(node.task.Id, node.env) ?? node.task }));
  if (!include || !missing.length) return out;
  const failed: string[] = [];
  const ok = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading Tags of {0} tasks', missing.length), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < missing.length && !controller.signal.aborted) {
          const node = missing[next++]!;
          try {
            const full = await details.get(node.task.Id, node.env, controller.signal);
            const slot = out.find((o) => o.node === node);
            if (slot) slot.task = full;
          } catch (e) {
            if (!controller.signal.aborted) failed.push(`${node.task.Id} (${node.env}): ${(e as Error).message.split('\n')[0]}`);
          }
          progress.report({ increment: 100 / missing.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, missing.length) }, worker));
      sub.dispose();
      return !token.isCancellationRequested;
    },
  );
  if (!ok) return undefined;
  if (failed.length) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Added without Tags (GetTask failed) for: {0}', failed.join('; ')),
    );
  }
  return out;
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
