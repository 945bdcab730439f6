// The apply feature: Apply / Preview / Save Plan / Apply Plan / Revert Last Apply / Apply History, the code lens and the results.
import * as vscode from 'vscode';
import { registerCommand } from '../util/command';
import type { ConnectionService } from '../connection';
import { DWTASKS_SELECTOR } from '../language/selector';
import { ApplyCommand } from './applyCommand';
import { ApplyCodeLens } from './codeLens';
import { historyItems, showApplyHistory } from './historyCommand';
import { applyPlan, savePlan, type ApplyPlanArgs, type SavePlanArgs } from './planCommands';
import { PREVIEW_SCHEME, PreviewDocuments, previewBatchUpdate } from './previewCommand';
import { ApplyResults } from './results';
import { revertLastApply } from './revertCommand';
import { journalDir } from './storage';

export type { ApplyArgs, EditorApplyReport } from './applyCommand';
export type { PreviewOutcome } from './previewCommand';
export { checkApplyGate } from './gate';
export { APPLY_SOURCE } from './results';

/** What the apply feature exposes (ExtensionApi.apply), for other features and tests. */
export interface ApplyFeature {
  results: ApplyResults;
  journalDir(): string;
  history(): ReturnType<typeof historyItems>;
}

export function registerApply(context: vscode.ExtensionContext, connection: ConnectionService): ApplyFeature {
  const results = new ApplyResults();
  const previews = new PreviewDocuments();
  const apply = new ApplyCommand(context, connection, results, previews);
  const lens = new ApplyCodeLens(connection);
  context.subscriptions.push(
    results,
    vscode.workspace.registerTextDocumentContentProvider(PREVIEW_SCHEME, previews),
    lens,
    vscode.languages.registerCodeLensProvider(DWTASKS_SELECTOR, lens),
    registerCommand('dataworks.applyBatchUpdate', (args?: unknown) => apply.run(args)),
    registerCommand('dataworks.previewBatchUpdate', (uri?: unknown) => previewBatchUpdate(connection, previews, uri)),
    registerCommand('dataworks.savePlan', (args?: unknown) => savePlan(connection, previews, args as SavePlanArgs | vscode.Uri | undefined)),
    registerCommand('dataworks.applyPlan', (args?: unknown) => applyPlan(connection, previews, apply, args as ApplyPlanArgs | vscode.Uri | undefined)),
    registerCommand('dataworks.revertLastApply', () => revertLastApply(context, apply.last?.revertPath)),
    registerCommand('dataworks.showApplyHistory', () => showApplyHistory(context)),
  );
  return { results, journalDir: () => journalDir(context), history: () => historyItems(context) };
}
