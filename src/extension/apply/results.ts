// Apply results shown on the tasks themselves. Each result remembers its task's text at apply time:
// on every edit the document is re-parsed and a result follows its task (matched by Id + environment)
// while the task's own text is unchanged, and is dropped once that text changes.
import * as vscode from 'vscode';
import { UNCHANGED, effectiveEnv, taskKey, type Drift, type TaskOutcome } from '../../core/apply';
import type { ParsedPatch } from '../../core/patch';
import { parsedPatch } from '../language/parsedDocuments';
import { toVsRange } from '../util/ranges';
import { driftField } from './driftModal';

export const APPLY_SOURCE = 'DataWorks Apply';

interface StoredResult {
  outcome: TaskOutcome;
  /** Why it was held back, when it was: the fields changed in DataWorks since they were recorded. */
  drifts: readonly Drift[];
  /** The task object's text when it was applied. */
  taskText: string;
}

export class ApplyResults implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('dataworks-apply');
  private readonly byDoc = new Map<string, Map<string, StoredResult>>();
  private readonly check = vscode.window.createTextEditorDecorationType({
    after: { contentText: ' ✓', color: new vscode.ThemeColor('testing.iconPassed') },
  });
  private readonly decorated = new Map<string, vscode.Range[]>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    this.disposables.push(
      this.collection,
      this.check,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && this.byDoc.has(e.document.uri.toString())) this.render(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintDecorations()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration('dataworks.apply.showSucceededAs')) return;
        for (const d of vscode.workspace.textDocuments) if (this.byDoc.has(d.uri.toString())) this.render(d);
      }),
    );
  }

  /** Records the results of an apply of `parsed` (the parse the apply sent) and shows them; `drifts` are its plan's. */
  set(doc: vscode.TextDocument, parsed: ParsedPatch, outcomes: readonly TaskOutcome[], drifts: readonly Drift[] = []): void {
    const byIndex = new Map(outcomes.map((o) => [o.index, o]));
    const stored = new Map<string, StoredResult>();
    for (const t of parsed.tasks) {
      const o = byIndex.get(t.index);
      if (!o || !t.id) continue;
      stored.set(taskKey(t.id, effectiveEnv({ EnvType: t.envType })), { outcome: o, drifts: drifts.filter((d) => d.index === t.index), taskText: parsed.text.slice(t.offset, t.offset + t.length) });
    }
    this.byDoc.set(doc.uri.toString(), stored);
    this.render(doc);
  }

  clear(uri: vscode.Uri): void {
    this.byDoc.delete(uri.toString());
    this.collection.delete(uri);
    this.decorated.delete(uri.toString());
    this.paintDecorations();
  }

  /** Diagnostics of the results, for tests and the summary. */
  diagnostics(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  /** Ranges with a success decoration (showSucceededAs = decoration). */
  decorations(uri: vscode.Uri): readonly vscode.Range[] {
    return this.decorated.get(uri.toString()) ?? [];
  }

  private render(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    const stored = this.byDoc.get(key);
    if (!stored) return;
    const parsed = parsedPatch(doc);
    const asDecoration = vscode.workspace.getConfiguration('dataworks', doc.uri).get<string>('apply.showSucceededAs') === 'decoration';
    const diags: vscode.Diagnostic[] = [];
    const checks: vscode.Range[] = [];
    const seen = new Set<string>();
    for (const t of parsed.tasks) {
      if (!t.id || !t.idRange) continue;
      const k = taskKey(t.id, effectiveEnv({ EnvType: t.envType }));
      const r = stored.get(k);
      if (!r || seen.has(k)) continue;
      seen.add(k);
      if (parsed.text.slice(t.offset, t.offset + t.length) !== r.taskText) {
        stored.delete(k); // the task's own text changed: its result is gone for good
        continue;
      }
      const range = toVsRange(t.idRange);
      if (r.outcome.status === 'succeeded' && asDecoration) checks.push(range);
      else diags.push(diagnosticFor(r.outcome, r.drifts, range));
    }
    // A task that went away (or whose Id/EnvType changed) takes its result with it.
    for (const k of [...stored.keys()]) if (!seen.has(k)) stored.delete(k);
    this.collection.set(doc.uri, diags);
    this.decorated.set(key, checks);
    this.paintDecorations();
  }

  private paintDecorations(): void {
    for (const editor of vscode.window.visibleTextEditors) {
      editor.setDecorations(this.check, this.decorated.get(editor.document.uri.toString()) ?? []);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function diagnosticFor(o: TaskOutcome, drifts: readonly Drift[], range: vscode.Range): vscode.Diagnostic {
  const rid = o.requestId ? ` (RequestId ${o.requestId})` : '';
  let d: vscode.Diagnostic;
  switch (o.status) {
    case 'failed':
      d = new vscode.Diagnostic(range, vscode.l10n.t('Task {0} ({1}) failed: {2}{3}', o.id, o.envType, o.message, rid), vscode.DiagnosticSeverity.Error);
      break;
    case 'unknown':
      d = new vscode.Diagnostic(range, vscode.l10n.t('Task {0} ({1}): no result; it may or may not have changed. Applying the file again is safe. {2}{3}', o.id, o.envType, o.message, rid), vscode.DiagnosticSeverity.Warning);
      break;
    case 'not-sent':
      // Unchanged is not a problem: said plainly (a saved plan's own "Not in the plan: " prefix too).
      if (o.message === UNCHANGED || o.message === `Not in the plan: ${UNCHANGED}`) {
        d = new vscode.Diagnostic(range, vscode.l10n.t('Task {0} ({1}) unchanged, not sent: it is already at the patched values.', o.id, o.envType), vscode.DiagnosticSeverity.Information);
        break;
      }
      // Held back (core's message is English, for the journal): said again from the drifts, in the user's language.
      if (drifts.length && o.message.startsWith('Held back')) {
        const fields = drifts.map(driftField).join(vscode.l10n.t('; '));
        d = new vscode.Diagnostic(range, drifts[0]!.source === 'pulled'
          ? vscode.l10n.t('Task {0} ({1}) held back, not sent: changed in DataWorks since it was pulled ({2}).', o.id, o.envType, fields)
          : vscode.l10n.t('Task {0} ({1}) held back, not sent: changed in DataWorks since the plan ({2}).', o.id, o.envType, fields), vscode.DiagnosticSeverity.Warning);
        break;
      }
      // An error the plan found (a resource group or data source the project lacks) is an error to fix.
      d = new vscode.Diagnostic(range, vscode.l10n.t('Task {0} ({1}) was not sent: {2}', o.id, o.envType, o.message), o.message.startsWith('Error in the plan') ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      break;
    default:
      d = new vscode.Diagnostic(range, vscode.l10n.t('Task {0} ({1}) applied{2}', o.id, o.envType, rid), vscode.DiagnosticSeverity.Information);
  }
  d.source = APPLY_SOURCE;
  d.code = o.status;
  return d;
}
