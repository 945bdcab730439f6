// UTC offsets of an IANA time zone from Intl, cached per UTC day, and the wall-clock -> instant
// rule of java.util.GregorianCalendar (sun.util.calendar.ZoneInfo.getOffsetsByWall), which Quartz
// inherits: a wall time in a DST gap takes the offset from before the transition (so 02:30 becomes
// 03:30), an ambiguous wall time in an overlap takes the offset after it (the later instant).
// Assumes at most one transition per UTC day and per 72 hours around a wall time, true of tzdata.

const DAY = 86_400_000;
const HOUR = 3_600_000;

interface DayOffsets { start: number; transition?: number; after: number }

export class ZoneOffsets {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly days = new Map<number, DayOffsets>();
  /** Offset at 00:00 UTC of each day index: each boundary is shared by two days. */
  private readonly boundaries = new Map<number, number>();

  constructor(readonly timeZone: string) {
    // `longOffset` ("GMT+05:45") is several times faster to produce and read than formatToParts.
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  /** Offset in ms (wall - UTC) at the UTC instant `utc`. */
  offsetAt(utc: number): number {
    const day = Math.floor(utc / DAY);
    let d = this.days.get(day);
    if (!d) {
      d = this.computeDay(day);
      this.days.set(day, d);
    }
    return d.transition !== undefined && utc < d.transition ? d.start : d.after;
  }

  /** The instant Java's GregorianCalendar gives a wall-clock time (ms since epoch as if UTC). */
  wallToUtc(wall: number): number {
    const before = this.offsetAt(wall - 36 * HOUR);
    const after = this.offsetAt(wall + 36 * HOUR);
    if (before === after) return wall - before;
    // After the transition (including the later reading of an overlap) the new offset is consistent;
    // before it, and inside a gap, Java keeps the pre-transition offset.
    return this.offsetAt(wall - after) === after ? wall - after : wall - before;
  }

  private boundary(day: number): number {
    let o = this.boundaries.get(day);
    if (o === undefined) {
      o = this.rawOffset(day * DAY);
      this.boundaries.set(day, o);
    }
    return o;
  }

  private computeDay(day: number): DayOffsets {
    const start = this.boundary(day);
    const end = this.boundary(day + 1);
    if (start === end) return { start, after: start };
    // Transitions fall on whole seconds: binary search the first second with the new offset.
    let lo = (day * DAY) / 1000;
    let hi = ((day + 1) * DAY) / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.rawOffset(mid * 1000) === start) lo = mid;
      else hi = mid;
    }
    return { start, transition: hi * 1000, after: end };
  }

  private rawOffset(utc: number): number {
    const text = this.fmt.format(utc);
    const m = OFFSET.exec(text);
    if (!m) return 0; // "GMT" alone: UTC
    const sign = m[1] === '+' ? 1 : -1;
    return sign * ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
  }
}

const OFFSET = /GMT([+\-\u2212])(\d{1,2}):(\d{2})(?::(\d{2}))?/;

const zones = new Map<string, ZoneOffsets>();

/** A cached ZoneOffsets; throws RangeError for an unknown zone. */
export function zoneOffsets(timeZone: string): ZoneOffsets {
  let z = zones.get(timeZone);
  if (!z) {
    try {
      z = new ZoneOffsets(timeZone);
    } catch {
      throw new RangeError(`unknown time zone "${timeZone}" (expected an IANA name such as Asia/Shanghai)`);
    }
    zones.set(timeZone, z);
  }
  return z;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (month 1-12); Howard Hinnant's algorithm. */
export function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of daysFromCivil: [year, month 1-12, day]. */
export function civilFromDays(z: number): [number, number, number] {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}
