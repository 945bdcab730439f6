// What a run cancelled part way must say exactly, shared by the read-ahead tests: the journal's
// per-task statuses are the results', every task sent has its before-state journaled, the revert
// holds exactly the tasks that were (or may have been) applied, and the emulator agrees.
import assert from 'node:assert/strict';
import { summarizeJournal, type MemoryJournal } from '@src/core/apply/journal';
import type { ApplyResult } from '@src/core/apply/run';
import type { RunningEmulator } from '@src/emulator/index';

/** `originals[i]` is the i-th task's Timeout before the run; the patch added `delta` to each. */
export function assertCancelledExactly(res: ApplyResult, journal: MemoryJournal, emu: RunningEmulator, originals: number[], delta: number): void {
  assert.equal(res.status, 'cancelled');
  const statuses = res.results.map((r) => r.status);
  const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.deepEqual(summary.tasks.map((t) => t.status), statuses);
  assert.equal(summary.end?.status, 'cancelled');
  const journaled = new Set(summary.before?.tasks.map((t) => t.id));
  res.results.forEach((r) => { if (r.status !== 'not-sent') assert.ok(journaled.has(r.id), `sent task ${r.id} has no journaled before-state`); });
  const applied = res.results.filter((r) => r.status === 'succeeded' || r.status === 'unknown').map((r) => r.id);
  assert.deepEqual(res.revert?.request.Tasks.map((t) => t.Id).sort(), [...applied].sort());
  const state = emu.snapshot();
  res.results.forEach((r, i) => {
    if (r.status === 'not-sent') assert.equal(state.tasks.Prod[r.id].Timeout, originals[i], `not-sent ${r.id} unchanged`);
    if (r.status === 'succeeded') assert.equal(state.tasks.Prod[r.id].Timeout, originals[i] + delta, `succeeded ${r.id} applied`);
  });
}
