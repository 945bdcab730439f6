// The "Load (CU)" view's model: per resource group, before and after, a day x hour grid of the
// busiest slot's CUs with the hours above capacity marked, and every text localized here.
import * as vscode from 'vscode';
import { cu, firstOver, hourRows, type CapacityPicture, type GroupLoad } from '../../core/capacity';
import { iso } from '../../core/schedule';
import { weekdayName } from './model';
import type { LoadResult } from './capacity';

export interface LoadCell {
  /** The busiest slot's CUs in the hour; null outside the window. */
  cu: number | null;
  over: boolean;
  /** For screen readers and the detail line. */
  label: string;
}

export interface LoadGroupSide {
  title: string;
  summary: string;
  /** Start of the first slot above capacity, epoch seconds; null when never (or no capacity). */
  firstOver: number | null;
  peakCu: number;
  rows: { label: string; cells: LoadCell[] }[];
}

export interface LoadGroupModel {
  id: string;
  capacityCu: number | null;
  capacitySource: 'spec' | 'user' | null;
  sides: LoadGroupSide[];
  /** The accessible name of "Spread this peak…" on the patched side; null when not offered (no patch, no load). */
  spread: string | null;
}

export interface LoadModel {
  groups: LoadGroupModel[];
  /** Largest CU of any cell: one colour scale for every grid. */
  max: number;
  slotMinutes: number;
  notes: string[];
  /** ListTaskInstances calls this read made (0: all from the cache). */
  calls: number;
}

/** @param canSpread the last side is a patch's after side, whose tasks a spread can move */
export function loadModel(result: LoadResult, sideTitles: readonly string[], canSpread: boolean): LoadModel {
  const ps = result.pictures;
  const ids = [...new Set(ps.flatMap((p) => p.groups.map((g) => g.id)))];
  let max = 0;
  const groups = ids.map((id): LoadGroupModel => {
    const found = ps.map((p) => p.groups.find((g) => g.id === id));
    const capacity = found.find((g) => g?.capacity)?.capacity;
    const sides = ps.map((p, i) => {
      const g = found[i];
      if (g) max = Math.max(max, g.peakCu);
      return groupSide(g, p, sideTitles[i] ?? '');
    });
    const last = found[found.length - 1];
    const p = ps[ps.length - 1]!;
    const spread = canSpread && last?.peakCu
      ? vscode.l10n.t('Spread the peak of group {0} ({1} CU at {2}): new start minutes for the runs that overlap it', id, cu(last.peakCu), iso(last.peakAt, p.zone))
      : null;
    return { id, capacityCu: capacity?.cu ?? null, capacitySource: capacity?.source ?? null, sides, spread };
  });
  const notes = [
    vscode.l10n.t('Load = CU × seconds running in the slot ÷ slot seconds, each run lasting its task\'s median successful run in the history read (days: {0}; {1}-minute slots; a cell shows the busiest slot of its hour).', result.historyDays, ps[0]?.slotMinutes ?? 0),
    vscode.l10n.t('Running = StartedTime to FinishedTime of ListTaskInstances (an assumption); a group\'s capacity from its spec = Spec.Standard ("4CU") × Spec.Amount, else from the setting dataworks.capacity.groups.'),
    result.calls ? vscode.l10n.t('ListTaskInstances calls made: {0}; cached in .dwtasks/history.', result.calls) : vscode.l10n.t('From the cache in .dwtasks/history: no call.'),
  ];
  ps.forEach((p, i) => {
    const prefix = ps.length > 1 ? `${sideTitles[i] ?? ''}: ` : '';
    if (p.withoutHistory.length) notes.push(prefix + vscode.l10n.t('Without a successful run in the history, no load counted ({0}): {1}', p.withoutHistory.length, ids5(p.withoutHistory.map((t) => t.task.id))));
    if (p.withoutCu.length) notes.push(prefix + vscode.l10n.t('Without RuntimeResource.Cu, no load counted ({0}): {1}', p.withoutCu.length, ids5(p.withoutCu.map((t) => t.task.id))));
  });
  return { groups, max, slotMinutes: ps[0]?.slotMinutes ?? 0, notes, calls: result.calls };
}

function ids5(ids: string[]): string {
  return ids.slice(0, 5).join(', ') + (ids.length > 5 ? ', …' : '');
}

function groupSide(g: GroupLoad | undefined, p: CapacityPicture, title: string): LoadGroupSide {
  if (!g) return { title, summary: vscode.l10n.t('No task on this group.'), firstOver: null, peakCu: 0, rows: [] };
  const first = firstOver(g, p);
  const peak = g.peakCu ? vscode.l10n.t('peak {0} CU at {1}', cu(g.peakCu), iso(g.peakAt, p.zone)) : vscode.l10n.t('no load');
  let summary: string;
  if (!g.capacity) summary = vscode.l10n.t('{0}; capacity unknown (set it in dataworks.capacity.groups)', peak);
  else {
    const cap = g.capacity.source === 'spec' ? vscode.l10n.t('capacity {0} CU (its spec)', cu(g.capacity.cu)) : vscode.l10n.t('capacity {0} CU (setting)', cu(g.capacity.cu));
    summary = first === undefined ? vscode.l10n.t('{0}; {1}, never exceeded', peak, cap) : vscode.l10n.t('{0}; {1}, first exceeded at {2} (slots above it: {3})', peak, cap, iso(first, p.zone), g.over.length);
  }
  const rows = hourRows(g, p).map((r) => {
    const day = `${weekdayName(r.weekday)} ${r.date.slice(5)}`;
    const cells = Array.from({ length: 24 }, (_, h): LoadCell => {
      const v = r.cells[h];
      const span = `${String(h).padStart(2, '0')}:00-${String(h + 1).padStart(2, '0')}:00`;
      const over = r.over[h] === true;
      const label = v === undefined ? `${day} ${span}: ${vscode.l10n.t('outside the window')}`
        : `${day} ${span}: ${over ? vscode.l10n.t('{0} CU, above capacity', cu(v)) : vscode.l10n.t('{0} CU', cu(v))}`;
      return { cu: v ?? null, over, label };
    });
    return { label: day, cells };
  });
  return { title, summary, firstOver: first ?? null, peakCu: g.peakCu, rows };
}
