// Show Apply History: the journals in storage, newest first, each with a Revert entry under it.
// Choosing a journal opens it; choosing its Revert writes the patch that puts back every task the
// journal shows as sent or possibly sent (however the run ended, killed included) and opens it.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatRevert, revertFromJournal } from '../../core/apply';
import { revertPathFor } from '../../files/journal-file';
import { openRevert } from './applyCommand';
import { listJournals, type JournalEntry } from './storage';
import { ui } from '../util/ui';

export interface HistoryItem extends vscode.QuickPickItem {
  entry: JournalEntry;
  /** Open the journal, or write and open its revert patch. */
  action: 'open' | 'revert';
}

export function historyItems(context: vscode.ExtensionContext): HistoryItem[] {
  return listJournals(context).flatMap((entry) => {
    const s = entry.summary;
    const when = s.plan?.at ? new Date(s.plan.at).toLocaleString() : entry.modified.toLocaleString();
    const file = s.plan?.file ? path.basename(s.plan.file) : path.basename(entry.path);
    const c = s.counts;
    const open: HistoryItem = {
      entry, action: 'open',
      label: `${when}  ${file}`,
      description: vscode.l10n.t('{0} applied, {1} failed, {2} unknown, {3} not sent', c.succeeded, c.failed, c.unknown, c.notSent),
      detail: [s.plan?.target.endpoint, s.finished ? '' : vscode.l10n.t('(run did not finish)')].filter(Boolean).join(' '),
    };
    const revert: HistoryItem = { entry, action: 'revert', label: `    $(discard) ${vscode.l10n.t('Revert {0}', file)}`, description: when };
    return [open, revert];
  });
}

export async function showApplyHistory(context: vscode.ExtensionContext): Promise<vscode.TextEditor | undefined> {
  const items = historyItems(context);
  if (!items.length) {
    void ui().showInformationMessage(vscode.l10n.t('No applies yet in this workspace.'));
    return undefined;
  }
  const pick = await ui().showQuickPick(items, { placeHolder: vscode.l10n.t('Apply history (journals, newest first)'), matchOnDescription: true });
  if (!pick) return undefined;
  if (pick.action === 'revert') return revertRun(pick.entry.path);
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(pick.entry.path));
  return vscode.window.showTextDocument(doc, { preview: true });
}

/** Writes the revert patch of one run from its journal (next to it) and opens it for review. */
export async function revertRun(journal: string): Promise<vscode.TextEditor | undefined> {
  const plan = revertFromJournal(fs.readFileSync(journal, 'utf8'), path.basename(journal));
  if (!plan || !plan.request.Tasks.length) {
    void ui().showInformationMessage(vscode.l10n.t('Nothing to revert: that run sent no task whose values were read before it.'));
    return undefined;
  }
  const target = revertPathFor(journal);
  fs.writeFileSync(target, formatRevert(plan), { mode: 0o600 });
  return openRevert(target);
}
