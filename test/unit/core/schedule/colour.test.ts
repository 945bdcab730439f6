// Colours scale over the window's own range: a week of 51 to 65 starts an hour must not look alike.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildHeatmap, computePicture, makeWindow, type ScheduleTask } from '../../../../src/core/schedule/index';
import { colour, shareOf } from '../../../../src/core/schedule/render-html';

test('the heatmap knows its smallest non-zero cell; colours run from it to the largest', () => {
  const from = Date.UTC(2026, 10, 29, 16) / 1000;
  const tasks: ScheduleTask[] = [
    ...Array.from({ length: 3 }, (_, i) => ({ id: `h${i}`, env: 'Prod' as const, cron: '00 00 * * * ?' })),
    ...Array.from({ length: 2 }, (_, i) => ({ id: `n${i}`, env: 'Prod' as const, cron: '00 10 02 * * ?' })),
  ];
  const map = buildHeatmap(computePicture(tasks, makeWindow({ zone: 'Asia/Shanghai', from, days: 1 }), { weekdays: 'dataworks' }));
  assert.deepEqual([map.min, map.max], [3, 5]);
  assert.deepEqual([shareOf(3, 3, 5), shareOf(4, 3, 5), shareOf(5, 3, 5), shareOf(7, 7, 7)], [0, 0.5, 1, 1]);
  assert.equal(colour(51, 51, 65), 'hsl(214, 80%, 86%)');
  assert.equal(colour(65, 51, 65), 'hsl(214, 80%, 32%)');
  assert.equal(colour(0, 51, 65), '#eef1f5');
});
