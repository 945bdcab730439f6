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
import { zoneOffsets, type ZoneOffsets } from './zone';
import type { CronOptions } from './weekdays';

/** Quartz's CronExpression.MAX_YEAR, taken when its class loads: the current year + 100. */
export const MAX_YEAR = new Date().getFullYear() + 100;

/** The next n fire times strictly after `from`, in `timeZone`; fewer if the expression stops firing. */
export function nextFireTimes(expr: string, from: Date, timeZone: string, n: number, options: CronOptions = {}): Date[] {
  return nextFireTimesOf(scheduleOf(expr, options.weekdays === 'quartz'), from, timeZone, n);
}

/** nextFireTimes of an expression compiled already (compile(analysis.fields)): no parse. */
export function nextFireTimesOf(schedule: Schedule, from: Date, timeZone: string, n: number): Date[] {
  return nextFireMs(schedule, from.getTime(), timeZone, n).map((t) => new Date(t));
}

/** nextFireTimesOf in epoch milliseconds. */
export function nextFireMs(schedule: Schedule, fromMs: number, timeZone: string, n: number): number[] {
  if (!Number.isFinite(fromMs)) throw new RangeError('nextFireTimes: `from` is not a valid date');
  const chain = new FireTimeChain(schedule, zoneOffsets(timeZone), fromMs);
  const out: number[] = [];
  while (out.length < n) {
    const next = chain.next();
    if (next === undefined) break;
    out.push(next);
  }
  return out;
}

const DAY = 86_400_000;

/**
 * Quartz's chain of fire times after an instant (timeAfter of the last one, again and again), faster:
 * once the search lands on a day whose UTC offset is steady (no transition within two days of it),
 * the rest of that day's fire times are the hour x minute x second lists in order, as Quartz would
 * find them one by one; timeAfter only runs to reach the next firing day and on days near a DST
 * transition, where Quartz's own rules apply.
 */
export class FireTimeChain {
  private readonly cl: LenientCalendar; // timeAfter starts with setTime: one calendar serves every call
  private after: number;
  /** The steady day being walked: its UTC instant of wall 00:00 and the list indexes of the last fire time; hi < 0: none. */
  private base = 0;
  private hi = -1;
  private mi = 0;
  private si = 0;

  constructor(private readonly s: Schedule, private readonly zone: ZoneOffsets, afterMs: number) {
    this.cl = new LenientCalendar(zone);
    this.after = afterMs;
  }

  /** The next fire time (epoch ms), or undefined when the expression fires no more. */
  next(): number | undefined {
    const s = this.s;
    if (this.hi >= 0 && this.advance()) {
      this.after = this.base + ((s.hours[this.hi] * 60 + s.minutes[this.mi]) * 60 + s.seconds[this.si]) * 1000;
      return this.after;
    }
    const t = timeAfter(s, this.cl, this.after);
    this.hi = -1;
    if (t === undefined) return undefined;
    this.after = t;
    const offset = this.zone.offsetAt(t);
    const wallDay = Math.floor((t + offset) / DAY);
    if (this.zone.steadyOffset(wallDay) === offset) {
      this.base = wallDay * DAY - offset;
      const tod = Math.round((t - this.base) / 1000);
      // The fire time's own place in the lists (always there on a steady day; if not, no shortcut).
      this.mi = s.minutes.indexOf(Math.floor((tod % 3600) / 60));
      this.si = s.seconds.indexOf(tod % 60);
      this.hi = this.mi < 0 || this.si < 0 ? -1 : s.hours.indexOf(Math.floor(tod / 3600));
    }
    return t;
  }

  /** Moves to the next hour:minute:second of the lists within the day; false past its end. */
  private advance(): boolean {
    const s = this.s;
    if (++this.si < s.seconds.length) return true;
    this.si = 0;
    if (++this.mi < s.minutes.length) return true;
    this.mi = 0;
    if (++this.hi < s.hours.length) return true;
    this.hi = -1;
    return false;
  }
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
        startOfDay(cl);
        cl.set(F.Day, day);
        cl.set(F.Month, mon - 1); // month 13 rolls into January, leniently
        continue;
      }
    } else if (s.lastWeekday) {
      const want = s.daysOfWeek[0];
      let add = daysUntil(cl.dayOfWeek(), want);
      const last = lastDayOfMonth(mon, cl.get(F.Year));
      if (day + add > last) {
        startOfDay(cl);
        cl.set(F.Day, 1);
        cl.set(F.Month, mon); // the next month
        continue;
      }
      while (day + add + 7 <= last) add += 7;
      day += add;
      if (add > 0) {
        startOfDay(cl);
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
        startOfDay(cl);
        cl.set(F.Day, 1);
        cl.set(F.Month, mon);
        continue;
      } else if (add > 0 || shifted) {
        startOfDay(cl);
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
        startOfDay(cl);
        cl.set(F.Day, 1);
        cl.set(F.Month, mon);
        continue;
      } else if (add > 0) {
        startOfDay(cl);
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
      startOfDay(cl);
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
      startOfDay(cl);
      cl.set(F.Day, 1);
      cl.set(F.Month, 0);
      cl.set(F.Year, 1970);
      continue;
    }
    cl.set(F.Year, year);
    return cl.time();
  }
}

function startOfDay(cl: LenientCalendar): void {
  cl.set(F.Second, 0);
  cl.set(F.Minute, 0);
  cl.set(F.Hour, 0);
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
