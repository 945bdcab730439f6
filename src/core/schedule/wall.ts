// Wall-clock reading of an instant in a zone, by the same offsets the cron engine uses.
import { civilFromDays } from '../cron/calendar';
import { zoneOffsets } from '../cron/zone';

const DAY_MS = 86_400_000;
export const WEEKDAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export interface Wall {
  /** Days since 1970-01-01 of the local date. */
  day: number;
  /** `YYYY-MM-DD`. */
  date: string;
  /** 0 = Sunday ... 6 = Saturday. */
  weekday: number;
  /** Minutes since local midnight. */
  minute: number;
}

export function wallOf(ms: number, zone: string): Wall {
  const wall = ms + zoneOffsets(zone).offsetAt(ms);
  const day = Math.floor(wall / DAY_MS);
  const [y, m, d] = civilFromDays(day);
  return {
    day,
    date: `${y}-${pad2(m)}-${pad2(d)}`,
    weekday: (((day + 4) % 7) + 7) % 7, // 1970-01-01 was a Thursday
    minute: Math.floor((wall - day * DAY_MS) / 60_000),
  };
}

export function hhmm(minuteOfDay: number): string {
  return `${pad2(Math.floor(minuteOfDay / 60) % 24)}:${pad2(minuteOfDay % 60)}`;
}

export function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
