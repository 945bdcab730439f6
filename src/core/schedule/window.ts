// The window of a schedule picture: where it starts, how long it runs, the slot size, the zone.
// Slots are fixed lengths of real time from `from`; the zone gives wall-clock days and hours.
import { zoneOffsets } from '../cron/zone';

export const DEFAULT_DAYS = 7;
export const DEFAULT_SLOT_MINUTES = 60;
export const MAX_DAYS = 62;
const DAY_MS = 86_400_000;

export interface ScheduleWindow {
  zone: string;
  /** Epoch seconds, inclusive. */
  from: number;
  /** Epoch seconds, exclusive: from + days * 86400. */
  to: number;
  slotMinutes: number;
}

/** Slot sizes that tile an hour or a day exactly, so heatmap cells are whole slots. */
export function slotMinutesProblem(m: number): string | undefined {
  if (!Number.isInteger(m) || m < 1) return 'must be a positive integer';
  if (m <= 60 ? 60 % m !== 0 : m % 60 !== 0 || 1440 % m !== 0) {
    return 'must divide 60 (1, 5, 15, 30, 60 ...) or be a multiple of 60 that divides a day (120, 180, 240, 360, 480, 720, 1440)';
  }
  return undefined;
}

/** 00:00 (wall clock in `zone`) of the day holding `nowMs`, as epoch seconds. */
export function startOfDay(nowMs: number, zone: string): number {
  const z = zoneOffsets(zone);
  const wall = nowMs + z.offsetAt(nowMs);
  return Math.floor(z.wallToUtc(Math.floor(wall / DAY_MS) * DAY_MS) / 1000);
}

/**
 * `--from`: epoch seconds (digits) or an ISO 8601 date/time. Without an offset or `Z` the time is
 * wall-clock time in `zone` (what a person means by "2026-12-01 00:00" for a Shanghai schedule).
 */
export function parseFrom(text: string, zone: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(t);
  if (!m) return undefined;
  const [, y, mo, d, hh = '0', mi = '0', ss = '0', off] = m;
  const wall = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh), Number(mi), Number(ss));
  const check = new Date(wall);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(hh) > 23 || Number(mi) > 59 || Number(ss) > 59) return undefined;
  if (off === undefined) return Math.floor(zoneOffsets(zone).wallToUtc(wall) / 1000);
  if (off === 'Z') return wall / 1000;
  const sign = off[0] === '-' ? -1 : 1;
  const digits = off.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return (wall - sign * minutes * 60_000) / 1000;
}

export function makeWindow(opts: { zone: string; from?: number; days?: number; slotMinutes?: number; nowMs?: number }): ScheduleWindow {
  const days = opts.days ?? DEFAULT_DAYS;
  const slotMinutes = opts.slotMinutes ?? DEFAULT_SLOT_MINUTES;
  zoneOffsets(opts.zone); // throws RangeError for an unknown zone
  const from = opts.from ?? startOfDay(opts.nowMs ?? Date.now(), opts.zone);
  return { zone: opts.zone, from, to: from + days * 86_400, slotMinutes };
}
