// A day-of-month schedule that never comes: every day it names is past the end of every month it
// names (`30 2`: February has 29 days at most; `31 4`: April has 30). Quartz finds no fire time and
// Spring gives up searching, so it is an error, saying why.
import { cronMessage, type CronArgs, type CronLocale, type CronMessageKey } from './messages';
import type { ParsedField } from './parse';

/** Longest length of each month (February in a leap year), index 1 = January. */
const LONGEST = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why the schedule never fires (a message key and its arguments), or undefined when it has a day to fire on. */
export function neverFires(dom: ParsedField, month: ParsedField, locale: CronLocale): { key: CronMessageKey; args: CronArgs } | undefined {
  if (dom.none || dom.lastDayOfMonth) return undefined;
  let first = 0;
  for (let d = 1; d <= 31 && first === 0; d++) if (dom.values[d]) first = d;
  if (first === 0) return { key: 'never.noDay', args: {} }; // only Spring's day 0
  const months: number[] = [];
  let longest = 0;
  for (let m = 1; m <= 12; m++) {
    if (!month.values[m]) continue;
    months.push(m);
    longest = Math.max(longest, LONGEST[m]);
  }
  if (months.length === 0 || first <= longest) return undefined;
  const names = cronMessage(locale, 'names.months').split(' ');
  const days: number[] = [];
  for (let d = first; d <= 31; d++) if (dom.values[d]) days.push(d);
  return { key: 'never.day', args: { days: days.join(','), months: months.map((m) => names[m - 1]).join(locale === 'en' ? ', ' : '、'), longest } };
}
