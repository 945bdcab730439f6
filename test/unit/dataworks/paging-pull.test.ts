// Listings at the quota and pulls, over real HTTP against the emulator with the real client.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { resolveFields } from '@src/core/pull/fields';
import { formatPulledPatch } from '@src/core/pull/text';
import { validateText } from '@src/core/validate/index';
import { collectAll, type PagingProgress } from '@src/dataworks/paging';
import { DataWorksError } from '@src/dataworks/errors';
import { pullTasks } from '@src/dataworks/pull';
import type { ReadProgress } from '@src/core/listing/progress';
import type { TaskRecord } from '@src/emulator/index';
import { startFixture, type Fixture } from '../core/apply/support/emulator-fixture';

const TWO_53 = 2n ** 53n;
let fx: Fixture;
let slow: Fixture;
let project: string;
let prod: TaskRecord[];
before(async () => {
  fx = await startFixture({ tasks: 1500 });
  slow = await startFixture({ tasks: 1500, faults: { latencyMs: 300 } });
  const counts = new Map<string, number>();
  for (const t of Object.values(fx.emu.snapshot().tasks.Prod)) counts.set(t.ProjectId, (counts.get(t.ProjectId) ?? 0) + 1);
  project = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  prod = Object.values(fx.emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === project);
});
after(async () => { await fx.emu.close(); await slow.emu.close(); });

test('collectAll at a rate: pages after the first are in flight together, in page order, with progress to the last page', async () => {
  const pagesTotal = Math.ceil(prod.length / 100);
  assert.ok(pagesTotal >= 5, `enough pages (${pagesTotal})`);
  let inFlight = 0;
  let maxInFlight = 0;
  const progress: PagingProgress[] = [];
  const all = await collectAll(async (n) => {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try { return await slow.client.listTasks({ ProjectId: project, PageNumber: n, PageSize: 100 }); } finally { inFlight--; }
  }, { limiter: new TokenBucket(20), concurrency: 4, onProgress: (p) => progress.push(p) });
  // 300 ms per answer, a slot every 50 ms: one after another could never keep up with the rate.
  assert.ok(maxInFlight > 1 && maxInFlight <= 4, `in flight at once: ${maxInFlight}`);
  const expected = Object.values(slow.emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === project)
    .map((t) => t.Id).sort((a, b) => (BigInt(a) < BigInt(b) ? 1 : -1));
  assert.deepEqual(all.map((t) => t.Id), expected, 'every task once, in the service order (Id Desc) across pages');
  assert.equal(progress.length, pagesTotal);
  assert.deepEqual(progress.at(-1), { pagesDone: pagesTotal, pagesTotal, items: expected.length, totalCount: expected.length });
  assert.deepEqual(progress.map((p) => p.pagesDone), Array.from({ length: pagesTotal }, (_, i) => i + 1));
});

test('collectAll: a TotalCount that changes between pages is an error, not a list that may have lost tasks', async () => {
  await assert.rejects(collectAll(async (n) => {
    const page = await fx.client.listTasks({ ProjectId: project, PageNumber: n, PageSize: 100 });
    return n === 3 ? { ...page, totalCount: page.totalCount - 1 } : page;
  }, { limiter: new TokenBucket(100) }), (e: unknown) => {
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'IncompletePaging');
    assert.match(e.message, /TotalCount changed from \d+ to \d+ at page 3/);
    return true;
  });
});

test('collectAll: cancelling stops before the next page is requested', async () => {
  const controller = new AbortController();
  const asked: number[] = [];
  await assert.rejects(collectAll(async (n) => {
    asked.push(n);
    if (n === 2) controller.abort();
    return fx.client.listTasks({ ProjectId: project, PageNumber: n, PageSize: 100 });
  }, { limiter: new TokenBucket(5), concurrency: 1, signal: controller.signal }), (e: unknown) => (e as DataWorksError).kind === 'cancelled');
  assert.deepEqual(asked, [1, 2]);
});

test('pullTasks: every page of the filter, only the chosen fields, int64 ids exact, valid as written', async () => {
  const leaves = resolveFields(['RuntimeResource.ResourceGroupId', 'Trigger.Cron']);
  const progress: ReadProgress[] = [];
  const r = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod' }, leaves, limiter: new TokenBucket(50), onProgress: (p) => progress.push(p) });
  assert.equal(r.total, prod.length);
  assert.equal(r.entries.length, prod.length);
  assert.equal(r.calls, Math.ceil(prod.length / 100));
  assert.deepEqual(new Set(r.entries.map((e) => e.entry.Id)), new Set(prod.map((t) => t.Id)));
  const big = prod.filter((t) => BigInt(t.Id) > TWO_53);
  assert.ok(big.length > 10, 'ids above 2^53 in the project');
  for (const e of r.entries) {
    const t = prod.find((x) => x.Id === e.entry.Id)!;
    const expected: Record<string, unknown> = { Id: t.Id, EnvType: 'Prod', RuntimeResource: { ResourceGroupId: t.RuntimeResource.ResourceGroupId } };
    if (t.Trigger.Type === 'Scheduler') expected.Trigger = { Cron: t.Trigger.Cron };
    assert.deepEqual(e.entry, expected);
    assert.equal(e.name, t.Name);
  }
  assert.deepEqual(progress.at(-1), { unit: 'page', callsDone: r.calls, callsTotal: r.calls, items: prod.length, totalItems: prod.length });
  const text = formatPulledPatch(r.entries);
  for (const t of big) assert.ok(text.includes(`"Id": ${t.Id},`), `id ${t.Id} written digit for digit`);
  assert.deepEqual(validateText(text, { schema: true }).findings.filter((f) => f.severity !== 'info' && f.code !== 'dwtasks/task-no-changes'), []); // info: numeric weekdays named
});

test('pullTasks: each server-side filter matches what the service holds', async () => {
  const sample = prod.find((t) => t.Trigger.Type === 'Manual') ?? prod[0]!;
  const cases: [Record<string, string>, (t: TaskRecord) => boolean][] = [
    [{ Name: 'trade' }, (t) => t.Name.toLowerCase().includes('trade')],
    [{ Owner: sample.Owner }, (t) => t.Owner === sample.Owner],
    [{ TaskType: 'DI' }, (t) => t.Type === 'DI'],
    [{ TriggerType: 'Manual' }, (t) => t.Trigger.Type === 'Manual'],
    [{ Owner: sample.Owner, TaskType: 'ODPS_SQL', TriggerType: 'Scheduler' }, (t) => t.Owner === sample.Owner && t.Type === 'ODPS_SQL' && t.Trigger.Type === 'Scheduler'],
  ];
  for (const [filter, match] of cases) {
    const r = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod', ...filter }, leaves: [], limiter: new TokenBucket(50) });
    const expected = prod.filter(match).map((t) => t.Id).sort();
    assert.ok(expected.length > 0, `some tasks match ${JSON.stringify(filter)}`);
    assert.deepEqual(r.entries.map((e) => e.entry.Id).sort(), expected, JSON.stringify(filter));
    assert.equal(r.total, expected.length);
    assert.ok(r.entries.every((e) => Object.keys(e.entry).join() === 'Id,EnvType'));
  }
  const dev = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Dev', Name: 'ods_' }, leaves: ['Owner'], limiter: new TokenBucket(50) });
  const devExpected = Object.values(fx.emu.snapshot().tasks.Dev).filter((t) => t.ProjectId === project && t.Name.includes('ods_'));
  assert.equal(dev.entries.length, devExpected.length);
  assert.ok(dev.entries.every((e) => e.entry.EnvType === 'Dev' && e.entry.Owner === devExpected.find((t) => t.Id === e.entry.Id)!.Owner));
});

test('pullTasks with Tags: one GetTask per task after the pages (ListTasks has no Tags), counted in the progress', async () => {
  const withTags = prod.filter((t) => t.Tags.length > 0 && t.Name.includes('dwd_'));
  const r = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod', Name: 'dwd_' }, leaves: resolveFields(['Tags']), limiter: new TokenBucket(100) });
  const matched = prod.filter((t) => t.Name.includes('dwd_'));
  assert.equal(r.calls, Math.ceil(matched.length / 100) + matched.length);
  for (const t of withTags) assert.deepEqual(r.entries.find((e) => e.entry.Id === t.Id)!.entry.Tags, t.Tags);
  assert.ok(r.entries.every((e) => Array.isArray(e.entry.Tags)));
});

test('a listing after an update shows the new value: the emulator reuses a sorted listing only until a task changes', async () => {
  const target = prod[prod.length - 1]!;
  const page = async () => (await fx.client.listTasks({ ProjectId: project, Ids: [target.Id], PageNumber: 1, PageSize: 100 })).items[0]!;
  const all = async () => (await collectAll((n) => fx.client.listTasks({ ProjectId: project, PageNumber: n, PageSize: 100 }))).find((t) => t.Id === target.Id)!;
  assert.equal((await all()).Description, target.Description);
  await fx.client.batchUpdateTasks({ Tasks: [{ Id: target.Id, EnvType: 'Prod', Description: 'changed by the paging test' }] });
  assert.equal((await all()).Description, 'changed by the paging test');
  assert.equal((await page()).Description, 'changed by the paging test');
});
