// The terminal capacity picture: per resource group, the peak, its capacity and the first slot above
// it, then a days x hours grid of the busiest slot's CUs in each hour (`*` above capacity). Plain text.
import { iso } from '../schedule/summary';
import { pad2, wallOf, WEEKDAY_NAMES } from '../schedule/wall';
import { firstOver, type CapacityPicture, type GroupLoad } from './demand';

/** What the window, the zone and the durations are: the first lines of every capacity output. */
export function capacityHeader(p: CapacityPicture, zoneLine: string): string[] {
  const days = (p.to - p.from) / 86_400;
  return [
    `${iso(p.from, p.zone)} to ${iso(p.to, p.zone)} (${days} day${days === 1 ? '' : 's'}, ${p.slotMinutes}-minute slots), ${zoneLine}`,
    'Load = CU x seconds running in the slot / slot seconds, each run lasting its task\'s median successful run.',
  ];
}

/** "peak 5.67 CU at ...; capacity 5 CU (user); first above it ..." for one group. */
export function groupSummary(g: GroupLoad, p: CapacityPicture): string {
  const peak = g.peakCu ? `peak ${cu(g.peakCu)} CU at ${iso(g.peakAt, p.zone)}` : 'no load';
  if (!g.capacity) return `${peak}; capacity unknown (give --capacity ${g.id}=CU)`;
  const first = firstOver(g, p);
  const cap = `capacity ${cu(g.capacity.cu)} CU (${g.capacity.source === 'spec' ? 'its spec' : 'given'})`;
  return first === undefined
    ? `${peak}; ${cap}, never exceeded`
    : `${peak}; ${cap}, first exceeded at ${iso(first, p.zone)} (${g.over.length} slot${g.over.length === 1 ? '' : 's'} above it)`;
}

export function renderCapacityText(p: CapacityPicture, title: string, zoneLine: string): string {
  const lines = [title, ...capacityHeader(p, zoneLine), ''];
  if (!p.groups.length) lines.push('No load: no task with a CU and a known duration fires in the window.');
  for (const g of p.groups) {
    lines.push(`${g.id}: ${groupSummary(g, p)}`);
    if (g.peakCu) lines.push(...hourGrid(g, p), '');
  }
  lines.push(...apart(p));
  return lines.join('\n').replace(/\n+$/, '') + '\n';
}

/** Tasks listed apart, never assumed: no history, no CU, fire times unknown. */
export function apart(p: CapacityPicture): string[] {
  const out: string[] = [];
  if (p.withoutHistory.length) out.push(`Without a successful run in the history read (${p.withoutHistory.length}, no load counted): ${p.withoutHistory.map((t) => t.task.id).join(', ')}`);
  if (p.withoutCu.length) out.push(`Without RuntimeResource.Cu (${p.withoutCu.length}, no load counted): ${p.withoutCu.map((t) => t.task.id).join(', ')}`);
  if (p.skipped.length) out.push(`Skipped (${p.skipped.length}):`, ...p.skipped.map((s) => `  ${s.task.id}: ${s.reason}`));
  return out;
}

export interface HourRow {
  /** `YYYY-MM-DD` in the zone. */
  date: string;
  weekday: number;
  /** Per hour 0..23: the busiest slot's CUs (undefined outside the window). */
  cells: (number | undefined)[];
  /** Per hour: a slot above the group's capacity. */
  over: boolean[];
}

/** One row per local day, one column per hour: the busiest slot of that hour (the text grid and the editor's Load view). */
export function hourRows(g: GroupLoad, p: CapacityPicture): HourRow[] {
  const slotMs = p.slotMinutes * 60_000;
  const rows = new Map<string, HourRow>();
  for (let i = 0; i < g.slots.length; i++) {
    const w = wallOf(p.from * 1000 + i * slotMs, p.zone);
    let row = rows.get(w.date);
    if (!row) { row = { date: w.date, weekday: w.weekday, cells: [], over: [] }; rows.set(w.date, row); }
    const h = Math.floor(w.minute / 60);
    row.cells[h] = Math.max(row.cells[h] ?? 0, g.slots[i]);
    if (g.capacity && g.slots[i] > g.capacity.cu) row.over[h] = true;
  }
  return [...rows.values()];
}

function hourGrid(g: GroupLoad, p: CapacityPicture): string[] {
  const rows = hourRows(g, p);
  const texts = rows.map((r) => Array.from({ length: 24 }, (_, h) => (r.cells[h] === undefined ? '' : r.cells[h] === 0 ? '.' : cu(r.cells[h]!)) + (r.over[h] ? '*' : '')));
  const width = Math.max(3, ...texts.flat().map((t) => t.length));
  const out = [`  ${'day'.padEnd(9)} ${Array.from({ length: 24 }, (_, h) => pad2(h).padStart(width)).join(' ')}`];
  rows.forEach((r, k) => out.push(`  ${`${WEEKDAY_NAMES[r.weekday]} ${r.date.slice(5)}`.padEnd(9)} ${texts[k].map((t) => t.padStart(width)).join(' ')}`));
  return out;
}

/** CUs to at most two decimals, without trailing zeros. */
export function cu(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** A patch's effect per group in one line each: the peak before and after, and capacity crossings. */
export function renderComparison(before: CapacityPicture, after: CapacityPicture): string {
  const ids = [...new Set([...before.groups, ...after.groups].map((g) => g.id))];
  const lines = ['Change by resource group (peak CU before -> after):'];
  for (const id of ids) {
    const b = before.groups.find((g) => g.id === id);
    const a = after.groups.find((g) => g.id === id);
    const cap = a?.capacity ?? b?.capacity;
    let note = '';
    if (cap && a) {
      const first = firstOver(a, after);
      note = first === undefined ? `; within ${cu(cap.cu)} CU after` : `; above ${cu(cap.cu)} CU after, first at ${iso(first, after.zone)}${b && b.over.length ? '' : ' (not before)'}`;
    }
    lines.push(`  ${id}: ${cu(b?.peakCu ?? 0)} -> ${cu(a?.peakCu ?? 0)}${note}`);
  }
  return lines.join('\n') + '\n';
}
