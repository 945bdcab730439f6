// Use Local Emulator: start our own in the background, or connect to one already running.
import * as vscode from 'vscode';
import { EMULATOR_DEFAULT_PORT } from '../../core/emulator-defaults';
import type { ConnectionService } from './connectionService';
import { isLoopbackUrl, readConnectionSettings, writeUserSetting } from './settings';
import { ui } from '../util/ui';

export interface UseEmulatorArgs {
  mode?: 'start' | 'connect';
  /** For `connect`: the running emulator's URL (loopback only). */
  endpoint?: string;
}

export async function useLocalEmulator(service: ConnectionService, args?: UseEmulatorArgs): Promise<boolean> {
  const settings = readConnectionSettings();
  let mode = args?.mode;
  if (!mode) {
    const pick = await ui().showQuickPick(
      [
        { label: vscode.l10n.t('Start a local emulator'), detail: vscode.l10n.t('Runs in the background with sample projects and tasks; state kept between sessions.'), mode: 'start' as const },
        { label: vscode.l10n.t('Connect to a running emulator…'), detail: vscode.l10n.t('For example one started with `dwtasks emulator`.'), mode: 'connect' as const },
      ],
      { title: vscode.l10n.t('DataWorks: Use Local Emulator') },
    );
    if (!pick) return false;
    mode = pick.mode;
  }
  if (mode === 'connect') {
    const suggested = isLoopbackUrl(settings.endpoint) ? settings.endpoint : `http://127.0.0.1:${EMULATOR_DEFAULT_PORT}`;
    const endpoint =
      args?.endpoint ??
      (await ui().showInputBox({
        title: vscode.l10n.t('DataWorks: Connect to a running emulator'),
        value: suggested,
        validateInput: (v) => (isLoopbackUrl(v.trim()) ? undefined : vscode.l10n.t('Enter an http://127.0.0.1:PORT or http://localhost:PORT address.')),
      }));
    if (!endpoint) return false;
    if (!isLoopbackUrl(endpoint.trim())) {
      void ui().showErrorMessage(vscode.l10n.t('The emulator must run on this machine (loopback address): {0}', endpoint));
      return false;
    }
    await writeUserSetting('endpoint', endpoint.trim());
    await writeUserSetting('credentialSource', 'emulator');
    return true;
  }
  // Start: an endpoint pointing at another emulator would be used instead, so clear that one;
  // a cloud endpoint override stays for when the user switches back.
  if (isLoopbackUrl(settings.endpoint)) await writeUserSetting('endpoint', undefined);
  await writeUserSetting('credentialSource', 'emulator');
  try {
    await ui().withProgress(
      { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Starting the local DataWorks emulator…') },
      () => service.ensureEmulator(),
    );
  } catch (e) {
    service.log.error((e as Error).message);
    void ui().showErrorMessage(vscode.l10n.t('The local emulator did not start: {0}', (e as Error).message));
    return false;
  }
  service.invalidate();
  return true;
}
