// What must hold before anything is sent from the editor: a trusted workspace, the core gate
// (checkBeforeSend: exactly what `dwtasks validate` runs, schema included) on the document's text,
// and no error-severity diagnostic from any source (the JSON language server's schema errors, other
// extensions' linters). The trust flag is a parameter: reads (Show Schedule) need none.
import * as vscode from 'vscode';
import { checkBeforeSend, type OkVerdict, type PatchInput } from '../../core/apply';
import type { Finding } from '../../core/types';
import { cronWeekdayNumbering, currentLocale } from '../util/settings';
import { DIAGNOSTIC_SOURCE } from '../language/diagnostics';
import { APPLY_SOURCE } from './results';
import { ui } from '../util/ui';

export type GateResult =
  | { ok: true; input: PatchInput; verdict: OkVerdict }
  | { ok: false; reason: 'untrusted' | 'errors' | 'empty' | 'problems'; message: string; errors: Finding[] };

export function checkApplyGate(doc: vscode.TextDocument, trusted: boolean): GateResult {
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (!trusted) {
    return { ok: false, reason: 'untrusted', errors: [], message: vscode.l10n.t('Apply needs a trusted workspace: {0} was not sent. Trust this workspace to apply patches.', name) };
  }
  const input: PatchInput = { text: doc.getText(), file: name, locale: currentLocale(), weekdays: cronWeekdayNumbering(doc.uri) };
  const verdict = checkBeforeSend(input.text, input.file, input);
  if (!verdict.ok && verdict.reason === 'empty') {
    return { ok: false, reason: 'empty', errors: [], message: vscode.l10n.t('{0} has no Tasks; nothing to send.', name) };
  }
  if (!verdict.ok) {
    const errors = verdict.errors;
    const first = errors[0]!;
    const where = [first.taskId ? vscode.l10n.t('task {0}', first.taskId) : '', first.field ?? ''].filter(Boolean).join(' ');
    return {
      ok: false, reason: 'errors', errors,
      message: errors.length === 1
        ? vscode.l10n.t('{0} has 1 error; nothing was sent. First: line {1}{2}: {3}', name, first.range.start.line + 1, where ? ` (${where})` : '', first.message)
        : vscode.l10n.t('{0} has {1} errors; nothing was sent. First: line {2}{3}: {4}', name, errors.length, first.range.start.line + 1, where ? ` (${where})` : '', first.message),
    };
  }
  // Our own apply results are outcomes of an earlier send, not problems of the text: re-applying is safe.
  // Our own rule diagnostics are what checkBeforeSend just computed on this very text; the published
  // ones may still describe an older version (debounced), so they must not refuse a clean text.
  const ours = new Set([APPLY_SOURCE, DIAGNOSTIC_SOURCE]);
  const problems = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.severity === vscode.DiagnosticSeverity.Error && !ours.has(d.source ?? ''));
  if (problems.length) {
    const first = problems[0]!;
    return {
      ok: false, reason: 'problems', errors: [],
      message: problems.length === 1
        ? vscode.l10n.t('{0} has 1 problem reported by {1}; nothing was sent. First: line {2}: {3}', name, first.source ?? vscode.l10n.t('another extension'), first.range.start.line + 1, first.message)
        : vscode.l10n.t('{0} has {1} problems reported by {2}; nothing was sent. First: line {3}: {4}', name, problems.length, first.source ?? vscode.l10n.t('another extension'), first.range.start.line + 1, first.message),
    };
  }
  return { ok: true, input, verdict };
}

/** Shows a refusal; errors and problems offer the Problems panel. */
export async function showRefusal(gate: Extract<GateResult, { ok: false }>): Promise<void> {
  if (gate.reason === 'errors' || gate.reason === 'problems') {
    const show = vscode.l10n.t('Show Problems');
    if ((await ui().showErrorMessage(gate.message, show)) === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else if (gate.reason === 'untrusted') {
    void ui().showErrorMessage(gate.message);
  } else {
    void ui().showWarningMessage(gate.message);
  }
}

/** The patch document a command works on: the given uri, else the active editor's patch. */
export async function patchDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  // Files and unsaved editors only: never a preview or other virtual document that looks like a patch.
  if (doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && /\.dwtasks\.json$/.test(doc.uri.path)) return doc;
  void ui().showWarningMessage(vscode.l10n.t('Open a .dwtasks.json patch first.'));
  return undefined;
}
