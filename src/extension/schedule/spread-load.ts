// "Spread this peak" in the Load (CU) view: the patch's tasks of a group whose runs overlap its peak
// get new start minutes (core planLoadSpread), written into the patch as one WorkspaceEdit for review,
// as Spread for starts does. The quick pick says, per window, how far the peak would drop.
import * as vscode from 'vscode';
import { cu, planLoadSpread, type LoadKeptReason, type LoadSpreadPlan } from '../../core/capacity';
import { hhmm } from '../../core/schedule';
import { parsedPatch } from '../language/parsedDocuments';
import { ui } from '../util/ui';
import { sideTasks, type LoadInputs } from './capacity';
import type { ShownSchedule } from './panel';

export const LOAD_SPREAD_WINDOWS = [30, 60, 120, 240];

export interface LoadSpreadResult {
  group: string;
  moved: number;
  kept: number;
  windowMinutes: number;
  peakBefore: number;
  peakAfter: number;
}

/** Spreads the runs overlapping `group`'s peak on the patched (last) side of what the panel shows. */
export async function spreadLoadPeak(doc: vscode.TextDocument, shown: ShownSchedule, inputs: LoadInputs, group: string): Promise<LoadSpreadResult | undefined> {
  const after = shown.pictures[shown.pictures.length - 1];
  if (!after) return undefined;
  const parsed = parsedPatch(doc);
  const tasks = sideTasks(after);
  const name = vscode.workspace.asRelativePath(doc.uri);
  const plans = LOAD_SPREAD_WINDOWS.map((w) => ({ w, plan: planLoadSpread(parsed, tasks, inputs.window, inputs, group, w) }));
  const first = plans[0]!.plan;
  if (!first.peakBefore) {
    void ui().showInformationMessage(vscode.l10n.t('Group {0} has no load in the patched schedules: nothing to spread.', group));
    return undefined;
  }
  const items = plans.map(({ w, plan }) => ({
    label: vscode.l10n.t('Over {0} minutes', w),
    description: startsText(plan),
    detail: plan.moves.length
      ? (plan.moves.length === 1
        ? vscode.l10n.t('Peak {0} → {1} CU; 1 task moves', cu(plan.peakBefore), cu(plan.peakAfter))
        : vscode.l10n.t('Peak {0} → {1} CU; {2} tasks move', cu(plan.peakBefore), cu(plan.peakAfter), plan.moves.length))
      : vscode.l10n.t('No start in this window lowers the peak ({0} CU)', cu(plan.peakBefore)),
    windowMinutes: w,
    plan,
  }));
  const pick = await ui().showQuickPick(items, {
    title: vscode.l10n.t('Spread the load peak of group {0} ({1} CU)', group, cu(first.peakBefore)),
    placeHolder: vscode.l10n.t('Window for the new start minutes of the runs that overlap the peak (5-minute grid)'),
  });
  if (!pick) return undefined;
  const { plan } = pick;
  const kept = keptText(plan);
  const result = { group, moved: plan.moves.length, kept: plan.kept.length, windowMinutes: pick.windowMinutes, peakBefore: plan.peakBefore, peakAfter: plan.peakAfter };
  if (!plan.moves.length) {
    void ui().showInformationMessage([vscode.l10n.t('No task of {0} moves: no start in this window lowers the peak of group {1}.', name, group), kept].filter(Boolean).join(' '));
    return result;
  }
  const edit = new vscode.WorkspaceEdit();
  for (const e of plan.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.newText);
  await vscode.workspace.applyEdit(edit);
  const moved = plan.moves.length === 1
    ? vscode.l10n.t('1 task of {0} got a new start minute: the peak of group {1} goes from {2} to {3} CU.', name, group, cu(plan.peakBefore), cu(plan.peakAfter))
    : vscode.l10n.t('{0} tasks of {1} got new start minutes: the peak of group {2} goes from {3} to {4} CU.', plan.moves.length, name, group, cu(plan.peakBefore), cu(plan.peakAfter));
  const review = plan.moves.length === 1 ? vscode.l10n.t('Review the edit, then save; nothing was sent.') : vscode.l10n.t('Review the edits, then save; nothing was sent.');
  void ui().showInformationMessage([moved, kept, review].filter(Boolean).join(' '));
  return result;
}

function startsText(plan: LoadSpreadPlan): string {
  const n = plan.starts.length;
  return n === 1 ? vscode.l10n.t('1 start time: {0}', hhmm(plan.starts[0]!)) : vscode.l10n.t('{0} start times: {1} … {2}', n, hhmm(plan.starts[0]!), hhmm(plan.starts[n - 1]!));
}

/** "Kept: without a known duration: 2; ...", or '' when every task overlapping the peak moves. */
function keptText(plan: LoadSpreadPlan): string {
  const counts = new Map<LoadKeptReason, number>();
  for (const k of plan.kept) counts.set(k.reason, (counts.get(k.reason) ?? 0) + 1);
  if (!counts.size) return '';
  const parts = [...counts].map(([reason, n]) => vscode.l10n.t('{0}: {1}', reasonText(reason), n));
  return vscode.l10n.t('Kept where they start: {0}.', parts.join(vscode.l10n.t('; ')));
}

function reasonText(reason: LoadKeptReason): string {
  switch (reason) {
    case 'not-in-patch': return vscode.l10n.t('not in the patch');
    case 'no-duration': return vscode.l10n.t('no successful run in the history (no duration)');
    case 'no-cu': return vscode.l10n.t('no RuntimeResource.Cu');
    case 'sub-hourly': return vscode.l10n.t('firing more often than hourly');
    case 'minute-not-single': return vscode.l10n.t('minute field not a single minute');
    case 'invalid-cron': return vscode.l10n.t('no valid cron at a new start');
    case 'best-where-it-is': return vscode.l10n.t('no better start in the window');
    case 'peak-not-lowered': return vscode.l10n.t('the peak would not drop');
  }
}
