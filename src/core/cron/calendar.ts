// A minimal model of java.util.GregorianCalendar as Quartz uses it: fields are set leniently and
// only resolved (wall clock -> instant -> fields again) on the next read, exactly like Java's
// complete(). Quartz's DST behaviour comes from this resolution, so it is modelled, not guessed.
import { daysFromCivil, type ZoneOffsets } from './zone';

const DAY = 86_400_000;

export const enum F { Year, Month, Day, Hour, Minute, Second, Milli }

export class LenientCalendar {
  private readonly f = [1970, 0, 1, 0, 0, 0, 0];
  private utc = 0;
  private dirty = false;
  /**
   * The day of the last full resolve (its normalized year, month, day), its wall-clock midnight and,
   * when the zone's offset is steady around it, that offset (else NaN). A time of day set inside
   * that day then resolves with one subtraction: most of the search's resolves are of this kind.
   */
  private dayY = NaN;
  private dayM = NaN;
  private dayD = NaN;
  private dayWall = 0;
  private dayOffset = NaN;

  constructor(private readonly zone: ZoneOffsets) {}

  setTime(utc: number): void {
    this.utc = utc;
    this.fieldsFrom(utc);
    this.dirty = false;
  }

  /** Month is 0-based, as in Java. */
  get(field: F): number {
    if (this.dirty) this.resolve();
    return this.f[field];
  }

  set(field: F, value: number): void {
    this.f[field] = value;
    this.dirty = true;
  }

  /** Calendar.DAY_OF_WEEK: 1 = Sunday ... 7 = Saturday. */
  dayOfWeek(): number {
    if (this.dirty) this.resolve();
    const days = Math.floor((this.utc + this.zone.offsetAt(this.utc)) / DAY);
    return ((days % 7) + 11) % 7 + 1; // 1970-01-01 was a Thursday (5)
  }

  /** Calendar.add(YEAR, n): resolve, add, pin the day to the month's length. */
  addYears(n: number): void {
    if (this.dirty) this.resolve();
    const y = this.f[F.Year] + n;
    const m = this.f[F.Month] + 1;
    const last = lastDayOfMonth(m, y);
    this.f[F.Year] = y;
    if (this.f[F.Day] > last) this.f[F.Day] = last;
    this.dirty = true;
  }

  time(): number {
    if (this.dirty) this.resolve();
    return this.utc;
  }

  private resolve(): void {
    const f = this.f;
    const h = f[F.Hour];
    const mi = f[F.Minute];
    const s = f[F.Second];
    const ms = f[F.Milli];
    this.dirty = false;
    // Same day, steady offset, time of day in range: the full resolution would give exactly this.
    if (f[F.Year] === this.dayY && f[F.Month] === this.dayM && f[F.Day] === this.dayD && this.dayOffset === this.dayOffset &&
        h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60 && ms >= 0 && ms < 1000) {
      this.utc = this.dayWall + ((h * 60 + mi) * 60 + s) * 1000 + ms - this.dayOffset;
      return;
    }
    const mo = f[F.Month];
    const year = f[F.Year] + Math.floor(mo / 12);
    const month = ((mo % 12) + 12) % 12;
    const wallDay = daysFromCivil(year, month + 1, 1) + f[F.Day] - 1;
    const wall = wallDay * DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
    let day = wallDay;
    const steady = this.zone.steadyOffset(wallDay);
    if (steady === steady && mo === month && f[F.Day] >= 1 && f[F.Day] <= lastDayOfMonth(month + 1, year) &&
        h >= 0 && h < 24 && mi >= 0 && mi < 60 && s >= 0 && s < 60 && ms >= 0 && ms < 1000) {
      // Every field in range on a steady day: wallToUtc is `wall - offset` and fieldsFrom would give
      // back the very fields set (see steadyOffset), so neither runs.
      this.utc = wall - steady;
    } else {
      this.utc = this.zone.wallToUtc(wall);
      day = this.fieldsFrom(this.utc);
    }
    this.dayY = f[F.Year];
    this.dayM = f[F.Month];
    this.dayD = f[F.Day];
    this.dayWall = day * DAY;
    this.dayOffset = day === wallDay ? steady : this.zone.steadyOffset(day);
  }

  /** Sets every field from the instant; returns its wall-clock day (days since 1970-01-01). */
  private fieldsFrom(utc: number): number {
    const wall = utc + this.zone.offsetAt(utc);
    const days = Math.floor(wall / DAY);
    civilInto(days, this.f);
    let rest = wall - days * DAY;
    const f = this.f;
    f[F.Hour] = Math.floor(rest / 3_600_000);
    rest -= f[F.Hour] * 3_600_000;
    f[F.Minute] = Math.floor(rest / 60_000);
    rest -= f[F.Minute] * 60_000;
    f[F.Second] = Math.floor(rest / 1000);
    f[F.Milli] = rest - f[F.Second] * 1000;
    return days;
  }
}

/** Days since 1970-01-01 -> [year, month 1-12, day] (proleptic Gregorian). */
export function civilFromDays(z: number): [number, number, number] {
  const f = [0, 0, 0];
  civilInto(z, f);
  return [f[F.Year]!, f[F.Month]! + 1, f[F.Day]!];
}

/** civilFromDays into f[Year], f[Month] (0-based) and f[Day], without an intermediate array. */
function civilInto(z: number, f: number[]): void {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const m = mp + (mp < 10 ? 3 : -9);
  f[F.Year] = era * 400 + yoe + (m <= 2 ? 1 : 0);
  f[F.Month] = m - 1;
  f[F.Day] = doy - Math.floor((153 * mp + 2) / 5) + 1;
}

export function lastDayOfMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
