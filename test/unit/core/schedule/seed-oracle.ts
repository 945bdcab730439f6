// Fires of the emulator seed's cron forms in the week Mon 2026-11-30 .. Sun 2026-12-06 (Shanghai),
// worked out by counting days, independently of the cron engine (the CLI and host tests' oracle).
export const SEED_WEEK_FROM = Date.parse('2026-11-29T16:00:00Z') / 1000;

export interface SeedTrigger { Type?: string; Recurrence?: string; Cron?: string }

export function seedWeekFires(tr: SeedTrigger): number {
  if (tr.Type === 'Manual' || tr.Recurrence === 'Pause' || tr.Recurrence === 'Skip') return 0;
  const f = tr.Cron!.split(' ');
  const perDay = f[1].startsWith('*/') ? 1440 / Number(f[1].slice(2)) : f[2] === '00-23' ? 24 : 1;
  if (f[3] === '*' && f[5] === '?') return 7 * perDay;
  if (f[3] === '?') return 1; // weekly: every weekday occurs once in 7 days, in either numbering
  if (f[3] === 'L') return 1; // Nov 30, the last day of November, is in the window (Dec 31 is not)
  const day = Number(f[3]);
  return day === 30 || (day >= 1 && day <= 6) ? 1 : 0;
}
