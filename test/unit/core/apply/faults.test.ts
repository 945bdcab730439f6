// Fault test: 2,000 tasks against an emulator that throttles 30% of requests, fails 10% with 500,
// drops some connections before and some AFTER applying. The client's retry policy is the only retry.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runApply } from '@src/core/apply/run';
import { MemoryJournal, summarizeJournal } from '@src/core/apply/journal';
import type { TaskPatch } from '@src/core/patch/model';
import { DataWorksClient } from '@src/dataworks/client';
import { startFixture, tasksOf, type Fixture } from './support/emulator-fixture';

let fx: Fixture;
before(async () => {
  // 46% of attempts fail here; 16 attempts make a call that gives up rare (0.46^16 per call), short backoff keeps it fast.
  fx = await startFixture({ tasks: 2300, retry: { maxAttempts: 16, baseDelayMs: 2, maxDelayMs: 20 } });
});
after(async () => { await fx.emu.close(); });

test('2,000 tasks under throttling, 5xx and dropped connections: every task has a result and the state agrees', async () => {
  const original = tasksOf(fx.emu, 'Prod').slice(0, 2000);
  assert.equal(original.length, 2000);
  const patch: TaskPatch[] = original.map((t, i) => ({ Id: t.Id, Description: `fault run ${i}`, RerunTimes: (t.RerunTimes % 5) + 1 }));
  fx.emu.setFaults({ throttleRate: 0.3, errorRate: 0.1, dropRate: 0.03, dropAfterApplyRate: 0.03, seed: 11 });
  const journal = new MemoryJournal();
  const res = await runApply({ service: fx.client, request: { Tasks: patch }, batchSize: 20, rps: 1000, projectIds: fx.projectIds, journal });
  fx.emu.setFaults({});

  assert.equal(res.results.length, 2000, 'every task has a result');
  // A call that still fails after every retry with a dropped connection stops the run (the rest not sent).
  if (res.status === 'stopped') assert.ok(res.error?.kind === 'network', res.error?.message);
  const state = fx.emu.snapshot().tasks.Prod;
  const applied = (i: number) => state[original[i].Id].Description === patch[i].Description && state[original[i].Id].RerunTimes === patch[i].RerunTimes;
  const untouched = (i: number) => state[original[i].Id].Description === original[i].Description && state[original[i].Id].RerunTimes === original[i].RerunTimes;
  res.results.forEach((r, i) => {
    assert.equal(r.id, original[i].Id);
    if (r.status === 'succeeded') assert.ok(applied(i), `task ${r.id} reported succeeded but is not applied`);
    else if (r.status === 'failed' || r.status === 'not-sent') assert.ok(untouched(i), `task ${r.id} reported ${r.status} but changed`);
    else assert.ok(applied(i) || untouched(i), `task ${r.id} unknown but half-applied`);
  });
  const c = res.counts;
  console.log(`fault run: ${c.succeeded} succeeded, ${c.failed} failed, ${c.unknown} unknown, ${c.notSent} not sent, ${res.calls} engine calls`);
  // Before-state of 2,000 tasks spread over every project: about one ListTasks page per 100 tasks in the account.
  const prodTotal = Object.keys(fx.emu.snapshot().tasks.Prod).length;
  assert.ok(res.calls - 100 <= Math.ceil(prodTotal / 100) + fx.projectIds.length, `read calls ${res.calls - 100}`);
  if (res.status === 'done') assert.ok(c.succeeded >= 1900, `most chunks get through the client's retries (${c.succeeded})`);
  // The journal tells the same story as the results.
  const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.deepEqual(summary.tasks.map((t) => t.status), res.results.map((r) => r.status));

  // Applying again what did not succeed (updates are idempotent) converges on the expected state.
  const rest = res.results.filter((r) => r.status !== 'succeeded').map((r) => patch[r.index]);
  if (rest.length) {
    const again = await runApply({ service: fx.client, request: { Tasks: rest }, batchSize: 20, rps: 1000, readBefore: false });
    assert.equal(again.counts.succeeded, rest.length);
  }
  const final = fx.emu.snapshot().tasks.Prod;
  patch.forEach((p, i) => {
    assert.equal(final[p.Id].Description, p.Description, p.Id);
    assert.equal(final[p.Id].RerunTimes, p.RerunTimes, p.Id);
    assert.equal(final[p.Id].Owner, original[i].Owner, `untouched field of ${p.Id} kept`);
  });
});

test('without client retries, an answer lost after the service applied is reported unknown, never failed', async () => {
  const noRetry = new DataWorksClient({
    endpoint: fx.emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: fx.emu.accessKeyId, accessKeySecret: fx.emu.accessKeySecret },
    retry: { maxAttempts: 1 },
  });
  const original = tasksOf(fx.emu, 'Prod').slice(2000, 2150);
  const patch: TaskPatch[] = original.map((t, i) => ({ Id: t.Id, Description: `lost answer ${i}` }));
  fx.emu.setFaults({ throttleRate: 0.2, errorRate: 0.2, dropAfterApplyRate: 0.15, seed: 5 });
  // One call at a time: the emulator's seeded fault draws then fall on the same calls every run.
  const res = await runApply({ service: noRetry, request: { Tasks: patch }, batchSize: 10, rps: 1000, readBefore: false, maxInFlight: 1 });
  fx.emu.setFaults({});
  const state = fx.emu.snapshot().tasks.Prod;
  let unknownApplied = 0;
  res.results.forEach((r, i) => {
    const now = state[r.id].Description;
    if (r.status === 'succeeded') assert.equal(now, patch[i].Description);
    if (r.status === 'failed' || r.status === 'not-sent') assert.equal(now, original[i].Description, `${r.id} ${r.status}`);
    if (r.status === 'unknown' && now === patch[i].Description) unknownApplied++;
  });
  const statuses = new Set(res.results.map((r) => r.status));
  assert.ok(statuses.has('failed') && statuses.has('unknown'), [...statuses].join(','));
  // A dropped answer is a network error: the run stops there (every later call would likely fail too).
  if (res.status === 'stopped') assert.equal(res.error?.kind, 'network');
  assert.ok(unknownApplied > 0, 'the dropped-after-apply chunk really was applied: calling it failed would have been wrong');
});
