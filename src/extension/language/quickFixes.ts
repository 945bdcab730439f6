// Quick fixes from the fixes the core attaches to findings (canonical cron form, `*` -> `?`, ...),
// matched to the diagnostic VS Code hands back by code and range.
import * as vscode from 'vscode';
import type { Finding } from '../../core/types';
import { sameRange, toVsRange } from '../util/ranges';
import { DIAGNOSTIC_SOURCE, type PatchDiagnostics } from './diagnostics';

export class PatchQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly diagnostics: PatchDiagnostics) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): Promise<vscode.CodeAction[]> {
    const ours = context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
    if (!ours.length) return [];
    if (context.only && !vscode.CodeActionKind.QuickFix.intersects(context.only)) return [];
    const findings = await this.diagnostics.findings(doc);
    const actions: vscode.CodeAction[] = [];
    for (const diag of ours) {
      const finding = findings.find((f) => matches(f, diag));
      const fixes = finding?.fixes ?? [];
      for (const fix of fixes) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, toVsRange(e.range), e.newText);
        action.edit = edit;
        action.diagnostics = [diag];
        action.isPreferred = fixes.length === 1;
        actions.push(action);
      }
    }
    return actions;
  }
}

function matches(f: Finding, d: vscode.Diagnostic): boolean {
  const code = typeof d.code === 'object' ? d.code.value : d.code;
  return f.code === code && f.message === d.message && sameRange(f.range, d.range);
}
