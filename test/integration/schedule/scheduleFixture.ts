// What every Show Schedule suite starts from: the emulator with 300 tasks, connected, pictures in
// Asia/Shanghai; and what it leaves behind: no setting changed, no editor open, no emulator.
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';

export async function startScheduleSuite(): Promise<{ emu: RunningEmulator; api: ExtensionApi }> {
  const emu = await startEmulator(300);
  const api = await extensionApi();
  await connectTo(api, emu.endpoint);
  await vscode.workspace.getConfiguration('dataworks').update('timeZone', 'Asia/Shanghai', vscode.ConfigurationTarget.Global);
  return { emu, api };
}

export async function endScheduleSuite(emu: RunningEmulator | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('dataworks').update('timeZone', undefined, vscode.ConfigurationTarget.Global);
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await emu?.stop();
}
