// The lines every rendering shows under the grid: what was counted, what fires 0 times and why,
// what was skipped. English (the CLI and the CI page); the editor localizes its own.
import type { SchedulePicture } from './picture';

export function describeWindow(p: SchedulePicture): string {
  const days = (p.to - p.from) / 86_400;
  return `${iso(p.from, p.zone)} to ${iso(p.to, p.zone)} (${days} day${days === 1 ? '' : 's'}, ${p.slotMinutes}-minute slots, zone ${p.zone}, weekday numbering ${p.weekdays})`;
}

export function zeroFireNotes(p: SchedulePicture): string[] {
  const out: string[] = [];
  const c = p.counts;
  if (c.manual) out.push(`${c.manual} Manual task${c.manual === 1 ? '' : 's'}: 0 fires (run only by hand).`);
  if (c.paused) out.push(`${c.paused} paused task${c.paused === 1 ? '' : 's'} (Recurrence Pause): 0 fires.`);
  if (c.dryRun) out.push(`${c.dryRun} task${c.dryRun === 1 ? '' : 's'} with Recurrence Skip: 0 fires (DataWorks runs them as dry runs that use no resource group).`);
  return out;
}

/** `2026-12-01 00:00 UTC+08:00` in the picture's zone. */
export function iso(epochSeconds: number, zone: string): string {
  const f = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset',
  });
  const parts: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(epochSeconds * 1000))) parts[x.type] = x.value;
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute} UTC${offset}`;
}
