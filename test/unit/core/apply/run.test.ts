// The apply engine against the real emulator through the real client over HTTP.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runApply } from '@src/core/apply/run';
import { MemoryJournal, summarizeJournal, type JournalRecord } from '@src/core/apply/journal';
import { formatRevert } from '@src/core/apply/revert';
import { parsePatch, toRequest } from '@src/core/patch/index';
import { DataWorksClient } from '@src/dataworks/client';
import type { TaskPatch } from '@src/core/patch/model';
import { startFixture, tasksOf, type Fixture } from './support/emulator-fixture';

let fx: Fixture;
before(async () => { fx = await startFixture(); });
after(async () => { await fx.emu.close(); });

const lines = (j: MemoryJournal) => j.records.map((r: JournalRecord) => r.type === 'sending' || r.type === 'result' ? `${r.type}:${r.chunk}` : r.type);

test('mixed success: per-task results, state, journal order, before-state calls and a revert that restores', async () => {
  const prod = tasksOf(fx.emu, 'Prod');
  const devOnly = tasksOf(fx.emu, 'Dev').find((t) => !fx.emu.snapshot().tasks.Prod[t.Id])!;
  const big = prod.find((t) => BigInt(t.Id) > 2n ** 53n)!;
  const picked = prod.filter((t) => t !== big && t.Trigger.Type === 'Scheduler').slice(0, 20);
  const tasks: TaskPatch[] = [
    { Id: big.Id, Description: 'big id changed', Timeout: 7200 },
    ...picked.map((t, i) => ({ Id: t.Id, Description: `changed ${i}`, Trigger: { Cron: '00 15 03 * * ?' } })),
    { Id: picked[0].Id, EnvType: 'Dev', Description: 'dev copy' },
    { Id: '999999999999', Description: 'no such task' },
    { Id: devOnly.Id, EnvType: 'Prod', Description: 'wrong env' },
    { Id: picked[5].Id, Tags: [{ Key: 'team', Value: 'dw' }] },
  ];
  const journal = new MemoryJournal();
  const progress: number[] = [];
  const res = await runApply({
    service: fx.client, request: { Comment: 'test', Tasks: tasks }, batchSize: 8, rps: 200, projectIds: fx.projectIds,
    journal, file: 'mixed.dwtasks.json', target: { endpoint: fx.emu.endpoint }, onProgress: (p) => { if (p.phase === 'apply') progress.push(p.chunk); },
  });
  const byIndex = res.results.map((r) => r.status);
  assert.equal(res.status, 'done');
  assert.deepEqual(byIndex.slice(0, 21), Array(21).fill('succeeded'));
  assert.equal(byIndex[21], picked[0].Id in fx.emu.snapshot().tasks.Dev ? 'succeeded' : 'failed');
  assert.deepEqual(byIndex.slice(22), ['failed', 'failed', 'succeeded']);
  assert.match(res.results[22].message, /does not exist/);
  assert.match(res.results[23].message, /only in Dev/);
  assert.ok(res.results.every((r) => r.requestId), 'every answered task carries the RequestId');
  assert.equal(res.results[0].id, big.Id, 'int64 id exact');
  // Emulator state: what succeeded is applied, what failed is not.
  const after = fx.emu.snapshot();
  assert.equal(after.tasks.Prod[big.Id].Description, 'big id changed');
  assert.equal(after.tasks.Prod[big.Id].Timeout, 7200);
  picked.forEach((t, i) => assert.equal(after.tasks.Prod[t.Id].Description, `changed ${i}`));
  assert.equal(after.tasks.Prod[devOnly.Id], undefined);
  assert.deepEqual(after.tasks.Prod[picked[5].Id].Tags, [{ Key: 'team', Value: 'dw' }]);
  // Journal: plan, before, then sending/result pairs in order, then end; chunks of 8 in file order.
  const order = lines(journal);
  assert.deepEqual([order[0], order[1], order.at(-1)], ['plan', 'before', 'end']);
  assert.deepEqual(order.filter((l) => l.startsWith('sending')), ['sending:0', 'sending:1', 'sending:2', 'sending:3']);
  for (let c = 0; c < 4; c++) {
    assert.ok(order.indexOf(`sending:${c}`) < order.indexOf(`result:${c}`), `chunk ${c} journaled as sending before its result`);
  }
  // At most two calls in flight: never a third 'sending' before one of the two answered (answers may come in any order).
  let inFlight = 0;
  for (const l of order) {
    if (l.startsWith('sending:')) inFlight++;
    if (l.startsWith('result:')) inFlight--;
    assert.ok(inFlight <= 2, order.join(' '));
  }
  assert.deepEqual(progress, [1, 2, 3, 4]);
  const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.deepEqual(summary.tasks.map((t) => t.status), byIndex);
  // Before-state: the 23 list-able (id, env) pairs cost one ListTasks per project/env tried; the Tags
  // task and the ids no project has cost one GetTask each.
  const beforeRec = journal.records.find((r) => r.type === 'before')!;
  assert.ok(beforeRec.type === 'before' && beforeRec.calls <= 4 * 2 + 3, `before-state calls: ${beforeRec.type === 'before' ? beforeRec.calls : ''}`);
  assert.equal(res.plan.before.get(`Prod:${big.Id}`)?.values?.Description, big.Description);
  // Revert: apply it and every touched field is back to what it was.
  assert.ok(res.revert);
  const text = formatRevert(res.revert);
  const revertReq = toRequest(parsePatch(text));
  assert.ok(text.includes(`"Id": ${big.Id}`), 'revert file writes the int64 id as bare digits');
  assert.equal(revertReq.Tasks.some((t) => t.Id === '999999999999'), false, 'failed tasks are not in the revert');
  const rev = await runApply({ service: fx.client, request: revertReq, batchSize: 50, rps: 200, projectIds: fx.projectIds });
  assert.equal(rev.counts.succeeded, rev.results.length);
  const restored = fx.emu.snapshot();
  for (const t of [big, ...picked]) {
    const now = restored.tasks.Prod[t.Id];
    assert.equal(now.Description, t.Description, t.Id);
    assert.equal(now.Timeout, t.Timeout, t.Id);
    assert.deepEqual(now.Trigger, t.Trigger, t.Id);
    assert.deepEqual(now.Tags, t.Tags, t.Id);
  }
});

test('cancellation mid-run: the in-flight chunk is answered or unknown, later chunks not sent and unchanged', async () => {
  fx.emu.setFaults({ latencyMs: 60 });
  try {
    const prod = tasksOf(fx.emu, 'Prod').slice(100, 140);
    const ac = new AbortController();
    const journal = new MemoryJournal();
    const res = await runApply({
      service: fx.client, request: { Tasks: prod.map((t) => ({ Id: t.Id, Description: 'cancel test' })) }, batchSize: 5, rps: 1000,
      readBefore: false, journal, signal: ac.signal,
      // Cancelled the moment the second chunk is answered: the third (and maybe fourth) is then in flight.
      onProgress: (p) => { if (p.phase === 'apply' && p.chunk === 2) ac.abort(new Error('user cancelled')); },
    });
    assert.equal(res.status, 'cancelled');
    const statuses = res.results.map((r) => r.status);
    assert.deepEqual(statuses.slice(0, 10), Array(10).fill('succeeded'));
    // The third chunk was in flight: finished or unknown. The fourth may have left with it (two in
    // flight at most) or not; everything after them is not sent.
    assert.ok(statuses.slice(10, 15).every((s) => s === 'unknown' || s === 'succeeded'), statuses.join(','));
    assert.ok(statuses.slice(15, 20).every((s) => s === 'unknown' || s === 'succeeded' || s === 'not-sent'), statuses.join(','));
    assert.ok(statuses.slice(20).every((s) => s === 'not-sent'), statuses.join(','));
    const state = fx.emu.snapshot();
    res.results.forEach((r, i) => {
      if (r.status === 'not-sent') assert.equal(state.tasks.Prod[r.id].Description, prod[i].Description, `not-sent ${r.id} unchanged`);
      if (r.status === 'succeeded') assert.equal(state.tasks.Prod[r.id].Description, 'cancel test');
    });
    const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
    assert.deepEqual(summary.tasks.map((t) => t.status), statuses);
  } finally {
    fx.emu.setFaults({});
  }
});

test('a whole-call rejection fails every task of that chunk with the code and RequestId; other chunks go on', async () => {
  fx.emu.setFaults({ maxTasksPerCall: 3 });
  try {
    const prod = tasksOf(fx.emu, 'Prod').slice(200, 207);
    const res = await runApply({
      service: fx.client, request: { Tasks: [...prod.slice(0, 4), ...prod.slice(4)].map((t) => ({ Id: t.Id, Owner: '123' })) },
      batchSize: 4, rps: 500, readBefore: false,
    });
    assert.deepEqual(res.results.map((r) => r.status), ['failed', 'failed', 'failed', 'failed', 'succeeded', 'succeeded', 'succeeded']);
    assert.equal(res.results[0].code, 'InvalidParameter');
    assert.ok(res.results[0].requestId && res.results[0].requestId === res.results[3].requestId);
    assert.equal(res.status, 'done');
  } finally {
    fx.emu.setFaults({});
  }
});

test('bad credentials stop the run: first chunk failed, the rest not sent; nothing changed', async () => {
  const wrong = new DataWorksClient({ endpoint: fx.emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: fx.emu.accessKeyId, accessKeySecret: 'wrong' } });
  const prod = tasksOf(fx.emu, 'Prod').slice(250, 256);
  const res = await runApply({ service: wrong, request: { Tasks: prod.map((t) => ({ Id: t.Id, Description: 'nope' })) }, batchSize: 2, rps: 500, readBefore: false });
  assert.equal(res.status, 'stopped');
  assert.equal(res.error?.kind, 'auth');
  const st = res.results.map((r) => r.status);
  assert.deepEqual(st.slice(0, 2), ['failed', 'failed']);
  assert.ok(st[2] === st[3] && (st[2] === 'failed' || st[2] === 'not-sent'), 'the chunk already in flight fails too, or was never sent');
  assert.deepEqual(st.slice(4), ['not-sent', 'not-sent'], 'nothing leaves after the stop');
  const state = fx.emu.snapshot();
  for (const t of prod) assert.equal(state.tasks.Prod[t.Id].Description, t.Description);
});

test('without candidate projects, before-state costs one GetTask per task', async () => {
  const prod = tasksOf(fx.emu, 'Prod').slice(300, 305);
  const journal = new MemoryJournal();
  const res = await runApply({ service: fx.client, request: { Tasks: prod.map((t) => ({ Id: t.Id, Name: `${t.Name}_x` })) }, rps: 500, journal });
  const before = journal.records.find((r) => r.type === 'before');
  assert.ok(before?.type === 'before');
  assert.equal(before.calls, 5);
  assert.equal(res.calls, 1, 'one write');
  assert.equal(res.plan.readCalls, 5);
  assert.deepEqual(res.revert?.request.Tasks.map((t) => t.Name), prod.map((t) => t.Name));
});

test('a chunk touching a task still in flight waits for it: the later value wins', async () => {
  const [a, b] = tasksOf(fx.emu, 'Dev').slice(320, 322);
  let first = true;
  // The real client, with the first call held back 150 ms (as a slow answer would be): the window in
  // which a runner that did not wait would send the second chunk. Not a wait for a result.
  const slowFirst = {
    getTask: fx.client.getTask.bind(fx.client),
    batchUpdateTasks: async (...args: Parameters<typeof fx.client.batchUpdateTasks>) => {
      if (first) { first = false; await new Promise((r) => setTimeout(r, 150)); }
      return fx.client.batchUpdateTasks(...args);
    },
  };
  const res = await runApply({
    service: slowFirst, readBefore: false, rps: 1000, batchSize: 2,
    request: { Tasks: [{ Id: a.Id, EnvType: 'Dev', Description: 'first' }, { Id: b.Id, EnvType: 'Dev', Description: 'b' }, { Id: a.Id, EnvType: 'Dev', Description: 'second' }] },
  });
  assert.equal(res.plan.chunks.length, 2);
  assert.deepEqual(res.results.map((r) => r.status), ['succeeded', 'succeeded', 'succeeded']);
  assert.equal(fx.emu.snapshot().tasks.Dev[a.Id].Description, 'second');
});

test('cancelled while reading current values (the plan): nothing sent, every task not-sent, nothing journaled', async () => {
  fx.emu.setFaults({ latencyMs: 80 });
  try {
    const prod = tasksOf(fx.emu, 'Prod').slice(330, 340);
    const ac = new AbortController();
    const journal = new MemoryJournal();
    // Cancelled once the first read of a current value is on its way (the emulator answers after 80 ms).
    const service = {
      getTask: (...args: Parameters<typeof fx.client.getTask>) => {
        const call = fx.client.getTask(...args);
        ac.abort(new Error('user cancelled'));
        return call;
      },
      batchUpdateTasks: fx.client.batchUpdateTasks.bind(fx.client),
    };
    const res = await runApply({ service, request: { Tasks: prod.map((t) => ({ Id: t.Id, Description: 'never' })) }, rps: 1000, journal, signal: ac.signal });
      assert.equal(res.status, 'cancelled');
    assert.ok(res.results.every((r) => r.status === 'not-sent' && /Cancelled before anything was sent/.test(r.message)), res.results[0].message);
    assert.deepEqual(journal.records, [], 'the plan was never made: no journal');
    const state = fx.emu.snapshot();
    for (const t of prod) assert.equal(state.tasks.Prod[t.Id].Description, t.Description);
  } finally {
    fx.emu.setFaults({});
  }
});

test('a candidate project the account cannot list is skipped, the others still serve the before-state', async () => {
  const prod = tasksOf(fx.emu, 'Prod').slice(340, 345);
  const journal = new MemoryJournal();
  const res = await runApply({
    service: fx.client, request: { Tasks: prod.map((t) => ({ Id: t.Id, Timeout: t.Timeout + 60 })) }, rps: 500, journal,
    projectIds: ['1', ...fx.projectIds],
  });
  assert.equal(res.counts.succeeded, 5);
  assert.deepEqual(res.revert?.request.Tasks.map((t) => t.Timeout), prod.map((t) => t.Timeout));
  const before = journal.records.find((r) => r.type === 'before');
  assert.ok(before?.type === 'before' && before.calls <= 1 + fx.projectIds.length, 'one ListTasks per project tried, no GetTask');
});

test('separate read quota: before-state reads take the read limiter, chunks the write limiter', async () => {
  const counting = () => { const l = { n: 0, acquire: async () => { l.n++; } }; return l; };
  const reads = counting();
  const writes = counting();
  const picked = tasksOf(fx.emu, 'Prod').slice(30, 45);
  const res = await runApply({
    service: fx.client, request: { Tasks: picked.map((t, i) => ({ Id: t.Id, Description: `quota ${i}` })) }, batchSize: 5,
    limiter: writes, readLimiter: reads, projectIds: fx.projectIds,
  });
  assert.equal(res.status, 'done');
  assert.equal(res.counts.succeeded, picked.length);
  assert.equal(writes.n, 3, 'one write acquire per chunk');
  assert.ok(reads.n >= 1, 'the before-state reads went through the read limiter');
  assert.equal(writes.n, res.calls, 'every write acquired a write slot');
  assert.equal(reads.n, res.plan.readCalls, 'every read acquired a read slot');
});
