// Registers every language feature for `*.dwtasks.json` (language `jsonc`). No network, no scans:
// diagnostics start with the documents already open.
import * as vscode from 'vscode';
import schema from '../../../schemas/dwtasks.schema.json';
import schemaZh from '../../../schemas/dwtasks.schema.zh-cn.json';
import { CronCompletion } from './cronCompletion';
import { CronHover } from './cronHover';
import { CronCanonicalRefactor } from './cronRefactor';
import { PatchDiagnostics } from './diagnostics';
import { FieldDocs } from './fieldDocs';
import { FieldHover } from './fieldHover';
import { CronInlayHints } from './inlayHints';
import { forgetParsed } from './parsedDocuments';
import { PatchQuickFixes } from './quickFixes';
import { DWTASKS_SELECTOR } from './selector';
import { TaskSymbols } from './symbols';

export function registerLanguageFeatures(context: vscode.ExtensionContext): void {
  const diagnostics = new PatchDiagnostics(vscode.Uri.joinPath(context.extensionUri, 'dist', 'validate-worker.js').fsPath);
  const inlay = new CronInlayHints();
  const rulesDoc = vscode.Uri.joinPath(context.extensionUri, 'docs', 'cron.md');
  context.subscriptions.push(
    diagnostics,
    inlay,
    vscode.languages.registerCodeActionsProvider(DWTASKS_SELECTOR, new PatchQuickFixes(diagnostics), PatchQuickFixes.metadata),
    vscode.languages.registerCodeActionsProvider(DWTASKS_SELECTOR, new CronCanonicalRefactor(), CronCanonicalRefactor.metadata),
    vscode.languages.registerHoverProvider(DWTASKS_SELECTOR, new CronHover(rulesDoc)),
    vscode.languages.registerHoverProvider(DWTASKS_SELECTOR, new FieldHover(new FieldDocs(schema as Record<string, unknown>, schemaZh as Record<string, unknown>))),
    vscode.languages.registerInlayHintsProvider(DWTASKS_SELECTOR, inlay),
    vscode.languages.registerCompletionItemProvider(DWTASKS_SELECTOR, new CronCompletion()),
    vscode.languages.registerDocumentSymbolProvider(DWTASKS_SELECTOR, new TaskSymbols(), { label: 'DataWorks' }),
    vscode.workspace.onDidCloseTextDocument(forgetParsed),
  );
}
