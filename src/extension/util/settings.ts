// Reading our settings in one place, so every feature resolves them the same way.
import * as vscode from 'vscode';
import { resolveTimeZone, type ResolvedZone } from '../../core/time/regions';
import { uiLocale, type UiLocale } from './locale';
import { DEFAULT_WEEKDAY_NUMBERING, isWeekdayNumbering, type WeekdayNumbering } from '../../core/cron/weekdays';

export const WEEKDAY_NUMBERING_SETTING = 'dataworks.cron.weekdayNumbering';

export function cronTimeZone(scope?: vscode.ConfigurationScope): ResolvedZone {
  const cfg = vscode.workspace.getConfiguration('dataworks', scope);
  return resolveTimeZone(cfg.get<string>('timeZone'), cfg.get<string>('region'));
}

export function cronInlayHintsEnabled(scope?: vscode.ConfigurationScope): boolean {
  return vscode.workspace.getConfiguration('dataworks', scope).get<boolean>('cron.inlayHints', true);
}

/** How cron day-of-week numbers are read (an unknown value falls back to the default). */
export function cronWeekdayNumbering(scope?: vscode.ConfigurationScope): WeekdayNumbering {
  const v = vscode.workspace.getConfiguration('dataworks', scope).get<string>('cron.weekdayNumbering');
  return isWeekdayNumbering(v) ? v : DEFAULT_WEEKDAY_NUMBERING;
}

/** The user's display language mapped to the two our texts come in. */
export function currentLocale(): UiLocale {
  return uiLocale(vscode.env.language);
}
