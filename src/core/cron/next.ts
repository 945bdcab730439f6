// Next fire times with the search of org.quartz.CronExpression.getTimeAfter (Quartz 2.3.2),
// step for step, over a lenient Java-like calendar: the same field order, the same "set fields and
// start over" jumps, and the same DST results. Quartz quirks kept on purpose (to match it):
// - a wall time in a spring-forward gap resolves one DST shift later (02:30 -> 03:30); setCalendarHour
//   then moves to the next hour, so `00 30 02 * * ?` does not fire on that day at all;
// - during a fall-back overlap, re-resolving fields picks the later (standard-time) reading, so the
//   first pass through the repeated hour is skipped;
// - the search gives up after year 2999 or MAX_YEAR = (current year + 100), whichever comes first.
import { analyze } from './check';
import { LenientCalendar, F, lastDayOfMonth } from './calendar';
import { compile, ceiling, type Schedule } from './schedule';
import { zoneOffsets } from './zone';
import type { CronOptions } from './weekdays';

/** Quartz's CronExpression.MAX_YEAR, taken when its class loads: the current year + 100. */
export const MAX_YEAR = new Date().getFullYear() + 100;

/** The next n fire times strictly after `from`, in `timeZone`; fewer if the expression stops firing. */
export function nextFireTimes(expr: string, from: Date, timeZone: string, n: number, options: CronOptions = {}): Date[] {
  return nextFireTimesOf(scheduleOf(expr, options.weekdays === 'quartz'), from, timeZone, n);
}

/** nextFireTimes of an expression compiled already (compile(analysis.fields)): no parse. */
export function nextFireTimesOf(schedule: Schedule, from: Date, timeZone: string, n: number): Date[] {
  const start = from.getTime();
  if (!Number.isFinite(start)) throw new RangeError('nextFireTimes: `from` is not a valid date');
  const zone = zoneOffsets(timeZone);
  const out: Date[] = [];
  const cl = new LenientCalendar(zone); // timeAfter starts with setTime: one calendar serves every call
  let after = start;
  while (out.length < n) {
    const next = timeAfter(schedule, cl, after);
    if (next === undefined) break;
    out.push(new Date(next));
    after = next;
  }
  return out;
}

const MAX_ROUNDS = 200_000;

// Hovers and hints ask again and again for the same few expressions: keep their compiled form.
const schedules = new Map<string, Schedule>();

/** The compiled form of a valid expression (cached per numbering); throws for an invalid one. */
export function scheduleOf(expr: string, quartz = false): Schedule {
  const key = quartz ? `q\u0000${expr}` : expr;
  let s = schedules.get(key);
  if (!s) {
    const a = analyze(expr, 'en', quartz ? 'quartz' : undefined);
    if (a.problems.length || !a.fields) throw new Error(`invalid cron expression "${expr}": ${a.problems.map((p) => p.message).join('; ')}`);
    s = compile(a.fields);
    if (schedules.size >= 1000) schedules.clear();
    schedules.set(key, s);
  }
  return s;
}

/** Quartz's getTimeAfter for the forms the dialect allows (no W, no L-n, no year field). */
export function timeAfter(s: Schedule, cl: LenientCalendar, afterMs: number): number | undefined {
  cl.setTime(afterMs + 1000); // "the time after": move ahead one second, drop the milliseconds
  cl.set(F.Milli, 0);
  const startOfDay = (): void => { cl.set(F.Second, 0); cl.set(F.Minute, 0); cl.set(F.Hour, 0); };
  for (let loops = 0; ; loops++) {
    if (cl.get(F.Year) > 2999) return undefined;
    // Quartz needs a few thousand rounds for a never-firing expression; more means a bug, not a schedule.
    if (loops > MAX_ROUNDS) throw new Error('cron search did not converge (internal error)');

    let sec = cl.get(F.Second);
    let min = cl.get(F.Minute);
    let x = ceiling(s.seconds, sec);
    if (x !== undefined) sec = x;
    else {
      sec = s.seconds[0];
      min++;
      cl.set(F.Minute, min);
    }
    cl.set(F.Second, sec);

    min = cl.get(F.Minute);
    let hr = cl.get(F.Hour);
    let t = -1;
    x = ceiling(s.minutes, min);
    if (x !== undefined) { t = min; min = x; } else { min = s.minutes[0]; hr++; }
    if (min !== t) {
      cl.set(F.Second, 0);
      cl.set(F.Minute, min);
      setCalendarHour(cl, hr);
      continue;
    }
    cl.set(F.Minute, min);

    hr = cl.get(F.Hour);
    let day = cl.get(F.Day);
    t = -1;
    x = ceiling(s.hours, hr);
    if (x !== undefined) { t = hr; hr = x; } else { hr = s.hours[0]; day++; }
    if (hr !== t) {
      cl.set(F.Second, 0);
      cl.set(F.Minute, 0);
      cl.set(F.Day, day);
      setCalendarHour(cl, hr);
      continue;
    }
    cl.set(F.Hour, hr);

    day = cl.get(F.Day);
    let mon = cl.get(F.Month) + 1;
    t = -1;
    let tmon = mon;
    if (s.byDayOfMonth) {
      if (s.lastDayOfMonth) {
        t = day;
        day = lastDayOfMonth(mon, cl.get(F.Year));
        if (t > day) { // cannot happen without an L-n offset; kept as Quartz has it
          mon++;
          if (mon > 12) { mon = 1; tmon = 3333; cl.addYears(1); }
          day = 1;
        }
      } else {
        x = ceiling(s.daysOfMonth, day);
        if (x !== undefined) {
          t = day;
          day = x;
          if (day > lastDayOfMonth(mon, cl.get(F.Year))) { day = s.daysOfMonth[0]; mon++; }
        } else {
          day = s.daysOfMonth[0];
          mon++;
        }
      }
      if (day !== t || mon !== tmon) {
        startOfDay();
        cl.set(F.Day, day);
        cl.set(F.Month, mon - 1); // month 13 rolls into January, leniently
        continue;
      }
    } else if (s.lastWeekday) {
      const want = s.daysOfWeek[0];
      let add = daysUntil(cl.dayOfWeek(), want);
      const last = lastDayOfMonth(mon, cl.get(F.Year));
      if (day + add > last) {
        startOfDay();
        cl.set(F.Day, 1);
        cl.set(F.Month, mon); // the next month
        continue;
      }
      while (day + add + 7 <= last) add += 7;
      day += add;
      if (add > 0) {
        startOfDay();
        cl.set(F.Day, day);
        cl.set(F.Month, mon - 1);
        continue;
      }
    } else if (s.nth !== 0) {
      const want = s.daysOfWeek[0];
      let add = daysUntil(cl.dayOfWeek(), want);
      const shifted = add > 0;
      day += add;
      let week = Math.floor(day / 7);
      if (day % 7 > 0) week++;
      add = (s.nth - week) * 7;
      day += add;
      if (add < 0 || day > lastDayOfMonth(mon, cl.get(F.Year))) {
        startOfDay();
        cl.set(F.Day, 1);
        cl.set(F.Month, mon);
        continue;
      } else if (add > 0 || shifted) {
        startOfDay();
        cl.set(F.Day, day);
        cl.set(F.Month, mon - 1);
        continue;
      }
    } else {
      const current = cl.dayOfWeek();
      const want = ceiling(s.daysOfWeek, current) ?? s.daysOfWeek[0];
      const add = daysUntil(current, want);
      const last = lastDayOfMonth(mon, cl.get(F.Year));
      if (day + add > last) {
        startOfDay();
        cl.set(F.Day, 1);
        cl.set(F.Month, mon);
        continue;
      } else if (add > 0) {
        startOfDay();
        cl.set(F.Day, day + add);
        cl.set(F.Month, mon - 1);
        continue;
      }
    }
    cl.set(F.Day, day);

    mon = cl.get(F.Month) + 1;
    let year = cl.get(F.Year);
    t = -1;
    if (year > MAX_YEAR) return undefined; // expressions that never fire end here
    x = ceiling(s.months, mon);
    if (x !== undefined) { t = mon; mon = x; } else { mon = s.months[0]; year++; }
    if (mon !== t) {
      startOfDay();
      cl.set(F.Day, 1);
      cl.set(F.Month, mon - 1);
      cl.set(F.Year, year);
      continue;
    }
    cl.set(F.Month, mon - 1);

    // Years: Quartz fills 1970..MAX_YEAR when the expression has no year field.
    year = cl.get(F.Year);
    if (year > MAX_YEAR) return undefined;
    if (year < 1970) {
      startOfDay();
      cl.set(F.Day, 1);
      cl.set(F.Month, 0);
      cl.set(F.Year, 1970);
      continue;
    }
    cl.set(F.Year, year);
    return cl.time();
  }
}

/** Days from day-of-week `current` forward to `want` (both 1 = Sunday ... 7 = Saturday). */
function daysUntil(current: number, want: number): number {
  if (current < want) return want - current;
  if (current > want) return want + (7 - current);
  return 0;
}

/** Quartz's setCalendarHour: if the hour did not stick (DST gap), take the next one. */
function setCalendarHour(cl: LenientCalendar, hour: number): void {
  cl.set(F.Hour, hour);
  if (cl.get(F.Hour) !== hour && hour !== 24) cl.set(F.Hour, hour + 1);
}
