// How day-of-week numbers are read. DataWorks documents Spring's cron format (0-7, 0 and 7 =
// Sunday, 1 = Monday ... 6 = Saturday); Quartz numbers 1 = Sunday ... 7 = Saturday. Which one the
// service really uses is unconfirmed (shared/reference/dataworks-api.md), so it is a setting.
// Names (SUN-SAT) mean the same in both. Parsing maps either numbering onto the engine's
// internal weekday values (Quartz's 1-7), so the fire-time search never sees the difference.
export type WeekdayNumbering = 'dataworks' | 'quartz';

export const WEEKDAY_NUMBERINGS: readonly WeekdayNumbering[] = ['dataworks', 'quartz'];
export const DEFAULT_WEEKDAY_NUMBERING: WeekdayNumbering = 'dataworks';

/** Options every cron entry point (check, next, describe) takes. */
export interface CronOptions {
  /** How day-of-week numbers are read; default `dataworks`. */
  weekdays?: WeekdayNumbering;
}

export function isWeekdayNumbering(v: unknown): v is WeekdayNumbering {
  return v === 'dataworks' || v === 'quartz';
}

export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

/** Day 0 = Sunday ... 6 = Saturday of a day-of-week number in the numbering. */
export function dayIndex(numbering: WeekdayNumbering, v: number): number {
  return numbering === 'quartz' ? v - 1 : v % 7;
}

/**
 * The days a number range `from-to/step` covers, in the order it counts them (0 = Sunday).
 * Quartz wraps a range whose end is below its start (FRI-MON); the DataWorks reading rejects
 * those before this is called.
 */
export function weekdaySequence(numbering: WeekdayNumbering, from: number, to: number, step: number): number[] {
  const out: number[] = [];
  if (to >= from) {
    for (let v = from; v <= to; v += step) out.push(dayIndex(numbering, v));
    return out;
  }
  for (let v = from; v <= to + 7; v += step) out.push((v - 1) % 7); // Quartz numbers, 7 days to a week
  return out;
}

/**
 * The same days written with names, valid (and meaning the same) in both numberings: a forward run
 * stays a range (`TUE-SAT`), all seven days become `SUN-SAT`, anything else a list (`FRI,SAT,SUN`).
 */
export function namesOfDays(days: readonly number[], asRange: boolean): string {
  const unique = [...new Set(days)];
  if (asRange && unique.length === 7) return 'SUN-SAT';
  const forward = unique.every((d, i) => i === 0 || d === unique[i - 1] + 1);
  if (asRange && forward && unique.length > 1) return `${DAY_NAMES[unique[0]]}-${DAY_NAMES[unique[unique.length - 1]]}`;
  return unique.map((d) => DAY_NAMES[d]).join(',');
}
