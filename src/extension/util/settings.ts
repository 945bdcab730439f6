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

export const MAX_HISTORY_CALLS_SETTING = 'dataworks.capacity.maxHistoryCalls';
export const CAPACITY_GROUPS_SETTING = 'dataworks.capacity.groups';

/** Calls a run history read may make before it is refused (dataworks.capacity.maxHistoryCalls). */
export function maxHistoryCalls(fallback: number): number {
  const v = vscode.workspace.getConfiguration('dataworks.capacity').get<number>('maxHistoryCalls', fallback);
  return Number.isInteger(v) && v >= 0 ? v : fallback;
}

/** Capacities the user gives per resource group (dataworks.capacity.groups: {"group id": CU}); a bad value is an error naming it. */
export function userCapacities(): Map<string, { cu: number; source: 'user' }> {
  const v = vscode.workspace.getConfiguration('dataworks.capacity').get<unknown>('groups', {});
  const out = new Map<string, { cu: number; source: 'user' }>();
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new Error(vscode.l10n.t('{0} must be an object of group id to CUs, like {1}', CAPACITY_GROUPS_SETTING, '{"Serverless_res_group_1": 40}'));
  for (const [id, cu] of Object.entries(v)) {
    if (typeof cu !== 'number' || !(cu > 0)) throw new Error(vscode.l10n.t('{0}: the capacity of group {1} must be a positive number of CUs, got {2}', CAPACITY_GROUPS_SETTING, id, JSON.stringify(cu)));
    out.set(id, { cu, source: 'user' });
  }
  return out;
}
