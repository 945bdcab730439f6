// The status bar's picker: every way to change where requests go, in one list.
import * as vscode from 'vscode';
import type { ConnectionService } from './connectionService';

export async function pickConnection(service: ConnectionService): Promise<void> {
  const target = service.describe();
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: `$(vm) ${vscode.l10n.t('Use Local Emulator')}`, command: 'dataworks.useLocalEmulator' },
    { label: `$(account) ${vscode.l10n.t('Select Profile…')}`, detail: vscode.l10n.t('aliyun CLI profiles, default credential chain'), command: 'dataworks.selectProfile' },
    { label: `$(key) ${vscode.l10n.t('Set Access Key…')}`, detail: vscode.l10n.t('kept in SecretStorage'), command: 'dataworks.setAccessKey' },
    { label: `$(globe) ${vscode.l10n.t('Select Region…')}`, description: target.region, command: 'dataworks.selectRegion' },
    { label: `$(output) ${vscode.l10n.t('Show Request Log')}`, command: 'dataworks.showLog' },
  ];
  const pick = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('DataWorks: {0}', target.label),
    placeHolder: target.endpoint || undefined,
  });
  if (pick) await vscode.commands.executeCommand(pick.command);
}
