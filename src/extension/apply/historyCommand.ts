// Show Apply History: the journals in storage, newest first; choosing one opens that journal (its
// revert patch, when there is one, sits next to it and Revert Last Apply opens the newest).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { showPick, type PickHook } from '../util/testHooks';
import { listJournals, type JournalEntry } from './storage';

export interface HistoryItem extends vscode.QuickPickItem {
  entry: JournalEntry;
}

export function historyItems(context: vscode.ExtensionContext): HistoryItem[] {
  return listJournals(context).map((entry) => {
    const s = entry.summary;
    const when = s.plan?.at ? new Date(s.plan.at).toLocaleString() : entry.modified.toLocaleString();
    const file = s.plan?.file ? path.basename(s.plan.file) : path.basename(entry.path);
    const c = s.counts;
    return {
      entry,
      label: `${when}  ${file}`,
      description: vscode.l10n.t('{0} applied, {1} failed, {2} unknown, {3} not sent', c.succeeded, c.failed, c.unknown, c.notSent),
      detail: [s.plan?.target.endpoint, s.finished ? '' : vscode.l10n.t('(run did not finish)')].filter(Boolean).join(' '),
    };
  });
}

/** `hooks` (test mode only) stand in for the quick pick, which the host test API cannot drive. */
export async function showApplyHistory(context: vscode.ExtensionContext, hooks: PickHook = {}): Promise<vscode.TextEditor | undefined> {
  const items = historyItems(context);
  if (!items.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No applies yet in this workspace.'));
    return undefined;
  }
  const pick = await showPick(items, { placeHolder: vscode.l10n.t('Apply history (journals, newest first)'), matchOnDescription: true }, hooks);
  if (!pick) return undefined;
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(pick.entry.path));
  return vscode.window.showTextDocument(doc, { preview: true });
}
