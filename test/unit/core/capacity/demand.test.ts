// Load per group and slot, on cases small enough to work out by hand (15-minute slots, one day in
// Shanghai from 2026-11-30 00:00).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeCapacity, cuOf, firstOver, type GroupCapacity } from '@src/core/capacity/demand';
import { durationOf, durationsByTask, type RunRecord, type TaskDuration } from '@src/core/capacity/durations';
import { specCapacity } from '@src/core/capacity/spec';
import type { ScheduleTask } from '@src/core/schedule/tasks';
import { makeWindow } from '@src/core/schedule/window';

const FROM = Date.UTC(2026, 10, 29, 16) / 1000; // 2026-11-30 00:00 Asia/Shanghai
const window = makeWindow({ zone: 'Asia/Shanghai', from: FROM, days: 1, slotMinutes: 15 });
const dur = (medianSec: number): TaskDuration => ({ medianSec, p90Sec: medianSec, runs: 3 });
const task = (id: string, cron: string, group: string, cu?: string): ScheduleTask => ({ id, env: 'Prod', cron, resourceGroupId: group, ...(cu !== undefined ? { cu } : {}) });
const slot = (hh: number, mm: number): number => (hh * 60 + mm) / 15;
const nonZero = (slots: Float64Array): [number, number][] => [...slots].flatMap((v, i) => (v ? [[i, v] as [number, number]] : []));

test('a run across slot boundaries adds its CU for the seconds it spends in each slot', () => {
  // 00:50 for 30 minutes on 2 CU: 10 of 15 minutes of slot 00:45, all of 01:00, 5 minutes of 01:15.
  const p = computeCapacity([task('1', '00 50 00 * * ?', 'g1', '2')], window, { weekdays: 'dataworks', durations: new Map([['1', dur(1800)]]) });
  assert.equal(p.groups.length, 1);
  assert.deepEqual(nonZero(p.groups[0].slots), [[slot(0, 45), 1.333333], [slot(1, 0), 2], [slot(1, 15), 0.666667]]);
  assert.deepEqual([p.groups[0].peakCu, p.groups[0].peakAt], [2, FROM + 3600]);
  assert.deepEqual(p.tasks[0].fires, [(FROM + 50 * 60) * 1000]);
});

test('two groups are summed apart; tasks without history or CU are listed apart, never assumed', () => {
  const tasks = [
    task('1', '00 50 00 * * ?', 'g1', '2'),
    task('2', '00 00 01 * * ?', 'g2', '1'), // 10 minutes: 1 * 600 / 900
    task('3', '00 05 01 * * ?', 'g1', '3'), // 5 minutes in slot 01:00: 3 * 300 / 900 = 1
    task('4', '00 00 02 * * ?', 'g1', '8'), // no history
    task('5', '00 00 03 * * ?', 'g1'), // no CU
  ];
  const durations = new Map([['1', dur(1800)], ['2', dur(600)], ['3', dur(300)], ['5', dur(60)]]);
  const p = computeCapacity(tasks, window, { weekdays: 'dataworks', durations });
  const g1 = p.groups.find((g) => g.id === 'g1')!;
  const g2 = p.groups.find((g) => g.id === 'g2')!;
  assert.deepEqual(nonZero(g1.slots), [[slot(0, 45), 1.333333], [slot(1, 0), 3], [slot(1, 15), 0.666667]]);
  assert.deepEqual(nonZero(g2.slots), [[slot(1, 0), 0.666667]]);
  assert.deepEqual(p.groups.map((g) => g.id), ['g1', 'g2'], 'highest peak first');
  assert.deepEqual(p.withoutHistory.map((t) => t.task.id), ['4']);
  assert.deepEqual(p.withoutCu.map((t) => t.task.id), ['5']);
});

test('a patch moving a task onto a group: before under capacity, after over it from the slot it lands in', () => {
  const capacities = new Map<string, GroupCapacity>([['g1', { cu: 5, source: 'user' }]]);
  const durations = new Map([['1', dur(1800)], ['2', dur(600)], ['3', dur(300)]]);
  const before = [task('1', '00 50 00 * * ?', 'g1', '2'), task('2', '00 00 01 * * ?', 'g2', '1'), task('3', '00 05 01 * * ?', 'g1', '3')];
  const after = [before[0], task('2', '00 00 01 * * ?', 'g1', '4'), before[2]]; // patched group and CU
  const b = computeCapacity(before, window, { weekdays: 'dataworks', durations, capacities });
  const a = computeCapacity(after, window, { weekdays: 'dataworks', durations, capacities, alsoGroups: ['g2'] });
  const g1b = b.groups.find((g) => g.id === 'g1')!;
  const g1a = a.groups.find((g) => g.id === 'g1')!;
  assert.deepEqual([g1b.peakCu, g1b.over, firstOver(g1b, window)], [3, [], undefined]);
  // 2 + 1 + 4 * 600 / 900 in slot 01:00.
  assert.deepEqual([g1a.peakCu, g1a.over, firstOver(g1a, window)], [5.666667, [slot(1, 0)], FROM + 3600]);
  assert.equal(a.groups.find((g) => g.id === 'g2')!.peakCu, 0, 'the emptied group still shows, with no load');
});

test('a run fired before the window counts where it runs into it; a run past the end is cut at the end', () => {
  // 23:30 for 2 hours on 1 CU: the previous day's run fills 00:00-01:30; today's fills 23:30-24:00.
  const p = computeCapacity([task('1', '00 30 23 * * ?', 'g', '1')], window, { weekdays: 'dataworks', durations: new Map([['1', dur(7200)]]) });
  const want: [number, number][] = [0, 1, 2, 3, 4, 5, 94, 95].map((i) => [i, 1]);
  assert.deepEqual(nonZero(p.groups[0].slots), want);
  assert.deepEqual(p.tasks[0].fires, [(FROM + 23.5 * 3600) * 1000], 'fires listed are the window\'s only');
});

test('durations: median and nearest-rank p90 of successful runs only', () => {
  const run = (Status: string, StartedTime: number, FinishedTime: number): RunRecord => ({ TaskId: 't', Status, StartedTime, FinishedTime });
  assert.deepEqual(durationOf([run('Success', 0, 10_000), run('Success', 0, 30_000), run('Failure', 0, 999_000), run('Success', 0, 20_000), run('Success', 5, 40_005)]),
    { medianSec: 25, p90Sec: 40, runs: 4 });
  assert.equal(durationOf([run('Failure', 0, 1000), { TaskId: 't', Status: 'Success', StartedTime: 5 }]), undefined);
  const many = Array.from({ length: 10 }, (_, i) => run('Success', 0, (i + 1) * 1000));
  assert.deepEqual(durationOf(many), { medianSec: 5.5, p90Sec: 9, runs: 10 });
  assert.deepEqual([...durationsByTask([...many, { TaskId: 'u', Status: 'Failure' }]).keys()], ['t']);
});

test('a CU is a decimal as the service writes it', () => {
  assert.deepEqual(['0.25', '2', ' 4 ', '', 'x', '-1', undefined].map(cuOf), [0.25, 2, 4, undefined, undefined, undefined, undefined]);
});

test('tasks firing more often than hourly are the baseline, apart from the rest of the load', () => {
  // Every 30 minutes for 3 minutes on 1 CU: 0.2 CU in every slot that holds a start.
  const tasks = [task('1', '00 */30 * * * ?', 'g', '1'), task('2', '00 00 * * * ?', 'g', '1'), task('3', '00 00 02 * * ?', 'g', '4')];
  const p = computeCapacity(tasks, window, { weekdays: 'dataworks', durations: new Map([['1', dur(180)], ['2', dur(180)], ['3', dur(900)]]) });
  const g = p.groups[0];
  assert.deepEqual([g.baseline[slot(0, 0)], g.baseline[slot(0, 15)], g.baseline[slot(0, 30)], g.baseline[slot(2, 0)]], [0.2, 0, 0.2, 0.2]);
  assert.deepEqual([g.slots[slot(0, 0)], g.slots[slot(0, 30)], g.slots[slot(2, 0)]], [0.4, 0.2, 4.4], 'the hourly task is not baseline');
});

test('a group\'s spec states CUs only as "<n>CU" times its amount', () => {
  assert.deepEqual([{ Standard: '4CU', Amount: 2 }, { Standard: '2cu' }, { Standard: 'Standard', Amount: 1 }, { Standard: '4CU', Amount: 0 }, null, '4CU'].map(specCapacity), [8, 2, undefined, undefined, undefined, undefined]);
});
