// "Load more (100 of 523 shown)": loads the next page; while it loads it says so and does nothing.
import * as vscode from 'vscode';
import type { EnvNode } from './envNode';
import { TreeNode, type TreeHost } from './node';

export class LoadMoreNode extends TreeNode {
  constructor(
    host: TreeHost,
    readonly env: EnvNode,
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
    item.id = `dataworks.more/${this.env.project.Id}/${this.env.env}`;
    item.iconPath = new vscode.ThemeIcon(loading ? 'loading~spin' : 'ellipsis');
    item.tooltip = vscode.l10n.t('{0} more tasks not loaded yet', total - shown);
    item.contextValue = loading ? 'dataworks.loadMore.busy' : 'dataworks.loadMore';
    // No command while loading: the node is locked.
    item.command = loading ? undefined : { title: vscode.l10n.t('Load more'), command: 'dataworks.loadMore', arguments: [this] };
    return item;
  }
}
