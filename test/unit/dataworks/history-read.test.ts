// The history read over real HTTP with the real client against the emulator: the calls said before
// equal the calls made, every page is read, only the tasks in view and the dates asked come back, a
// second read is served from the workspace cache with zero calls (counted in the emulator's request
// log), and a read beyond the limit is refused before anything is sent.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { collectAll } from '@src/dataworks/paging';
import { recentBizdates } from '@src/core/history/bizdate';
import type { HistoryTask } from '@src/core/history/plan';
import { HISTORY_PAGE_SIZE, HistoryCallLimitError, planHistoryRead, readHistory, type HistoryScope } from '@src/dataworks/history';
import { HISTORY_ZONE, runsOf, stateAt } from '@src/emulator/history';
import type { TaskRecord } from '@src/emulator/index';
import { counting } from '../support/counting-limiter';
import { clientFor, emulator, type RunningEmulator } from './emulator-fixture';

const P = '312601';
let emu: RunningEmulator;
let workspace: string;
const requestLog: string[] = [];
/** ListTaskInstances requests the emulator received so far. */
const historyCalls = (): number => requestLog.filter((l) => l.startsWith('ListTaskInstances ')).length;

before(async () => {
  emu = await emulator({ tasks: 500, seed: 3, log: (line) => requestLog.push(line) });
  workspace = await mkdtemp(join(tmpdir(), 'dw-history-'));
});
after(async () => {
  await emu.close();
  await rm(workspace, { recursive: true, force: true });
});

const inView = (t: TaskRecord): HistoryTask => (t.Trigger.Type === 'Scheduler' ? { Id: t.Id, Cron: t.Trigger.Cron! } : { Id: t.Id });
const prodTasks = (): TaskRecord[] => Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === P);
// Run days that ended more than a day ago: every run of them has finished, so the cache keeps them.
const pastBizdates = (): number[] => recentBizdates(Date.now(), 3, HISTORY_ZONE).slice(0, 2);

function scopeOf(tasks: TaskRecord[], dir: string): HistoryScope {
  return { projectId: P, env: 'Prod', tasks: tasks.map(inView), bizdates: pastBizdates(), zone: HISTORY_ZONE, workspaceDir: dir };
}

test('every page of every date, the calls said before, then a second read from the cache with zero calls', async () => {
  const { client } = clientFor(emu);
  const tasks = prodTasks();
  const scope = scopeOf(tasks, workspace);
  const plan = planHistoryRead(scope, client.endpoint);
  assert.ok(plan.days.every((d) => !d.cached));
  assert.ok(plan.days.some((d) => d.instances > HISTORY_PAGE_SIZE), 'several pages a day');

  const limiter = counting(new TokenBucket(50));
  const before = historyCalls();
  const first = await readHistory(scope, { client, limiter, maxCalls: plan.calls });
  assert.equal(historyCalls() - before, plan.calls, 'the calls said before are the calls made (the emulator follows the crons)');
  assert.equal(first.calls, plan.calls);
  assert.equal(limiter.granted, plan.calls, 'every call waited for the caller\'s limiter');

  // Exactly the emulator's runs of those dates, each once.
  const state = emu.snapshot();
  const expected = scope.bizdates.flatMap((b) => runsOf(state, 'Prod', P, b, Date.now()));
  assert.equal(first.instances.length, expected.length);
  assert.deepEqual(new Set(first.instances.map((i) => i.Id)), new Set(expected.map((r) => r.id)));
  const byId = new Map(expected.map((r) => [r.id, r]));
  assert.ok(first.instances.some((i) => i.Status === 'Failure') && first.instances.some((i) => i.Status === 'NotRun'), 'failed and paused runs too');
  for (const i of first.instances) {
    const run = byId.get(i.Id)!;
    assert.equal(i.TaskId, run.task.Id);
    assert.equal(i.Bizdate, run.bizdate);
    const at = stateAt(run, Date.now());
    assert.equal(i.Status, at.Status);
    assert.equal(i.StartedTime, at.StartedTime);
    assert.equal(i.FinishedTime, at.FinishedTime);
    assert.equal(i.RuntimeResource?.Cu, run.task.RuntimeResource.Cu);
  }
  const path = plan.cachePath;
  assert.ok(path.startsWith(join(workspace, '.dwtasks', 'history')) && path.endsWith(`${P}-Prod.json`) && existsSync(path), path);

  const calls = historyCalls();
  const replan = planHistoryRead(scope, client.endpoint);
  assert.equal(replan.calls, 0);
  assert.ok(replan.days.every((d) => d.cached));
  const second = await readHistory(scope, { client, maxCalls: 0 });
  assert.equal(historyCalls(), calls, 'no call: served from the cache');
  assert.equal(second.calls, 0);
  assert.deepEqual(second.instances, first.instances);
  assert.deepEqual(second.readAt, first.readAt);
});

test('only the tasks in view, in groups of ids; more tasks later read only the ones not cached', async () => {
  const { client } = clientFor(emu);
  const dir = await mkdtemp(join(tmpdir(), 'dw-history-'));
  try {
    const scheduled = prodTasks().filter((t) => t.Trigger.Type === 'Scheduler');
    const some = scheduled.slice(0, 150);
    const first = await readHistory(scopeOf(some, dir), { client });
    const ids = new Set(some.map((t) => t.Id));
    assert.ok(first.instances.length > 0 && first.instances.every((i) => ids.has(i.TaskId)));
    const state = emu.snapshot();
    const expected = pastBizdates().flatMap((b) => runsOf(state, 'Prod', P, b, Date.now())).filter((r) => ids.has(r.task.Id));
    assert.equal(first.instances.length, expected.length);

    // Widen the view: only the 50 new tasks are read (one id group per date).
    const more = scheduled.slice(0, 200);
    const plan = planHistoryRead(scopeOf(more, dir), client.endpoint);
    const calls = historyCalls();
    const second = await readHistory(scopeOf(more, dir), { client });
    assert.equal(historyCalls() - calls, plan.calls);
    assert.equal(second.calls, plan.calls);
    assert.ok(plan.calls <= 2 * Math.ceil(plan.days[0]!.instances / HISTORY_PAGE_SIZE + 1));
    const moreIds = new Set(more.map((t) => t.Id));
    assert.equal(second.instances.length, pastBizdates().flatMap((b) => runsOf(state, 'Prod', P, b, Date.now())).filter((r) => moreIds.has(r.task.Id)).length);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('a read that needs more calls than allowed is refused before anything is sent', async () => {
  const { client } = clientFor(emu);
  const dir = await mkdtemp(join(tmpdir(), 'dw-history-'));
  try {
    const scope = scopeOf(prodTasks(), dir);
    const plan = planHistoryRead(scope, client.endpoint);
    const calls = historyCalls();
    await assert.rejects(readHistory(scope, { client, maxCalls: plan.calls - 1 }), (e: unknown) => {
      assert.ok(e instanceof HistoryCallLimitError);
      assert.equal(e.limit, plan.calls - 1);
      assert.match(e.message, new RegExp(`takes at least ${plan.calls} ListTaskInstances calls.*the limit is ${plan.calls - 1}`));
      return true;
    });
    assert.equal(historyCalls(), calls);
    assert.equal(existsSync(plan.cachePath), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('listTaskInstances sends the filters as the request model names them; ids above 2^53 stay exact', async () => {
  const { client } = clientFor(emu);
  const [bizdate] = pastBizdates();
  const all = await collectAll((n, request) => client.listTaskInstances({ ProjectId: P, Bizdate: bizdate!, PageNumber: n, PageSize: 100 }, request));
  const failed = all.filter((i) => i.Status === 'Failure');
  assert.ok(failed.length > 0);
  const page = await client.listTaskInstances({ ProjectId: P, Bizdate: bizdate!, Status: 'Failure', SortBy: 'FinishedTime Asc', PageSize: 100 });
  assert.equal(page.totalCount, failed.length);
  const finished = page.items.map((i) => i.FinishedTime!);
  assert.deepEqual(finished, [...finished].sort((a, b) => a - b));
  const big = all.find((i) => BigInt(i.TaskId) > 2n ** 53n)!;
  assert.ok(BigInt(big.Id) > 2n ** 53n, 'instance ids are above 2^53 too');
  const one = await client.listTaskInstances({ ProjectId: P, Bizdate: bizdate!, TaskId: big.TaskId, RuntimeResource: big.RuntimeResource!.ResourceGroupId!, PageSize: 100 });
  assert.ok(one.items.length > 0 && one.items.every((i) => i.TaskId === big.TaskId));
  assert.ok(one.items.some((i) => i.Id === big.Id));
});

test('a read through failing and throttled answers retries like every call and still gets every page', async () => {
  const { client, logs } = clientFor(emu, { retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 8 } });
  const dir = await mkdtemp(join(tmpdir(), 'dw-history-'));
  emu.setFaults({ errorRate: 0.2, throttleRate: 0.1, seed: 4 });
  try {
    const scope = scopeOf(prodTasks().slice(0, 100), dir);
    const plan = planHistoryRead(scope, client.endpoint);
    const read = await readHistory(scope, { client });
    assert.ok(logs.some((l) => l.outcome === 'retry'), 'some calls were retried');
    assert.equal(read.calls, plan.calls);
    const ids = new Set(scope.tasks.map((t) => t.Id));
    const state = emu.snapshot();
    assert.equal(read.instances.length, scope.bizdates.flatMap((b) => runsOf(state, 'Prod', P, b, Date.now())).filter((r) => ids.has(r.task.Id)).length);
  } finally {
    emu.setFaults({});
    await rm(dir, { recursive: true, force: true });
  }
});
