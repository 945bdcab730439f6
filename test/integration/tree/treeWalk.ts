// Walks the Tasks tree through the provider the extension returned from activate(), the way the
// view does: getChildren / getTreeItem. Node kinds are told apart by contextValue.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';

export type Node = Parameters<ExtensionApi['tree']['provider']['getTreeItem']>[0];

export async function childrenOf(api: ExtensionApi, node?: Node): Promise<Node[]> {
  return await api.tree.provider.getChildren(node);
}

export function itemOf(api: ExtensionApi, node: Node): vscode.TreeItem {
  return api.tree.provider.getTreeItem(node);
}

export function labelOf(api: ExtensionApi, node: Node): string {
  const l = itemOf(api, node).label;
  return typeof l === 'string' ? l : (l?.label ?? '');
}

export function kindOf(api: ExtensionApi, node: Node): string | undefined {
  return itemOf(api, node).contextValue;
}

export async function connectionNode(api: ExtensionApi): Promise<Node> {
  const roots = await childrenOf(api);
  assert.equal(roots.length, 1);
  assert.equal(kindOf(api, roots[0]!), 'dataworks.connection');
  return roots[0]!;
}

export async function projectNode(api: ExtensionApi, projectId: string): Promise<Node> {
  const projects = await childrenOf(api, await connectionNode(api));
  const found = projects.find((p) => kindOf(api, p) === 'dataworks.project' && (p as unknown as { project: { Id: string } }).project.Id === projectId);
  assert.ok(found, `project ${projectId} in ${projects.map((p) => labelOf(api, p)).join(', ')}`);
  return found;
}

export async function envNode(api: ExtensionApi, projectId: string, env: 'Dev' | 'Prod'): Promise<Node> {
  const envs = await childrenOf(api, await projectNode(api, projectId));
  const found = envs.find((e) => labelOf(api, e) === env);
  assert.ok(found, `environment ${env} under project ${projectId}`);
  return found;
}

/** Clicks "Load more" until every task is shown; returns the task nodes. */
export async function loadAll(api: ExtensionApi, env: Node): Promise<Node[]> {
  for (let guard = 0; guard < 100; guard++) {
    const kids = await childrenOf(api, env);
    const more = kids.find((k) => kindOf(api, k) === 'dataworks.loadMore');
    if (!more) return kids.filter((k) => kindOf(api, k) === 'dataworks.task');
    const cmd = itemOf(api, more).command;
    assert.ok(cmd, 'Load more has a command when idle');
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
  }
  throw new Error('Load more never finished');
}

export function taskOf(node: Node): { Id: string; Name?: string; Owner?: string; Trigger?: { Cron?: string } } {
  return (node as unknown as { task: { Id: string; Name?: string } }).task;
}

export function envOf(node: Node): 'Dev' | 'Prod' {
  return (node as unknown as { env: 'Dev' | 'Prod' }).env;
}
