// A line of text in the tree: an error, a hint, or an action ("Set Access Key…") that runs a command.
import * as vscode from 'vscode';
import { TreeNode, type TreeHost } from './node';

export interface MessageSpec {
  label: string;
  icon: string;
  color?: string;
  tooltip?: string;
  command?: vscode.Command;
  contextValue?: string;
}

export class MessageNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode | undefined,
    readonly spec: MessageSpec,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.spec.label, vscode.TreeItemCollapsibleState.None);
    item.iconPath = new vscode.ThemeIcon(this.spec.icon, this.spec.color ? new vscode.ThemeColor(this.spec.color) : undefined);
    item.tooltip = this.spec.tooltip ?? this.spec.label;
    item.command = this.spec.command;
    item.contextValue = this.spec.contextValue ?? 'dataworks.message';
    return item;
  }
}
