// A project: its two environments, which load separately.
import * as vscode from 'vscode';
import type { EnvType } from '../../../core/patch/model';
import type { Project } from '../../../dataworks/types';
import { EnvNode } from './envNode';
import { TreeNode, type TreeHost } from './node';

const ENVS: EnvType[] = ['Dev', 'Prod'];

export class ProjectNode extends TreeNode {
  private readonly envs: EnvNode[];

  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly project: Project,
  ) {
    super(host, parent);
    this.envs = ENVS.map((env) => new EnvNode(host, this, project, env));
  }

  getTreeItem(): vscode.TreeItem {
    const p = this.project;
    const item = new vscode.TreeItem(p.DisplayName || p.Name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `dataworks.project/${p.Id}`;
    item.description = p.DisplayName && p.DisplayName !== p.Name ? `${p.Name} · ${p.Id}` : p.Id;
    item.tooltip = [p.Name, `Id: ${p.Id}`, p.Description, p.Owner ? vscode.l10n.t('Owner: {0}', p.Owner) : undefined]
      .filter(Boolean)
      .join('\n');
    item.iconPath = new vscode.ThemeIcon('project');
    item.contextValue = 'dataworks.project';
    return item;
  }

  override getChildren(): TreeNode[] {
    return this.envs;
  }

  override reset(): void {
    for (const e of this.envs) e.reset();
  }

  override refreshTarget(): TreeNode {
    return this;
  }
}
