// What the editor shows about one cron expression, from the core cron module: the only place
// that knows its API shape, so hover, inlay hints and completion stay simple.
import { checkCron, describeCron, nextFireTimes } from '../../core/cron';
import type { UiLocale } from '../util/locale';

export interface CronProblem {
  field?: string;
  message: string;
}

export type CronInfo =
  | { valid: false; problems: CronProblem[] }
  | { valid: true; description: string; short: string; times: Date[] };

export function cronProblems(expr: string, locale: UiLocale): CronProblem[] {
  const result = checkCron(expr, locale);
  if (result.valid) return [];
  return result.problems.map((p) => ({ field: p.field, message: p.message }));
}

export function describeShort(expr: string, locale: UiLocale): string | undefined {
  if (cronProblems(expr, locale).length) return undefined;
  return describeCron(expr, locale, { short: true });
}

export function cronInfo(expr: string, locale: UiLocale, zone: string, count: number, from: Date = new Date()): CronInfo {
  const problems = cronProblems(expr, locale);
  if (problems.length) return { valid: false, problems };
  return {
    valid: true,
    description: describeCron(expr, locale),
    short: describeCron(expr, locale, { short: true }),
    times: nextFireTimes(expr, from, zone, count),
  };
}
