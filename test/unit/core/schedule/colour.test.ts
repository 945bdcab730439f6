// Colours scale over the window's own range: a week of 51 to 65 starts an hour must not look alike.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { buildHeatmap, computePicture, makeWindow, withoutBaseline, type ScheduleTask } from '@src/core/schedule/index';
import { colour, renderHtml, shareOf } from '@src/core/schedule/render-html';

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

test('the page can hide the baseline: tasks firing more often than hourly; the hourly task stays', () => {
  const from = Date.UTC(2026, 10, 29, 16) / 1000;
  const tasks: ScheduleTask[] = [
    { id: 'every10', env: 'Prod', cron: '00 */10 * * * ?' },
    { id: 'hourly', env: 'Prod', cron: '00 05 * * * ?' },
    { id: 'nightly', env: 'Prod', cron: '00 00 02 * * ?' },
  ];
  const p = computePicture(tasks, makeWindow({ zone: 'Asia/Shanghai', from, days: 1 }), { weekdays: 'dataworks' });
  const calm = withoutBaseline(p, { weekdays: 'dataworks' })!;
  assert.deepEqual(calm.tasks.map((t) => t.task.id), ['hourly', 'nightly']);
  assert.deepEqual([Math.min(...calm.slots), Math.max(...calm.slots), calm.slots[2]], [1, 2, 2]);
  assert.equal(withoutBaseline(calm, { weekdays: 'dataworks' }), undefined);
  const html = renderHtml(p, 'Schedule', calm);
  assert.match(html, /<input type="checkbox" id="hide"><label for="hide"> Hide the baseline \(1 task firing more often than hourly\)/);
  assert.match(html, /<div class="withbase"><svg [^>]*aria-label="All tasks: fires per 60 minutes, by day">/);
  assert.match(html, /<div class="nobase"><svg [^>]*aria-label="Without the baseline: fires per 60 minutes, by day">/);
  assert.doesNotMatch(renderHtml(calm, 'Schedule'), /id="hide"/);
});
