// What must hold before anything is sent: a trusted workspace and a patch without errors. Pure checks
// (the trust flag is a parameter) so tests can exercise the refusal without an untrusted host.
import * as vscode from 'vscode';
import type { ParsedPatch } from '../../core/patch';
import type { Finding } from '../../core/types';
import { validateDocument } from '../language/validation';
import { parsedPatch } from '../language/parsedDocuments';

export type GateResult =
  | { ok: true; parsed: ParsedPatch }
  | { ok: false; reason: 'untrusted' | 'errors' | 'empty'; message: string; errors: Finding[] };

export function checkApplyGate(doc: vscode.TextDocument, trusted: boolean): GateResult {
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (!trusted) {
    return { ok: false, reason: 'untrusted', errors: [], message: vscode.l10n.t('Apply needs a trusted workspace: {0} was not sent. Trust this workspace to apply patches.', name) };
  }
  const parsed = parsedPatch(doc);
  const errors = validateDocument(doc).filter((f) => f.severity === 'error');
  if (errors.length) {
    const first = errors[0]!;
    const where = [first.taskId ? vscode.l10n.t('task {0}', first.taskId) : '', first.field ?? ''].filter(Boolean).join(' ');
    return {
      ok: false, reason: 'errors', errors,
      message: vscode.l10n.t('{0} has {1} error(s); nothing was sent. First: line {2}{3}: {4}', name, errors.length, first.range.start.line + 1, where ? ` (${where})` : '', first.message),
    };
  }
  if (!parsed.tasks.length) return { ok: false, reason: 'empty', errors: [], message: vscode.l10n.t('{0} has no Tasks; nothing to send.', name) };
  return { ok: true, parsed };
}

/** Shows a refusal; errors offer the Problems panel. */
export async function showRefusal(gate: Extract<GateResult, { ok: false }>): Promise<void> {
  if (gate.reason === 'errors') {
    const show = vscode.l10n.t('Show Problems');
    if ((await vscode.window.showErrorMessage(gate.message, show)) === show) await vscode.commands.executeCommand('workbench.actions.view.problems');
  } else if (gate.reason === 'untrusted') {
    void vscode.window.showErrorMessage(gate.message);
  } else {
    void vscode.window.showWarningMessage(gate.message);
  }
}

/** The patch document a command works on: the given uri, else the active editor's patch. */
export async function patchDocument(uri: unknown): Promise<vscode.TextDocument | undefined> {
  if (uri instanceof vscode.Uri) return vscode.workspace.openTextDocument(uri);
  const doc = vscode.window.activeTextEditor?.document;
  // Files and unsaved editors only: never a preview or other virtual document that looks like a patch.
  if (doc && (doc.uri.scheme === 'file' || doc.uri.scheme === 'untitled') && /\.dwtasks\.json$/.test(doc.uri.path)) return doc;
  void vscode.window.showWarningMessage(vscode.l10n.t('Open a .dwtasks.json patch first.'));
  return undefined;
}
