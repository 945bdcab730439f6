// Hover on a task Id: its current values as the service last reported them (GetTask if it was
// read, else the loaded list). No request is made for a hover: every call costs quota.
import * as vscode from 'vscode';
import type { LoadedTasks, TasksTree } from '../tree';
import { taskTooltip } from '../tree';
import { fieldAt } from './jsonPosition';

export class TaskIdHoverProvider implements vscode.HoverProvider {
  constructor(
    private readonly loaded: LoadedTasks,
    private readonly tree: TasksTree,
  ) {}

  provideHover(doc: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const at = fieldAt(doc.getText(), doc.offsetAt(position));
    if (!at || at.field !== 'Id' || !at.valueNode || at.valueNode.type !== 'number') return undefined;
    const node = at.valueNode;
    const id = doc.getText().slice(node.offset, node.offset + node.length);
    const range = new vscode.Range(doc.positionAt(node.offset), doc.positionAt(node.offset + node.length));
    const listed = this.loaded.get(id, at.envType);
    const env = at.envType ?? listed?.env ?? 'Prod';
    const task = this.tree.details.cached(id, env) ?? listed?.task;
    if (!task) {
      const md = new vscode.MarkdownString(
        vscode.l10n.t('Task {0} is not loaded. Expand its project in the DataWorks view to see its current values.', id),
      );
      return new vscode.Hover(md, range);
    }
    return new vscode.Hover(taskTooltip(task, env, listed?.project), range);
  }
}
