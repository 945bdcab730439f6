// The weekday numbering for fire times. `dataworks.cron.weekdayNumbering` is declared by the cron
// weekday feature; read here with the same default so the picture and the hovers agree.
import * as vscode from 'vscode';
import { DEFAULT_WEEKDAYS, isWeekdayNumbering, type WeekdayNumbering } from '../../core/schedule';

export function weekdayNumbering(scope?: vscode.ConfigurationScope): WeekdayNumbering {
  const v = vscode.workspace.getConfiguration('dataworks.cron', scope).get<string>('weekdayNumbering', DEFAULT_WEEKDAYS);
  return isWeekdayNumbering(v) ? v : DEFAULT_WEEKDAYS;
}
