// The revert patch: the before-state of every touched field, for the tasks that may have changed.
import { formatPatchFile } from '../patch/serialize';
import type { BatchUpdateRequest, TaskPatch } from '../patch/model';
import type { BeforeEntry } from './before-state';
import { taskKey, touchedFields } from './fields';
import type { TaskOutcome } from './outcome';
import { parseJournal, summarizeJournal } from './journal';

/** String fields the service may omit when empty: restoring "absent" means setting "". */
const EMPTY_STRING_FIELDS = new Set(['Description']);

export interface RevertPlan {
  request: BatchUpdateRequest;
  /** Tasks that may have changed but whose before-state is missing or incomplete. */
  skipped: { id: string; envType: string; reason: string }[];
}

/**
 * Tasks included: succeeded AND unknown ones. An unknown task may or may not have been applied;
 * setting it to its before-values is harmless either way (updates are idempotent), while leaving it
 * out could leave a change nobody can undo. Failed and not-sent tasks did not change: left out.
 * Fields: each touched top-level field set back whole (Trigger, RuntimeResource, Tags as read), since
 * how the service merges a partial object is unconfirmed and the whole read value is exact.
 */
export function buildRevert(
  tasks: TaskPatch[], outcomes: Pick<TaskOutcome, 'index' | 'id' | 'envType' | 'status'>[], before: Map<string, BeforeEntry>, comment?: string,
): RevertPlan | null {
  const changed = outcomes.filter((o) => o.status === 'succeeded' || o.status === 'unknown');
  if (!changed.length) return null;
  const out: TaskPatch[] = [];
  const skipped: RevertPlan['skipped'] = [];
  const seen = new Map<string, TaskPatch>();
  for (const o of changed) {
    const key = taskKey(o.id, o.envType);
    const task = tasks[o.index];
    const entry = before.get(key);
    if (!entry?.values) {
      skipped.push({ id: o.id, envType: o.envType, reason: entry?.error ?? 'before-state not read' });
      continue;
    }
    const revert: TaskPatch = { Id: o.id };
    if (task.EnvType !== undefined) revert.EnvType = task.EnvType;
    const missing: string[] = [];
    for (const f of touchedFields(task)) {
      const v = (entry.values as Record<string, unknown>)[f];
      if (v !== undefined) (revert as unknown as Record<string, unknown>)[f] = v;
      else if (EMPTY_STRING_FIELDS.has(f)) (revert as unknown as Record<string, unknown>)[f] = '';
      else missing.push(f);
    }
    if (missing.length) skipped.push({ id: o.id, envType: o.envType, reason: `no current value reported for ${missing.join(', ')}` });
    // The same task twice in one patch: one revert entry with the fields of both (before-state is the value before both).
    const earlier = seen.get(key);
    if (earlier) Object.assign(earlier, { ...revert, Id: earlier.Id });
    else if (Object.keys(revert).length > (revert.EnvType ? 2 : 1)) { out.push(revert); seen.set(key, revert); }
  }
  if (!out.length && !skipped.length) return null;
  const notes = skipped.length ? ` Not revertible (${skipped.length}): ${skipped.slice(0, 20).map((s) => `${s.id} (${s.envType}): ${s.reason}`).join('; ')}${skipped.length > 20 ? '; ...' : ''}.` : '';
  return { request: { Comment: `${comment ?? 'Revert'}.${notes}`, Tasks: out }, skipped };
}

export function formatRevert(plan: RevertPlan): string {
  return formatPatchFile(plan.request);
}

/**
 * The revert patch a journal makes: the before-values of every task it shows as sent or possibly sent
 * (succeeded or unknown), whether the run finished, failed, was cancelled or killed. The tasks come
 * from its 'sending' records (exactly as sent), the values from its 'before' record.
 */
export function revertFromJournal(text: string, journalName: string): RevertPlan | null {
  const { records } = parseJournal(text);
  const summary = summarizeJournal(text);
  const sent: TaskPatch[] = [];
  const chunks = new Map((summary.plan?.chunks ?? []).map((c) => [c.index, c.tasks]));
  for (const r of records) {
    if (r.type !== 'sending') continue;
    const planned = chunks.get(r.chunk) ?? [];
    r.tasks.forEach((task, i) => { if (planned[i]) sent[planned[i].index] = task; });
  }
  const before = new Map((summary.before?.tasks ?? []).map((b) => [taskKey(b.id, b.envType), b]));
  const outcomes = summary.tasks.filter((t) => sent[t.index] !== undefined).map((t) => ({ ...t, index: t.index }));
  const run = summary.end ? `${summary.end.status} run` : 'run that did not finish';
  return buildRevert(sent, outcomes, before, `Revert of the ${run} in ${journalName}${summary.plan?.file ? ` (${summary.plan.file})` : ''}`);
}
