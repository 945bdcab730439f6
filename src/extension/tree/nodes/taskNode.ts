// One task: name, id, schedule in words, owner; details in the tooltip. Id stays the exact digits.
import * as vscode from 'vscode';
import type { EnvType } from '../../../core/patch/model';
import type { Project, Task } from '../../../dataworks/types';
import { scheduleText } from '../cronText';
import { escapeMarkdownLine } from '../../util/markdown';
import { TreeNode, type TreeHost } from './node';

export class TaskNode extends TreeNode {
  constructor(
    host: TreeHost,
    parent: TreeNode,
    readonly task: Task,
    readonly env: EnvType,
    readonly project: Project,
  ) {
    super(host, parent);
  }

  getTreeItem(): vscode.TreeItem {
    const t = this.task;
    const item = new vscode.TreeItem(t.Name || t.Id, vscode.TreeItemCollapsibleState.None);
    item.id = `dataworks.task/${this.project.Id}/${this.env}/${t.Id}`;
    item.description = [t.Id, scheduleText(t), t.Owner].filter(Boolean).join(' · ');
    item.tooltip = taskTooltip(t, this.env, this.project);
    item.iconPath = new vscode.ThemeIcon(
      t.Trigger?.Type === 'Manual' ? 'run' : t.Trigger?.Recurrence === 'Pause' ? 'debug-pause' : t.Trigger?.Recurrence === 'Skip' ? 'debug-step-over' : 'clock',
    );
    item.contextValue = 'dataworks.task';
    return item;
  }
}

/**
 * Markdown with the task's current values; also used by the Id hover. Labels are words in the UI
 * language; Id, Cron and Cu stay as written in a patch (names a Chinese reader also uses).
 */
export function taskTooltip(t: Task, env: EnvType, project?: Project): vscode.MarkdownString {
  const md = new vscode.MarkdownString(undefined, true);
  md.appendMarkdown(`**${escapeMarkdownLine(t.Name ?? t.Id)}** · ${env}\n\n`);
  const rows: [string, string | number | undefined][] = [
    ['Id', t.Id],
    [vscode.l10n.t('Project'), project ? `${project.Name} (${project.Id})` : t.ProjectId],
    [vscode.l10n.t('Type'), t.Type],
    [vscode.l10n.t('Owner'), t.Owner],
    [vscode.l10n.t('Description'), t.Description],
    [vscode.l10n.t('Trigger'), t.Trigger ? [t.Trigger.Type, t.Trigger.Recurrence].filter(Boolean).join(' / ') : undefined],
    ['Cron', t.Trigger?.Cron ? cronWithWords(t, t.Trigger.Cron) : undefined],
    [vscode.l10n.t('Effective period'), t.Trigger?.StartTime || t.Trigger?.EndTime ? `${t.Trigger?.StartTime ?? ''} – ${t.Trigger?.EndTime ?? ''}` : undefined],
    [vscode.l10n.t('Resource group'), t.RuntimeResource?.ResourceGroupId],
    ['Cu', t.RuntimeResource?.Cu],
    [vscode.l10n.t('Data source'), t.DataSource?.Name],
    [vscode.l10n.t('Timeout (seconds)'), t.Timeout],
    [vscode.l10n.t('Rerun'), t.RerunMode && t.RerunTimes !== undefined ? vscode.l10n.t('{0}, {1}', t.RerunMode, `${t.RerunTimes} × ${t.RerunInterval ?? '?'}`) : t.RerunMode],
    [vscode.l10n.t('Tags'), t.Tags?.length ? t.Tags.map((g) => (g.Value ? `${g.Key}=${g.Value}` : g.Key)).join(', ') : undefined],
    [vscode.l10n.t('Modified'), t.ModifyTime ? new Date(t.ModifyTime).toISOString() : undefined],
  ];
  md.appendMarkdown('| | |\n|---|---|\n');
  for (const [k, v] of rows) {
    if (v !== undefined && v !== '') md.appendMarkdown(`| ${escapeMarkdownLine(k)} | ${escapeMarkdownLine(String(v))} |\n`);
  }
  return md;
}

/** The expression with its meaning in brackets (full-width in Chinese), or alone when it has none. */
function cronWithWords(t: Task, cron: string): string {
  const text = scheduleText(t);
  return text && text !== cron ? vscode.l10n.t('{0} ({1})', cron, text) : cron;
}

