// A seeded mix of the schedules DataWorks projects hold, for the cron benches: most tasks daily
// (early hours, round minutes), then hourly, every 5/10/15/30 minutes (all day or within hours),
// weekly, monthly and every few hours. Schedules repeat across tasks, as they do in a real project.
import { prng } from '../test/unit/core/cron/generate';

export function realisticCrons(count: number, seed: number): string[] {
  const r = prng(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const two = (v: number): string => String(v).padStart(2, '0');
  const minute = (): number => (r() < 0.7 ? pick([0, 0, 0, 5, 10, 15, 20, 30, 30, 45]) : int(0, 59));
  const hour = (): number => (r() < 0.6 ? int(0, 6) : int(0, 23));
  const out: string[] = [];
  while (out.length < count) {
    const k = r();
    if (k < 0.45) out.push(`00 ${two(minute())} ${two(hour())} * * ?`); // daily
    else if (k < 0.6) out.push(r() < 0.6 ? `00 ${two(minute())} * * * ?` : `00 ${two(minute())} ${two(int(0, 9))}-${two(int(17, 23))} * * ?`); // hourly
    else if (k < 0.75) {
      const n = pick([5, 10, 15, 30]);
      out.push(r() < 0.6 ? `00 */${n} * * * ?` : `00 00/${n} ${two(int(0, 9))}-${two(int(17, 23))} * * ?`); // every n minutes
    } else if (k < 0.87) out.push(`00 ${two(minute())} ${two(hour())} ? * ${pick(['1', '2', '2-6', '6', '7', '2,4,6'])}`); // weekly
    else if (k < 0.95) out.push(`00 ${two(minute())} ${two(hour())} ${pick(['1', '1', '15', 'L', String(int(1, 28))])} * ?`); // monthly
    else out.push(`00 ${two(minute())} */${pick([2, 3, 4, 6, 8, 12])} * * ?`); // every few hours
  }
  return out;
}
