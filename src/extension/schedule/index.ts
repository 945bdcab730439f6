// Show Schedule: the schedule picture of the active patch (before vs after, side by side) or of a
// project environment from the Tasks view, as a webview heatmap; Spread Start Minutes on a peak.
import * as vscode from 'vscode';
import { isCancellation, registerCommand } from '../util/command';
import { computePicture, makeWindow, patchedOver, type SchedulePicture, type ScheduleTask } from '../../core/schedule';
import type { ConnectionService } from '../connection';
import { checkApplyGate, patchDocument, showRefusal } from '../apply/gate';
import { DWTASKS_SELECTOR } from '../language/selector';
import { EnvNode } from '../tree/nodes/envNode';
import { cronTimeZone, cronWeekdayNumbering, currentLocale } from '../util/settings';
import { readPatchInputs, readProjectTasks } from './load';
import { sideModel, webviewStrings, windowText, type ScheduleModel } from './model';
import { SchedulePanel, type ShownSchedule } from './panel';
import { computeLoad, readLoad } from './capacity';
import { loadModel, type LoadModel } from './load-model';
import { SpreadCodeActions, patchOnlyPicture, spreadPeak, type SpreadResult } from './spread';
import { spreadLoadPeak } from './spread-load';
import { ui } from '../util/ui';

export { SCHEDULE_VIEW_TYPE } from './panel';
export type { ShownSchedule } from './panel';
export type { ScheduleModel } from './model';
export type { SpreadResult } from './spread';
export type { LoadSpreadResult } from './spread-load';
export type { LoadModel } from './load-model';

/** What the schedule feature exposes (ExtensionApi.schedule), for tests. */
export interface ScheduleFeature {
  panel: SchedulePanel;
}

export function registerSchedule(context: vscode.ExtensionContext, connection: ConnectionService): ScheduleFeature {
  const panel = new SchedulePanel(async (shown, side, peakIndex) => {
    const picture = shown.pictures[side];
    const peak = shown.model.sides[side]?.peaks[peakIndex];
    if (!shown.patch || !picture || !peak) return;
    const doc = await vscode.workspace.openTextDocument(shown.patch);
    if (await spreadPeak(doc, picture, peak.start)) await showPatchSchedule(connection, panel, doc.uri, shown);
  }, (shown) => showLoad(connection, shown), async (shown, group) => {
    if (!shown.patch || !shown.loadInputs) return undefined;
    const doc = await vscode.workspace.openTextDocument(shown.patch);
    const result = await spreadLoadPeak(doc, shown, shown.loadInputs, group);
    if (result?.moved) await showPatchSchedule(connection, panel, doc.uri, shown, 'load');
    return result;
  });
  context.subscriptions.push(
    panel,
    vscode.languages.registerCodeActionsProvider(DWTASKS_SELECTOR, new SpreadCodeActions(), SpreadCodeActions.metadata),
    registerCommand('dataworks.showSchedule', async (arg?: unknown) => {
      const node = arg instanceof EnvNode ? arg : (arg as { node?: unknown } | undefined)?.node;
      if (node instanceof EnvNode) return showProjectSchedule(connection, panel, node);
      const uri = arg instanceof vscode.Uri ? arg : (arg as { uri?: unknown } | undefined)?.uri;
      return showPatchSchedule(connection, panel, uri instanceof vscode.Uri ? uri : undefined);
    }),
    registerCommand('dataworks.spreadStartMinutes', async (arg?: unknown): Promise<SpreadResult | undefined> => {
      const a = (arg ?? {}) as { uri?: unknown; start?: unknown };
      const doc = await patchDocument(a.uri instanceof vscode.Uri ? a.uri : undefined);
      if (!doc) return undefined;
      const shown = panel.current;
      const fromPanel = shown?.patch?.toString() === doc.uri.toString() ? shown.pictures[shown.pictures.length - 1] : undefined;
      const picture = fromPanel ?? patchOnlyPicture(doc);
      if (!picture) return undefined;
      const start = typeof a.start === 'number' ? a.start : await pickPeak(picture);
      if (start === undefined) return undefined;
      const result = await spreadPeak(doc, picture, start);
      if (result && fromPanel && shown) await showPatchSchedule(connection, panel, doc.uri, shown);
      return result;
    }),
  );
  return { panel };
}

/** The Load (CU) view of what the panel shows; errors end in one message, the view stays as it was. */
async function showLoad(connection: ConnectionService, shown: ShownSchedule): Promise<LoadModel | undefined> {
  try {
    const result = await readLoad(connection, shown.pictures, shown.patch);
    if (!result) return undefined;
    shown.loadInputs = result.inputs;
    return loadModel(result, shown.model.sides.map((s) => s.title), shown.model.kind === 'patch');
  } catch (e) {
    if (isCancellation(e)) return undefined;
    void ui().showErrorMessage(vscode.l10n.t('Cannot show the load: {0}', (e as Error).message));
    return undefined;
  }
}

async function pickPeak(picture: SchedulePicture): Promise<number | undefined> {
  const top = picture.peaks[0];
  if (!top) {
    void ui().showInformationMessage(vscode.l10n.t('No peak in this patch: no 5-minute window has two or more starts.'));
    return undefined;
  }
  return top.starts[0];
}

function window() {
  return makeWindow({ zone: cronTimeZone().zone, nowMs: ui().now() });
}

/**
 * Patch mode. `reuse` (after a spread) keeps the current values already read: only the patched side
 * is computed again, from the edited document, without another call to the service; so is its load
 * when it was read, drawn on the `tab` given.
 */
async function showPatchSchedule(connection: ConnectionService, panel: SchedulePanel, uri: vscode.Uri | undefined, reuse?: ShownSchedule, tab?: 'load'): Promise<ShownSchedule | undefined> {
  const doc = await patchDocument(uri);
  if (!doc) return undefined;
  const gate = checkApplyGate(doc, true); // reads only: errors stop it, trust is not needed
  if (!gate.ok) { void showRefusal(gate); return undefined; }
  const name = vscode.workspace.asRelativePath(doc.uri);
  const weekdays = cronWeekdayNumbering(doc.uri);
  const w = reuse ? { zone: reuse.pictures[0]!.zone, from: reuse.pictures[0]!.from, to: reuse.pictures[0]!.to, slotMinutes: reuse.pictures[0]!.slotMinutes } : window();
  let before: ScheduleTask[] | undefined;
  let after: ScheduleTask[];
  let beforeError: string | undefined;
  if (reuse?.before) {
    before = reuse.before;
    after = patchedOver(gate.verdict.request, before);
  } else {
    let inputs;
    try {
      inputs = await readPatchInputs(connection, gate.input, gate.verdict, name);
    } catch (e) {
      void ui().showErrorMessage(vscode.l10n.t('Cannot show the schedule of {0}: {1}', name, (e as Error).message));
      return undefined;
    }
    ({ before, after, beforeError } = inputs);
  }
  const pictures: SchedulePicture[] = [];
  const sides = [];
  if (before) {
    const p = computePicture(before, w, { weekdays, locale: currentLocale() });
    pictures.push(p);
    sides.push(sideModel(p, vscode.l10n.t('Before: current schedules'), false));
  }
  const pa = computePicture(after, w, { weekdays, locale: currentLocale() });
  pictures.push(pa);
  sides.push(sideModel(pa, vscode.l10n.t('After: patched schedules'), true, beforeError ? [vscode.l10n.t('Current values not read ({0}): tasks without a Cron in the patch are skipped.', beforeError)] : []));
  const model: ScheduleModel = {
    kind: 'patch',
    title: vscode.l10n.t('Schedule: {0}', name),
    window: windowText(pa, cronTimeZone(doc.uri)),
    sides,
    max: Math.max(...sides.map((s) => s.heatmap.max), 1),
    min: Math.min(...sides.map((s) => s.heatmap.min || Infinity), Math.max(...sides.map((s) => s.heatmap.max), 1)),
    strings: { ...webviewStrings(), lang: vscode.env.language },
  };
  const shown: ShownSchedule = { model, pictures, patch: doc.uri, ...(before ? { before } : {}) };
  if (reuse?.loadInputs) {
    shown.loadInputs = reuse.loadInputs;
    shown.load = loadModel(computeLoad(pictures, reuse.loadInputs), sides.map((s) => s.title), true);
    if (tab) shown.tab = tab;
  }
  panel.show(shown);
  return shown;
}

async function showProjectSchedule(connection: ConnectionService, panel: SchedulePanel, node: EnvNode): Promise<ShownSchedule | undefined> {
  const project = node.project;
  let tasks: ScheduleTask[];
  try {
    // Every task is of this project: the Load view reads its history by project.
    tasks = (await readProjectTasks(connection, project.Id, project.Name, node.env)).map((t) => ({ ...t, projectId: t.projectId ?? project.Id }));
  } catch (e) {
    void ui().showErrorMessage(vscode.l10n.t('Cannot show the schedule of {0} ({1}): {2}', project.Name, node.env, (e as Error).message));
    return undefined;
  }
  const p = computePicture(tasks, window(), { weekdays: cronWeekdayNumbering(), locale: currentLocale() });
  const side = sideModel(p, vscode.l10n.t('{0} ({1}): every task', project.Name, node.env), false);
  const model: ScheduleModel = {
    kind: 'project',
    title: vscode.l10n.t('Schedule: {0} ({1})', project.Name, node.env),
    window: windowText(p, cronTimeZone()),
    sides: [side],
    max: Math.max(side.heatmap.max, 1),
    min: side.heatmap.min || 1,
    strings: { ...webviewStrings(), lang: vscode.env.language },
  };
  const shown: ShownSchedule = { model, pictures: [p] };
  panel.show(shown);
  return shown;
}
