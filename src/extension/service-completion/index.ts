// Language features that need the service: Id / ResourceGroupId / DataSource.Name completion and
// the Id hover, for patch files. Their caches follow the tree's refreshes and connection changes.
import * as vscode from 'vscode';
import type { ConnectionService } from '../connection';
import type { TasksTree } from '../tree';
import { ServiceCompletionProvider } from './completion';
import { TaskIdHoverProvider } from './hover';
import { ServiceData } from './serviceData';

export const PATCH_SELECTOR: vscode.DocumentSelector = [{ language: 'jsonc', pattern: '**/*.dwtasks.json' }];

export function registerServiceCompletion(context: vscode.ExtensionContext, connection: ConnectionService, tree: TasksTree): ServiceData {
  const data = new ServiceData(connection);
  const loaded = tree.provider.loaded;
  context.subscriptions.push(
    tree.provider.onDidRefreshAll(() => data.clear()),
    vscode.languages.registerCompletionItemProvider(PATCH_SELECTOR, new ServiceCompletionProvider(loaded, data), '"', ':', ' '),
    vscode.languages.registerHoverProvider(PATCH_SELECTOR, new TaskIdHoverProvider(loaded, tree)),
  );
  return data;
}
