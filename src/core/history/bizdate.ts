// Business dates as ListTaskInstances takes them: `Bizdate` is the epoch ms of 00:00 (in the
// workspace's zone) of the day BEFORE the instances' scheduled day, the "run day". A run day is a
// wall-clock day of the zone, so it lasts 23 or 25 hours across a DST change.
import { zoneOffsets } from '../cron/zone';
import type { Span } from './instance-times';

const DAY = 86_400_000;

/** Days since 1970-01-01 of the wall-clock day holding the instant `ms` in `zone`. */
export function wallDayOf(ms: number, zone: string): number {
  return Math.floor((ms + zoneOffsets(zone).offsetAt(ms)) / DAY);
}

/** The instant of 00:00 of wall-clock day `wallDay` in `zone`. */
export function startOfWallDay(wallDay: number, zone: string): number {
  return zoneOffsets(zone).wallToUtc(wallDay * DAY);
}

/** The run day of a Bizdate: from 00:00 of the next day to 00:00 of the day after. */
export function runDayOf(bizdate: number, zone: string): Span {
  const day = wallDayOf(bizdate, zone);
  return { from: startOfWallDay(day + 1, zone), to: startOfWallDay(day + 2, zone) };
}

/** The Bizdate whose run day holds the instant `ms`. */
export function bizdateOf(ms: number, zone: string): number {
  return startOfWallDay(wallDayOf(ms, zone) - 1, zone);
}

/**
 * The Bizdates of the last `days` complete run days before `now` (today, still running, is not one
 * of them), oldest first.
 */
export function recentBizdates(now: number, days: number, zone: string): number[] {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const today = wallDayOf(now, zone);
  const out: number[] = [];
  for (let run = today - days; run < today; run++) out.push(startOfWallDay(run - 1, zone));
  return out;
}
