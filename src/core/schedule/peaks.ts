// Peaks: the 5-minute windows (DataWorks' scheduling grid) where the most tasks start, with the
// resource groups they start on. The same time of day with the same count on several days is one
// peak ("... on Mon, Tue, Wed"), so a daily midnight pile-up is named once.
import type { FireRun } from './fire-runs';
import type { ScheduleWindow } from './window';
import { WEEKDAY_NAMES, hhmm, wallOf } from './wall';

export const PEAK_MINUTES = 5;
const BUCKET_MS = PEAK_MINUTES * 60_000;
/** Windows with fewer starts than this are not a pile-up. */
export const MIN_PEAK = 2;

export interface Peak {
  /** Start of each occurrence, epoch seconds ascending. */
  starts: number[];
  /** Minutes since local midnight of the window's start. */
  minuteOfDay: number;
  /** Tasks starting in the window (each occurrence). */
  fires: number;
  /** Per resource group, busiest first. */
  groups: { id: string; fires: number }[];
  /** Local dates `YYYY-MM-DD` and weekdays (0 = Sunday) of the occurrences. */
  dates: string[];
  weekdays: number[];
  /** "142 tasks start 00:00-00:05 on Mon, 120 of them on group X". */
  label: string;
}

/** What peaks are found in: a picture's window and its runs (not the picture, which holds the peaks). */
export interface PeakInput extends ScheduleWindow {
  totalFires: number;
  runs: readonly FireRun[];
}

export function findPeaks(p: PeakInput, limit: number): Peak[] {
  if (limit <= 0 || p.totalFires === 0) return [];
  const fromMs = p.from * 1000;
  const base = Math.floor(fromMs / BUCKET_MS);
  const size = Math.floor((p.to * 1000 - 1) / BUCKET_MS) - base + 1;
  const buckets = new Int32Array(size);
  for (const r of p.runs) for (const time of r.times) buckets[Math.floor(time / BUCKET_MS) - base] += r.tasks;
  // Candidates: the busiest buckets, enough to hold every day of the top `limit` recurring peaks.
  const order: number[] = [];
  for (let i = 0; i < size; i++) if (buckets[i] >= MIN_PEAK) order.push(i);
  order.sort((a, b) => buckets[b] - buckets[a] || a - b);
  const days = Math.ceil((p.to - p.from) / 86_400);
  const candidates = order.slice(0, limit * Math.max(days, 1) * 2);
  if (!candidates.length) return [];
  const wanted = new Map<number, Map<string, number>>(candidates.map((b) => [b, new Map()]));
  const isCandidate = new Uint8Array(size);
  for (const b of candidates) isCandidate[b] = 1;
  for (const r of p.runs) {
    for (const time of r.times) {
      const b = Math.floor(time / BUCKET_MS) - base;
      if (!isCandidate[b]) continue;
      const per = wanted.get(b)!;
      per.set(r.group, (per.get(r.group) ?? 0) + r.tasks);
    }
  }
  const merged = new Map<string, Peak>();
  const peaks: Peak[] = [];
  for (const b of candidates) {
    const startMs = (base + b) * BUCKET_MS;
    const wall = wallOf(startMs, p.zone);
    const groups = [...wanted.get(b)!].map(([id, fires]) => ({ id, fires })).sort((x, y) => y.fires - x.fires || (x.id < y.id ? -1 : 1));
    const key = `${wall.minute}|${buckets[b]}|${groups[0].id}|${groups[0].fires}`;
    let peak = merged.get(key);
    if (!peak) {
      if (peaks.length >= limit) continue;
      peak = { starts: [], minuteOfDay: wall.minute, fires: buckets[b], groups, dates: [], weekdays: [], label: '' };
      merged.set(key, peak);
      peaks.push(peak);
    }
    peak.starts.push(startMs / 1000);
    peak.dates.push(wall.date);
    peak.weekdays.push(wall.weekday);
  }
  for (const peak of peaks) {
    const idx = peak.starts.map((_, i) => i).sort((a, b) => peak.starts[a] - peak.starts[b]);
    peak.starts = idx.map((i) => peak.starts[i]);
    peak.dates = idx.map((i) => peak.dates[i]);
    peak.weekdays = idx.map((i) => peak.weekdays[i]);
    peak.label = peakLabel(peak, days);
  }
  return peaks;
}

/** When the occurrences read as weekdays ("Mon, Tue") or dates ("Mon 2026-12-07") or "every day". */
export function peakDays(peak: Peak, windowDays: number, names: readonly string[] = WEEKDAY_NAMES, everyDay = 'every day'): string {
  if (peak.starts.length === windowDays && windowDays > 1) return everyDay;
  if (windowDays <= 7) return peak.weekdays.map((w) => names[w]).join(', ');
  return peak.weekdays.map((w, i) => `${names[w]} ${peak.dates[i]}`).join(', ');
}

function peakLabel(peak: Peak, windowDays: number): string {
  const span = `${hhmm(peak.minuteOfDay)}-${hhmm(peak.minuteOfDay + PEAK_MINUTES)}`;
  const days = peakDays(peak, windowDays);
  const top = peak.groups[0];
  const on = days === 'every day' ? days : `on ${days}`;
  const group = peak.groups.length > 1 || top.fires < peak.fires ? `, ${top.fires} of them on group ${top.id}` : `, all on group ${top.id}`;
  return `${peak.fires} task${peak.fires === 1 ? '' : 's'} start ${span} ${on}${group}`;
}
