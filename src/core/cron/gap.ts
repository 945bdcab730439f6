// The DataWorks "at least 5 minutes between runs" rule, on wall-clock times.
// Gaps are measured within an hour, across consecutive hours, and across midnight when two
// consecutive days can both fire. DST shifts are not counted: DataWorks schedules in a fixed
// wall clock (its default zone, Asia/Shanghai, has no DST).
import type { ParsedField } from './parse';

export interface GapFinding { minutes: number; first: string; second: string; nextDay: boolean }

export const MIN_GAP_MINUTES = 5;

export function smallestGap(fields: ParsedField[]): GapFinding | undefined {
  const [, minute, hour, dom, month, dow] = fields;
  const mins = setOf(minute.values);
  const hours = setOf(hour.values);
  if (mins.length === 0 || hours.length === 0) return undefined;
  const hh = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  let best: GapFinding | undefined;
  const consider = (g: GapFinding): void => {
    if (!best || g.minutes < best.minutes) best = g;
  };
  for (let i = 1; i < mins.length; i++) {
    consider({ minutes: mins[i] - mins[i - 1], first: hh(hours[0], mins[i - 1]), second: hh(hours[0], mins[i]), nextDay: false });
  }
  const wrap = 60 - mins[mins.length - 1] + mins[0];
  const lastM = mins[mins.length - 1];
  const consecutiveHour = hours.find((h) => h < 23 && hour.values[h + 1]);
  if (consecutiveHour !== undefined) {
    consider({ minutes: wrap, first: hh(consecutiveHour, lastM), second: hh(consecutiveHour + 1, mins[0]), nextDay: false });
  } else if (hour.values[23] && hour.values[0] && consecutiveDays(dom, month, dow)) {
    consider({ minutes: wrap, first: hh(23, lastM), second: hh(0, mins[0]), nextDay: true });
  }
  return best && best.minutes < MIN_GAP_MINUTES ? best : undefined;
}

function setOf(values: boolean[]): number[] {
  const out: number[] = [];
  values.forEach((on, v) => { if (on) out.push(v); });
  return out;
}

const MONTH_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Can two consecutive calendar days both fire? */
function consecutiveDays(dom: ParsedField, month: ParsedField, dow: ParsedField): boolean {
  const months = setOf(month.values);
  if (!dom.none) {
    if (dom.lastDayOfMonth) return false; // one day a month
    for (const m of months) {
      const len = MONTH_DAYS[m - 1];
      for (let d = 1; d < len; d++) if (dom.values[d] && dom.values[d + 1]) return true;
      // Last day of month m, then the 1st of the next month (Feb ends on the 28th or the 29th).
      const next = (m % 12) + 1;
      const lastDays = m === 2 ? [28, 29] : [len];
      if (month.values[next] && dom.values[1] && lastDays.some((d) => dom.values[d])) return true;
    }
    return false;
  }
  if (dow.lastWeekday !== undefined || dow.nth) return false; // one day a month
  for (let d = 1; d <= 7; d++) if (dow.values[d] && dow.values[(d % 7) + 1]) return true;
  return false;
}
