// The compiled form of a checked expression: sorted value lists and Quartz's day flags.
import type { ParsedField } from './parse';

export interface Schedule {
  seconds: number[];
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  daysOfWeek: number[];
  /** Day chosen by day-of-month (day-of-week is `?`). */
  byDayOfMonth: boolean;
  lastDayOfMonth: boolean;
  lastWeekday: boolean;
  /** k of `n#k`, or 0. */
  nth: number;
}

/** The values a field allows, ascending (a plain loop: this runs for every compiled expression). */
function list(f: ParsedField): number[] {
  const out: number[] = [];
  const values = f.values;
  for (let v = 0; v < values.length; v++) if (values[v]) out.push(v);
  return out;
}

export function compile(fields: ParsedField[]): Schedule {
  const [second, minute, hour, dom, month, dow] = fields;
  return {
    seconds: list(second),
    minutes: list(minute),
    hours: list(hour),
    daysOfMonth: list(dom),
    months: list(month),
    daysOfWeek: list(dow),
    byDayOfMonth: dow.none,
    lastDayOfMonth: dom.lastDayOfMonth,
    lastWeekday: dow.lastWeekday !== undefined,
    nth: dow.nth?.k ?? 0,
  };
}

/** Smallest element >= v of a sorted list (Java's TreeSet.tailSet(v).first()), or undefined. */
export function ceiling(sorted: number[], v: number): number | undefined {
  for (const x of sorted) if (x >= v) return x;
  return undefined;
}
