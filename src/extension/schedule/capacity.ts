// "Load (CU)" in Show Schedule: only when the user asks, the run history of the tasks in view is
// planned (calls said in a modal, refused above dataworks.capacity.maxHistoryCalls), read with
// progress and Cancel into the workspace's .dwtasks/history cache as the CLI does, then the CUs per
// group and slot are computed before and after, with capacities from the specs or the settings.
import * as vscode from 'vscode';
import { durationsByTask, type CapacityPicture } from '../../core/capacity';
import { recentBizdates } from '../../core/history/bizdate';
import type { SchedulePicture, ScheduleTask } from '../../core/schedule';
import type { ScheduleWindow } from '../../core/schedule/window';
import { capacitySides, DEFAULT_HISTORY_DAYS, groupSpecs, historyTasks, mergeCapacities, type CapacitySidesOptions } from '../../dataworks/capacity-inputs';
import { DEFAULT_HISTORY_CALL_LIMIT, planHistoryRead, readHistory, type HistoryScope } from '../../dataworks/history';
import type { TaskInstance } from '../../dataworks/types';
import type { ConnectionService } from '../connection';
import { MAX_HISTORY_CALLS_SETTING, maxHistoryCalls, userCapacities } from '../util/settings';
import { limiter, withCancel } from './load';
import { ui } from '../util/ui';

/** Slot of the load picture: the default. */
export const LOAD_SLOT_MINUTES = 15;

/** What the load was computed from, kept so a spread can draw it again without reading anything. */
export interface LoadInputs extends CapacitySidesOptions {
  window: ScheduleWindow;
  historyDays: number;
}

export interface LoadResult {
  /** One per side of the schedule picture (before, after). */
  pictures: CapacityPicture[];
  /** Calls said before reading, and made. */
  plannedCalls: number;
  calls: number;
  historyDays: number;
  inputs: LoadInputs;
}

/** The load of the pictures' sides from inputs already read (no call). */
export function computeLoad(pictures: readonly SchedulePicture[], inputs: LoadInputs, calls = 0, plannedCalls = 0): LoadResult {
  const out = capacitySides(pictures.map(sideTasks), inputs.window, inputs);
  return { pictures: out, plannedCalls, calls, historyDays: inputs.historyDays, inputs };
}

/** The tasks a side of the picture shows (fired or skipped). */
export function sideTasks(p: SchedulePicture): ScheduleTask[] {
  return [...p.tasks.map((t) => t.task), ...p.skipped.map((s) => s.task)];
}

/** Reads what the load needs and computes it; undefined when the user declines or the read is refused. */
export async function readLoad(connection: ConnectionService, pictures: readonly SchedulePicture[], folder: vscode.Uri | undefined): Promise<LoadResult | undefined> {
  const first = pictures[0];
  if (!first) return undefined;
  const workspace = (folder && vscode.workspace.getWorkspaceFolder(folder)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspace) throw new Error(vscode.l10n.t('Open a folder first: the run history is cached in its .dwtasks/history.'));
  const user = userCapacities(); // a bad setting stops before any call
  const conn = await connection.getConnection();
  const sides = pictures.map(sideTasks);
  const scopes = historyScopes(sides, first, workspace.uri.fsPath);
  const plans = scopes.map((s) => planHistoryRead(s, conn.client.endpoint));
  const planned = plans.reduce((n, p) => n + p.calls, 0);
  const limit = maxHistoryCalls(DEFAULT_HISTORY_CALL_LIMIT);
  const uncached = plans.reduce((n, p) => n + p.days.filter((d) => !d.cached).length, 0);
  const allDays = plans.reduce((n, p) => n + p.days.length, 0);
  if (planned > limit) {
    void ui().showErrorMessage(vscode.l10n.t('Reading the run history takes at least {0} ListTaskInstances calls (business dates not cached: {1}); the limit is {2}. Raise the setting {3} to read it.', planned, uncached, limit, MAX_HISTORY_CALLS_SETTING));
    return undefined;
  }
  if (planned > 0) {
    const message = vscode.l10n.t('Reading the run history (tasks: {0}, days: {1}) takes at least {2} ListTaskInstances calls; business dates already cached in .dwtasks/history: {3} of {4}. Read it?', scopes.reduce((n, s) => n + s.tasks.length, 0), DEFAULT_HISTORY_DAYS, planned, allDays - uncached, allDays);
    const read = vscode.l10n.t('Read');
    const yes = (await ui().showWarningMessage(message, { modal: true, detail: vscode.l10n.t('Limit: {0} calls ({1}).', limit, MAX_HISTORY_CALLS_SETTING) }, read)) === read;
    if (!yes) return undefined;
  }
  return withCancel(vscode.l10n.t('Reading the run history…'), async (signal, progress) => {
    const l = limiter();
    const instances: TaskInstance[] = [];
    const specs = new Map<string, number>();
    let calls = 0;
    for (const scope of scopes) {
      for (const [id, cu] of await groupSpecs(conn.client, scope.projectId, l, signal)) specs.set(id, cu);
      const read = await readHistory(scope, {
        client: conn.client, maxCalls: limit - calls, limiter: l, signal,
        onProgress: (p) => progress.report({ message: vscode.l10n.t('call {0} of {1}', calls + p.callsDone, planned) }),
      });
      calls += read.calls;
      instances.push(...read.instances);
    }
    const window = { zone: first.zone, from: first.from, to: first.to, slotMinutes: LOAD_SLOT_MINUTES };
    // Only the groups in view: the project's other groups would list empty.
    const inView = new Set(sides.flat().map((t) => t.resourceGroupId ?? ''));
    const capacities = new Map([...mergeCapacities(specs, user)].filter(([id]) => inView.has(id)));
    const inputs: LoadInputs = { window, weekdays: first.weekdays, durations: durationsByTask(instances), capacities, historyDays: DEFAULT_HISTORY_DAYS };
    return computeLoad(pictures, inputs, calls, planned);
  });
}

/** One history scope per project and environment of the tasks in view (a task without a known project has no history). */
function historyScopes(sides: readonly ScheduleTask[][], p: SchedulePicture, workspaceDir: string): HistoryScope[] {
  const byScope = new Map<string, Map<string, ScheduleTask>>();
  for (const t of sides.flat()) {
    if (!t.projectId) continue;
    const key = `${t.projectId}:${t.env}`;
    const tasks = byScope.get(key) ?? new Map<string, ScheduleTask>();
    // The first side (current values) names the task's cron for the estimate.
    if (!tasks.has(t.id)) tasks.set(t.id, t);
    byScope.set(key, tasks);
  }
  const bizdates = recentBizdates(Date.now(), DEFAULT_HISTORY_DAYS, p.zone);
  return [...byScope.values()].map((tasks) => {
    const [one] = tasks.values();
    return { projectId: one!.projectId!, env: one!.env, tasks: historyTasks([...tasks.values()]), bizdates, zone: p.zone, weekdays: p.weekdays, workspaceDir };
  });
}
