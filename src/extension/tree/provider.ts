// The Tasks view's data provider and the TreeHost its nodes share. The root is built without any
// request; children load when VS Code asks (view visible, node expanded).
import * as vscode from 'vscode';
import type { ConnectionService } from '../connection';
import { describeFilter, isEmptyFilter, type TaskFilter } from './filter';
import { LoadedTasks } from './loadedTasks';
import { ConnectionNode } from './nodes/connectionNode';
import type { TreeHost, TreeNode } from './nodes/node';
import { WEEKDAY_NUMBERING_SETTING } from '../util/settings';

export class TasksTreeProvider implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly refreshEmitter = new vscode.EventEmitter<void>();
  /** Fires on Refresh (all) and connection changes: caches that follow the tree drop their data. */
  readonly onDidRefreshAll = this.refreshEmitter.event;
  readonly loaded = new LoadedTasks();
  private root: ConnectionNode;
  private controller = new AbortController();
  private currentFilter: TaskFilter = {};
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(readonly connection: ConnectionService) {
    this.root = new ConnectionNode(this);
    this.subscriptions.push(connection.onDidChangeConnection(() => this.refreshAll()));
    // Schedules in words depend on the weekday numbering: redraw what is loaded (no requests).
    this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(WEEKDAY_NUMBERING_SETTING)) this.changed();
    }));
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getChildren(node?: TreeNode): TreeNode[] | Promise<TreeNode[]> {
    return node ? node.getChildren() : [this.root];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  filter(): TaskFilter {
    return this.currentFilter;
  }

  filterDescription(): string | undefined {
    return isEmptyFilter(this.currentFilter) ? undefined : describeFilter(this.currentFilter);
  }

  /** Sets the server-side filter and reloads every environment with it. */
  setFilter(filter: TaskFilter): void {
    this.currentFilter = { ...filter };
    void vscode.commands.executeCommand('setContext', 'dataworks.tasksFiltered', !isEmptyFilter(filter));
    this.refreshAll();
  }

  signal(): AbortSignal {
    return this.controller.signal;
  }

  changed(node?: TreeNode): void {
    this.changeEmitter.fire(node === this.root ? undefined : node);
  }

  /** Reloads one node's children (Refresh on a node). */
  refresh(node: TreeNode): void {
    const target = node.refreshTarget();
    if (!target.parent) {
      this.refreshAll();
      return;
    }
    target.reset();
    this.changed(target);
  }

  /** Drops everything loaded, cancels what is in flight, and redraws from the root. */
  refreshAll(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.root = new ConnectionNode(this);
    this.loaded.clear();
    this.refreshEmitter.fire();
    this.changeEmitter.fire(undefined);
  }

  /** The root node (tests walk the tree from here). */
  rootNode(): TreeNode {
    return this.root;
  }

  dispose(): void {
    this.controller.abort();
    for (const s of this.subscriptions) s.dispose();
    this.changeEmitter.dispose();
    this.refreshEmitter.dispose();
    this.loaded.dispose();
  }
}
