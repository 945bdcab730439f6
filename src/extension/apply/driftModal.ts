// The drift step of Apply: the plan held back tasks changed in DataWorks since their values were
// recorded (pulled, or read by the Preview being applied). The modal names them; "Apply anyway" sends
// them too (the CLI's --force), "Keep Them Back" sends the rest, Cancel sends nothing.
import * as vscode from 'vscode';
import { SAVED_PLAN_SOURCE, formatDrift, heldForDrift, type ApplyPlan, type Drift, type DriftDecision } from '../../core/apply';
import { ui } from '../util/ui';

const SHOWN = 15;

export async function decideDrift(plan: ApplyPlan, file: string): Promise<DriftDecision> {
  const held = new Set(heldForDrift(plan));
  const drifts = plan.drifts.filter((d) => held.has(d.index));
  const applyAnyway = vscode.l10n.t('Apply anyway');
  const keep = vscode.l10n.t('Keep Them Back');
  const lines = drifts.slice(0, SHOWN).map(describe);
  if (drifts.length > SHOWN) lines.push(vscode.l10n.t('… and {0} more', drifts.length - SHOWN));
  const pulled = drifts.every((d) => d.source === 'pulled');
  const message = drifts.length === 1
    ? pulled
      ? vscode.l10n.t('1 value in {0} was changed in DataWorks since it was pulled. Applying overwrites it.', file)
      : vscode.l10n.t('1 value in {0} was changed in DataWorks since it was read. Applying overwrites it.', file)
    : pulled
      ? vscode.l10n.t('{0} values in {1} were changed in DataWorks since they were pulled. Applying overwrites them.', drifts.length, file)
      : vscode.l10n.t('{0} values in {1} were changed in DataWorks since they were read. Applying overwrites them.', drifts.length, file);
  const answer = await ui().showWarningMessage(message, { modal: true, detail: lines.join('\n') }, applyAnyway, keep);
  return answer === applyAnyway ? 'force' : answer === keep ? 'hold' : 'stop';
}

function describe(d: Drift): string {
  if (d.source === 'pulled') return vscode.l10n.t('Task {0} {1} ({2}) {3}', d.id, d.name ?? '', d.env, driftField(d));
  return vscode.l10n.t('Task {0} ({1}) {2}', d.id, d.env, driftField(d));
}

/** One changed field, in the user's language: `Trigger.Cron: pulled "a", now "b"; the patch sets "c"`. */
export function driftField(d: Drift): string {
  const show = (v: unknown): string => (v === undefined ? vscode.l10n.t('(not set)') : JSON.stringify(v));
  if (d.source === 'pulled') return vscode.l10n.t('{0}: pulled {1}, now {2}; the patch sets {3}', d.path, show(d.then), show(d.now), show(d.patched));
  if (d.source === SAVED_PLAN_SOURCE) return vscode.l10n.t('{0}: {1} in the saved plan ({2}), now {3}; the patch sets {4}', d.path, show(d.then), d.at, show(d.now), show(d.patched));
  return formatDrift(d); // a source this file has no words for yet
}
