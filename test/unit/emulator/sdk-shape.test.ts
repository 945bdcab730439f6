// Every emulator action against the official SDK's models (facts in test/fixtures/sdk-models, read
// from the SDK's source): over real signed HTTP, each answer is walked and every field name must exist
// in its model with the model's JSON type. Requests are chosen so the optional fields show up.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { parse } from 'lossless-json';
import { recentBizdates } from '@src/core/history/bizdate';
import { HISTORY_ZONE } from '@src/emulator/history';
import { ACTIONS } from '@src/emulator/routes';
import { startEmulator, type EmulatorState, type RunningEmulator } from '@src/emulator/index';
import { rawAnswers } from '../dataworks/raw-answer';
import { GET_ACTIONS } from './support';
import { checkShape, SDK_FACTS, type ShapeReport } from './sdk-model-shape';

let emu: RunningEmulator;
let state: EmulatorState;
let raw: ReturnType<typeof rawAnswers>;
const P = '312601';

before(async () => {
  emu = await startEmulator({ tasks: 400, seed: 5 });
  state = emu.snapshot();
  raw = rawAnswers(emu);
});
after(() => emu.close());

async function shape(action: string, values: Record<string, string>, report: ShapeReport): Promise<Record<string, unknown>> {
  const text = await raw(action, GET_ACTIONS.has(action) ? 'GET' : 'POST', values);
  const body = parse(text) as Record<string, unknown>;
  assert.equal(body.Code, undefined, `${action} ${JSON.stringify(values)} failed: ${text.slice(0, 300)}`);
  checkShape(action, body, report);
  return body;
}

test('the facts name a response model for every action the emulator serves', () => {
  assert.deepEqual(Object.keys(SDK_FACTS.responses).sort(), Object.keys(ACTIONS).sort());
});

test('the model walk finds unknown fields and wrong types (the check can fail)', () => {
  const r = checkShape('GetTask', { RequestId: 'x', Task: { Id: 1, ScriptParameters: 'a=b', Name: 5 } });
  assert.deepEqual(r.problems, [
    'GetTask.Task.ScriptParameters: the model GetTaskResponseBodyTask has no field ScriptParameters',
    'GetTask.Task.Name: is a number (model type string)',
  ]);
});

test('every action answers only fields its SDK model declares, with the declared types', async () => {
  const report: ShapeReport = { problems: [], seen: new Set() };
  await shape('ListProjects', { PageSize: '100' }, report);
  for (const env of ['Prod', 'Dev']) await shape('ListTasks', { ProjectId: P, ProjectEnv: env, PageSize: '100' }, report);
  const prod = Object.values(state.tasks.Prod);
  // Tasks with and without a data source, tags, a baseline and an image.
  const picks = [
    prod.find((t) => t.DataSource && t.Tags.length > 0 && t.BaselineId !== undefined),
    prod.find((t) => !t.DataSource),
    prod.find((t) => t.RuntimeResource.Image !== undefined),
    prod.find((t) => t.Trigger.Type === 'Manual'),
  ];
  for (const t of picks) {
    assert.ok(t, 'the seed has such a task');
    await shape('GetTask', { Id: t.Id, ProjectEnv: 'Prod' }, report);
  }
  const ok = prod[0]!;
  await shape('BatchUpdateTasks', { Tasks: JSON.stringify([{ Id: ok.Id, Description: 'shape test' }, { Id: prod[1]!.Id, Trigger: { Cron: 'nope' } }]) }, report);
  await shape('ListResourceGroups', { ResourceGroupTypes: JSON.stringify(['CommonV2', 'ExclusiveScheduler', 'ExclusiveDataIntegration', 'ExclusiveDataService']) }, report);
  await shape('ListDataSources', { ProjectId: P, PageSize: '100' }, report);
  // History: a past day (finished runs, failures, waits) and today (runs still waiting), sorted two ways.
  const [yesterday] = recentBizdates(Date.now(), 1, HISTORY_ZONE);
  const today = yesterday! + 86_400_000;
  const historyQueries: Record<string, string>[] = [
    { Bizdate: String(yesterday), PageSize: '100' },
    { Bizdate: String(yesterday), PageSize: '100', Status: 'Failure' },
    { Bizdate: String(yesterday), PageSize: '100', TriggerRecurrence: 'Skip' },
    { Bizdate: String(yesterday), PageSize: '100', TriggerRecurrence: 'Pause' },
    { Bizdate: String(today), PageSize: '100', SortBy: 'TriggerTime Desc' },
  ];
  for (const values of historyQueries) {
    const body = await shape('ListTaskInstances', { ProjectId: P, ...values }, report);
    assert.ok((body.PagingInfo as { TaskInstances: unknown[] }).TaskInstances.length > 0, JSON.stringify(values));
  }
  assert.deepEqual(report.problems, []);

  // The walk saw what the history path relies on, so the check above covered it.
  const instance = 'ListTaskInstancesResponseBodyPagingInfoTaskInstances';
  for (const f of ['Id', 'TaskId', 'Bizdate', 'TriggerTime', 'WaitingTriggerTime', 'WaitingResourceTime', 'StartedTime', 'FinishedTime', 'Status',
    'RuntimeResource', 'WorkflowInstanceType', 'RunNumber', 'PeriodNumber', 'TriggerRecurrence']) {
    assert.ok(report.seen.has(`${instance}.${f}`), f);
  }
  assert.ok(report.seen.has('ListResourceGroupsResponseBodyPagingInfoResourceGroupListSpec.Standard'));
  assert.ok(report.seen.has('ListResourceGroupsResponseBodyPagingInfoResourceGroupListSpec.Amount'));
  assert.ok(report.seen.has('GetTaskResponseBodyTaskScript.Parameters'));
  assert.ok(report.seen.has('SuccessInfoValue.Message'));
});
