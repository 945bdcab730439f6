// Revert Last Apply: opens the newest revert patch in storage for review; applying it is a normal apply.
import * as vscode from 'vscode';
import { openRevert } from './applyCommand';
import { listJournals } from './storage';
import { ui } from '../util/ui';

export async function revertLastApply(context: vscode.ExtensionContext, lastRevert: string | undefined): Promise<vscode.TextEditor | undefined> {
  const revertPath = lastRevert ?? listJournals(context).find((j) => j.revertPath)?.revertPath;
  if (!revertPath) {
    void ui().showInformationMessage(vscode.l10n.t('No apply with a revert patch yet in this workspace.'));
    return undefined;
  }
  return openRevert(revertPath);
}
