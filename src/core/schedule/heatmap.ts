// The picture as a day x hour grid (rows = local dates, columns = hours, or slots when a slot is
// longer than an hour), each cell with its per-group breakdown. Shared by the terminal, HTML and
// webview renderings so they cannot disagree.
import type { SchedulePicture } from './picture';
import { hhmm, wallOf } from './wall';

export interface HeatCell {
  row: number;
  col: number;
  /** Epoch seconds: start of the first slot in the cell, end of the last. */
  start: number;
  end: number;
  fires: number;
  /** Busiest first; only groups that fire in the cell. */
  groups: { id: string; fires: number }[];
}

export interface HeatRow {
  date: string;
  weekday: number;
  fires: number;
  /** By column; undefined where no slot of the window falls (before/after it, a DST gap). */
  cells: (HeatCell | undefined)[];
}

export interface Heatmap {
  cellMinutes: number;
  /** Column labels: `00` ... `23` for hours, `00:00`, `02:00` ... otherwise. */
  columns: string[];
  rows: HeatRow[];
  max: number;
  /** Smallest non-zero cell (0 when none): colours scale from it to `max`, the window's own range. */
  min: number;
}

export function buildHeatmap(p: SchedulePicture): Heatmap {
  const cellMinutes = Math.max(60, p.slotMinutes);
  const columnsCount = 1440 / cellMinutes;
  const columns = Array.from({ length: columnsCount }, (_, i) => (cellMinutes === 60 ? hhmm(i * 60).slice(0, 2) : hhmm(i * cellMinutes)));
  const rows: HeatRow[] = [];
  const byDay = new Map<number, HeatRow>();
  const slotS = p.slotMinutes * 60;
  let max = 0;
  for (let i = 0; i < p.slots.length; i++) {
    const start = p.from + i * slotS;
    const end = Math.min(start + slotS, p.to);
    const wall = wallOf(start * 1000, p.zone);
    let row = byDay.get(wall.day);
    if (!row) {
      row = { date: wall.date, weekday: wall.weekday, fires: 0, cells: new Array<HeatCell | undefined>(columnsCount).fill(undefined) };
      byDay.set(wall.day, row);
      rows.push(row);
    }
    const col = Math.floor(wall.minute / cellMinutes);
    let cell = row.cells[col];
    if (!cell) {
      cell = { row: rows.indexOf(row), col, start, end, fires: 0, groups: [] };
      row.cells[col] = cell;
    }
    cell.start = Math.min(cell.start, start);
    cell.end = Math.max(cell.end, end);
    const n = p.slots[i];
    cell.fires += n;
    row.fires += n;
    if (n) {
      for (const g of p.groups) {
        const gn = g.slots[i];
        if (!gn) continue;
        const have = cell.groups.find((x) => x.id === g.id);
        if (have) have.fires += gn;
        else cell.groups.push({ id: g.id, fires: gn });
      }
    }
    if (cell.fires > max) max = cell.fires;
  }
  let min = max;
  for (const r of rows) {
    for (const c of r.cells) {
      c?.groups.sort((a, b) => b.fires - a.fires || (a.id < b.id ? -1 : 1));
      if (c?.fires) min = Math.min(min, c.fires);
    }
  }
  return { cellMinutes, columns, rows, max, min };
}
