// Every fire time of an expression in a window, for pictures of many tasks over days: compile once,
// then enumerate without re-parsing. Exactly the chain of nextFireTimes (Quartz 2.3.2), faster: once
// the search lands on a day whose UTC offset is steady (no transition within two days of it), the
// rest of that day's fire times are the hour x minute x second lists in order, as Quartz would find
// them one by one; the search itself (timeAfter) only runs to reach the next firing day and on days
// near a DST transition, where Quartz's own rules apply.
import { LenientCalendar } from './calendar';
import { scheduleOf, timeAfter } from './next';
import type { Schedule } from './schedule';
import type { CronOptions } from './weekdays';
import { zoneOffsets } from './zone';

const DAY = 86_400_000;

/** A checked, compiled expression; make one with compileCron. */
export interface CompiledCron {
  readonly expr: string;
  readonly schedule: Schedule;
}

/** Compiles a valid expression once for fireTimesBetween; throws for an invalid one (as nextFireTimes does). */
export function compileCron(expr: string, options: CronOptions = {}): CompiledCron {
  return { expr, schedule: scheduleOf(expr, options.weekdays === 'quartz') };
}

/**
 * Fire times t (epoch ms) with fromMs <= t < toMs in `timeZone`, ascending. Throws RangeError for an
 * unknown zone or a non-finite bound.
 */
export function* fireTimesBetween(compiled: CompiledCron, fromMs: number, toMs: number, timeZone: string): Generator<number, void, undefined> {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) throw new RangeError('fireTimesBetween: the window bounds must be finite');
  const s = compiled.schedule;
  const zone = zoneOffsets(timeZone);
  const cl = new LenientCalendar(zone);
  // timeAfter(x) is the first fire time at or after x + 1 s (milliseconds dropped): start 1 s early.
  let after = fromMs - 1000;
  for (;;) {
    const t = timeAfter(s, cl, after);
    if (t === undefined || t >= toMs) return;
    if (t >= fromMs) yield t;
    after = t;
    const offset = zone.offsetAt(t);
    const wallDay = Math.floor((t + offset) / DAY);
    if (zone.steadyOffset(wallDay) !== offset) continue; // near a transition (or NaN): one at a time
    // The rest of this day: every later hour:minute:second of the lists.
    const base = wallDay * DAY - offset;
    const tod = Math.round((t - base) / 1000);
    const h0 = Math.floor(tod / 3600);
    const m0 = Math.floor((tod % 3600) / 60);
    const s0 = tod % 60;
    for (const h of s.hours) {
      if (h < h0) continue;
      for (const m of s.minutes) {
        if (h === h0 && m < m0) continue;
        for (const sec of s.seconds) {
          if (h === h0 && m === m0 && sec <= s0) continue;
          const u = base + ((h * 60 + m) * 60 + sec) * 1000;
          if (u >= toMs) return;
          if (u >= fromMs) yield u;
          after = u;
        }
      }
    }
  }
}
