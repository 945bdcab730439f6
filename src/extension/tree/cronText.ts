// A task's schedule in words for the tree, in the UI language and the weekday numbering in force
// (setting dataworks.cron.weekdayNumbering); the raw expression when it is not a valid DataWorks cron.
import * as vscode from 'vscode';
import type { Task } from '../../dataworks/types';
import { checkCron, describeCron } from '../../core/cron';
import { cronWeekdayNumbering, currentLocale } from '../util/settings';

export function scheduleText(task: Task): string | undefined {
  const trigger = task.Trigger;
  if (!trigger) return undefined;
  if (trigger.Type === 'Manual') return vscode.l10n.t('manual');
  if (!trigger.Cron) return undefined;
  const weekdays = cronWeekdayNumbering();
  let text: string | undefined;
  try {
    text = checkCron(trigger.Cron, 'en', { weekdays }).valid ? describeCron(trigger.Cron, currentLocale(), { short: true, weekdays }) : undefined;
  } catch {
    text = undefined;
  }
  const state = trigger.Recurrence === 'Pause' ? vscode.l10n.t('paused') : trigger.Recurrence === 'Skip' ? vscode.l10n.t('skipped') : undefined;
  // The note in the UI language's brackets (full-width in Chinese).
  return state ? vscode.l10n.t('{0} ({1})', text ?? trigger.Cron, state) : (text ?? trigger.Cron);
}
