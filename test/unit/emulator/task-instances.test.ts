// ListTaskInstances in the emulator over real signed requests: required parameters, paging from 10,
// every filter, SortBy, runs that follow each task's cron, a stable seeded spread of durations,
// failures and waits, and the same answer from the same seed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileCron, fireTimesBetween } from '@src/core/cron/enumerate';
import { recentBizdates, runDayOf } from '@src/core/history/bizdate';
import { HISTORY_ZONE } from '@src/emulator/history';
import { startEmulator, type EmulatorState, type RunningEmulator } from '@src/emulator/index';
import { digits, sdkCall, sdkError } from './support';

interface Instance {
  Id: unknown; TaskId: unknown; TaskName: string; Status: string; Bizdate: number; TriggerTime: number; PeriodNumber: number;
  WaitingResourceTime?: number; StartedTime?: number; FinishedTime?: number; RuntimeResource: { ResourceGroupId: string; Cu: string };
}
type Page = { PageNumber: number; PageSize: number; TotalCount: number; TaskInstances: Instance[] };

describe('emulator ListTaskInstances', () => {
  let emu: RunningEmulator;
  let state: EmulatorState;
  const P = '312601';
  // Two days back: every run of that run day has finished.
  const bizdate = recentBizdates(Date.now(), 2, HISTORY_ZONE)[0]!;
  const page = async (values: Record<string, string>, on = emu): Promise<Page> =>
    (await sdkCall(on, 'ListTaskInstances', { ProjectId: P, Bizdate: String(bizdate), ...values })).body.PagingInfo as Page;
  const all = async (values: Record<string, string> = {}): Promise<Instance[]> => {
    const out: Instance[] = [];
    for (let n = 1; ; n++) {
      const p = await page({ ...values, PageSize: '100', PageNumber: String(n) });
      out.push(...p.TaskInstances);
      if (out.length >= p.TotalCount) return out;
    }
  };

  before(async () => {
    emu = await startEmulator({ tasks: 300, seed: 21 });
    state = emu.snapshot();
  });
  after(() => emu.close());

  it('needs ProjectId and Bizdate, pages from 10, at most 100', async () => {
    for (const [values, code, field] of [
      [{ Bizdate: String(bizdate) }, 'MissingParameter', /ProjectId/],
      [{ ProjectId: P }, 'MissingParameter', /Bizdate/],
      [{ ProjectId: P, Bizdate: String(bizdate), PageSize: '101' }, 'InvalidParameter', /PageSize/],
      [{ ProjectId: P, Bizdate: String(bizdate), SortBy: 'Name Asc' }, 'InvalidParameter', /SortBy/],
      [{ ProjectId: P, Bizdate: String(bizdate), Status: 'Done' }, 'InvalidParameter', /Status/],
      [{ ProjectId: P, Bizdate: String(bizdate), Filter: '{"startTime":"1"}' }, 'InvalidParameter', /Filter\.startTime/],
    ] as const) {
      const e = await sdkError(emu, 'ListTaskInstances', values);
      assert.equal(e.code, code, JSON.stringify(values));
      assert.match(String(e.data.Message), field);
    }
    const first = await page({});
    assert.equal(first.PageSize, 10);
    assert.equal(first.TaskInstances.length, 10);
    assert.ok(first.TotalCount > 100);
  });

  it('one run per fire time of every scheduled task on the run day, by its cron, sorted Id Desc by default', async () => {
    const runs = await all();
    const day = runDayOf(bizdate, HISTORY_ZONE);
    const tasks = Object.values(state.tasks.Prod).filter((t) => t.ProjectId === P && t.Trigger.Type === 'Scheduler');
    const expected = tasks.flatMap((t) => [...fireTimesBetween(compileCron(t.Trigger.Cron!), day.from, day.to, HISTORY_ZONE)].map((at) => `${t.Id}@${at}`));
    assert.deepEqual(runs.map((r) => `${digits(r.TaskId)}@${r.TriggerTime}`).sort(), expected.sort());
    assert.ok(runs.every((r) => r.Bizdate === bizdate));
    const ids = runs.map((r) => BigInt(digits(r.Id)));
    assert.deepEqual(ids, [...ids].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    assert.equal(new Set(ids).size, ids.length);
    // PeriodNumber counts a task's runs of the day from 1.
    const hourly = tasks.find((t) => /^00 \d\d 00-23 \* \* \?$/.test(t.Trigger.Cron!))!;
    assert.deepEqual(runs.filter((r) => digits(r.TaskId) === hourly.Id).map((r) => r.PeriodNumber).sort((a, b) => a - b), Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('durations, failures and waits: a stable seeded spread, the same from the same seed', async () => {
    const runs = (await all()).filter((r) => r.StartedTime !== undefined && r.FinishedTime !== undefined && r.FinishedTime > r.StartedTime);
    const secs = runs.map((r) => (r.FinishedTime! - r.StartedTime!) / 1000);
    const short = secs.filter((s) => s <= 360).length / secs.length;
    assert.ok(short > 0.5, `most runs are short (${short})`);
    assert.ok(secs.some((s) => s > 1800), 'a few are long');
    assert.ok(runs.some((r) => r.Status === 'Failure') && runs.some((r) => r.Status === 'Success'));
    const waited = runs.filter((r) => r.StartedTime! - r.WaitingResourceTime! > 5000);
    assert.ok(waited.length > 0 && waited.length < runs.length / 2, `some wait for resources (${waited.length} of ${runs.length})`);
    assert.ok(runs.every((r) => r.TriggerTime <= r.WaitingResourceTime! && r.WaitingResourceTime! <= r.StartedTime!));
    const twin = await startEmulator({ tasks: 300, seed: 21 });
    try {
      assert.deepEqual(await page({ PageSize: '100', PageNumber: '2' }, twin), await page({ PageSize: '100', PageNumber: '2' }));
    } finally {
      await twin.close();
    }
  });

  it('filters: TaskId, TaskIds, Status, RuntimeResource, TaskName, Filter ranges; SortBy', async () => {
    const runs = await all();
    const [a, b] = [...new Set(runs.map((r) => digits(r.TaskId)))];
    assert.ok((await all({ TaskId: a! })).every((r) => digits(r.TaskId) === a));
    const two = await all({ TaskIds: `[${a},${b}]` });
    assert.deepEqual(new Set(two.map((r) => digits(r.TaskId))), new Set([a, b]));
    assert.equal(two.length, runs.filter((r) => [a, b].includes(digits(r.TaskId))).length);
    const failed = await all({ Status: 'Failure' });
    assert.equal(failed.length, runs.filter((r) => r.Status === 'Failure').length);
    assert.ok(failed.length > 0 && failed.every((r) => r.Status === 'Failure'));
    const group = runs[0]!.RuntimeResource.ResourceGroupId;
    const onGroup = await all({ RuntimeResource: group });
    assert.equal(onGroup.length, runs.filter((r) => r.RuntimeResource.ResourceGroupId === group).length);
    const name = runs[0]!.TaskName.slice(4, 12).toUpperCase();
    assert.ok((await all({ TaskName: name })).every((r) => r.TaskName.toUpperCase().includes(name)));
    const noon = runDayOf(bizdate, HISTORY_ZONE).from + 12 * 3_600_000;
    const afternoon = await all({ Filter: JSON.stringify({ startedTimeStart: String(noon) }) });
    assert.equal(afternoon.length, runs.filter((r) => r.StartedTime !== undefined && r.StartedTime >= noon).length);
    assert.equal((await all({ WorkflowInstanceType: 'SupplementData' })).length, 0);
    const byTrigger = await all({ SortBy: 'TriggerTime Asc' });
    assert.deepEqual(byTrigger.map((r) => r.TriggerTime), runs.map((r) => r.TriggerTime).sort((x, y) => x - y));
    const byFinish = await all({ SortBy: 'FinishedTime Desc' });
    const finished = byFinish.filter((r) => r.FinishedTime !== undefined).map((r) => r.FinishedTime!);
    assert.deepEqual(finished, [...finished].sort((x, y) => y - x));
  });

  it('a date whose run day has not begun has no runs yet; today has runs waiting for their time', async () => {
    const today = recentBizdates(Date.now(), 1, HISTORY_ZONE)[0]! + 86_400_000;
    const future = await page({ Bizdate: String(today + 86_400_000) });
    assert.equal(future.TotalCount, 0);
    const now = await page({ Bizdate: String(today), PageSize: '100', SortBy: 'TriggerTime Desc' });
    assert.ok(now.TotalCount > 0);
  });
});
