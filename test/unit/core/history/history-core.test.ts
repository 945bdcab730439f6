// Business dates, run days, the call estimate and the one reading of an instance's timestamps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bizdateOf, recentBizdates, runDayOf } from '@src/core/history/bizdate';
import { runningSpan, runSeconds, waitingForResourcesSpan } from '@src/core/history/instance-times';
import { idGroups, planHistoryDays } from '@src/core/history/plan';

const H = 3_600_000;

test('a Bizdate is 00:00 of the day before the run day, in the workspace zone', () => {
  // 2026-03-31 00:00 Asia/Shanghai = 2026-03-30 16:00 UTC; its run day is April 1st there.
  const bizdate = Date.UTC(2026, 2, 30, 16);
  assert.deepEqual(runDayOf(bizdate, 'Asia/Shanghai'), { from: Date.UTC(2026, 2, 31, 16), to: Date.UTC(2026, 3, 1, 16) });
  assert.equal(bizdateOf(Date.UTC(2026, 2, 31, 16) + 5 * H, 'Asia/Shanghai'), bizdate);
  // Any instant of the business date names the same run day.
  assert.deepEqual(runDayOf(bizdate + 13 * H, 'Asia/Shanghai'), runDayOf(bizdate, 'Asia/Shanghai'));
});

test('a run day across a DST change lasts 23 hours', () => {
  // New York springs forward on 2026-03-08.
  const bizdate = bizdateOf(Date.UTC(2026, 2, 8, 12), 'America/New_York');
  const day = runDayOf(bizdate, 'America/New_York');
  assert.equal(day.to - day.from, 23 * H);
  assert.equal(day.from, Date.UTC(2026, 2, 8, 5));
});

test('recentBizdates: the last N complete run days, oldest first, today excluded', () => {
  const now = Date.UTC(2026, 11, 6, 18, 30); // 2026-12-07 02:30 in Shanghai
  const dates = recentBizdates(now, 3, 'Asia/Shanghai');
  assert.deepEqual(dates.map((b) => runDayOf(b, 'Asia/Shanghai').from), [Date.UTC(2026, 11, 3, 16), Date.UTC(2026, 11, 4, 16), Date.UTC(2026, 11, 5, 16)]);
  assert.throws(() => recentBizdates(now, 0, 'Asia/Shanghai'), /positive integer/);
});

test('the call plan counts each task\'s fire times and pages per group of ids (a group with none still costs its first page)', () => {
  const bizdate = Date.UTC(2026, 2, 30, 16);
  const tasks = [
    { Id: '1', Cron: '00 */5 00-23 * * ?' }, // 288 a day
    { Id: '2', Cron: '00 30 02 * * ?' }, // 1
    { Id: '3' }, // manual: none
    { Id: '4', Cron: '00 00 00-23 * * ?' }, // 24
  ];
  const [day] = planHistoryDays(tasks, [bizdate], { zone: 'Asia/Shanghai', pageSize: 100, idsPerCall: 2 });
  assert.equal(day!.instances, 313);
  // Group 1 (ids 1, 2): 289 runs = 3 pages; group 2 (ids 3, 4): 24 runs = 1 page.
  assert.equal(day!.calls, 4);
  assert.equal(planHistoryDays([{ Id: '3' }], [bizdate], { zone: 'Asia/Shanghai', pageSize: 100, idsPerCall: 100 })[0]!.calls, 1);
  assert.deepEqual(idGroups([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});

test('running is StartedTime..FinishedTime, waiting for resources WaitingResourceTime..StartedTime', () => {
  const i = { TriggerTime: 1000, WaitingResourceTime: 1000, StartedTime: 61_000, FinishedTime: 181_000, Status: 'Success' };
  assert.deepEqual(runningSpan(i), { from: 61_000, to: 181_000 });
  assert.deepEqual(waitingForResourcesSpan(i), { from: 1000, to: 61_000 });
  assert.equal(runSeconds(i), 120);
  assert.equal(runningSpan({ StartedTime: 5, Status: 'Running' }), undefined);
  assert.equal(runSeconds({ Status: 'NotRun' }), undefined);
});
