// A minimal model of java.util.GregorianCalendar as Quartz uses it: fields are set leniently and
// only resolved (wall clock -> instant -> fields again) on the next read, exactly like Java's
// complete(). Quartz's DST behaviour comes from this resolution, so it is modelled, not guessed.
import { civilFromDays, daysFromCivil, type ZoneOffsets } from './zone';

const DAY = 86_400_000;

export const enum F { Year, Month, Day, Hour, Minute, Second, Milli }

export class LenientCalendar {
  private readonly f = [1970, 0, 1, 0, 0, 0, 0];
  private utc = 0;
  private dirty = false;

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
    const [y, mo, d, h, mi, s, ms] = this.f;
    const year = y + Math.floor(mo / 12);
    const month = ((mo % 12) + 12) % 12;
    const wall = (daysFromCivil(year, month + 1, 1) + d - 1) * DAY + ((h * 60 + mi) * 60 + s) * 1000 + ms;
    this.utc = this.zone.wallToUtc(wall);
    this.fieldsFrom(this.utc);
    this.dirty = false;
  }

  private fieldsFrom(utc: number): void {
    const wall = utc + this.zone.offsetAt(utc);
    const days = Math.floor(wall / DAY);
    const [y, m, d] = civilFromDays(days);
    let rest = wall - days * DAY;
    const f = this.f;
    f[F.Year] = y;
    f[F.Month] = m - 1;
    f[F.Day] = d;
    f[F.Hour] = Math.floor(rest / 3_600_000);
    rest -= f[F.Hour] * 3_600_000;
    f[F.Minute] = Math.floor(rest / 60_000);
    rest -= f[F.Minute] * 60_000;
    f[F.Second] = Math.floor(rest / 1000);
    f[F.Milli] = rest - f[F.Second] * 1000;
  }
}

export function lastDayOfMonth(month: number, year: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
