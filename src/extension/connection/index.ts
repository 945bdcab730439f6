// The connection feature: settings, secrets, emulator, status bar, request log, and the service
// other features (tree, completion, apply) ask for a client.
import * as vscode from 'vscode';
import { registerCommand, useCommandLog } from '../util/command';
import { clearAccessKey, setAccessKey } from './accessKeyCommand';
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

export interface ConnectionFeature {
  service: ConnectionService;
  /** Where commands go; a click opens the connection picker. */
  statusBar: vscode.StatusBarItem;
}

export function registerConnection(context: vscode.ExtensionContext): ConnectionFeature {
  const log = new RequestLog();
  // Every command's failure is written to this log (util/command.ts).
  useCommandLog(log);
  const service = new ConnectionService(context, log);
  const statusBar = createStatusBar(service);
  context.subscriptions.push(
    log,
    service,
    statusBar.disposable,
    registerCommand('dataworks.setAccessKey', (args?: unknown) => setAccessKey(context, service, args)),
    registerCommand('dataworks.clearAccessKey', () => clearAccessKey(context, service)),
    registerCommand('dataworks.selectRegion', (region?: string) => selectRegion(context, typeof region === 'string' ? region : undefined)),
    registerCommand('dataworks.selectProfile', (profile?: string) => selectProfile(typeof profile === 'string' ? profile : undefined)),
    registerCommand('dataworks.useLocalEmulator', (args?: unknown) =>
      useLocalEmulator(service, args && typeof args === 'object' && 'mode' in args ? (args as UseEmulatorArgs) : undefined),
    ),
    registerCommand('dataworks.pickConnection', () => pickConnection(service)),
    registerCommand('dataworks.showLog', () => log.show()),
  );
  return { service, statusBar: statusBar.item };
}
