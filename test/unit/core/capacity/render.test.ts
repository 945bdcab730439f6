// The capacity picture's text and HTML on a hand-worked case: a nightly 2-hour task on 4 CU over a
// baseline task every 30 minutes on 1 CU for 3 minutes (0.2 CU in the slots it starts in).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { computeCapacity, type GroupCapacity } from '@src/core/capacity/demand';
import type { TaskDuration } from '@src/core/capacity/durations';
import { capacityJson } from '@src/core/capacity/json';
import { renderCapacityHtml } from '@src/core/capacity/render-html';
import { renderCapacityText, renderComparison } from '@src/core/capacity/render-text';
import type { ScheduleTask } from '@src/core/schedule/tasks';
import { makeWindow } from '@src/core/schedule/window';

const FROM = Date.UTC(2026, 10, 29, 16) / 1000; // 2026-11-30 00:00 Asia/Shanghai
const window = makeWindow({ zone: 'Asia/Shanghai', from: FROM, days: 1, slotMinutes: 15 });
const dur = (medianSec: number): TaskDuration => ({ medianSec, p90Sec: medianSec * 2, runs: 5 });
const tasks: ScheduleTask[] = [
  { id: '1', env: 'Prod', name: 'baseline', cron: '00 */30 * * * ?', resourceGroupId: 'g', cu: '1' },
  { id: '2', env: 'Prod', name: 'nightly', cron: '00 00 02 * * ?', resourceGroupId: 'g', cu: '4' },
  { id: '3', env: 'Prod', name: 'new', cron: '00 00 03 * * ?', resourceGroupId: 'g', cu: '1' },
];
const capacities = new Map<string, GroupCapacity>([['g', { cu: 4, source: 'user' }]]);
const p = computeCapacity(tasks, window, { weekdays: 'dataworks', durations: new Map([['1', dur(180)], ['2', dur(7200)]]), capacities });

test('JSON: the issue\'s shape, epoch seconds, every slot, null where nothing is known', () => {
  const j = capacityJson(p);
  assert.deepEqual(Object.keys(j), ['zone', 'from', 'to', 'slotMinutes', 'groups', 'tasks', 'withoutHistory']);
  assert.deepEqual(j.groups.map((g) => [g.id, g.capacityCu, g.slots.length, g.peakCu, g.peakAt]), [['g', 4, 96, 4.2, FROM + 2 * 3600]]);
  assert.deepEqual(j.tasks[1], { id: '2', name: 'nightly', group: 'g', cu: 4, durationSec: 7200, p90Sec: 14_400, runs: 5, fires: [FROM + 2 * 3600] });
  assert.deepEqual(j.tasks[2], { id: '3', name: 'new', group: 'g', cu: 1, durationSec: null, p90Sec: null, runs: 0, fires: [FROM + 3 * 3600] });
  assert.deepEqual(j.withoutHistory, ['3']);
});

test('text: the zone, the peak, the capacity and when it is first exceeded, tasks apart', () => {
  const text = renderCapacityText(p, 'Capacity', 'zone Asia/Shanghai (default region cn-hangzhou)');
  assert.match(text, /^Capacity\n2026-11-30 00:00 UTC\+08:00 to 2026-12-01 00:00 UTC\+08:00 \(1 day, 15-minute slots\), zone Asia\/Shanghai \(default region cn-hangzhou\)\n/);
  // 02:00 and 02:30 hold the nightly 4 CU plus a baseline start (0.2): above 4; 02:15 is exactly 4.
  assert.match(text, /\ng: peak 4\.2 CU at 2026-11-30 02:00 UTC\+08:00; capacity 4 CU \(given\), first exceeded at 2026-11-30 02:00 UTC\+08:00 \(4 slots above it\)\n/);
  assert.match(text, /\n {2}Mon 11-30 +0\.2 +0\.2 +4\.2\* +4\.2\* +0\.2 /);
  assert.match(text, /Without a successful run in the history read \(1, no load counted\): 3\n$/);
});

test('HTML: a chart and a grid with and without the baseline, switched by a labelled checkbox; the grid coloured over its own range', () => {
  const html = renderCapacityHtml([{ label: '', picture: p }], 'Capacity <test>', 'zone Asia/Shanghai (--tz)');
  assert.match(html, /<title>Capacity &#60;test&#62;<\/title>/);
  assert.match(html, /<input type="checkbox" id="hide"><label for="hide"> Hide the baseline/);
  assert.equal((html.match(/class="withbase"/g) ?? []).length, 1);
  assert.equal((html.match(/class="nobase"/g) ?? []).length, 1);
  assert.match(html, /role="img" aria-label="CUs in use on g, slot by slot\. peak 4\.2 CU at 2026-11-30 02:00 UTC\+08:00; capacity 4 CU \(given\), first exceeded/);
  assert.match(html, /aria-label="CUs in use on g without the baseline/);
  // With the baseline the hours run from 0.2 to 4.2; without it, only the nightly hours: 4 to 4.
  assert.match(html, /colours from 0\.2 to 4\.2, red outline above capacity/);
  assert.match(html, /colours from 4 to 4, red outline above capacity/);
  assert.match(html, /<td class="o" style="[^"]*" title="Mon 11-30 02:00: busiest slot 4\.2 CU, above capacity">4\.2<\/td>/);
  assert.match(html, /<summary>Peak of each day \(table\)<\/summary>.*<td>2026-11-30<\/td><td>4\.2<\/td><td>2026-11-30 02:00 UTC\+08:00<\/td><td>2026-11-30 02:00 UTC\+08:00<\/td>/s);
  assert.doesNotMatch(html, /<script/);
});

test('a patch in one line per group: the peak before and after, and when the capacity is first exceeded', () => {
  // Before: the nightly task alone on g2; after, moved onto g (peak 4.2 at 02:00, capacity 4).
  const before = computeCapacity([tasks[0], { ...tasks[1], resourceGroupId: 'g2' }], window, { weekdays: 'dataworks', durations: new Map([['1', dur(180)], ['2', dur(7200)]]), capacities, alsoGroups: ['g2'] });
  const after = computeCapacity(tasks.slice(0, 2), window, { weekdays: 'dataworks', durations: new Map([['1', dur(180)], ['2', dur(7200)]]), capacities, alsoGroups: ['g2'] });
  assert.equal(renderComparison(before, after), [
    'Change by resource group (peak CU before -> after):',
    '  g2: 4 -> 0',
    '  g: 0.2 -> 4.2; above 4 CU after, first at 2026-11-30 02:00 UTC+08:00 (not before)',
    '',
  ].join('\n'));
});
