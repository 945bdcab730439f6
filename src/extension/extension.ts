// Activation registers providers and commands only: no network, no file scans, and no API client
// code (the SDK is a separate bundle, loaded on the first request: connection/clientLoader.ts).
import { MODULE_START } from './moduleStart';
import * as vscode from 'vscode';
import { registerApply, type ApplyFeature } from './apply';
import { registerConnection, type ConnectionService } from './connection';
import { clientModulesLoaded } from './connection/clientLoader';
import { registerLanguageFeatures } from './language/register';
import { registerServiceCompletion } from './service-completion';
import { registerSchedule, type ScheduleFeature } from './schedule';
import { registerTree, type TasksTree } from './tree';
import { uiSeam, type UiSeam } from './util/ui';

/** What activate returns: the services other features and the integration tests use. */
export interface ExtensionApi {
  connection: ConnectionService;
  /** The connection's status bar item. */
  statusBar: vscode.StatusBarItem;
  tree: TasksTree;
  apply: ApplyFeature;
  /** Milliseconds from the start of this module's evaluation to the end of activate(). */
  activationMs: number;
  /** Whether the API client bundle (dist/client.js: the SDK, credentials, emulator launcher) has loaded. */
  clientLoaded(): boolean;
  schedule: ScheduleFeature;
  /** What every command shows or asks goes through this UI (util/ui.ts); tests swap in a scripted double. */
  ui: UiSeam;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  registerLanguageFeatures(context);
  const { service: connection, statusBar } = registerConnection(context);
  const tree = registerTree(context, connection);
  registerServiceCompletion(context, connection, tree);
  const apply = registerApply(context, connection);
  const schedule = registerSchedule(context, connection);
  return { connection, statusBar, tree, apply, schedule, ui: uiSeam, activationMs: performance.now() - MODULE_START, clientLoaded: clientModulesLoaded };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
