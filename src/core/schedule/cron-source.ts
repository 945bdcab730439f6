// The one place the schedule picture calls the cron engine: checked in the weekday numbering asked
// for, then enumerated window by window with the engine's compiled form (no parsing per fire time).
import { checkCron, compileCron, fireTimesBetween } from '../cron/index';
import type { WeekdayNumbering } from '../cron/weekdays';
import type { Locale } from '../text/l10n';

export { DEFAULT_WEEKDAY_NUMBERING as DEFAULT_WEEKDAYS, isWeekdayNumbering, WEEKDAY_NUMBERINGS, type WeekdayNumbering } from '../cron/weekdays';

export interface CompiledSchedule {
  expr: string;
  /** Fire times (epoch ms) in [fromMs, toMs), ascending. */
  fireTimes(fromMs: number, toMs: number): number[];
}

export type CompileResult = { ok: true; schedule: CompiledSchedule } | { ok: false; reason: string };

export function compileSchedule(expr: string, zone: string, weekdays: WeekdayNumbering, locale: Locale = 'en'): CompileResult {
  const check = checkCron(expr, locale, { weekdays });
  if (!check.valid) return { ok: false, reason: check.problems.map((p) => p.message).join('; ') };
  const compiled = compileCron(expr, { weekdays });
  return {
    ok: true,
    schedule: {
      expr,
      fireTimes: (fromMs: number, toMs: number): number[] => [...fireTimesBetween(compiled, fromMs, toMs, zone)],
    },
  };
}
