// Save Plan and Apply Plan: the plan files of `dwtasks plan --out` / `dwtasks apply PLAN` in the editor.
// Save Plan previews the patch (the plan opens) and writes that plan; Apply Plan sends a saved plan:
// its patch must be the document's text as planned and its target the connection's, and tasks
// changed in DataWorks since the plan are held back, as in the CLI.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { formatPlanFile, parsePlanFile, targetMismatch } from '../../core/apply';
import type { ConnectionService } from '../connection';
import type { ApplyCommand, EditorApplyReport } from './applyCommand';
import { previewBatchUpdate, type PreviewDocuments } from './previewCommand';
import { ui } from '../util/ui';

export interface SavePlanArgs {
  uri?: vscode.Uri;
}

export async function savePlan(connection: ConnectionService, previews: PreviewDocuments, args: SavePlanArgs | vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const a: SavePlanArgs = args instanceof vscode.Uri ? { uri: args } : (args ?? {});
  const preview = await previewBatchUpdate(connection, previews, a.uri);
  if (!preview) return undefined;
  const target = await ui().showSaveDialog({
    defaultUri: vscode.Uri.file(preview.saved.file.replace(/\.dwtasks\.json$/, '') + '.plan.json'),
    filters: { [vscode.l10n.t('DataWorks plan')]: ['json'] },
  });
  if (!target) return undefined;
  fs.writeFileSync(target.fsPath, formatPlanFile(preview.saved));
  void ui().showInformationMessage(vscode.l10n.t('Plan saved: {0}', vscode.workspace.asRelativePath(target)));
  return target;
}

export interface ApplyPlanArgs {
  plan?: vscode.Uri;
}

export async function applyPlan(connection: ConnectionService, previews: PreviewDocuments, apply: ApplyCommand, args: ApplyPlanArgs | vscode.Uri | undefined): Promise<EditorApplyReport | undefined> {
  const a: ApplyPlanArgs = args instanceof vscode.Uri ? { plan: args } : (args ?? {});
  const planUri = a.plan ?? (await ui().showOpenDialog({ canSelectMany: false, filters: { [vscode.l10n.t('DataWorks plan')]: ['json'] } }))?.[0];
  if (!planUri) return undefined;
  const refuse = (message: string): EditorApplyReport => {
    void ui().showErrorMessage(message);
    return { kind: 'refused', reason: 'plan', message };
  };
  let plan;
  try {
    plan = parsePlanFile(fs.readFileSync(planUri.fsPath, 'utf8'), vscode.workspace.asRelativePath(planUri));
  } catch (e) {
    return refuse(vscode.l10n.t('Cannot apply the plan: {0}', (e as Error).message));
  }
  const conn = await connection.getConnection();
  const mismatch = targetMismatch(plan, { endpoint: conn.client.endpoint });
  if (mismatch) return refuse(vscode.l10n.t('Cannot apply the plan: {0}; nothing was sent. Plan again for this target.', mismatch));
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(plan.file));
  if (!previews.keepPlanIfCurrent(doc, plan)) {
    return refuse(vscode.l10n.t('Cannot apply the plan: {0} changed since the plan was made; nothing was sent. Plan again.', vscode.workspace.asRelativePath(doc.uri)));
  }
  return apply.run({ uri: doc.uri });
}
