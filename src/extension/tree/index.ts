// The Tasks view: tree, commands on its nodes, and the Task JSON documents. Nothing here calls
// the service until the view asks for children.
import * as vscode from 'vscode';
import { registerCommand } from '../util/command';
import type { ConnectionService } from '../connection';
import { addAllMatching, type AddAllMatchingArgs } from './addAllMatching';
import { addToPatch, type AddToPatchOptions } from './addToPatch';
import { promptFilter, sanitizeFilter } from './filter';
import { loadAllCommand } from './loadAll';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { TreeNode } from './nodes/node';
import { TaskNode } from './nodes/taskNode';
import { TasksTreeProvider } from './provider';
import { TaskDetails } from './taskDetails';
import { TASK_SCHEME, TaskDocumentProvider, showTaskJson } from './taskDocument';

export { TasksTreeProvider } from './provider';
export type { LoadedTask, LoadedTasks } from './loadedTasks';
export type { TaskFilter } from './filter';
export { TreeNode } from './nodes/node';
export { TaskNode, taskTooltip } from './nodes/taskNode';
export { EnvNode } from './nodes/envNode';
export { ProjectNode } from './nodes/projectNode';
export { LoadMoreNode } from './nodes/loadMoreNode';
export { MessageNode } from './nodes/messageNode';
export type { AddToPatchResult } from './addToPatch';
export type { AddAllMatchingResult } from './addAllMatching';

export interface TasksTree {
  provider: TasksTreeProvider;
  view: vscode.TreeView<TreeNode>;
  details: TaskDetails;
}

export function registerTree(context: vscode.ExtensionContext, connection: ConnectionService): TasksTree {
  const provider = new TasksTreeProvider(connection);
  const details = new TaskDetails(connection);
  const view = vscode.window.createTreeView('dataworks.tasks', { treeDataProvider: provider, canSelectMany: true, showCollapseAll: true });
  const documents = new TaskDocumentProvider(details);
  const selectedTasks = (clicked: unknown, selected: unknown): TaskNode[] => {
    const list = Array.isArray(selected) && selected.length ? selected : clicked ? [clicked] : view.selection;
    return list.filter((n): n is TaskNode => n instanceof TaskNode);
  };
  context.subscriptions.push(
    provider,
    view,
    documents,
    provider.onDidRefreshAll(() => {
      details.clear();
      view.description = provider.filterDescription();
    }),
    vscode.workspace.registerTextDocumentContentProvider(TASK_SCHEME, documents),
    registerCommand('dataworks.refresh', (node?: unknown) => {
      if (node instanceof TreeNode) provider.refresh(node);
      else provider.refreshAll();
    }),
    registerCommand('dataworks.loadMore', (node?: unknown) => (node instanceof LoadMoreNode ? node.env.loadMore() : undefined)),
    registerCommand('dataworks.loadAll', (node?: unknown) => loadAllCommand(node)),
    registerCommand('dataworks.filter', async (args?: unknown) => {
      const given = sanitizeFilter(args);
      const next = given ?? (await promptFilter(provider.filter()));
      if (next) provider.setFilter(next);
    }),
    registerCommand('dataworks.clearFilter', () => provider.setFilter({})),
    registerCommand('dataworks.copyId', async (clicked?: unknown, selected?: unknown) => {
      const ids = selectedTasks(clicked, selected).map((n) => n.task.Id);
      if (!ids.length) return;
      await vscode.env.clipboard.writeText(ids.join('\n'));
      void vscode.window.setStatusBarMessage(vscode.l10n.t('Copied {0}', ids.length === 1 ? ids[0]! : vscode.l10n.t('{0} task ids', ids.length)), 4000);
    }),
    registerCommand('dataworks.addToPatch', (clicked?: unknown, selected?: unknown, options?: AddToPatchOptions) =>
      addToPatch(context, connection, details, clicked, selectedTasks(clicked, selected), options && typeof options === 'object' ? options : {}),
    ),
    registerCommand('dataworks.addAllMatching', (node?: unknown, args?: AddAllMatchingArgs) =>
      addAllMatching(context, provider, node, args && typeof args === 'object' && !Array.isArray(args) ? args : {}),
    ),
    registerCommand('dataworks.showTaskJson', async (clicked?: unknown) => {
      const node = selectedTasks(clicked, undefined)[0];
      if (node) await showTaskJson(node.task.Id, node.env, node.task.Name);
    }),
  );
  void vscode.commands.executeCommand('setContext', 'dataworks.tasksFiltered', false);
  return { provider, view, details };
}
