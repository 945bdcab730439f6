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
  // The first smallest gap wins, in this order: within the hour, to the next hour, to the next day.
  // Found on numbers; the times are written only for the one reported.
  let best = Infinity;
  let at = 0; // index in mins of the gap's second minute; 0: the wrap from the last minute to the first
  for (let i = 1; i < mins.length; i++) {
    if (mins[i] - mins[i - 1] < best) { best = mins[i] - mins[i - 1]; at = i; }
  }
  const lastM = mins[mins.length - 1];
  const wrap = 60 - lastM + mins[0];
  let wrapHour = -1; // the hour the wrap starts in, when the wrap is the gap
  if (wrap < best) {
    const consecutiveHour = hours.find((h) => h < 23 && hour.values[h + 1]);
    if (consecutiveHour !== undefined) wrapHour = consecutiveHour;
    else if (hour.values[23] && hour.values[0] && consecutiveDays(dom, month, dow)) wrapHour = 23;
    if (wrapHour >= 0) best = wrap;
  }
  if (!(best < MIN_GAP_MINUTES)) return undefined;
  const hh = (h: number, m: number): string => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  if (wrapHour < 0) return { minutes: best, first: hh(hours[0], mins[at - 1]), second: hh(hours[0], mins[at]), nextDay: false };
  return { minutes: best, first: hh(wrapHour, lastM), second: hh((wrapHour + 1) % 24, mins[0]), nextDay: wrapHour === 23 };
}

function setOf(values: boolean[]): number[] {
  const out: number[] = [];
  for (let v = 0; v < values.length; v++) if (values[v]) out.push(v);
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
