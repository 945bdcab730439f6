// With a read quota apart from the write quota, the before-state reader reads page 1 of every
// candidate project at once, so the first chunk leaves long before the last project is read. Over
// real HTTP against the emulator; a thin wrapper around the real client notes which project each
// read was for, and the emulator's own request log gives the order the service saw.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runApply, finishJournal } from '../../../../src/core/apply/run';
import { readBeforeState } from '../../../../src/core/apply/before-state';
import { MemoryJournal, summarizeJournal } from '../../../../src/core/apply/journal';
import { LIST_IDS_PER_CALL } from '../../../../src/core/apply/project-read';
import { planApply } from '../../../../src/core/apply/plan';
import { TokenBucket } from '../../../../src/core/apply/rate-limit';
import type { TaskPatch } from '../../../../src/core/patch/model';
import type { TaskRecord } from '../../../../src/emulator/index';
import { recordingService, type CallEvent } from './recording-service';
import { requestsOf, startFixture, type Fixture } from './emulator-fixture';
import { assertCancelledExactly } from './cancel-checks';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 2000 }); });
after(async () => { await fx.emu.close(); });

type Event = CallEvent;
const recording = (log: Event[]) => recordingService(fx.client, log);

/** Prod tasks in the seed's own order (ids rising, the big ones every 25th): every chunk holds tasks of every project. */
const prodInSeedOrder = (): TaskRecord[] => Object.values(fx.emu.snapshot().tasks.Prod);
const projectOf = (t: TaskRecord) => t.ProjectId;
const pagesOf = (projectId: string) => Math.ceil(prodInSeedOrder().filter((t) => projectOf(t) === projectId).length / LIST_IDS_PER_CALL);

/**
 * The strict in-order rule's ListTasks count, worked out from the emulator's state alone: projects in
 * order, ids not found carried on; at most 100 left: one Ids call; more: page 1, then the fewer of the
 * remaining pages and the remaining ids 100 per call.
 */
function inOrderCount(ids: string[], projectIds: string[]): number {
  const prod = fx.emu.snapshot().tasks.Prod;
  let left = ids.filter((id) => prod[id]);
  let calls = 0;
  for (const p of projectIds) {
    if (!left.length) break;
    calls++;
    const mine = Object.values(prod).filter((t) => t.ProjectId === p).sort((a, b) => (BigInt(b.Id) > BigInt(a.Id) ? 1 : -1));
    if (left.length > LIST_IDS_PER_CALL) {
      const page1 = new Set(mine.slice(0, LIST_IDS_PER_CALL).map((t) => t.Id));
      const rest = left.filter((id) => !page1.has(id)).length;
      calls += Math.min(Math.ceil(mine.length / LIST_IDS_PER_CALL) - 1, Math.ceil(rest / LIST_IDS_PER_CALL));
    }
    const inP = new Set(mine.map((t) => t.Id));
    left = left.filter((id) => !inP.has(id));
  }
  return calls;
}

const listCalls = () => requestsOf(fx, 'ListTasks').length;

test('separate read quota: the first write leaves before the last project is read, each write after its own tasks, no more calls than in order', async () => {
  const all = prodInSeedOrder();
  const last = fx.projectIds.at(-1)!;
  const log: Event[] = [];
  const journal = new MemoryJournal();
  const mark = fx.requests.length;
  const res = await runApply({
    service: recording(log), request: { Tasks: all.map((t, i) => ({ Id: t.Id, Description: `at once ${i}` })) }, batchSize: 50,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(25), projectIds: fx.projectIds, journal,
  });
  await finishJournal(journal, res, null);
  assert.equal(res.status, 'done');
  assert.equal(res.counts.succeeded, all.length);

  // The emulator's log: the reads answered before the first write are far fewer than the in-order
  // rule needs before it even starts the last project (every page of the others, and the last's page 1).
  const seen = fx.requests.slice(mark).filter((l) => /^(ListTasks|BatchUpdateTasks) /.test(l));
  const readsBeforeFirstWrite = seen.findIndex((l) => l.startsWith('BatchUpdateTasks '));
  const inOrderBeforeLast = fx.projectIds.slice(0, -1).reduce((n, p) => n + pagesOf(p), 0) + 1;
  assert.ok(readsBeforeFirstWrite > 0 && readsBeforeFirstWrite < inOrderBeforeLast, `first write answered after ${readsBeforeFirstWrite} reads; in order the last project starts after ${inOrderBeforeLast}`);
  // The first chunks are made of what the pages 1 brought: the first write needs nothing more (give
  // or take the four reads in flight meanwhile), where the file's first 50 would need every last page too.
  // Counted in the order the engine saw (reads answered to it before it sent the write), not the order
  // the emulator answered in, which a loaded machine reshuffles.
  const sentAt = log.findIndex((e) => e.kind === 'write');
  const readsBeforeSend = log.slice(0, sentAt).filter((e) => e.kind === 'read').length;
  assert.ok(readsBeforeSend >= fx.projectIds.length && readsBeforeSend <= fx.projectIds.length + 4, `first write sent after ${readsBeforeSend} reads`);
  const planRec = journal.records.find((r) => r.type === 'plan');
  assert.ok(planRec?.type === 'plan');
  assert.equal(planRec.chunks.length, Math.ceil(all.length / 50), 'as many calls as in file order');
  assert.ok(planRec.startedAt && planRec.startedAt <= planRec.at, 'the plan says when the engine started, before the pages 1 were read');
  assert.ok(planRec.chunks.slice(0, -1).every((c) => c.tasks.length === 50), 'only the last chunk is smaller');
  const sent = journal.records.flatMap((r) => (r.type === 'sending' ? [r] : []));
  sent.forEach((r) => assert.deepEqual(r.tasks.map((t) => t.Id), planRec.chunks[r.chunk].tasks.map((t) => t.id), `chunk ${r.chunk} sent as journaled in the plan`));

  // The wrapper's log: the first write leaves while reads of the last project are still to come.
  const firstWrite = log.findIndex((e) => e.kind === 'write');
  const lastReadOfLast = log.map((e) => (e.kind === 'read' ? e.project : undefined)).lastIndexOf(last);
  assert.ok(firstWrite < lastReadOfLast, `first write at ${firstWrite}, last read of project ${last} at ${lastReadOfLast}`);
  const readIds = new Set<string>();
  for (const e of log) {
    if (e.kind === 'read') e.ids.forEach((id) => readIds.add(id));
    else for (const id of e.ids) assert.ok(readIds.has(id), `task ${id} written before its current values were read`);
  }

  // Calls: every project walked, as in order; nothing extra here.
  const reads = seen.length - res.plan.chunks.length;
  assert.equal(reads, inOrderCount(all.map((t) => t.Id), fx.projectIds));
  assert.deepEqual(res.reads, { calls: reads, inOrderCalls: reads });
  assert.deepEqual(summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n')).end?.reads, res.reads);
  // The journal holds each chunk's before-state before its 'sending' record, and the revert is exact.
  const journaled = new Set<string>();
  for (const r of journal.records) {
    if (r.type === 'before') r.tasks.forEach((t) => journaled.add(t.id));
    if (r.type === 'sending') for (const t of r.tasks) assert.ok(journaled.has(t.Id), `chunk ${r.chunk}: ${t.Id} sent before its before-state was journaled`);
  }
  assert.deepEqual(res.revert?.request.Tasks.map((t) => [t.Id, t.Description]), all.map((t) => [t.Id, t.Description]));
});

test('reading at once: the same before-state as in order, at most one extra call per project, and the in-order count it reports is exact', async () => {
  const all = prodInSeedOrder();
  const [p1, , , p4] = fx.projectIds;
  const cases: [string, TaskRecord[]][] = [
    ['150 tasks of the first project (the other pages 1 are extra)', all.filter((t) => projectOf(t) === p1).slice(0, 150)],
    ['every third task of the account', all.filter((_, i) => i % 3 === 0)],
    ['250 tasks of the last project only (Ids asked project by project)', all.filter((t) => projectOf(t) === p4).slice(-250)],
    ['60 tasks over every project (each project asked by Ids at once)', all.filter((_, i) => i % 31 === 0).slice(0, 60)],
    ['a few tasks of the first project, every task of the others', all.filter((t, i) => projectOf(t) !== p1 || i % 250 < 2)],
  ];
  const extras: number[] = [];
  for (const [label, picked] of cases) {
    const tasks = planApply({ Tasks: picked.map((t): TaskPatch => ({ Id: t.Id, Timeout: 1 })) }).tasks;
    const expected = inOrderCount(picked.map((t) => t.Id), fx.projectIds);
    let mark = listCalls();
    const strict = await readBeforeState(tasks, { service: fx.client, limiter: new TokenBucket(500), projectIds: fx.projectIds });
    assert.equal(listCalls() - mark, expected, `${label}: in order`);
    assert.equal(strict.inOrderCalls, expected);
    mark = listCalls();
    const atOnce = await readBeforeState(tasks, { service: fx.client, limiter: new TokenBucket(500), projectIds: fx.projectIds, atOnce: true });
    const made = listCalls() - mark;
    assert.equal(atOnce.calls, made, label);
    assert.equal(atOnce.inOrderCalls, expected, `${label}: the in-order count reported`);
    extras.push(made - expected);
    assert.ok(made <= expected + fx.projectIds.length, `${label}: ${made} calls at once vs ${expected} in order`);
    assert.deepEqual([...atOnce.entries].sort(), [...strict.entries].sort(), `${label}: same before-state`);
    assert.equal(atOnce.entries.size, picked.length);
  }
  // The bound is not vacuous: the first case pays for the other projects' pages 1; the spread ones need none.
  assert.equal(extras[0], fx.projectIds.length - 1, extras.join());
  assert.ok(extras.every((n) => n <= fx.projectIds.length), extras.join());

  // Both environments in one patch: each is read on its own, the bound holds per environment.
  const dev = Object.values(fx.emu.snapshot().tasks.Dev).filter((_, i) => i % 5 === 0);
  const mixed = planApply({ Tasks: [...dev.map((t): TaskPatch => ({ Id: t.Id, EnvType: 'Dev', Timeout: 1 })), ...all.filter((_, i) => i % 7 === 0).map((t): TaskPatch => ({ Id: t.Id, Timeout: 1 }))] }).tasks;
  let mark = listCalls();
  const strict = await readBeforeState(mixed, { service: fx.client, limiter: new TokenBucket(500), projectIds: fx.projectIds });
  const strictCalls = listCalls() - mark;
  mark = listCalls();
  const atOnce = await readBeforeState(mixed, { service: fx.client, limiter: new TokenBucket(500), projectIds: fx.projectIds, atOnce: true });
  assert.equal(atOnce.inOrderCalls, strictCalls);
  assert.ok(listCalls() - mark <= strictCalls + 2 * fx.projectIds.length, `${listCalls() - mark} vs ${strictCalls}`);
  assert.deepEqual([...atOnce.entries].sort(), [...strict.entries].sort());
  assert.equal(atOnce.entries.size, mixed.length);
});

test('shared quota: the strict order, project after project, with exactly the in-order count', async () => {
  const all = prodInSeedOrder();
  const log: Event[] = [];
  const mark = listCalls();
  const res = await runApply({
    service: recording(log), request: { Tasks: all.map((t, i) => ({ Id: t.Id, Description: `shared ${i}` })) }, batchSize: 50,
    rps: 500, projectIds: fx.projectIds,
  });
  assert.equal(res.counts.succeeded, all.length);
  const reads = listCalls() - mark;
  assert.equal(reads, inOrderCount(all.map((t) => t.Id), fx.projectIds));
  assert.deepEqual(res.reads, { calls: reads, inOrderCalls: reads });
  // Never a read of a project before every read of the ones before it has answered... started, at
  // least: the reads of one project are all in the log before the first of the next.
  const order = log.flatMap((e) => (e.kind === 'read' && e.project ? [fx.projectIds.indexOf(e.project)] : []));
  assert.deepEqual(order, [...order].sort((a, b) => a - b), 'projects read one after the other');
});

test('separate read quota, cancelled while reading ahead: results, journal and revert say exactly which tasks were applied', async () => {
  const all = prodInSeedOrder();
  const log: Event[] = [];
  const journal = new MemoryJournal();
  const ac = new AbortController();
  const res = await runApply({
    service: recording(log), request: { Tasks: all.map((t) => ({ Id: t.Id, Timeout: t.Timeout + 7 })) }, batchSize: 50,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(8), projectIds: fx.projectIds, journal, signal: ac.signal,
    onProgress: (p) => { if (p.phase === 'apply' && p.chunk === 2) ac.abort(new Error('user cancelled')); },
  });
  await finishJournal(journal, res, null);
  assert.equal(res.reads, undefined, 'the reading did not finish');
  const statuses = res.results.map((r) => r.status);
  assert.ok(statuses.filter((s) => s === 'succeeded').length >= 100, statuses.join(','));
  assert.ok(statuses.slice(-50).every((s) => s === 'not-sent'), 'the last chunk was never sent');
  assertCancelledExactly(res, journal, fx.emu, all.map((t) => t.Timeout), 7);
});

test('separate read quota: a task in no project still gets its GetTask and a clear "not found"', async () => {
  const all = prodInSeedOrder().filter((_, i) => i % 4 === 0);
  const { tasks: state } = fx.emu.snapshot();
  const devOnly = Object.values(state.Dev).find((t) => !state.Prod[t.Id])!;
  const tasks: TaskPatch[] = [
    ...all.slice(0, 120).map((t) => ({ Id: t.Id, Description: 'found' })),
    { Id: '999999999999', Description: 'no such task' },
    { Id: devOnly.Id, Description: 'only in Dev' },
    ...all.slice(120).map((t) => ({ Id: t.Id, Description: 'found' })),
  ];
  const gets = requestsOf(fx, 'GetTask').length;
  const res = await runApply({
    service: fx.client, request: { Tasks: tasks }, batchSize: 50,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(100), projectIds: fx.projectIds,
  });
  assert.equal(requestsOf(fx, 'GetTask').length - gets, 2, 'one GetTask for each task no project has');
  assert.match(res.before.get('Prod:999999999999')?.error ?? '', /not|exist/i);
  assert.ok(res.before.get(`Prod:${devOnly.Id}`)?.error);
  assert.equal(res.counts.succeeded, all.length);
  assert.deepEqual([res.results[120].status, res.results[121].status], ['failed', 'failed']);
  assert.match(res.results[120].message, /does not exist/);
  assert.ok(res.reads && res.reads.calls <= res.reads.inOrderCalls + fx.projectIds.length, JSON.stringify(res.reads));
});

test('separate read quota: reads far ahead of the writes wait for them, so they do not crowd the writes out', async () => {
  const all = prodInSeedOrder();
  const mark = fx.requests.length;
  // Reads could all be done in a quarter of a second at 200/s; the writes take seconds at 10/s.
  const res = await runApply({
    service: fx.client, request: { Tasks: all.map((t, i) => ({ Id: t.Id, Description: `paced ${i}` })) }, batchSize: 50,
    limiter: new TokenBucket(10), readLimiter: new TokenBucket(200), projectIds: fx.projectIds,
  });
  assert.equal(res.counts.succeeded, all.length);
  const seen = fx.requests.slice(mark).filter((l) => /^(ListTasks|BatchUpdateTasks) /.test(l)).map((l) => l.split(' ')[0]);
  const fifthWrite = seen.map((a, i) => (a === 'BatchUpdateTasks' ? i : -1)).filter((i) => i >= 0)[4];
  const readsAfter = seen.slice(fifthWrite).filter((a) => a === 'ListTasks').length;
  assert.ok(readsAfter >= 5, `${readsAfter} of ${res.reads?.calls} reads after the fifth write: the reading did not wait for the writes`);
  assert.deepEqual(res.reads, { calls: res.reads?.inOrderCalls, inOrderCalls: inOrderCount(all.map((t) => t.Id), fx.projectIds) });
});

test('separate read quota: a file order the page estimate gets wrong (shuffled, reversed) still ends, each write after its reads', async () => {
  const all = prodInSeedOrder();
  let seed = 11;
  const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const shuffled = [...all].map((t) => [random(), t] as const).sort((a, b) => a[0] - b[0]).map(([, t]) => t);
  for (const [label, order] of [['shuffled', shuffled], ['reversed', [...all].reverse()]] as const) {
    const log: Event[] = [];
    const res = await runApply({
      service: recording(log), request: { Tasks: order.map((t) => ({ Id: t.Id, Description: `${label} order` })) }, batchSize: 50,
      limiter: new TokenBucket(200), readLimiter: new TokenBucket(200), projectIds: fx.projectIds,
    });
    assert.equal(res.status, 'done', label);
    assert.equal(res.counts.succeeded, order.length, label);
    const readIds = new Set<string>();
    for (const e of log) {
      if (e.kind === 'read') e.ids.forEach((id) => readIds.add(id));
      else for (const id of e.ids) assert.ok(readIds.has(id), `${label}: task ${id} written before it was read`);
    }
    assert.ok(res.reads && res.reads.calls <= res.reads.inOrderCalls + fx.projectIds.length, `${label}: ${JSON.stringify(res.reads)}`);
  }
});

test('separate read quota, cancelled while the pages 1 are read (before the plan is journaled): nothing sent, the journal says so', async () => {
  const all = prodInSeedOrder();
  const ac = new AbortController();
  const log: Event[] = [];
  const inner = recording(log);
  const service = { ...inner, listTasks: async (...args: Parameters<NonNullable<typeof inner.listTasks>>) => {
    const page = await inner.listTasks!(...args);
    ac.abort(new Error('user cancelled')); // right after the first page answered
    return page;
  } };
  const journal = new MemoryJournal();
  const writes = requestsOf(fx, 'BatchUpdateTasks').length;
  const res = await runApply({
    service, request: { Tasks: all.map((t) => ({ Id: t.Id, Description: 'never' })) }, batchSize: 50,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(100), projectIds: fx.projectIds, journal, signal: ac.signal,
  });
  await finishJournal(journal, res, null);
  assert.equal(res.status, 'cancelled');
  assert.ok(res.results.every((r) => r.status === 'not-sent'), 'nothing sent');
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').length, writes, 'no write reached the emulator');
  assert.equal(res.revert, null);
  const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.equal(summary.plan?.chunks.length, Math.ceil(all.length / 50));
  assert.ok(summary.tasks.every((t) => t.status === 'not-sent'));
  assert.equal(summary.end?.status, 'cancelled');
});
