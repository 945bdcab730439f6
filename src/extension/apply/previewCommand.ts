// Preview Batch Update: the plan of the patch (core planPatch, the text `dwtasks plan` prints) in a
// read-only document: tasks that cannot be read first, the fields that change (crons in words), the
// fields already at the patched value apart. The current/patched diff stays available (`view: 'diff'`).
// The plan is kept: Apply of the same text sends that plan (tasks changed since are held back), and
// Save Plan writes it for `dwtasks apply PLAN`.
import * as vscode from 'vscode';
import { stripBom } from '../../core/patch/limits';
import { DEFAULT_RPS, buildPreview, planPatch, renderPreview, toPlanFile, type PlanFile, type TaskPreview } from '../../core/apply';
import { formatPatchFile, type TaskPatch } from '../../core/patch';
import type { ConnectionService } from '../connection';
import { checkApplyGate, patchDocument, showRefusal } from './gate';
import { ui } from '../util/ui';
export const PREVIEW_SCHEME = 'dataworks-preview';

export class PreviewDocuments implements vscode.TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  /** The last plan previewed per patch document. */
  private readonly plans = new Map<string, PlanFile>();

  keepPlan(doc: vscode.Uri, plan: PlanFile): void {
    this.plans.set(doc.toString(), plan);
  }

  /** Keeps a saved plan for its patch document, if the document's text is the plan's patch (Apply Plan). */
  keepPlanIfCurrent(doc: vscode.TextDocument, plan: PlanFile): boolean {
    if (plan.patch !== stripBom(doc.getText())) return false;
    this.keepPlan(doc.uri, plan);
    return true;
  }

  /** The plan previewed for this document, if its text is still the text previewed. */
  previewedPlan(doc: vscode.Uri, text: string): PlanFile | undefined {
    const plan = this.plans.get(doc.toString());
    return plan && plan.patch === stripBom(text) ? plan : undefined;
  }
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
  /** The plan document (what opens by default). */
  plan: vscode.Uri;
  text: string;
  current: vscode.Uri;
  patched: vscode.Uri;
  changes: number;
  /** The plan as Apply will send it (and Save Plan writes it). */
  saved: PlanFile;
}

export interface PreviewArgs {
  uri?: vscode.Uri;
  /** 'diff': open the current vs patched diff instead of the plan. */
  view?: 'plan' | 'diff';
}

export async function previewBatchUpdate(connection: ConnectionService, docs: PreviewDocuments, uriOrArgs: unknown): Promise<PreviewOutcome | undefined> {
  const args: PreviewArgs = uriOrArgs instanceof vscode.Uri ? { uri: uriOrArgs } : ((uriOrArgs as PreviewArgs | undefined) ?? {});
  const doc = await patchDocument(args.uri);
  if (!doc) return undefined;
  // Preview only reads: trust is not required; errors are (a broken patch has no meaningful plan).
  const gate = checkApplyGate(doc, true);
  if (!gate.ok) {
    void showRefusal(gate);
    return undefined;
  }
  const name = vscode.workspace.asRelativePath(doc.uri);
  let text: string;
  let tasks: TaskPreview[];
  let changed: number;
  let saved: PlanFile;
  try {
    const conn = await connection.getConnection();
    const rps = Math.max(0.01, vscode.workspace.getConfiguration('dataworks.apply').get<number>('requestsPerSecond', DEFAULT_RPS));
    const read = await ui().withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reading current values for {0}…', name), cancellable: true },
      async (_p, token) => {
        const controller = new AbortController();
        const sub = token.onCancellationRequested(() => controller.abort(new Error('cancelled by the user')));
        try {
          return await planPatch(gate.input, conn.client, { rps, signal: controller.signal });
        } finally {
          sub.dispose();
        }
      },
    );
    if (read.kind === 'refused') {
      void ui().showErrorMessage(read.verdict.message);
      return undefined;
    }
    if (read.kind === 'not-sent') {
      const message = read.message.startsWith('Listing')
        ? vscode.l10n.t('Cannot preview {0}: listing the account\'s projects failed ({1}); nothing was read task by task. Fix the connection and try again.', name, read.error.message)
        : vscode.l10n.t('Cannot preview {0}: {1}', name, read.message);
      void ui().showErrorMessage(message);
      return undefined;
    }
    const preview = buildPreview(read.plan, { entries: read.plan.before, calls: read.plan.readCalls });
    saved = toPlanFile(read.plan, {
      file: doc.uri.fsPath, patchText: read.verdict.text, weekdays: gate.input.weekdays ?? 'dataworks',
      target: { endpoint: conn.client.endpoint, region: conn.target.region },
    });
    docs.keepPlan(doc.uri, saved);
    text = renderPreview(preview, { file: name, locale: gate.input.locale, weekdays: gate.input.weekdays });
    tasks = preview.tasks;
    changed = preview.fieldsChanging;
  } catch (e) {
    void ui().showErrorMessage(vscode.l10n.t('Cannot preview {0}: {1}', name, (e as Error).message));
    return undefined;
  }
  const base = encodeURIComponent(doc.uri.toString());
  // Plain `.json`/`.txt` names: the patch schema and our patch features must not run on a preview.
  const stem = baseName(doc.uri).replace(/\.dwtasks\.json$/, '');
  const planUri = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${stem}.plan.txt`, query: base });
  const left = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${stem}.current.json`, query: base });
  const right = vscode.Uri.from({ scheme: PREVIEW_SCHEME, path: `/${stem}.patched.json`, query: base });
  docs.put(planUri, text);
  docs.put(left, formatPatchFile({ Tasks: tasks.map((t) => side(t, 'current')) }));
  docs.put(right, formatPatchFile({ Tasks: tasks.map((t) => side(t, 'patched')) }));
  if (args.view === 'diff') {
    await vscode.commands.executeCommand('vscode.diff', left, right, changed === 1 ? vscode.l10n.t('{0}: current ↔ patched (1 change)', baseName(doc.uri)) : vscode.l10n.t('{0}: current ↔ patched ({1} changes)', baseName(doc.uri), changed), { preview: true });
  } else {
    // Its own language so it wraps (configurationDefaults): plan lines name two resource groups or crons in words.
    const plan = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(planUri), PLAN_LANGUAGE);
    await vscode.window.showTextDocument(plan, { preview: true });
  }
  return { plan: planUri, text, current: left, patched: right, changes: changed, saved };
}

export const PLAN_LANGUAGE = 'dwtasks-plan';

/** One task's side of the diff: Id, EnvType and exactly the paths the patch sets. */
function side(t: TaskPreview, which: 'current' | 'patched'): TaskPatch {
  const out: Record<string, unknown> = { Id: t.id, EnvType: t.envType };
  if (which === 'current' && t.error !== undefined) out.ReadError = t.error; // e.g. not found: says why the left side is empty
  for (const c of t.fields) {
    const value = which === 'current' ? (t.error === undefined ? c.current : undefined) : c.patched;
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
