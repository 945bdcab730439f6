// A task's schedule in words for the tree, in the UI language; the raw expression when it is not
// a valid DataWorks cron.
import * as vscode from 'vscode';
import type { Task } from '../../dataworks/types';
import { checkCron, describeCron } from '../../core/cron';

export function scheduleText(task: Task): string | undefined {
  const trigger = task.Trigger;
  if (!trigger) return undefined;
  if (trigger.Type === 'Manual') return vscode.l10n.t('manual');
  if (!trigger.Cron) return undefined;
  let text: string | undefined;
  try {
    text = checkCron(trigger.Cron).valid ? describeCron(trigger.Cron, vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en', { short: true }) : undefined;
  } catch {
    text = undefined;
  }
  const paused = trigger.Recurrence === 'Pause' ? ` (${vscode.l10n.t('paused')})` : trigger.Recurrence === 'Skip' ? ` (${vscode.l10n.t('skipped')})` : '';
  return (text ?? trigger.Cron) + paused;
}
