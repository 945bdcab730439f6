// A task's schedule in words for the tree, in the UI language; the raw expression when it is not
// a valid DataWorks cron.
import * as vscode from 'vscode';
import type { Task } from '../../dataworks/types';

export function scheduleText(task: Task): string | undefined {
  const trigger = task.Trigger;
  if (!trigger) return undefined;
  if (trigger.Type === 'Manual') return vscode.l10n.t('manual');
  if (!trigger.Cron) return undefined;
  // TODO(G1): describe in words once src/core/cron lands.
  const text: string | undefined = undefined;
  const paused = trigger.Recurrence === 'Pause' ? ` (${vscode.l10n.t('paused')})` : trigger.Recurrence === 'Skip' ? ` (${vscode.l10n.t('skipped')})` : '';
  return (text ?? trigger.Cron) + paused;
}
