// Deterministic generator of DataWorks cron expressions and start instants for the Quartz
// differential test and the cron benchmark: every field form (values, lists, ranges, wrap-around
// ranges, steps, names in mixed case, L, nL, n#k, ?), edge days, DST zones, and start instants
// near DST transitions and month ends.

/** mulberry32: small, fast, seeded. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const ZONES = [
  'Asia/Shanghai', 'UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'America/Sao_Paulo',
  'Asia/Kolkata', 'Pacific/Chatham', 'America/St_Johns', 'Europe/London', 'Australia/Sydney', 'Asia/Kathmandu',
  'Europe/Dublin', 'America/Los_Angeles', 'Pacific/Auckland',
];

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

export class CronGenerator {
  private readonly r: () => number;
  constructor(seed: number) { this.r = prng(seed); }

  int(lo: number, hi: number): number { return lo + Math.floor(this.r() * (hi - lo + 1)); }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.r() * xs.length)]; }
  chance(p: number): boolean { return this.r() < p; }
  private pad(v: number, pad: boolean): string { return pad && this.chance(0.7) ? String(v).padStart(2, '0') : String(v); }
  private mixCase(s: string): string {
    const k = this.int(0, 3);
    return k === 0 ? s.toLowerCase() : k === 1 ? s[0] + s.slice(1).toLowerCase() : s;
  }

  /** An expression with day-of-week numbers in the given numbering (Quartz's by default: the bench's set stays the same). */
  expression(weekdays: 'quartz' | 'dataworks' = 'quartz'): string {
    const sec = this.pick(['0', '00']);
    const byWeek = this.chance(0.45);
    const dow = (): string => (weekdays === 'quartz' ? this.dayOfWeek() : this.dayOfWeekDataworks());
    return [sec, this.minute(), this.hour(), byWeek ? '?' : this.dayOfMonth(), this.month(), byWeek ? dow() : '?'].join(' ');
  }

  minute(): string {
    switch (this.int(0, 6)) {
      case 0: return this.pad(this.int(0, 59), true);
      case 1: { const a = this.int(0, 25); return `${this.pad(a, true)},${this.pad(a + this.int(5, 30), true)}`; }
      case 2: return `*/${this.pick([5, 6, 10, 12, 15, 20, 30])}`;
      case 3: return `${this.pad(this.int(0, 4), true)}/${this.pick([5, 10, 15, 20, 30])}`;
      case 4: { const a = this.int(0, 20); return `${this.pad(a, true)}-${this.pad(a + this.int(10, 39), true)}/${this.int(5, 12)}`; }
      case 5: return `${this.pad(this.int(0, 50), true)},${this.pad(this.int(5, 55), true)},${this.pad(this.int(0, 59), true)}`; // often too close: exercises rejection
      default: return this.pad(this.pick([0, 15, 30, 45, 59]), true);
    }
  }

  hour(): string {
    switch (this.int(0, 8)) {
      case 0: return '*';
      case 1: return this.pad(this.int(0, 23), true);
      case 2: { const a = this.int(0, 20); return `${this.pad(a, true)}-${this.pad(this.int(a, 23), true)}`; }
      case 3: return `*/${this.int(1, 12)}`;
      case 4: return `${this.pad(this.int(0, 5), true)}/${this.int(2, 8)}`;
      case 5: return `${this.pad(this.int(18, 23), true)}-${this.pad(this.int(0, 5), true)}`; // wraps past midnight
      case 6: return `${this.pad(this.int(0, 6), true)}-${this.pad(this.int(12, 23), true)}/${this.int(2, 5)}`;
      case 7: { const a = this.int(0, 20); return [a, a + 1, this.int(a + 2, 23)].map((h) => this.pad(h, true)).join(','); } // consecutive hours
      default: return this.pad(this.pick([0, 1, 2, 3, 23]), true); // hours that DST gaps and overlaps hit
    }
  }

  dayOfMonth(): string {
    switch (this.int(0, 8)) {
      case 0: return '*';
      case 1: return String(this.pick([28, 29, 30, 31]));
      case 2: return 'L';
      case 3: return String(this.int(1, 31));
      case 4: { const a = this.int(1, 28); return `${a}-${this.int(a, 31)}`; }
      case 5: return `${this.int(25, 31)}-${this.int(1, 5)}`; // wraps past month end
      case 6: return `${this.int(1, 10)}/${this.int(2, 15)}`;
      case 7: return `${this.int(1, 9)},${this.int(10, 20)},${this.pick([29, 30, 31])}`;
      default: return `*/${this.int(2, 10)}`;
    }
  }

  month(): string {
    switch (this.int(0, 8)) {
      case 0: case 1: return '*';
      case 2: return String(this.int(1, 12));
      case 3: return this.mixCase(this.pick(MONTHS));
      case 4: { const a = this.int(0, 10); return `${this.mixCase(MONTHS[a])}-${this.mixCase(MONTHS[this.int(a, 11)])}`; }
      case 5: return `${this.mixCase(this.pick(['NOV', 'DEC', 'OCT']))}-${this.mixCase(this.pick(['JAN', 'FEB', 'MAR']))}`;
      case 6: return `${this.int(1, 4)}/${this.int(2, 6)}`;
      case 7: return `2,${this.pick([3, 4, 9, 11])}`;
      default: return this.pick(['2', 'FEB', '2-3', '1-12/3']);
    }
  }

  dayOfWeek(): string {
    switch (this.int(0, 9)) {
      case 0: return '*';
      case 1: return String(this.int(1, 7));
      case 2: return this.mixCase(this.pick(DAYS));
      case 3: { const a = this.int(1, 6); return `${a}-${this.int(a, 7)}`; }
      case 4: return `${this.mixCase(this.pick(['FRI', 'SAT', 'THU']))}-${this.mixCase(this.pick(['SUN', 'MON', 'TUE']))}`;
      case 5: return `${this.int(1, 7)}L`;
      case 6: return `${this.int(1, 7)}#${this.int(1, 5)}`;
      case 7: return `${this.int(1, 3)}/${this.int(2, 4)}`;
      case 8: return `${this.mixCase(this.pick(DAYS))}#${this.pick([1, 4, 5])}`;
      default: return `${this.int(1, 3)},${this.int(4, 5)},${this.int(6, 7)}`;
    }
  }

  /** Day-of-week as DataWorks (Spring) numbers it: 0-7, 0 and 7 = Sunday, ranges only forward, `a/n` up to 7. */
  dayOfWeekDataworks(): string {
    switch (this.int(0, 12)) {
      case 0: return '*';
      case 1: return String(this.int(0, 7));
      case 2: return this.mixCase(this.pick(DAYS));
      case 3: { const a = this.int(0, 6); return `${a}-${this.int(a, 7)}`; }
      case 4: { const a = this.int(0, 5); return `${this.mixCase(DAYS[a])}-${this.mixCase(DAYS[this.int(a, 6)])}`; }
      case 5: return `${this.int(0, 7)}L`;
      case 6: return `${this.int(0, 7)}#${this.int(1, 5)}`;
      case 7: return `${this.int(0, 3)}/${this.int(2, 4)}`;
      case 8: return `*/${this.int(1, 7)}`;
      case 9: { const a = this.int(0, 4); return `${a}-${this.int(a + 1, 7)}/${this.int(2, 3)}`; }
      case 10: return `${this.mixCase(this.pick(DAYS))},${this.int(0, 7)}`; // names and numbers mixed
      case 11: return `${this.mixCase(this.pick(DAYS))}#${this.pick([1, 4, 5])}`;
      default: return `${this.int(0, 2)},${this.int(3, 5)},${this.int(6, 7)}`;
    }
  }

  /** A start instant: uniform 2000-2040, or near a DST transition of the zone, or near a month end. */
  from(zone: string, transitions: number[]): number {
    const k = this.int(0, 3);
    if (k <= 1 && transitions.length) return this.pick(transitions) + this.int(-26 * 60, 26 * 60) * 60_000 + this.pick([0, 0, 999, 30_000]);
    if (k === 2) {
      const y = this.int(2000, 2040);
      const m = this.int(1, 12);
      return Date.UTC(y, m, 1) - this.int(0, 48 * 60) * 60_000 + (zone === 'UTC' ? 0 : this.int(-14, 14) * 3_600_000);
    }
    return Date.UTC(2000, 0, 1) + Math.floor(this.r() * (Date.UTC(2040, 0, 1) - Date.UTC(2000, 0, 1)));
  }
}

/** UTC instants where `zone`'s offset changes between two years (from Intl alone, weekly scan + bisection). */
export function dstTransitions(zone: string, fromYear: number, toYear: number): number[] {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
  const off = (t: number): string => fmt.formatToParts(t).find((p) => p.type === 'timeZoneName')!.value;
  const out: number[] = [];
  const end = Date.UTC(toYear + 1, 0, 1);
  let t = Date.UTC(fromYear, 0, 1);
  let prev = off(t);
  const WEEK = 7 * 86_400_000;
  for (; t < end; t += WEEK) {
    const cur = off(t + WEEK);
    if (cur !== prev) {
      let lo = t;
      let hi = t + WEEK;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
        if (off(mid) === prev) lo = mid; else hi = mid;
      }
      out.push(hi);
      prev = cur;
    }
  }
  return out;
}
