// What the editor shows about one cron expression, from the core cron module: the only place
// that knows its API shape, so hover, inlay hints and completion stay simple. Every call names the
// weekday numbering in force (setting dataworks.cron.weekdayNumbering).
import { checkCron, describeCron, nextFireTimes, type WeekdayNumbering } from '../../core/cron';
import type { UiLocale } from '../util/locale';

export interface CronProblem {
  field?: string;
  message: string;
}

export type CronInfo =
  | { valid: false; problems: CronProblem[] }
  | { valid: true; description: string; short: string; times: Date[]; numericWeekdays: boolean };

export function cronProblems(expr: string, locale: UiLocale, weekdays: WeekdayNumbering): CronProblem[] {
  const result = checkCron(expr, locale, { weekdays });
  if (result.valid) return [];
  return result.problems.map((p) => ({ field: p.field, message: p.message }));
}

export function describeShort(expr: string, locale: UiLocale, weekdays: WeekdayNumbering): string | undefined {
  if (cronProblems(expr, locale, weekdays).length) return undefined;
  return describeCron(expr, locale, { short: true, weekdays });
}

export function cronInfo(expr: string, locale: UiLocale, zone: string, count: number, weekdays: WeekdayNumbering, from: Date = new Date()): CronInfo {
  const check = checkCron(expr, locale, { weekdays });
  if (!check.valid) return { valid: false, problems: check.problems.map((p) => ({ field: p.field, message: p.message })) };
  return {
    valid: true,
    description: describeCron(expr, locale, { weekdays }),
    short: describeCron(expr, locale, { short: true, weekdays }),
    times: nextFireTimes(expr, from, zone, count, { weekdays }),
    numericWeekdays: check.notes.length > 0,
  };
}
