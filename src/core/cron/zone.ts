// UTC offsets of an IANA time zone from Intl, cached per UTC day in typed arrays, and the wall-clock -> instant
// rule of java.util.GregorianCalendar (sun.util.calendar.ZoneInfo.getOffsetsByWall), which Quartz
// inherits: a wall time in a DST gap takes the offset from before the transition (so 02:30 becomes
// 03:30), an ambiguous wall time in an overlap takes the offset after it (the later instant).
// Assumes at most one transition per UTC day and per 72 hours around a wall time, true of tzdata.

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Days per table chunk: offsets are kept in typed arrays, a chunk allocated when first touched. */
const CHUNK = 512;

/**
 * Per UTC day: the offset at its start and at its end (NaN: not computed yet) and the first instant
 * of the new offset when they differ; per wall-clock day: the offset when it is the same for two
 * days on either side (Infinity: it is not). Typed arrays, not Maps: the cron search asks a few
 * million times per 30,000 expressions.
 */
class DayChunk {
  readonly start = new Float64Array(CHUNK).fill(NaN);
  readonly after = new Float64Array(CHUNK);
  readonly transition = new Float64Array(CHUNK);
  readonly steady = new Float64Array(CHUNK).fill(NaN);
}

export class ZoneOffsets {
  private readonly fmt: Intl.DateTimeFormat;
  private readonly chunks = new Map<number, DayChunk>();
  private lastChunkIndex = NaN;
  private lastChunk: DayChunk | undefined;
  /** Offset at 00:00 UTC of each day index: each boundary is shared by two days. */
  private readonly boundaries = new Map<number, number>();

  constructor(readonly timeZone: string) {
    // `longOffset` ("GMT+05:45") is several times faster to produce and read than formatToParts.
    this.fmt = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
  }

  /** Offset in ms (wall - UTC) at the UTC instant `utc`. */
  offsetAt(utc: number): number {
    const day = Math.floor(utc / DAY);
    const c = this.chunk(day);
    const i = day - Math.floor(day / CHUNK) * CHUNK;
    if (c.start[i] !== c.start[i]) this.computeDay(day, c, i);
    const start = c.start[i];
    return start !== c.after[i] && utc < c.transition[i] ? start : c.after[i];
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

  /**
   * The offset of wall-clock day `wallDay` (days since 1970-01-01) when no transition falls in the UTC
   * days before, of and after it, else NaN. Then every wall time of that day maps to `wall - offset`
   * through wallToUtc, whose ±36 h lookups may straddle a transition further away: its second branch
   * still picks that offset, because `wall - offset` lies at least 24 h - |offset| from the transition
   * (one transition per 72 h, as above). A calendar resolves times of that day without asking again.
   */
  steadyOffset(wallDay: number): number {
    const c = this.chunk(wallDay);
    const i = wallDay - Math.floor(wallDay / CHUNK) * CHUNK;
    let v = c.steady[i];
    if (v !== v) {
      v = this.offsetAt((wallDay - 1) * DAY);
      for (let d = wallDay - 1; d <= wallDay + 1; d++) {
        // offsetAt at the day's start computes it; the day is steady when its end has the same offset.
        if (this.offsetAt(d * DAY) !== v || this.offsetAt((d + 1) * DAY - 1) !== v) { v = Infinity; break; }
      }
      c.steady[i] = v;
    }
    return v === Infinity ? NaN : v;
  }

  private chunk(day: number): DayChunk {
    const k = Math.floor(day / CHUNK);
    if (k === this.lastChunkIndex) return this.lastChunk!;
    let c = this.chunks.get(k);
    if (!c) {
      c = new DayChunk();
      this.chunks.set(k, c);
    }
    this.lastChunkIndex = k;
    this.lastChunk = c;
    return c;
  }

  private boundary(day: number): number {
    let o = this.boundaries.get(day);
    if (o === undefined) {
      o = this.rawOffset(day * DAY);
      this.boundaries.set(day, o);
    }
    return o;
  }

  private computeDay(day: number, c: DayChunk, i: number): void {
    const start = this.boundary(day);
    const end = this.boundary(day + 1);
    c.start[i] = start;
    c.after[i] = end;
    if (start === end) return;
    // Transitions fall on whole seconds: binary search the first second with the new offset.
    let lo = (day * DAY) / 1000;
    let hi = ((day + 1) * DAY) / 1000;
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.rawOffset(mid * 1000) === start) lo = mid;
      else hi = mid;
    }
    c.transition[i] = hi * 1000;
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

