// A tree node: one small class per level, each with its own getChildren. Errors are nodes too.
import type * as vscode from 'vscode';
import type { ConnectionService } from '../../connection';
import type { LoadedTasks } from '../loadedTasks';
import type { TaskFilter } from '../filter';

/** What nodes need from the view: the connection, the filter, and a way to redraw themselves. */
export interface TreeHost {
  readonly connection: ConnectionService;
  readonly loaded: LoadedTasks;
  filter(): TaskFilter;
  /** Redraw `node` (its item and children); undefined redraws the whole tree. */
  changed(node?: TreeNode): void;
  /** Aborted when the connection changes or the tree is refreshed as a whole. */
  signal(): AbortSignal;
}

export abstract class TreeNode {
  constructor(
    readonly host: TreeHost,
    readonly parent: TreeNode | undefined,
  ) {}

  abstract getTreeItem(): vscode.TreeItem;

  getChildren(): TreeNode[] | Promise<TreeNode[]> {
    return [];
  }

  /** Forget loaded children so the next expand asks the service again. */
  reset(): void {
    // Leaf nodes hold nothing.
  }

  /** The node Refresh acts on: the nearest node that loads its children. */
  refreshTarget(): TreeNode {
    return this.parent ?? this;
  }
}
