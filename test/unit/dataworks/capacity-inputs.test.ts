// What the CLI and the editor's Load view share: the history scope's tasks, capacities (the user's
// over the specs'), and before/after pictures that list the same groups.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { capacitySides, historyTasks, mergeCapacities } from '@src/dataworks/capacity-inputs';
import type { ScheduleTask } from '@src/core/schedule/tasks';
import { makeWindow } from '@src/core/schedule/window';

const FROM = Date.UTC(2026, 10, 29, 16) / 1000; // 2026-11-30 00:00 Asia/Shanghai
const window = makeWindow({ zone: 'Asia/Shanghai', from: FROM, days: 1, slotMinutes: 15 });

test('history tasks: every id, a cron only where it estimates runs (not Manual)', () => {
  assert.deepEqual(historyTasks([
    { id: '1', env: 'Prod', cron: '00 00 01 * * ?', type: 'Scheduler' },
    { id: '2', env: 'Prod', cron: '00 00 00 * * ?', type: 'Manual' },
    { id: '3', env: 'Prod' },
  ]), [{ Id: '1', Cron: '00 00 01 * * ?' }, { Id: '2' }, { Id: '3' }]);
});

test('capacities: the user\'s win over the specs\', the rest from the spec', () => {
  const merged = mergeCapacities(new Map([['g1', 8], ['g2', 4]]), new Map([['g1', { cu: 2, source: 'user' as const }]]));
  assert.deepEqual([...merged], [['g1', { cu: 2, source: 'user' }], ['g2', { cu: 4, source: 'spec' }]]);
});

test('before and after list the groups of both sides; the load moves with the task', () => {
  const before: ScheduleTask[] = [{ id: '1', env: 'Prod', cron: '00 00 01 * * ?', resourceGroupId: 'g1', cu: '2' }];
  const after: ScheduleTask[] = [{ ...before[0]!, resourceGroupId: 'g2' }];
  const durations = new Map([['1', { medianSec: 900, p90Sec: 900, runs: 1 }]]);
  const [b, a] = capacitySides([before, after], window, { weekdays: 'dataworks', durations, capacities: new Map([['g2', { cu: 1, source: 'user' }]]) });
  const peaks = (p: typeof b) => Object.fromEntries(p!.groups.map((g) => [g.id, g.peakCu]));
  assert.deepEqual(peaks(b), { g1: 2, g2: 0 });
  assert.deepEqual(peaks(a), { g1: 0, g2: 2 });
  assert.deepEqual(a!.groups.find((g) => g.id === 'g2')!.over, [4], 'the 01:00 slot is above 1 CU');
});
