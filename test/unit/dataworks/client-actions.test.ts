// Every action against the emulator over real HTTP with real V3 signatures: shapes, paging, server-side
// filters, and int64 ids in both directions. Expected values come from the emulator's own state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { collectAll, pages } from '@src/dataworks/client';
import { DataWorksError } from '@src/dataworks/errors';
import { connectionEnv, type Page } from '@src/dataworks/types';
import { clientFor, emulator, type RunningEmulator } from './emulator-fixture';

const TWO_53 = 2n ** 53n;
let emu: RunningEmulator;

before(async () => { emu = await emulator(); });
after(async () => { await emu.close(); });

function projectWithMostTasks(env: 'Prod' | 'Dev'): string {
  const counts = new Map<string, number>();
  for (const t of Object.values(emu.snapshot().tasks[env])) counts.set(t.ProjectId, (counts.get(t.ProjectId) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
}

test('ListProjects: every project, ids as digit strings', async () => {
  const { client, logs } = clientFor(emu);
  const all = await collectAll((n) => client.listProjects({ PageNumber: n, PageSize: 2 }));
  const expected = emu.snapshot().projects;
  assert.deepEqual(all.map((p) => p.Id).sort(), expected.map((p) => p.Id).sort());
  for (const p of all) assert.equal(typeof p.Id, 'string');
  assert.equal(all.find((p) => p.Id === expected[0]!.Id)!.Name, expected[0]!.Name);
  assert.ok(logs.length >= 2 && logs.every((l) => l.action === 'ListProjects' && l.outcome === 'ok' && l.statusCode === 200));
  assert.ok(logs.every((l) => typeof l.requestId === 'string' && l.requestId.length > 0));
});

test('ListTasks paging: all pages of a project equal the state, in both environments', async () => {
  const { client } = clientFor(emu);
  for (const env of ['Prod', 'Dev'] as const) {
    const projectId = projectWithMostTasks(env);
    const expected = Object.values(emu.snapshot().tasks[env]).filter((t) => t.ProjectId === projectId);
    assert.ok(expected.length > 100, 'enough tasks for several pages');
    const seen: Page<unknown>[] = [];
    const all = await collectAll(async (n) => {
      const page = await client.listTasks({ ProjectId: projectId, ProjectEnv: env, PageNumber: n, PageSize: 100 });
      seen.push(page);
      return page;
    });
    assert.equal(seen.length, Math.ceil(expected.length / 100));
    assert.equal(seen[0]!.totalCount, expected.length);
    assert.equal(all.length, expected.length);
    assert.deepEqual(new Set(all.map((t) => t.Id)), new Set(expected.map((t) => t.Id)));
    for (const t of all) {
      assert.equal(t.ProjectEnv, env);
      assert.equal(t.ProjectId, projectId);
      assert.match(t.Id, /^\d+$/);
    }
    // A listed task carries the same values the state holds (ids exact, even above 2^53).
    const sample = expected.find((t) => BigInt(t.Id) > TWO_53) ?? expected[0]!;
    const listed = all.find((t) => t.Id === sample.Id)!;
    assert.equal(listed.Name, sample.Name);
    assert.equal(listed.Trigger?.Cron, sample.Trigger.Cron);
    assert.equal(listed.WorkflowId, sample.WorkflowId);
  }
});

test('ListTasks filters go to the server: Name (fuzzy), Owner, TaskType, TriggerType, Ids', async () => {
  const { client } = clientFor(emu);
  const projectId = projectWithMostTasks('Prod');
  const inProject = Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === projectId);
  const list = (q: Omit<Parameters<typeof client.listTasks>[0], 'ProjectId' | 'PageNumber'>) =>
    collectAll((n) => client.listTasks({ ProjectId: projectId, PageSize: 100, PageNumber: n, ...q }));
  const ids = (ts: { Id: string }[]) => ts.map((t) => t.Id).sort();

  const fragment = inProject[0]!.Name.split('_')[1]!.toUpperCase();
  const byName = await list({ Name: fragment });
  assert.deepEqual(ids(byName), ids(inProject.filter((t) => t.Name.toLowerCase().includes(fragment.toLowerCase()))));
  assert.ok(byName.length > 0 && byName.length < inProject.length);

  const owner = inProject[3]!.Owner;
  assert.deepEqual(ids(await list({ Owner: owner })), ids(inProject.filter((t) => t.Owner === owner)));

  const type = inProject[5]!.Type;
  assert.deepEqual(ids(await list({ TaskType: type })), ids(inProject.filter((t) => t.Type === type)));

  for (const trigger of ['Manual', 'Scheduler'] as const) {
    assert.deepEqual(ids(await list({ TriggerType: trigger })), ids(inProject.filter((t) => t.Trigger.Type === trigger)));
  }

  const group = inProject[7]!.RuntimeResource.ResourceGroupId;
  assert.deepEqual(ids(await list({ RuntimeResource: group })), ids(inProject.filter((t) => t.RuntimeResource.ResourceGroupId === group)));
  assert.deepEqual(ids(await list({ TriggerRecurrence: 'Pause' })), ids(inProject.filter((t) => t.Trigger.Recurrence === 'Pause')));
  assert.deepEqual(ids(await list({})), ids(inProject), 'ProjectEnv defaults to Prod');

  const wanted = [inProject[0]!.Id, inProject[inProject.length - 1]!.Id, ...inProject.filter((t) => BigInt(t.Id) > TWO_53).map((t) => t.Id).slice(0, 3)];
  const byIds = await list({ Ids: wanted });
  assert.deepEqual(ids(byIds), [...new Set(wanted)].sort(), 'Ids above 2^53 match exactly');
});

test('GetTask returns the full task with Tags, per environment; unknown id is notFound', async () => {
  const { client } = clientFor(emu);
  const state = emu.snapshot();
  const big = Object.values(state.tasks.Prod).find((t) => BigInt(t.Id) > TWO_53 && t.Tags.length > 0)
    ?? Object.values(state.tasks.Prod).find((t) => BigInt(t.Id) > TWO_53)!;
  const task = await client.getTask(big.Id, 'Prod');
  assert.equal(task.Id, big.Id);
  assert.equal(task.Name, big.Name);
  assert.deepEqual(task.Tags, big.Tags);
  assert.deepEqual(task.RuntimeResource, big.RuntimeResource);

  const devOnly = Object.keys(state.tasks.Dev).find((id) => !state.tasks.Prod[id]);
  if (devOnly) {
    assert.equal((await client.getTask(devOnly, 'Dev')).Id, devOnly);
    await assert.rejects(client.getTask(devOnly, 'Prod'), (e: unknown) => e instanceof DataWorksError && e.kind === 'notFound');
  }
  await assert.rejects(client.getTask('9223372036854775000', 'Prod'), (e: unknown) => {
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'notFound');
    assert.equal(e.statusCode, 404);
    assert.equal(e.retryable, false);
    assert.match(e.message, /^GetTask failed: /);
    assert.match(e.message, /9223372036854775000/);
    assert.ok(e.requestId && e.message.includes(e.requestId));
    return true;
  });
});

test('BatchUpdateTasks: int64 ids survive both ways; per-task results; Dev and Prod apart', async () => {
  const { client } = clientFor(emu);
  const state = emu.snapshot();
  // An id a JS number cannot hold: rounding it would hit a neighbour or nothing.
  const big = Object.values(state.tasks.Prod)
    .find((t) => BigInt(t.Id) > TWO_53 && String(Number(t.Id)) !== t.Id && t.Trigger.Type === 'Scheduler')!;
  assert.ok(big, 'the seed has such a task');
  const description = `set by client test ${Date.now()}`;
  const res = await client.batchUpdateTasks({
    Comment: 'client test',
    Tasks: [
      { Id: big.Id, EnvType: 'Prod', Description: description, Trigger: { Cron: '00 30 02 * * ?' }, Timeout: 7200 },
      { Id: '9223372036854775001', EnvType: 'Prod', Description: 'nope' },
    ],
  });
  assert.match(res.requestId, /\S/);
  assert.equal(res.successInfo[big.Id]?.Success, true);
  assert.equal(res.successInfo['9223372036854775001']?.Success, false);
  assert.match(res.successInfo['9223372036854775001']?.Message ?? '', /9223372036854775001/);

  const read = await client.getTask(big.Id, 'Prod');
  assert.equal(read.Id, big.Id);
  assert.equal(read.Description, description);
  assert.equal(read.Trigger?.Cron, '00 30 02 * * ?');
  assert.equal(read.Timeout, 7200);
  const after = emu.snapshot();
  assert.equal(after.tasks.Prod[big.Id]!.Description, description);
  if (after.tasks.Dev[big.Id]) assert.equal(after.tasks.Dev[big.Id]!.Description, state.tasks.Dev[big.Id]!.Description, 'Dev untouched');

  // Invalid cron: refused for that task only, nothing of it applied.
  const other = Object.values(state.tasks.Prod).find((t) => t.Id !== big.Id && t.Trigger.Type === 'Scheduler')!;
  const bad = await client.batchUpdateTasks({ Tasks: [{ Id: other.Id, Trigger: { Cron: '00 00 25 * * ?' }, Description: 'x' }] });
  assert.equal(bad.successInfo[other.Id]?.Success, false);
  assert.equal(emu.snapshot().tasks.Prod[other.Id]!.Description, other.Description);
});

test('ListResourceGroups (every type named) and ListDataSources page through everything the state holds', async () => {
  const { client } = clientFor(emu);
  const state = emu.snapshot();
  const types = ['CommonV2', 'ExclusiveScheduler', 'ExclusiveDataIntegration', 'ExclusiveDataService'];
  const groups = await collectAll((n) => client.listResourceGroups({ PageNumber: n, PageSize: 2, ResourceGroupTypes: types }));
  assert.deepEqual(groups.map((g) => g.Id).sort(), state.resourceGroups.map((g) => g.Id).sort());
  // Without ResourceGroupTypes, general-purpose groups only (as the service answers).
  const general = await collectAll((n) => client.listResourceGroups({ PageNumber: n, PageSize: 2 }));
  assert.deepEqual(general.map((g) => g.Id).sort(), state.resourceGroups.filter((g) => g.ResourceGroupType === 'CommonV2').map((g) => g.Id).sort());
  const projectId = state.projects[0]!.Id;
  const sources = await collectAll((n) => client.listDataSources({ ProjectId: projectId, PageNumber: n, PageSize: 3 }));
  assert.deepEqual([...new Set(sources.map((s) => s.Name))].sort(), [...new Set(state.dataSources[projectId]!.map((s) => s.Name))].sort());
  const type = state.dataSources[projectId]![0]!.Type;
  const ofType = await collectAll((n) => client.listDataSources({ ProjectId: projectId, Types: [type], PageNumber: n, PageSize: 100 }));
  assert.ok(ofType.length > 0 && ofType.every((s) => s.Type === type));
  // Each group's connections name their environment in ConnectionProperties.envType (the model has no EnvType).
  for (const s of sources) assert.deepEqual(s.DataSource!.map(connectionEnv).sort(), ['Dev', 'Prod'], s.Name);
  // Resource group capacity as the model states it: Spec {Standard: "<n>CU", Amount}.
  const spec = groups.find((g) => g.ResourceGroupType === 'CommonV2')!.Spec;
  assert.match(spec!.Standard!, /^\d+(\.\d+)?CU$/);
  assert.equal(typeof spec!.Amount, 'number');
});

test('pages() never stops early silently: an empty page before TotalCount is an error', async () => {
  const { client } = clientFor(emu);
  const projectId = projectWithMostTasks('Prod');
  // Pretend the first page promised more than the service has: the next real page comes back empty.
  const fetched: number[] = [];
  const inflated = async (n: number) => {
    fetched.push(n);
    const page = await client.listTasks({ ProjectId: projectId, PageNumber: n, PageSize: 100 });
    return { ...page, totalCount: page.totalCount + 1 };
  };
  await assert.rejects(collectAll(inflated), (e: unknown) => {
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.code, 'IncompletePaging');
    assert.match(e.message, /came back empty/);
    return true;
  });
  const count = Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === projectId).length;
  assert.equal(fetched.length, Math.ceil(count / 100) + 1, 'it asked for the page after the last one');
  // And a generator stops right when TotalCount is reached (no extra request).
  let calls = 0;
  for await (const p of pages((n) => { calls++; return client.listTasks({ ProjectId: projectId, PageNumber: n, PageSize: 100 }); })) {
    assert.ok(p.items.length > 0);
  }
  assert.equal(calls, Math.ceil(count / 100));
});
