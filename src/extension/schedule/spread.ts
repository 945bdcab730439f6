// "Spread these tasks' start minutes": the tasks of a peak get start times on the 5-minute grid
// across a window the user picks, written into the patch as one WorkspaceEdit (not saved, not sent)
// for review. Offered beside each peak in Show Schedule and as a refactoring on a Trigger.Cron value.
import * as vscode from 'vscode';
import {
  PEAK_MINUTES, computePicture, hhmm, makeWindow, patchedTask, planSpread, tasksFiringIn, wallOf, type SchedulePicture, type SpreadInput,
} from '../../core/schedule';
import { planApply } from '../../core/apply';
import { toRequest } from '../../core/patch';
import { parsedPatch } from '../language/parsedDocuments';
import { cronTimeZone, cronWeekdayNumbering, currentLocale } from '../util/settings';
import { ui } from '../util/ui';

export const SPREAD_WINDOWS = [15, 30, 60, 120];

export interface SpreadResult {
  moved: number;
  kept: number;
  windowMinutes: number;
}

/** Spreads the tasks of the patch that start in the 5-minute window at `startS` (epoch seconds) of `picture`. */
export async function spreadPeak(doc: vscode.TextDocument, picture: SchedulePicture, startS: number): Promise<SpreadResult | undefined> {
  const inputs: SpreadInput[] = [];
  for (const { entry } of tasksFiringIn(picture, startS * 1000, (startS + PEAK_MINUTES * 60) * 1000)) {
    if (entry.task.patchIndex !== undefined && entry.task.cron) inputs.push({ patchIndex: entry.task.patchIndex, id: entry.task.id, cron: entry.task.cron });
  }
  const name = vscode.workspace.asRelativePath(doc.uri);
  if (inputs.length < 2) {
    void ui().showInformationMessage(vscode.l10n.t('Fewer than two tasks of {0} start there: nothing to spread.', name));
    return undefined;
  }
  const minute = wallOf(startS * 1000, picture.zone).minute;
  const items = SPREAD_WINDOWS.map((w) => {
    const slots = Math.max(1, Math.floor(Math.min(w, 1440 - minute) / PEAK_MINUTES));
    return {
      label: vscode.l10n.t('Over {0} minutes', w),
      description: slots === 1
        ? vscode.l10n.t('1 start time: {0}', hhmm(minute))
        : vscode.l10n.t('{0} start times: {1} … {2}', slots, hhmm(minute), hhmm(minute + (slots - 1) * PEAK_MINUTES)),
      windowMinutes: w,
    };
  });
  const pick = await ui().showQuickPick(items, { title: vscode.l10n.t('Spread {0} tasks starting at {1}', inputs.length, hhmm(minute)), placeHolder: vscode.l10n.t('Window to stagger the start minutes across (5-minute grid)') });
  if (!pick) return undefined;
  const parsed = parsedPatch(doc);
  const plan = planSpread(parsed, inputs, minute, pick.windowMinutes);
  if (!plan.moves.length) {
    void ui().showInformationMessage(vscode.l10n.t('No task of {0} needs a new start minute.', name));
    return { moved: 0, kept: plan.kept.length, windowMinutes: pick.windowMinutes };
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  await vscode.workspace.applyEdit(edit);
  void ui().showInformationMessage(plan.moves.length === 1
    ? vscode.l10n.t('1 task of {0} got a new start minute ({1} unchanged). Review the edit, then save; nothing was sent.', name, plan.kept.length)
    : vscode.l10n.t('{0} tasks of {1} got new start minutes ({2} unchanged). Review the edits, then save; nothing was sent.', plan.moves.length, name, plan.kept.length));
  return { moved: plan.moves.length, kept: plan.kept.length, windowMinutes: pick.windowMinutes };
}

/** The picture of a patch from its own crons only (no service): what the refactoring works from. */
export function patchOnlyPicture(doc: vscode.TextDocument): SchedulePicture | undefined {
  const parsed = parsedPatch(doc);
  if (parsed.syntaxErrors.length || !parsed.tasks.length) return undefined;
  const plan = planApply(toRequest(parsed), 100);
  const tasks = plan.tasks.map((t) => patchedTask(t.task, t.env, t.index));
  return computePicture(tasks, makeWindow({ zone: cronTimeZone(doc.uri).zone, nowMs: ui().now() }), { weekdays: cronWeekdayNumbering(doc.uri), locale: currentLocale() });
}

/** On a Trigger.Cron value of a task in a peak: "Spread these tasks' start minutes (N tasks start HH:MM)". */
export class SpreadCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.RefactorRewrite] };

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection): vscode.CodeAction[] {
    const parsed = parsedPatch(doc);
    const offset = doc.offsetAt(range.start);
    const index = parsed.tasks.findIndex((t) => offset >= t.offset && offset <= t.offset + t.length);
    const task = parsed.tasks[index];
    const cron = task?.fieldNode('Trigger.Cron');
    if (!task || !cron || offset < cron.offset || offset > cron.offset + cron.length) return [];
    let picture: SchedulePicture | undefined;
    try { picture = patchOnlyPicture(doc); } catch { return []; }
    const entry = picture?.tasks.find((t) => t.task.patchIndex === index);
    if (!picture || !entry) return [];
    const peak = picture.peaks.find((p) => p.starts.some((s) => entry.times.some((t) => t >= s * 1000 && t < (s + PEAK_MINUTES * 60) * 1000)));
    if (!peak) return [];
    const title = peak.fires === 1
      ? vscode.l10n.t('Spread these tasks\' start minutes (1 task starts at {0})', hhmm(peak.minuteOfDay))
      : vscode.l10n.t('Spread these tasks\' start minutes ({0} tasks start at {1})', peak.fires, hhmm(peak.minuteOfDay));
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.RefactorRewrite);
    action.command = { command: 'dataworks.spreadStartMinutes', title: action.title, arguments: [{ uri: doc.uri, start: peak.starts[0] }] };
    return [action];
  }
}
