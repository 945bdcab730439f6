// The status bar's picker: every way to change where requests go, in one list.
import * as vscode from 'vscode';
import { ui } from '../util/ui';
import type { ConnectionService } from './connectionService';

/** Clear Access Key is listed while a pair is stored. */
export async function pickConnection(service: ConnectionService): Promise<void> {
  const target = service.describe();
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: `$(vm) ${vscode.l10n.t('Use Local Emulator')}`, command: 'dataworks.useLocalEmulator' },
    { label: `$(account) ${vscode.l10n.t('Select Profile…')}`, detail: vscode.l10n.t('aliyun CLI profiles, default credential chain'), command: 'dataworks.selectProfile' },
    { label: `$(key) ${vscode.l10n.t('Set Access Key…')}`, detail: vscode.l10n.t('kept in SecretStorage'), command: 'dataworks.setAccessKey' },
    ...((await service.refreshStoredAccessKey())
      ? [{ label: `$(trash) ${vscode.l10n.t('Clear Access Key')}`, detail: vscode.l10n.t('removes the stored pair from SecretStorage'), command: 'dataworks.clearAccessKey' }]
      : []),
    { label: `$(globe) ${vscode.l10n.t('Select Region…')}`, description: target.region, command: 'dataworks.selectRegion' },
    { label: `$(output) ${vscode.l10n.t('Show Request Log')}`, command: 'dataworks.showLog' },
  ];
  const pick = await ui().showQuickPick(items, { title: vscode.l10n.t('DataWorks: {0}', target.label), placeHolder: target.endpoint || undefined });
  if (pick) await vscode.commands.executeCommand(pick.command);
}
