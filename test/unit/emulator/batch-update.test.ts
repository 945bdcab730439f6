// BatchUpdateTasks: per-task results in SuccessInfo, changes applied in the right environment,
// whole-call rejections applied nothing, int64 ids both ways.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type EmulatorState, type RunningEmulator } from '@src/emulator/index';
import { sdkCall, sdkError } from './support';

type Info = Record<string, { Success: boolean; Message: string }>;

describe('emulator BatchUpdateTasks', () => {
  let emu: RunningEmulator;
  let state: EmulatorState;
  let both: string[];
  let devOnly: string;
  let big: string;
  const update = async (tasks: string, comment?: string): Promise<{ info: Info; text: string }> => {
    const r = await sdkCall(emu, 'BatchUpdateTasks', comment ? { Tasks: tasks, Comment: comment } : { Tasks: tasks });
    return { info: r.body.SuccessInfo as Info, text: r.text };
  };

  before(async () => {
    emu = await startEmulator({ tasks: 300, seed: 5, faults: { maxTasksPerCall: 5 } });
    state = emu.snapshot();
    both = Object.keys(state.tasks.Prod).filter((id) => BigInt(id) < 2n ** 53n).slice(0, 10);
    devOnly = Object.keys(state.tasks.Dev).find((id) => !state.tasks.Prod[id])!;
    big = Object.keys(state.tasks.Prod).find((id) => BigInt(id) > 2n ** 53n)!;
  });
  after(() => emu.close());

  it('applies changes in Prod by default and leaves Dev alone', async () => {
    const id = both[0];
    const { info } = await update(`[{"Id":${id},"Trigger":{"Cron":"00 30 04 * * ?"},"Timeout":7200,"Tags":[{"Key":"team","Value":"bi"}]}]`, 'move to 04:30');
    assert.deepEqual(info[id].Success, true);
    const now = emu.snapshot();
    assert.equal(now.tasks.Prod[id].Trigger.Cron, '00 30 04 * * ?');
    assert.equal(now.tasks.Prod[id].Timeout, 7200);
    assert.deepEqual(now.tasks.Prod[id].Tags, [{ Key: 'team', Value: 'bi' }]);
    assert.ok(now.tasks.Prod[id].ModifyTime > state.tasks.Prod[id].ModifyTime);
    assert.deepEqual(now.tasks.Dev[id], state.tasks.Dev[id], 'Dev copy unchanged');
    const got = await sdkCall(emu, 'GetTask', { Id: id, ProjectEnv: 'Prod' });
    assert.equal((got.body.Task as { Timeout: number }).Timeout, 7200);
  });

  it('applies changes with EnvType Dev to Dev only', async () => {
    const id = both[1];
    const { info } = await update(`[{"Id":${id},"EnvType":"Dev","Description":"dev only change"}]`);
    assert.equal(info[id].Success, true);
    const now = emu.snapshot();
    assert.equal(now.tasks.Dev[id].Description, 'dev only change');
    assert.equal(now.tasks.Prod[id].Description, state.tasks.Prod[id].Description);
  });

  it('answers per task: unknown id, invalid cron and wrong environment fail with a message; others succeed', async () => {
    const [ok, badCron] = [both[2], both[3]];
    const unknown = '123456789012';
    const { info } = await update(`[
      {"Id":${ok},"Owner":"200000000000000001"},
      {"Id":${unknown},"Name":"x"},
      {"Id":${badCron},"Trigger":{"Cron":"0 0 25 * * ?"}},
      {"Id":${devOnly},"Description":"to prod"}]`);
    assert.deepEqual(Object.keys(info).sort(), [ok, unknown, badCron, devOnly].sort());
    assert.equal(info[ok].Success, true);
    assert.equal(info[unknown].Success, false);
    assert.match(info[unknown].Message, new RegExp(`${unknown}.*does not exist`));
    assert.equal(info[badCron].Success, false);
    assert.match(info[badCron].Message, /Trigger\.Cron/);
    assert.equal(info[devOnly].Success, false);
    assert.match(info[devOnly].Message, /Prod.*Dev/);
    const now = emu.snapshot();
    assert.equal(now.tasks.Prod[ok].Owner, '200000000000000001');
    assert.equal(now.tasks.Prod[badCron].Trigger.Cron, state.tasks.Prod[badCron].Trigger.Cron, 'failed task unchanged');
    assert.equal(now.tasks.Dev[devOnly].Description, state.tasks.Dev[devOnly].Description);
  });

  it('checks crons in the DataWorks dialect: seconds, the 5-minute gap, W, both day fields', async () => {
    const id = Object.keys(state.tasks.Prod).find((x) => !both.includes(x) && x !== big && state.tasks.Prod[x].Trigger.Type === 'Scheduler')!;
    for (const cron of ['30 00 01 * * ?', '00 */2 00-23 * * ?', '00 00 00 15W * ?', '00 00 00 * * 2', '00 00 00 * *']) {
      const { info } = await update(`[{"Id":${id},"Trigger":{"Cron":"${cron}"}}]`);
      assert.equal(info[id].Success, false, cron);
      assert.match(info[id].Message, /^Trigger\.Cron: ".*" is not a valid DataWorks cron expression: ./, cron);
    }
    assert.equal(emu.snapshot().tasks.Prod[id].Trigger.Cron, state.tasks.Prod[id].Trigger.Cron);
    assert.equal((await update(`[{"Id":${id},"Trigger":{"Cron":"00 00 08 ? * 2#1"}}]`)).info[id].Success, true);
  });

  it('reads day-of-week numbers as DataWorks does: 0 and 7 are Sunday, 8 and inverted ranges are refused', async () => {
    const id = Object.keys(state.tasks.Prod).find((x) => !both.includes(x) && x !== big && state.tasks.Prod[x].Trigger.Type === 'Scheduler')!;
    for (const cron of ['00 00 08 ? * 0', '00 00 08 ? * 7', '00 00 08 ? * 0#5', '00 00 08 ? * 1/2']) {
      assert.equal((await update(`[{"Id":${id},"Trigger":{"Cron":"${cron}"}}]`)).info[id].Success, true, cron);
      assert.equal(emu.snapshot().tasks.Prod[id].Trigger.Cron, cron);
    }
    for (const cron of ['00 00 08 ? * 8', '00 00 08 ? * FRI-MON', '00 00 08 ? * 6-2']) {
      const { info } = await update(`[{"Id":${id},"Trigger":{"Cron":"${cron}"}}]`);
      assert.equal(info[id].Success, false, cron);
      assert.match(info[id].Message, /day-of-week: .*(0-7 \(0 or 7 = Sunday|runs backwards)/, cron);
    }
  });

  it('a task with one bad field applies none of its fields', async () => {
    const id = both[4];
    const { info } = await update(`[{"Id":${id},"Name":"renamed_ok","RuntimeResource":{"ResourceGroupId":"no_such_group"}}]`);
    assert.equal(info[id].Success, false);
    assert.match(info[id].Message, /RuntimeResource\.ResourceGroupId/);
    assert.equal(emu.snapshot().tasks.Prod[id].Name, state.tasks.Prod[id].Name);
  });

  it('checks field values and names the field: types, enums, Cu, DataSource, Tags, times, Manual triggers', async () => {
    const id = both[5];
    const cases: [string, RegExp][] = [
      ['"Timeout":"3600"', /Timeout/],
      ['"Timeout":-1', /Timeout/],
      ['"RerunMode":"Sometimes"', /RerunMode/],
      ['"EnvType":"Staging"', /EnvType/],
      ['"RuntimeResource":{"Cu":0.5}', /RuntimeResource\.Cu/],
      ['"RuntimeResource":{"Cu":"-1"}', /RuntimeResource\.Cu/],
      ['"DataSource":{"Name":"nope"}', /DataSource\.Name/],
      ['"Tags":[{"Value":"x"}]', /Tags\[0\]\.Key/],
      ['"Trigger":{"StartTime":"2026-02-30 00:00:00"}', /Trigger\.StartTime/],
      ['"Trigger":{"Type":"Manual","Cron":"00 00 01 * * ?"}', /Trigger\.Cron.*Manual/],
      ['"Name":""', /Name/],
    ];
    for (const [fields, message] of cases) {
      const { info } = await update(`[{"Id":${id},${fields}}]`);
      assert.equal(info[id].Success, false, fields);
      assert.match(info[id].Message, message, fields);
    }
    assert.deepEqual(emu.snapshot().tasks.Prod[id], state.tasks.Prod[id]);
  });

  it('switching to a Manual trigger drops Cron and Recurrence; back to Scheduler needs a Cron', async () => {
    const id = both[6];
    assert.equal((await update(`[{"Id":${id},"Trigger":{"Type":"Manual"}}]`)).info[id].Success, true);
    assert.deepEqual(Object.keys(emu.snapshot().tasks.Prod[id].Trigger).sort(), ['EndTime', 'StartTime', 'Type']);
    const back = await update(`[{"Id":${id},"Trigger":{"Type":"Scheduler"}}]`);
    assert.equal(back.info[id].Success, false);
    assert.match(back.info[id].Message, /Trigger\.Cron.*required/);
    assert.equal((await update(`[{"Id":${id},"Trigger":{"Type":"Scheduler","Cron":"00 */30 00-23 * * ?"}}]`)).info[id].Success, true);
    assert.equal(emu.snapshot().tasks.Prod[id].Trigger.Recurrence, 'Normal');
  });

  it('keys SuccessInfo by the exact int64 digits and applies to the right task above 2^53', async () => {
    const { info, text } = await update(`[{"Id":${big},"Description":"big id"}]`);
    assert.ok(text.includes(`"${big}":{"Success":true`), text);
    assert.equal(info[big].Success, true);
    assert.equal(emu.snapshot().tasks.Prod[big].Description, 'big id');
    const neighbour = (BigInt(big) + 1n).toString();
    const miss = await update(`[{"Id":${neighbour},"Description":"x"}]`);
    assert.equal(miss.info[neighbour]?.Success ?? false, false, 'a neighbour id that rounds to the same double is a different task');
  });

  it('rejects the whole call: too many tasks (400 InvalidParameter), a task without Id (400 MissingParameter)', async () => {
    const six = both.slice(0, 6).map((id) => `{"Id":${id},"Description":"six"}`).join(',');
    const tooMany = await sdkError(emu, 'BatchUpdateTasks', { Tasks: `[${six}]` });
    assert.equal(tooMany.statusCode, 400);
    assert.equal(tooMany.code, 'InvalidParameter');
    assert.match(String(tooMany.data.Message), /6 tasks.*at most 5/);
    const noId = await sdkError(emu, 'BatchUpdateTasks', { Tasks: `[{"Id":${both[7]},"Description":"first"},{"Description":"no id"}]` });
    assert.equal(noId.statusCode, 400);
    assert.equal(noId.code, 'MissingParameter');
    assert.match(String(noId.data.Message), /Tasks\.2\.Id/);
    for (const tasks of ['{"Id":1}', '[]', 'not json', '[{"Id":"abc"}]']) {
      const e = await sdkError(emu, 'BatchUpdateTasks', { Tasks: tasks });
      assert.equal(e.code, 'InvalidParameter', tasks);
    }
    assert.equal((await sdkError(emu, 'BatchUpdateTasks', {})).code, 'MissingParameter');
    const now = emu.snapshot();
    assert.notEqual(now.tasks.Prod[both[0]].Description, 'six');
    assert.notEqual(now.tasks.Prod[both[7]].Description, 'first');
  });

  it('refuses a call that names the same id twice (400 InvalidParameter, nothing applied): one SuccessInfo entry cannot answer for two', async () => {
    const id = both[8];
    const before = emu.snapshot();
    for (const tasks of [
      `[{"Id":${id},"EnvType":"Dev","Description":"dev"},{"Id":${id},"EnvType":"Prod","Description":"prod"}]`,
      `[{"Id":${id},"Description":"a"},{"Id":${both[9]},"Description":"b"},{"Id":${id},"Timeout":60}]`,
    ]) {
      const e = await sdkError(emu, 'BatchUpdateTasks', { Tasks: tasks });
      assert.equal(e.statusCode, 400);
      assert.equal(e.code, 'InvalidParameter');
      assert.match(String(e.data.Message), new RegExp(`Tasks\\.\\d\\.Id.*${id}.*once`));
    }
    const after = emu.snapshot();
    for (const env of ['Dev', 'Prod'] as const) for (const t of [id, both[9]]) assert.deepEqual(after.tasks[env][t], before.tasks[env][t]);
    // The same two changes in separate calls are fine.
    assert.equal((await update(`[{"Id":${id},"EnvType":"Dev","Description":"dev"}]`)).info[id].Success, true);
    assert.equal((await update(`[{"Id":${id},"EnvType":"Prod","Description":"prod"}]`)).info[id].Success, true);
  });

  it('is idempotent: the same update twice leaves the same values', async () => {
    const id = both[8];
    const body = `[{"Id":${id},"RerunMode":"FailureAllowed","RerunTimes":2,"RerunInterval":120000}]`;
    await update(body);
    const once = emu.snapshot().tasks.Prod[id];
    await update(body);
    const twice = emu.snapshot().tasks.Prod[id];
    assert.deepEqual({ ...twice, ModifyTime: 0 }, { ...once, ModifyTime: 0 });
  });
});
