// Set / Clear Access Key: both halves live only in SecretStorage; settings only learn the source.
import * as vscode from 'vscode';
import type { ConnectionService } from './connectionService';
import { deleteAccessKey, readAccessKey, storeAccessKey } from './secrets';
import { writeUserSetting } from './settings';
import { ui } from '../util/ui';

/**
 * The pair is taken only from the prompts. A command can be run by a keybinding, a link in a
 * workspace file or another extension: none of them may hand us a secret (or swap the account
 * writes go to) behind the user's back, so arguments are never read; an attempt is logged.
 */
export async function setAccessKey(context: vscode.ExtensionContext, service: ConnectionService, args?: unknown): Promise<boolean> {
  if (args && typeof args === 'object' && ('accessKeyId' in args || 'accessKeySecret' in args)) {
    service.log.warn('Set Access Key ignored credentials passed as command arguments; it takes them only from its prompts.');
  }
  const accessKeyId = await ui().showInputBox({
    title: vscode.l10n.t('DataWorks: Set Access Key (1/2)'),
    prompt: vscode.l10n.t('AccessKey ID'),
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the AccessKey ID.')),
  });
  if (!accessKeyId?.trim()) return false;
  const accessKeySecret = await ui().showInputBox({
    title: vscode.l10n.t('DataWorks: Set Access Key (2/2)'),
    prompt: vscode.l10n.t('AccessKey Secret (kept in SecretStorage, never in settings or logs)'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (v) => (v ? undefined : vscode.l10n.t('Enter the AccessKey Secret.')),
  });
  if (!accessKeySecret) return false;
  await storeAccessKey(context.secrets, { accessKeyId: accessKeyId.trim(), accessKeySecret });
  await writeUserSetting('credentialSource', 'accessKey');
  return true;
}

/**
 * Removes the stored pair. The credential source stays as it is: switching to the default chain
 * could quietly send the next request as another identity; with 'accessKey' and nothing stored the
 * status bar and the tree say so and offer Set Access Key. Resolves false when nothing was stored.
 */
export async function clearAccessKey(context: vscode.ExtensionContext, service: ConnectionService): Promise<boolean> {
  if (!(await readAccessKey(context.secrets))) {
    void ui().showInformationMessage(vscode.l10n.t('No AccessKey is stored for DataWorks.'));
    return false;
  }
  await deleteAccessKey(context.secrets);
  await service.refreshStoredAccessKey();
  service.log.info('AccessKey removed from SecretStorage.');
  void ui().showInformationMessage(vscode.l10n.t('The DataWorks AccessKey was removed from SecretStorage.'));
  return true;
}
