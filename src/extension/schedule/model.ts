// What the webview shows, built from the core's pictures with every string localized here (the
// webview gets finished texts, so it needs no translation of its own).
import * as vscode from 'vscode';
import type { ResolvedZone } from '../../core/time/regions';
import { buildHeatmap, hhmm, iso, PEAK_MINUTES, type Heatmap, type Peak, type SchedulePicture } from '../../core/schedule';

export interface PeakModel {
  label: string;
  fires: number;
  minuteOfDay: number;
  /** First occurrence, epoch seconds. */
  start: number;
}

export interface SideModel {
  title: string;
  subtitle: string;
  heatmap: Heatmap;
  /** Localized row labels (`Mon 11-30`) and cell labels for screen readers and tooltips. */
  rowLabels: string[];
  peaks: PeakModel[];
  notes: string[];
  totalFires: number;
  tasks: number;
  canSpread: boolean;
}

export interface ScheduleModel {
  kind: 'patch' | 'project';
  title: string;
  window: string;
  sides: SideModel[];
  /** Largest and smallest non-zero cell of all sides: both heatmaps use one colour scale over the window's own range. */
  max: number;
  min: number;
  strings: Record<string, string>;
}

export function weekdayName(d: number): string {
  return [
    vscode.l10n.t('Sun'), vscode.l10n.t('Mon'), vscode.l10n.t('Tue'), vscode.l10n.t('Wed'),
    vscode.l10n.t('Thu'), vscode.l10n.t('Fri'), vscode.l10n.t('Sat'),
  ][d]!;
}

export function peakLabel(peak: Peak, windowDays: number): string {
  const span = `${hhmm(peak.minuteOfDay)}-${hhmm(peak.minuteOfDay + PEAK_MINUTES)}`;
  const top = peak.groups[0]!;
  const all = top.fires === peak.fires;
  if (peak.starts.length === windowDays && windowDays > 1) {
    if (peak.fires === 1) return vscode.l10n.t('1 task starts {0} every day, on group {1}', span, top.id);
    return all
      ? vscode.l10n.t('{0} tasks start {1} every day, all on group {2}', peak.fires, span, top.id)
      : vscode.l10n.t('{0} tasks start {1} every day, {2} of them on group {3}', peak.fires, span, top.fires, top.id);
  }
  const days = peak.weekdays.map((w, i) => (windowDays <= 7 ? weekdayName(w) : `${weekdayName(w)} ${peak.dates[i]!.slice(5)}`)).join(vscode.l10n.t(', '));
  if (peak.fires === 1) return vscode.l10n.t('1 task starts {0} on {1}, on group {2}', span, days, top.id);
  return all
    ? vscode.l10n.t('{0} tasks start {1} on {2}, all on group {3}', peak.fires, span, days, top.id)
    : vscode.l10n.t('{0} tasks start {1} on {2}, {3} of them on group {4}', peak.fires, span, days, top.fires, top.id);
}

export function sideModel(p: SchedulePicture, title: string, canSpread: boolean, extraNotes: string[] = []): SideModel {
  const heatmap = buildHeatmap(p);
  const days = (p.to - p.from) / 86_400;
  const notes = [...extraNotes];
  const { manual, paused, dryRun } = p.counts;
  if (manual) notes.push(manual === 1 ? vscode.l10n.t('1 Manual task: 0 fires.') : vscode.l10n.t('{0} Manual tasks: 0 fires.', manual));
  if (paused) notes.push(paused === 1 ? vscode.l10n.t('1 paused task (Recurrence Pause): 0 fires.') : vscode.l10n.t('{0} paused tasks (Recurrence Pause): 0 fires.', paused));
  if (dryRun) notes.push(dryRun === 1 ? vscode.l10n.t('1 task with Recurrence Skip: 0 fires (dry runs use no resource group).') : vscode.l10n.t('{0} tasks with Recurrence Skip: 0 fires (dry runs use no resource group).', dryRun));
  if (p.skipped.length) {
    const which = [...p.skipped.slice(0, 5).map((s) => vscode.l10n.t('{0} ({1})', s.task.id, s.reason)), ...(p.skipped.length > 5 ? ['…'] : [])].join(vscode.l10n.t('; '));
    notes.push(p.skipped.length === 1 ? vscode.l10n.t('1 task skipped, not counted: {0}', which) : vscode.l10n.t('{0} tasks skipped, not counted: {1}', p.skipped.length, which));
  }
  const tasks = p.tasks.length + p.skipped.length;
  return {
    title,
    subtitle: vscode.l10n.t('{0}, {1}',
      tasks === 1 ? vscode.l10n.t('1 task') : vscode.l10n.t('{0} tasks', tasks),
      p.totalFires === 1 ? vscode.l10n.t('1 fire') : vscode.l10n.t('{0} fires', p.totalFires)),
    heatmap,
    rowLabels: heatmap.rows.map((r) => `${weekdayName(r.weekday)} ${r.date.slice(5)}`),
    peaks: p.peaks.map((x) => ({ label: peakLabel(x, days), fires: x.fires, minuteOfDay: x.minuteOfDay, start: x.starts[0]! })),
    notes,
    totalFires: p.totalFires,
    tasks: p.tasks.length + p.skipped.length,
    canSpread,
  };
}

/** The strings the webview script shows itself. */
export function webviewStrings(): Record<string, string> {
  return {
    peaks: vscode.l10n.t('Peaks (5-minute windows where the most tasks start)'),
    noPeaks: vscode.l10n.t('No 5-minute window has two or more starts.'),
    spread: vscode.l10n.t('Spread…'),
    fires: vscode.l10n.t('fires'),
    byGroup: vscode.l10n.t('By resource group'),
    cellHelp: vscode.l10n.t('Arrow keys move between cells; Enter lists the tasks of a cell.'),
    tasksIn: vscode.l10n.t('Tasks starting in {cell}'),
    noTasks: vscode.l10n.t('No task starts in this cell.'),
    selectAll: vscode.l10n.t('Select them in the patch'),
    total: vscode.l10n.t('total'),
    outside: vscode.l10n.t('outside the window'),
    starts: vscode.l10n.t('Starts'),
    load: vscode.l10n.t('Load (CU)'),
    loadAsking: vscode.l10n.t('Reading the run history, once you confirm the number of calls…'),
    loadNotRead: vscode.l10n.t('The run history was not read. Choose Load (CU) again to read it.'),
    loadHelp: vscode.l10n.t('CUs in use per resource group, the busiest 15-minute slot of each hour; hours above capacity are outlined. Arrow keys move between cells.'),
    noLoad: vscode.l10n.t('No load: no task with a CU and a known duration fires in the window.'),
    capacity: vscode.l10n.t('capacity'),
    spreadLoad: vscode.l10n.t('Spread this peak…'),
  };
}

/** The window line under the title: dates in the zone, slot size, zone (and when it is assumed), weekday numbering. */
export function windowText(p: SchedulePicture, clock?: ResolvedZone): string {
  const zone = clock && clock.zone === p.zone && (clock.source === 'region-assumed' || clock.source === 'unknown-region')
    ? vscode.l10n.t('{0}, assumed for region {1}; set dataworks.timeZone if it schedules on another clock', p.zone, clock.region)
    : p.zone;
  const days = (p.to - p.from) / 86_400;
  return days === 1
    ? vscode.l10n.t('{0} to {1} (1 day, {2}-minute slots, zone {3}, weekday numbering {4})', iso(p.from, p.zone), iso(p.to, p.zone), p.slotMinutes, zone, p.weekdays)
    : vscode.l10n.t('{0} to {1} ({2} days, {3}-minute slots, zone {4}, weekday numbering {5})', iso(p.from, p.zone), iso(p.to, p.zone), days, p.slotMinutes, zone, p.weekdays);
}
