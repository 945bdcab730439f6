// Set Access Key: both halves go straight to SecretStorage; settings only learn the source.
import * as vscode from 'vscode';
import { storeAccessKey, type AccessKeyPair } from './secrets';
import { writeUserSetting } from './settings';

/** `args` lets tests and scripts skip the prompts; the values are still only stored as secrets. */
export async function setAccessKey(context: vscode.ExtensionContext, args?: Partial<AccessKeyPair>): Promise<boolean> {
  const accessKeyId =
    args?.accessKeyId ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('DataWorks: Set Access Key (1/2)'),
      prompt: vscode.l10n.t('AccessKey ID'),
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the AccessKey ID.')),
    }));
  if (!accessKeyId?.trim()) return false;
  const accessKeySecret =
    args?.accessKeySecret ??
    (await vscode.window.showInputBox({
      title: vscode.l10n.t('DataWorks: Set Access Key (2/2)'),
      prompt: vscode.l10n.t('AccessKey Secret (kept in SecretStorage, never in settings or logs)'),
      password: true,
      ignoreFocusOut: true,
      validateInput: (v) => (v ? undefined : vscode.l10n.t('Enter the AccessKey Secret.')),
    }));
  if (!accessKeySecret) return false;
  await storeAccessKey(context.secrets, { accessKeyId: accessKeyId.trim(), accessKeySecret });
  await writeUserSetting('credentialSource', 'accessKey');
  return true;
}
