// "Load more (100 of 523 shown)": loads the next page; while it loads it says so and does nothing.
import * as vscode from 'vscode';
import { TreeNode, type TreeHost } from './node';

/** The paged list the node loads more of (an environment's tasks), named apart so the two files do not import each other. */
export interface PagedList extends TreeNode {
  readonly shown: number;
  readonly totalCount: number | undefined;
  readonly isLoading: boolean;
  /** Stable id of the list, for the node's tree item id. */
  readonly listId: string;
  loadMore(): Promise<void>;
}

export class LoadMoreNode extends TreeNode {
  constructor(
    host: TreeHost,
    readonly env: PagedList,
  ) {
    super(host, env);
  }

  getTreeItem(): vscode.TreeItem {
    const shown = this.env.shown;
    const total = this.env.totalCount ?? shown;
    const loading = this.env.isLoading;
    const item = new vscode.TreeItem(
      loading ? vscode.l10n.t('Loading more… ({0} of {1} shown)', shown, total) : vscode.l10n.t('Load more ({0} of {1} shown)', shown, total),
      vscode.TreeItemCollapsibleState.None,
    );
    item.id = `dataworks.more/${this.env.listId}`;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    item.tooltip = total - shown === 1 ? vscode.l10n.t('1 more task not loaded yet') : vscode.l10n.t('{0} more tasks not loaded yet', total - shown);
    item.contextValue = loading ? 'dataworks.loadMore.busy' : 'dataworks.loadMore';
    // No command while loading: the node is locked.
    item.command = loading ? undefined : { title: vscode.l10n.t('Load more'), command: 'dataworks.loadMore', arguments: [this] };
    return item;
  }
}
