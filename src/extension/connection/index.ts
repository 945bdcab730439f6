// The connection feature: settings, secrets, emulator, status bar, request log, and the service
// other features (tree, completion, apply) ask for a client.
import * as vscode from 'vscode';
import { setAccessKey } from './accessKeyCommand';
import { ConnectionService } from './connectionService';
import { useLocalEmulator, type UseEmulatorArgs } from './emulatorCommand';
import { pickConnection } from './pickConnection';
import { selectProfile } from './profileCommand';
import { selectRegion } from './regionCommand';
import { RequestLog } from './requestLog';
import { createStatusBar } from './statusBar';

export { ConnectionService, type Connection, type ConnectionTarget } from './connectionService';
export { NotConfiguredError, isNotConfigured } from './errors';
export type { RequestLog, RequestRecord } from './requestLog';

export function registerConnection(context: vscode.ExtensionContext): ConnectionService {
  const log = new RequestLog();
  const service = new ConnectionService(context, log);
  context.subscriptions.push(
    log,
    service,
    createStatusBar(service),
    vscode.commands.registerCommand('dataworks.setAccessKey', (args?: unknown) =>
      setAccessKey(context, args && typeof args === 'object' && 'accessKeyId' in args ? (args as { accessKeyId?: string; accessKeySecret?: string }) : undefined),
    ),
    vscode.commands.registerCommand('dataworks.selectRegion', (region?: string) => selectRegion(context, typeof region === 'string' ? region : undefined)),
    vscode.commands.registerCommand('dataworks.selectProfile', (profile?: string) => selectProfile(typeof profile === 'string' ? profile : undefined)),
    vscode.commands.registerCommand('dataworks.useLocalEmulator', (args?: unknown) =>
      useLocalEmulator(service, args && typeof args === 'object' && 'mode' in args ? (args as UseEmulatorArgs) : undefined),
    ),
    vscode.commands.registerCommand('dataworks.pickConnection', () => pickConnection(service)),
    vscode.commands.registerCommand('dataworks.showLog', () => log.show()),
  );
  return service;
}
