// "Spread this peak" aimed at load, on cases small enough to work out by hand (15-minute slots, one
// day in Shanghai from 2026-11-30 00:00; a 5-minute run on 3 CU adds 1 CU to its slot).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { planLoadSpread } from '@src/core/capacity/spread-load';
import { computeCapacity, type GroupCapacity } from '@src/core/capacity/demand';
import type { TaskDuration } from '@src/core/capacity/durations';
import { parsePatch } from '@src/core/patch/parse';
import { applyTextEdits } from '@src/core/schedule/spread';
import type { ScheduleTask } from '@src/core/schedule/tasks';
import { makeWindow } from '@src/core/schedule/window';

const FROM = Date.UTC(2026, 10, 29, 16) / 1000; // 2026-11-30 00:00 Asia/Shanghai
const window = makeWindow({ zone: 'Asia/Shanghai', from: FROM, days: 1, slotMinutes: 15 });
const dur = (medianSec: number): TaskDuration => ({ medianSec, p90Sec: medianSec, runs: 3 });
const task = (id: string, cron: string, group: string, cu: string | undefined, patchIndex?: number): ScheduleTask =>
  ({ id, env: 'Prod', cron, resourceGroupId: group, ...(cu !== undefined ? { cu } : {}), ...(patchIndex !== undefined ? { patchIndex } : {}) });
const patchOf = (crons: string[]): { text: string; patch: ReturnType<typeof parsePatch> } => {
  const text = `{\n  "Tasks": [\n${crons.map((c, i) => `    { "Id": ${i + 1}, "Trigger": { "Cron": "${c}" } }`).join(',\n')}\n  ]\n}`;
  return { text, patch: parsePatch(text) };
};
const crons = (text: string): (string | undefined)[] => parsePatch(text).tasks.map((t) => t.value.Trigger?.Cron);

test('six equal 5-minute runs at 00:00 over 30 minutes: every other one goes to 00:15, the peak halves', () => {
  const { text, patch } = patchOf(Array.from({ length: 6 }, () => '00 00 00 * * ?'));
  const tasks = patch.tasks.map((_, i) => task(String(i + 1), '00 00 00 * * ?', 'g', '3', i));
  const durations = new Map(tasks.map((t) => [t.id, dur(300)]));
  const plan = planLoadSpread(patch, tasks, window, { weekdays: 'dataworks', durations }, 'g', 30);
  assert.deepEqual([plan.peakBefore, plan.peakSlots, plan.peakAfter], [6, [0], 3]);
  assert.deepEqual(plan.starts, [0, 5, 10, 15, 20, 25]);
  // Greedy in patch order (equal CU x duration): a tie keeps the task where it is, so 00:00 and
  // 00:15 (a slot of its own) take turns.
  assert.deepEqual(plan.moves.map((m) => [m.id, m.from, m.to]), [['2', '00 00 00 * * ?', '00 15 00 * * ?'], ['4', '00 00 00 * * ?', '00 15 00 * * ?'], ['6', '00 00 00 * * ?', '00 15 00 * * ?']]);
  assert.deepEqual(plan.kept.map((k) => [k.id, k.reason]), [['1', 'best-where-it-is'], ['3', 'best-where-it-is'], ['5', 'best-where-it-is']]);
  const out = applyTextEdits(text, plan.edits);
  assert.deepEqual(crons(out), ['00 00 00 * * ?', '00 15 00 * * ?', '00 00 00 * * ?', '00 15 00 * * ?', '00 00 00 * * ?', '00 15 00 * * ?']);
  // The picture of the edited patch has the peak the plan says.
  const after = tasks.map((t, i) => ({ ...t, cron: crons(out)[i]! }));
  assert.equal(computeCapacity(after, window, { weekdays: 'dataworks', durations }).groups[0]!.peakCu, 3);
});

test('the largest CU x duration first; tasks without duration or CU, sub-hourly, not in the patch or off the peak are kept or left out', () => {
  const { patch } = patchOf(['00 00 00 * * ?', '00 00 00 * * ?', '00 00 00 * * ?', '00 05 00 * * ?', '00 */10 * * * ?', '00 00 00 * * ?', '00 00 03 * * ?', '00 00 00 * * ?']);
  const tasks = [
    task('small', '00 00 00 * * ?', 'g', '3', 0), // 5 minutes: 1 CU in its slot
    task('big', '00 00 00 * * ?', 'g', '3', 1), // 15 minutes: 3 CU in each slot it touches, placed first
    task('noDuration', '00 00 00 * * ?', 'g', '8', 2),
    task('noCu', '00 05 00 * * ?', 'g', undefined, 3),
    task('often', '00 */10 * * * ?', 'g', '0', 4), // every 10 minutes; 0 CU: no load, but it runs in the peak
    task('otherGroup', '00 00 00 * * ?', 'h', '9', 5),
    task('later', '00 00 03 * * ?', 'g', '9', 6),
    task('current', '00 00 00 * * ?', 'g', '3'), // not in the patch: 1 CU at 00:00 stays
  ];
  const durations = new Map([['small', dur(300)], ['big', dur(900)], ['noCu', dur(300)], ['often', dur(60)], ['otherGroup', dur(300)], ['later', dur(300)], ['current', dur(300)]]);
  const capacities = new Map<string, GroupCapacity>([['g', { cu: 2, source: 'user' }]]);
  const plan = planLoadSpread(patch, tasks, window, { weekdays: 'dataworks', durations, capacities }, 'g', 30);
  // 00:00 slot: small 1 + big 3 + current 1.
  assert.deepEqual([plan.peakBefore, plan.peakSlots], [5, [0]]);
  // big first, over current's 1 CU at 00:00: 00:10 puts 1 CU in 00:00 and 2 in 00:15 (2 at most);
  // 00:15 would put 3 in one slot, staying 4. small then meets 3 wherever it goes: it stays.
  assert.deepEqual(plan.moves.map((m) => [m.id, m.to]), [['big', '00 10 00 * * ?']]);
  assert.deepEqual(plan.kept.map((k) => [k.id, k.reason]), [
    ['noDuration', 'no-duration'], ['noCu', 'no-cu'], ['often', 'sub-hourly'], ['current', 'not-in-patch'], ['small', 'best-where-it-is'],
  ]);
  assert.equal(plan.peakAfter, 3);
});

test('an hourly task moves its minute only, within the hour; a peak no start lowers is left as it is', () => {
  const { text, patch } = patchOf(['00 00 00-23 * * ?', '00 00 00-23 * * ?']);
  const tasks = patch.tasks.map((_, i) => task(String(i + 1), '00 00 00-23 * * ?', 'g', '3', i));
  const durations = new Map(tasks.map((t) => [t.id, dur(300)]));
  const plan = planLoadSpread(patch, tasks, window, { weekdays: 'dataworks', durations }, 'g', 120);
  assert.deepEqual([plan.peakBefore, plan.peakSlots.length, plan.peakAfter], [2, 24, 1]);
  assert.deepEqual(plan.moves.map((m) => [m.id, m.to]), [['2', '00 15 00-23 * * ?']]);
  assert.deepEqual(crons(applyTextEdits(text, plan.edits)), ['00 00 00-23 * * ?', '00 15 00-23 * * ?']);

  // A 15-minute run not in the patch holds 3 of the 4 CUs at 00:00; a 15-minute window keeps the
  // patch's 5-minute run in that slot wherever it starts: nothing is written.
  const one = patchOf(['00 00 00 * * ?']);
  const pinned = [task('1', '00 00 00 * * ?', 'g', '3', 0), task('current', '00 00 00 * * ?', 'g', '3')];
  const still = planLoadSpread(one.patch, pinned, window, { weekdays: 'dataworks', durations: new Map([['1', dur(300)], ['current', dur(900)]]) }, 'g', 15);
  assert.deepEqual([still.peakBefore, still.peakAfter, still.moves, still.edits], [4, 4, [], []]);
  assert.deepEqual(still.kept.map((k) => [k.id, k.reason]), [['current', 'not-in-patch'], ['1', 'peak-not-lowered']]);
  assert.deepEqual(planLoadSpread(one.patch, [], window, { weekdays: 'dataworks', durations: new Map() }, 'g', 15).peakBefore, 0, 'no load, no plan');
});

test('a run from the evening before that overlaps a 00:00 peak moves no further than the window: it stays, the other moves', () => {
  const two = makeWindow({ zone: 'Asia/Shanghai', from: FROM, days: 2, slotMinutes: 15 });
  const { patch } = patchOf(['00 50 23 * * ?', '00 00 00 * * ?']);
  const tasks = [task('A', '00 50 23 * * ?', 'g', '3', 0), task('B', '00 00 00 * * ?', 'g', '3', 1)];
  const durations = new Map([['A', dur(1800)], ['B', dur(900)]]);
  const plan = planLoadSpread(patch, tasks, two, { weekdays: 'dataworks', durations }, 'g', 60);
  // 00:00 each day: A's run from 23:50 fills it (3) and B (3). A goes first (larger) and has no start
  // within 60 minutes of 23:50 in the window 00:00-00:55; B then meets A's 3 at 00:00 and its 1 at
  // 00:15: 00:25 puts 1 in 00:15 and 2 in 00:30 (2 where it runs), the least.
  assert.deepEqual([plan.peakBefore, plan.peakSlots, plan.peakAfter], [6, [0, 96], 3]);
  assert.deepEqual(plan.moves.map((m) => [m.id, m.to]), [['B', '00 25 00 * * ?']]);
  assert.deepEqual(plan.kept.map((k) => [k.id, k.reason]), [['A', 'best-where-it-is']]);
});
