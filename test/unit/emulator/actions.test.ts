// The read actions over real signed requests: shapes, paging, every ListTasks filter, Dev vs Prod,
// int64 ids exact on the wire, and parameter errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorState, type RunningEmulator, type TaskRecord } from '@src/emulator/index';
import { digits, sdkCall, sdkError } from './support';

type Page = { PageNumber: number; PageSize: number; TotalCount: number; Tasks: Record<string, unknown>[] };

describe('emulator read actions', () => {
  let emu: RunningEmulator;
  let state: EmulatorState;
  const P = '312601';
  const prodOf = (project = P): TaskRecord[] => Object.values(state.tasks.Prod).filter((t) => t.ProjectId === project);
  const list = async (values: Record<string, string>): Promise<Page> =>
    (await sdkCall(emu, 'ListTasks', { ProjectId: P, PageSize: '100', ...values })).body.PagingInfo as Page;
  const ids = (page: Page): string[] => page.Tasks.map((t) => digits(t.Id));

  before(async () => {
    emu = await startEmulator({ tasks: 600, seed: 11 });
    state = emu.snapshot();
  });
  after(() => emu.close());

  it('ListProjects answers PagingInfo.Projects with int64 ids', async () => {
    const r = await sdkCall(emu, 'ListProjects', { PageSize: '2' });
    const page = r.body.PagingInfo as { TotalCount: number; Projects: { Id: unknown; Name: string }[] };
    assert.equal(page.TotalCount, state.projects.length);
    assert.equal(page.Projects.length, 2);
    assert.match(r.text, new RegExp(`"Id":${state.projects[0].Id}[,}]`));
    const filtered = await sdkCall(emu, 'ListProjects', { Ids: `[${state.projects[2].Id}]` });
    assert.deepEqual((filtered.body.PagingInfo as typeof page).Projects.map((p) => p.Name), [state.projects[2].Name]);
  });

  it('ListTasks pages through every task exactly once, sorted Id Desc by default', async () => {
    const expected = prodOf().map((t) => BigInt(t.Id)).sort((a, b) => (a < b ? 1 : -1)).map(String);
    const seen: string[] = [];
    for (let n = 1; ; n++) {
      const page = await list({ PageNumber: String(n), PageSize: '7' });
      assert.equal(page.TotalCount, expected.length);
      assert.equal(page.PageNumber, n);
      if (page.Tasks.length === 0) break;
      assert.ok(page.Tasks.length <= 7);
      seen.push(...ids(page));
    }
    assert.deepEqual(seen, expected);
  });

  it('ListTasks items carry the documented fields and no Tags', async () => {
    const page = await list({ PageSize: '1' });
    const item = page.Tasks[0];
    for (const k of ['Id', 'Name', 'Type', 'Description', 'ProjectId', 'ProjectEnv', 'WorkflowId', 'Owner', 'CreateTime',
      'ModifyTime', 'Timeout', 'RerunMode', 'RerunTimes', 'RerunInterval', 'RuntimeResource', 'Trigger']) {
      assert.ok(k in item, k);
    }
    assert.ok(!('Tags' in item));
    assert.equal(item.ProjectEnv, 'Prod');
  });

  it('SortBy orders by the field and rejects unknown orders', async () => {
    const asc = ids(await list({ SortBy: 'Id Asc' }));
    assert.deepEqual(asc, [...asc].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    const byModify = (await list({ SortBy: 'ModifyTime Desc' })).Tasks.map((t) => Number(digits(t.ModifyTime)));
    assert.deepEqual(byModify, [...byModify].sort((a, b) => b - a));
    const e = await sdkError(emu, 'ListTasks', { ProjectId: P, SortBy: 'Name Sideways' });
    assert.equal(e.code, 'InvalidParameter');
  });

  it('filters: Name (fuzzy, case-insensitive), Owner, TaskType, TriggerType, TriggerRecurrence, WorkflowId, RuntimeResource, Ids', async () => {
    const tasks = prodOf();
    const sample = tasks[5];
    const fragment = sample.Name.split('_')[1].toUpperCase();
    const cases: [Record<string, string>, (t: TaskRecord) => boolean][] = [
      [{ Name: fragment }, (t) => t.Name.toLowerCase().includes(fragment.toLowerCase())],
      [{ Owner: sample.Owner }, (t) => t.Owner === sample.Owner],
      [{ TaskType: 'DI' }, (t) => t.Type === 'DI'],
      [{ TriggerType: 'Manual' }, (t) => t.Trigger.Type === 'Manual'],
      [{ TriggerRecurrence: 'Pause' }, (t) => t.Trigger.Recurrence === 'Pause'],
      [{ WorkflowId: sample.WorkflowId }, (t) => t.WorkflowId === sample.WorkflowId],
      [{ RuntimeResource: sample.RuntimeResource.ResourceGroupId }, (t) => t.RuntimeResource.ResourceGroupId === sample.RuntimeResource.ResourceGroupId],
      [{ Owner: sample.Owner, TaskType: sample.Type }, (t) => t.Owner === sample.Owner && t.Type === sample.Type],
    ];
    for (const [filter, pred] of cases) {
      const want = tasks.filter(pred).map((t) => t.Id).sort();
      assert.ok(want.length > 0 && want.length < tasks.length, `filter ${JSON.stringify(filter)} must select some but not all`);
      const page = await list(filter);
      assert.equal(page.TotalCount, want.length, JSON.stringify(filter));
      assert.deepEqual(ids(page).sort(), want, JSON.stringify(filter));
    }
    const pick = [tasks[0].Id, tasks[3].Id, '999999999999'];
    assert.deepEqual(ids(await list({ Ids: `[${pick.join(',')}]` })).sort(), pick.slice(0, 2).sort());
  });

  it('keeps Dev and Prod apart: ProjectEnv picks the environment, Dev-only tasks exist', async () => {
    const devOnly = Object.values(state.tasks.Dev).find((t) => t.ProjectId === P && !state.tasks.Prod[t.Id]);
    assert.ok(devOnly, 'seed data has a Dev-only task');
    const dev = await list({ ProjectEnv: 'Dev', Ids: `[${devOnly.Id}]` });
    assert.deepEqual(ids(dev), [devOnly.Id]);
    assert.equal(dev.Tasks[0].ProjectEnv, 'Dev');
    assert.equal((await list({ ProjectEnv: 'Prod', Ids: `[${devOnly.Id}]` })).TotalCount, 0);
    const devCount = Object.values(state.tasks.Dev).filter((t) => t.ProjectId === P).length;
    assert.equal((await list({ ProjectEnv: 'Dev' })).TotalCount, devCount);
    assert.ok(devCount > prodOf().length);
  });

  it('writes int64 ids above 2^53 as exact bare digits and accepts them back', async () => {
    const big = Object.values(state.tasks.Prod).find((t) => BigInt(t.Id) > 2n ** 53n)!;
    assert.ok(big, 'seed data has ids above 2^53');
    const page = (await sdkCall(emu, 'ListTasks', { ProjectId: big.ProjectId, Ids: `[${big.Id}]` }));
    assert.match(page.text, new RegExp(`"Id":${big.Id},`));
    const got = await sdkCall(emu, 'GetTask', { Id: big.Id, ProjectEnv: 'Prod' });
    assert.match(got.text, new RegExp(`"Id":${big.Id},`));
    assert.equal(digits((got.body.Task as { Id: unknown }).Id), big.Id);
    const near = (BigInt(big.Id) + 1n).toString(); // same double, different task
    if (!state.tasks.Prod[near]) {
      const e = await sdkError(emu, 'GetTask', { Id: near, ProjectEnv: 'Prod' });
      assert.equal(e.statusCode, 404);
    }
  });

  it('GetTask answers Task with EnvType, Tags, Script and the stored values', async () => {
    const t = Object.values(state.tasks.Dev).find((x) => x.Tags.length > 0)!;
    const r = await sdkCall(emu, 'GetTask', { Id: t.Id, ProjectEnv: 'Dev' });
    const task = r.body.Task as Record<string, unknown>;
    assert.equal(task.EnvType, 'Dev');
    assert.deepEqual(task.Tags, t.Tags);
    assert.equal((task.Trigger as { Cron?: string }).Cron, t.Trigger.Cron);
    assert.equal((task.Script as { Content: string }).Content, t.Script.Content);
    for (const k of ['Dependencies', 'Inputs', 'Outputs']) assert.ok(k in task, k);
  });

  it('GetTask of a task missing in that environment is 404 and names the other environment', async () => {
    const devOnly = Object.values(state.tasks.Dev).find((t) => !state.tasks.Prod[t.Id])!;
    const e = await sdkError(emu, 'GetTask', { Id: devOnly.Id, ProjectEnv: 'Prod' });
    assert.equal(e.statusCode, 404);
    assert.equal(e.code, 'Task.NotFound');
    assert.match(String(e.data.Message), new RegExp(`${devOnly.Id}.*Dev`));
  });

  it('ListResourceGroups: general-purpose (CommonV2) groups unless ResourceGroupTypes says otherwise, with Success', async () => {
    type Group = { Id: string; ResourceGroupType: string; CreateUser: string; OrderInstanceId: string; DefaultVpcId?: string; DefaultVswicthId?: string };
    const r = await sdkCall(emu, 'ListResourceGroups', {});
    assert.equal(r.body.Success, true);
    const page = r.body.PagingInfo as { TotalCount: number; ResourceGroupList: Group[] };
    const common = state.resourceGroups.filter((g) => g.ResourceGroupType === 'CommonV2');
    assert.ok(common.length > 0 && common.length < state.resourceGroups.length);
    assert.equal(page.TotalCount, common.length);
    assert.deepEqual(page.ResourceGroupList.map((g) => g.Id), common.map((g) => g.Id));
    for (const g of page.ResourceGroupList) {
      assert.match(g.DefaultVpcId ?? '', /^vpc-/);
      assert.match(g.DefaultVswicthId ?? '', /^vsw-/, 'the SDK spells it DefaultVswicthId');
      assert.ok(g.CreateUser && g.OrderInstanceId);
    }
    // The four types as the SDK names them; each filter answers exactly its groups.
    const types = ['CommonV2', 'ExclusiveScheduler', 'ExclusiveDataIntegration', 'ExclusiveDataService'];
    assert.deepEqual([...new Set(state.resourceGroups.map((g) => g.ResourceGroupType))].sort(), [...types].sort());
    for (const type of types) {
      const typed = await sdkCall(emu, 'ListResourceGroups', { ResourceGroupTypes: JSON.stringify([type]) });
      const got = (typed.body.PagingInfo as typeof page).ResourceGroupList;
      assert.deepEqual(got.map((g) => g.Id), state.resourceGroups.filter((g) => g.ResourceGroupType === type).map((g) => g.Id), type);
    }
    const all = await sdkCall(emu, 'ListResourceGroups', { ResourceGroupTypes: JSON.stringify(types), PageSize: '100' });
    assert.equal((all.body.PagingInfo as typeof page).TotalCount, state.resourceGroups.length);
  });

  it('tasks carry the optional fields the SDK declares: Priority, InstanceMode, BaselineId, RuntimeResource.Image, ScriptParameters', async () => {
    const page = await list({ PageSize: '100' });
    const items = page.Tasks as { Id: unknown; Type: string; Priority: number; InstanceMode: string; BaselineId?: unknown; ScriptParameters: string; RuntimeResource: { Image?: string } }[];
    for (const t of items) {
      assert.ok(Number.isInteger(t.Priority) && t.Priority >= 1 && t.Priority <= 8, `Priority ${t.Priority}`);
      assert.ok(t.InstanceMode === 'T+1' || t.InstanceMode === 'Immediately', t.InstanceMode);
      assert.equal(t.ScriptParameters, state.tasks.Prod[digits(t.Id)].Script.Parameters);
    }
    assert.ok(items.some((t) => t.Priority > 1) && items.some((t) => t.InstanceMode === 'Immediately'), 'the sample data varies them');
    const withBaseline = items.find((t) => t.BaselineId !== undefined);
    assert.ok(withBaseline, 'some tasks are in a baseline');
    const raw = (await sdkCall(emu, 'ListTasks', { ProjectId: P, PageSize: '100' })).text;
    assert.match(raw, /"BaselineId":\d+[,}]/, 'an int64 number on the wire, as the other ids');
    const imaged = items.find((t) => t.RuntimeResource.Image !== undefined);
    assert.ok(imaged && /^i-\w+$/.test(imaged.RuntimeResource.Image!), 'some tasks run in an image');
    const got = await sdkCall(emu, 'GetTask', { Id: digits(withBaseline.Id), ProjectEnv: 'Prod' });
    const task = got.body.Task as { Priority: number; InstanceMode: string; BaselineId: unknown };
    assert.equal(task.Priority, withBaseline.Priority);
    assert.equal(task.InstanceMode, withBaseline.InstanceMode);
    assert.equal(digits(task.BaselineId), digits(withBaseline.BaselineId));
  });

  it('task types are spelled as the SDK lists them (PY_ODPS3), and TaskType filters by them', async () => {
    const types = new Set(Object.values(state.tasks.Prod).map((t) => t.Type));
    assert.ok(types.has('PY_ODPS3') && !types.has('PYODPS3'), [...types].join());
    const page = await list({ TaskType: 'PY_ODPS3' });
    assert.ok(page.TotalCount > 0);
    assert.ok(page.Tasks.every((t) => t.Type === 'PY_ODPS3'));
  });

  it('ListDataSources needs ProjectId and answers PagingInfo.DataSources grouped by name', async () => {
    const e = await sdkError(emu, 'ListDataSources', {});
    assert.equal(e.code, 'MissingParameter');
    assert.equal(e.statusCode, 400);
    const r = await sdkCall(emu, 'ListDataSources', { ProjectId: P, Types: 'odps,mysql' });
    const groups = (r.body.PagingInfo as { DataSources: { Name: string; Type: string; DataSource: { ConnectionProperties: { envType: string } }[] }[] }).DataSources;
    const want = [...new Set(state.dataSources[P].filter((s) => ['odps', 'mysql'].includes(s.Type)).map((s) => s.Name))];
    assert.deepEqual(groups.map((g) => g.Name), want);
    assert.deepEqual(groups[0].DataSource.map((d) => d.ConnectionProperties.envType).sort(), ['Dev', 'Prod']);
  });

  it('answers 400 MissingParameter / InvalidParameter for missing and bad values', async () => {
    const cases: [string, Record<string, string>, string, RegExp][] = [
      ['ListTasks', {}, 'MissingParameter', /ProjectId/],
      ['ListTasks', { ProjectId: P, PageSize: '101' }, 'InvalidParameter', /PageSize/],
      ['ListTasks', { ProjectId: P, PageSize: '0' }, 'InvalidParameter', /PageSize/],
      ['ListTasks', { ProjectId: P, PageNumber: 'x' }, 'InvalidParameter', /PageNumber/],
      ['ListTasks', { ProjectId: P, ProjectEnv: 'Staging' }, 'InvalidParameter', /ProjectEnv/],
      ['ListTasks', { ProjectId: P, Ids: '[1,' }, 'InvalidParameter', /Ids/],
      ['ListTasks', { ProjectId: 'abc' }, 'InvalidParameter', /ProjectId/],
      ['ListTasks', { ProjectId: '999' }, 'InvalidParameter', /999/],
      ['GetTask', {}, 'MissingParameter', /Id/],
      ['ListProjects', { PageSize: '500' }, 'InvalidParameter', /PageSize/],
    ];
    for (const [action, values, code, message] of cases) {
      const e = await sdkError(emu, action, values);
      assert.equal(e.code, code, `${action} ${JSON.stringify(values)}`);
      assert.equal(e.statusCode, 400);
      assert.match(String(e.data.Message), message);
    }
  });
});
