// Preview Batch Update: current values vs patched values for every task, read with the same
// before-state reader apply uses, in a diff editor of two read-only virtual documents.
import * as vscode from 'vscode';
import {
  DEFAULT_RPS, TokenBucket, discoverProjectIds, fieldChanges, planApply, readBeforeState, taskKey, type FieldChange,
} from '../../core/apply';
import { formatPatchFile, toRequest, type TaskPatch } from '../../core/patch';
import type { ConnectionService } from '../connection';
import { checkApplyGate, patchDocument, showRefusal } from './gate';

export const PREVIEW_SCHEME = 'dataworks-preview';

export class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  put(uri: vscode.Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
}

export interface PreviewOutcome {
  current: vscode.Uri;
  patched: vscode.Uri;
  changes: number;
}

export async function previewBatchUpdate(connection: ConnectionService, docs: PreviewDocuments, uri: unknown): Promise<PreviewOutcome | undefined> {
  const doc = await patchDocument(uri);
  if (!doc) return undefined;
  // Preview only reads: trust is not required, errors are (a broken patch has no meaningful diff).
  const gate = checkApplyGate(doc, true);
  if (!gate.ok) {
    void showRefusal(gate);
    return undefined;
  }
  const plan = planApply(toRequest(gate.parsed));
  const name = vscode.workspace.asRelativePath(doc.uri);
  let current: TaskPatch[];
  let patched: TaskPatch[];
  let changed = 0;
  try {
    const conn = await connection.getConnection();
    const rps = Math.max(0.01, vscode.workspace.getConfiguration('dataworks.apply').get<number>('requestsPerSecond', DEFAULT_RPS));
    const state = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading current values for {0}…', name), cancellable: true },
      async (_p, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort(new Error('cancelled by the user')));
        try {
          const limiter = new TokenBucket(rps);
          const projectIds = await discoverProjectIds(conn.client, limiter, controller.signal).catch(() => [] as string[]);
          return await readBeforeState(plan.tasks, { service: conn.client, limiter, projectIds, signal: controller.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    current = [];
    patched = [];
    for (const t of plan.tasks) {
      const entry = state.entries.get(taskKey(t.task.Id, t.env));
      const changes = fieldChanges(t.task, entry?.values as never);
      changed += changes.filter((c) => c.changed).length;
      current.push(side(t.task, changes, 'current', entry?.error));
      patched.push(side(t.task, changes, 'patched'));
    }
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot preview {0}: {1}', name, (e as Error).message));
    return undefined;
  }
  const base = encodeURIComponent(doc.uri.toString());
  // Plain `.json` names: the patch schema and our patch features must not run on a preview.
  const stem = baseName(doc.uri).replace(/\.dwtasks\.json$/, '');
  const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${stem}.current.json`, query: base });
  const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${stem}.patched.json`, query: base });
  docs.put(left, formatPatchFile({ Tasks: current }));
  docs.put(right, formatPatchFile({ Tasks: patched }));
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0}: current ↔ patched ({1} change(s))', baseName(doc.uri), changed), { preview: true });
  return { current: left, patched: right, changes: changed };
}

/** One task's side of the diff: Id, EnvType and exactly the paths the patch sets. */
function side(task: TaskPatch, changes: FieldChange[], which: 'current' | 'patched', error?: string): TaskPatch {
  const out: Record<string, unknown> = { Id: task.Id };
  if (task.EnvType) out.EnvType = task.EnvType;
  if (which === 'current' && error) out.ReadError = error; // e.g. not found: says why the left side is empty
  for (const c of changes) {
    const value = which === 'current' ? c.current : c.patched;
    if (value === undefined) continue;
    const [top, sub] = c.path.split('.', 2) as [string, string | undefined];
    if (sub === undefined) out[top] = value;
    else out[top] = { ...((out[top] as Record<string, unknown> | undefined) ?? {}), [sub]: value };
  }
  return out as unknown as TaskPatch;
}

function baseName(uri: vscode.Uri): string {
  return uri.path.slice(uri.path.lastIndexOf('/') + 1);
}
