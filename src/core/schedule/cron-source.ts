// The one place the schedule picture calls the cron engine. Weekday numbering is threaded through
// every caller; the engine of today knows only Quartz numbering (1 = Sunday), so both numberings
// map onto it here until the engine takes the option (one line below changes when it does).
import { checkCron, nextFireTimes } from '../cron/index';

/** How day-of-week numbers are read: DataWorks (Spring: 0/7 = Sunday, 1 = Monday) or Quartz (1 = Sunday). */
export type WeekdayNumbering = 'dataworks' | 'quartz';
export const WEEKDAY_NUMBERINGS: readonly WeekdayNumbering[] = ['dataworks', 'quartz'];
export const DEFAULT_WEEKDAYS: WeekdayNumbering = 'dataworks';

export function isWeekdayNumbering(v: unknown): v is WeekdayNumbering {
  return v === 'dataworks' || v === 'quartz';
}

export interface CompiledSchedule {
  expr: string;
  /** Fire times (epoch ms) in [fromMs, toMs), ascending. */
  fireTimes(fromMs: number, toMs: number): number[];
}

export type CompileResult = { ok: true; schedule: CompiledSchedule } | { ok: false; reason: string };

/** At most this many fire times per engine call. */
const MAX_BATCH = 4096;

export function compileSchedule(expr: string, zone: string, weekdays: WeekdayNumbering): CompileResult {
  const check = checkCron(expr);
  if (!check.valid) return { ok: false, reason: check.problems.map((p) => p.message).join('; ') };
  // The engine takes Quartz numbering only, for now: `weekdays` is accepted and ignored here.
  const next = (after: number, n: number): Date[] => nextFireTimes(expr, new Date(after), zone, n /* , { weekdays } */);
  void weekdays;
  return {
    ok: true,
    schedule: {
      expr,
      fireTimes(fromMs: number, toMs: number): number[] {
        const out: number[] = [];
        // The engine answers "strictly after, whole seconds": one second before `from` includes `from`.
        let after = Math.floor(fromMs / 1000) * 1000 - 1000;
        // Ask for about as many as the window holds, from the spacing seen so far (one at a time until
        // there is a spacing): a rare cron (29 Feb) asked for many fire times would search for years.
        let firstSeen: number | undefined;
        let seen = 0;
        for (let batch = 1; ;) {
          const times = next(after, batch);
          for (const d of times) {
            const t = d.getTime();
            if (t >= toMs) return out;
            if (t >= fromMs) out.push(t);
          }
          if (times.length < batch) return out;
          const last = times[times.length - 1].getTime();
          firstSeen ??= times[0].getTime();
          seen += times.length;
          const perMs = seen > 1 ? (seen - 1) / Math.max(1, last - firstSeen) : 0;
          batch = perMs ? Math.max(1, Math.min(MAX_BATCH, Math.ceil((toMs - last) * perMs) + 1)) : 1;
          after = last;
        }
      },
    },
  };
}
