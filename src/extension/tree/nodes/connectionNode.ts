// The root: where requests go. Its children (projects) load on first expand, never at activation.
import * as vscode from 'vscode';
import { collectAll } from '../../../dataworks/paging';
import type { Project } from '../../../dataworks/types';
import { errorNodes } from '../errorNodes';
import { TreeNode, type TreeHost } from './node';
import { ProjectNode } from './projectNode';
import { MessageNode } from './messageNode';

const PROJECT_PAGE = 100;

export class ConnectionNode extends TreeNode {
  private children: Promise<TreeNode[]> | undefined;

  constructor(host: TreeHost) {
    super(host, undefined);
  }

  getTreeItem(): vscode.TreeItem {
    const target = this.host.connection.describe();
    const item = new vscode.TreeItem(target.label, vscode.TreeItemCollapsibleState.Expanded);
    item.id = 'dataworks.connection';
    item.description = target.endpoint ? hostOf(target.endpoint) : undefined;
    item.tooltip = `${target.label}\n${target.endpoint}`;
    item.iconPath = new vscode.ThemeIcon(target.isEmulator ? 'vm' : 'cloud');
    item.contextValue = 'dataworks.connection';
    return item;
  }

  override getChildren(): Promise<TreeNode[]> {
    this.children ??= this.load();
    return this.children;
  }

  override reset(): void {
    this.children = undefined;
  }

  override refreshTarget(): TreeNode {
    return this;
  }

  private async load(): Promise<TreeNode[]> {
    const signal = this.host.signal();
    try {
      const { client } = await this.host.connection.getConnection();
      // Every page: a project list that stopped early would look complete.
      const projects: Project[] = await collectAll((pageNumber) => client.listProjects({ PageNumber: pageNumber, PageSize: PROJECT_PAGE }, signal));
      if (projects.length === 0) {
        return [new MessageNode(this.host, this, { label: vscode.l10n.t('No projects in this region'), icon: 'info' })];
      }
      return projects.map((p) => new ProjectNode(this.host, this, p));
    } catch (e) {
      return errorNodes(this.host, this, e);
    }
  }
}

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}
