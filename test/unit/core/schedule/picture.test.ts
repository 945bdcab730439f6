// The schedule picture's counting, JSON shape, heatmap, peaks and the spread plan, against fire
// times worked out by hand (the Quartz comparison spawns a JVM: test/process/schedule-quartz.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parsePatch } from '@src/core/patch';
import {
  applyTextEdits, buildHeatmap, computePicture, makeWindow, parseFrom, pictureJson, planSpread, renderHtml, renderText,
  slotMinutesProblem, startOfDay, tasksFiringIn, type ScheduleTask,
} from '@src/core/schedule';

const ZONE = 'Asia/Shanghai';
// Mon 2026-11-30 00:00 in Shanghai.
const MON = Date.parse('2026-11-29T16:00:00Z') / 1000;
const week = makeWindow({ zone: ZONE, from: MON });
const task = (id: string, cron: string | undefined, more: Partial<ScheduleTask> = {}): ScheduleTask => ({ id, env: 'Prod', ...(cron ? { cron } : {}), ...more });

test('daily, hourly, weekday-name and every-30-minute crons: exact counts per slot, per task and per group', () => {
  const p = computePicture([
    task('1', '00 00 00 * * ?', { resourceGroupId: 'A' }),
    task('2', '00 15 00-23 * * ?', { resourceGroupId: 'B' }),
    task('3', '00 30 08 ? * MON-FRI', { resourceGroupId: 'A' }),
    task('4', '00 */30 00-23 * * ?'),
  ], week, { weekdays: 'dataworks' });
  assert.deepEqual(p.tasks.map((t) => [t.task.id, t.fires]), [['1', 7], ['2', 168], ['3', 5], ['4', 336]]);
  assert.equal(p.totalFires, 7 + 168 + 5 + 336);
  assert.equal(p.slots.length, 168);
  assert.equal(p.slots[0], 1 + 1 + 2, 'Mon 00:00-01:00: the daily, the hourly, two half-hours');
  assert.equal(p.slots[8], 1 + 2 + 1, 'Mon 08:00-09:00: hourly, two half-hours, the weekday one');
  assert.equal(p.slots[5 * 24 + 8], 1 + 2, 'Sat 08:00: no weekday task');
  assert.deepEqual(p.groups.map((g) => [g.id, g.fires, g.tasks]), [['(no resource group)', 336, 1], ['B', 168, 1], ['A', 12, 2]]);
  assert.equal(p.groups.find((g) => g.id === 'A')!.slots[8], 1);
});

test('skip reasons come in the language asked for (the zh-cn editor shows them in the picture)', () => {
  const tasks = [task('4', undefined), task('6', '00 */2 * * * ?')];
  const en = computePicture(tasks, week, { weekdays: 'dataworks' }).skipped.map((s) => s.reason);
  const zh = computePicture(tasks, week, { weekdays: 'dataworks', locale: 'zh-cn' }).skipped.map((s) => s.reason);
  assert.equal(en[0], 'no Trigger.Cron in the patch, and its current one was not read (no connection)');
  assert.equal(zh[0], '补丁中没有 Trigger.Cron，且未读取其当前值（未连接）');
  assert.match(en[1]!, /^Trigger\.Cron "00 \*\/2 \* \* \* \?" is not a valid DataWorks cron: minute: /);
  // The checker's own problem text follows the locale too.
  assert.match(zh[1]!, /^Trigger\.Cron "00 \*\/2 \* \* \* \?" 不是有效的 DataWorks cron：分钟/);
});

test('Manual, paused and Skip tasks fire 0 times and say why; no Cron and unreadable ones are skipped', () => {
  const p = computePicture([
    task('1', '00 00 01 * * ?', { type: 'Manual' }),
    task('2', '00 00 01 * * ?', { recurrence: 'Pause' }),
    task('3', '00 00 01 * * ?', { recurrence: 'Skip' }),
    task('4', undefined),
    task('5', '00 00 01 * * ?', { unreadable: 'cannot read its current values: not found' }),
    task('6', '00 */2 * * * ?'),
  ], week, { weekdays: 'dataworks' });
  assert.deepEqual(p.tasks.map((t) => [t.task.id, t.status, t.fires]), [['1', 'manual', 0], ['2', 'paused', 0], ['3', 'dryRun', 0]]);
  assert.deepEqual(p.skipped.map((s) => s.task.id), ['4', '5', '6']);
  assert.match(p.skipped[2].reason, /not a valid DataWorks cron/);
  assert.equal(p.totalFires, 0);
  const text = renderText(p);
  assert.match(text, /1 Manual task: 0 fires/);
  assert.match(text, /1 paused task \(Recurrence Pause\): 0 fires/);
  assert.match(text, /1 task with Recurrence Skip: 0 fires \(DataWorks runs them as dry runs/);
  assert.match(text, /Skipped \(3, not counted\):\n {2}4: no Trigger.Cron in the patch/);
});

test('the effective period (Trigger.StartTime / EndTime, wall clock) cuts fires off', () => {
  const p = computePicture([
    task('1', '00 00 00 * * ?', { startTime: '2026-12-02 00:00:00', endTime: '2026-12-04 00:00:00' }),
    task('2', '00 00 00 * * ?', { startTime: '1970-01-01 00:00:00', endTime: '9999-01-01 00:00:00' }),
  ], week, { weekdays: 'dataworks' });
  assert.deepEqual(p.tasks.map((t) => t.fires), [3, 7]);
});

test('JSON: the issue\'s shape, epoch seconds, every slot of the window including zeros', () => {
  const w = makeWindow({ zone: ZONE, from: MON, days: 1, slotMinutes: 30 });
  const j = pictureJson(computePicture([task('8604388726201130001', '00 00 08 * * ?'), task('9', undefined)], w, { weekdays: 'dataworks' }));
  assert.deepEqual(Object.keys(j), ['zone', 'from', 'to', 'slotMinutes', 'slots', 'tasks', 'skipped']);
  assert.equal(j.zone, ZONE);
  assert.equal(j.to - j.from, 86_400);
  assert.equal(j.slots.length, 48);
  assert.deepEqual(j.slots.slice(15, 18), [{ start: MON + 15 * 1800, fires: 0 }, { start: MON + 16 * 1800, fires: 1 }, { start: MON + 17 * 1800, fires: 0 }]);
  assert.deepEqual(j.tasks, [{ id: '8604388726201130001', fires: 1 }]);
  assert.deepEqual(j.skipped, ['9']);
});

test('window: --from as ISO wall time, with an offset, or epoch seconds; default 00:00 today; slot sizes', () => {
  assert.equal(parseFrom('2026-11-30', ZONE), MON);
  assert.equal(parseFrom('2026-11-30T00:00', ZONE), MON);
  assert.equal(parseFrom('2026-11-29T16:00:00Z', ZONE), MON);
  assert.equal(parseFrom('2026-11-29T17:00:00+01:00', ZONE), MON);
  assert.equal(parseFrom(String(MON), ZONE), MON);
  assert.equal(parseFrom('2026-02-30', ZONE), undefined);
  assert.equal(parseFrom('tomorrow', ZONE), undefined);
  assert.equal(startOfDay(Date.parse('2026-11-30T15:59:00Z'), ZONE), MON, '23:59 Monday in Shanghai');
  assert.equal(makeWindow({ zone: ZONE, nowMs: Date.parse('2026-11-30T03:00:00Z') }).from, MON);
  for (const ok of [1, 5, 15, 30, 60, 120, 1440]) assert.equal(slotMinutesProblem(ok), undefined, String(ok));
  for (const bad of [0, 7, 45, 90, 100, 2880]) assert.ok(slotMinutesProblem(bad), String(bad));
});

test('peaks: the busiest 5-minute window named with its days and top group; recurring ones merged', () => {
  const tasks: ScheduleTask[] = [];
  for (let i = 0; i < 142; i++) tasks.push(task(String(100 + i), '00 00 00 * * ?', { resourceGroupId: i < 120 ? 'X' : 'Y' }));
  for (let i = 0; i < 30; i++) tasks.push(task(String(300 + i), '00 30 02 ? * MON', { resourceGroupId: 'Y' }));
  const p = computePicture(tasks, week, { weekdays: 'dataworks' });
  assert.deepEqual(p.peaks.map((x) => x.label), [
    '142 tasks start 00:00-00:05 every day, 120 of them on group X',
    '30 tasks start 02:30-02:35 on Mon, all on group Y',
  ]);
  assert.equal(p.peaks[0].starts.length, 7);
  assert.deepEqual(p.peaks[0].groups, [{ id: 'X', fires: 120 }, { id: 'Y', fires: 22 }]);
  const inPeak = tasksFiringIn(p, p.peaks[1].starts[0] * 1000, (p.peaks[1].starts[0] + 300) * 1000);
  assert.equal(inPeak.length, 30);
  assert.ok(renderText(p).includes('Peaks (5-minute windows where the most tasks start):\n  142 tasks start 00:00-00:05 every day, 120 of them on group X\n'));
});

test('heatmap: days x hours with per-group breakdown; the text grid and the HTML page agree with the counts', () => {
  const p = computePicture([task('1', '00 00 00 * * ?', { resourceGroupId: 'A' }), task('2', '00 05 00 * * ?', { resourceGroupId: 'B' }), task('3', '00 00 13 ? * SUN')], week, { weekdays: 'dataworks' });
  const map = buildHeatmap(p);
  assert.equal(map.rows.length, 7);
  assert.deepEqual(map.rows.map((r) => r.weekday), [1, 2, 3, 4, 5, 6, 0]);
  assert.equal(map.columns.length, 24);
  assert.deepEqual(map.rows[0].cells[0], { row: 0, col: 0, start: MON, end: MON + 3600, fires: 2, groups: [{ id: 'A', fires: 1 }, { id: 'B', fires: 1 }] });
  assert.equal(map.rows[6].cells[13]!.fires, 1);
  assert.equal(map.max, 2);
  const lines = renderText(p).split('\n');
  assert.match(lines[3], /^Mon 11-30\s+2\s+\.\s+\./);
  assert.match(lines[9], /^Sun 12-06 .* 1 .* 3$/);
  const html = renderHtml(p, 'Schedule');
  assert.ok(!/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/.test(html), 'no script, no network');
  assert.match(html, /<title>2026-11-30 00:00-01:00: 2 fires\n {2}A: 1\n {2}B: 1<\/title>/);
});

test('heatmap in a DST zone: the fall-back day\'s two 01:00 hours share one cell; a day of real time ends at 23:00', () => {
  const from = parseFrom('2026-11-01', 'America/New_York')!;
  const p = computePicture([task('1', '00 30 * * * ?')], makeWindow({ zone: 'America/New_York', from, days: 1 }), { weekdays: 'dataworks' });
  const map = buildHeatmap(p);
  assert.equal(p.slots.length, 24, '24 real hours');
  assert.equal(map.rows[0].cells[1]!.fires, 1, 'Quartz fires 01:30 once (the standard-time reading)');
  assert.equal(map.rows.length, 1);
  assert.equal(map.rows[0].cells[1]!.end - map.rows[0].cells[1]!.start, 7200, 'both 01:00 hours');
  assert.equal(map.rows[0].cells[23], undefined, 'the window ends at 23:00 local');
});

test('spread: round robin on the 5-minute grid in patch order, edits replace or insert Trigger.Cron', () => {
  const text = `{
  "Tasks": [
    { "Id": 11, "Trigger": { "Cron": "00 00 00 * * ?" } },
    { "Id": 12, "Trigger": { "Type": "Scheduler" } },
    { "Id": 13 },
    { "Id": 14, "Trigger": { "Cron": "00 00 00-23 * * ?" } },
    { "Id": 15, "Trigger": { "Cron": "00 */30 00-23 * * ?" } },
    { "Id": 16, "Trigger": { "Cron": "00 00 00-23 * * ?" } }
  ]
}`;
  const patch = parsePatch(text);
  const plan = planSpread(patch, [
    { patchIndex: 0, id: '11', cron: '00 00 00 * * ?' },
    { patchIndex: 1, id: '12', cron: '00 00 00 * * ?' },
    { patchIndex: 2, id: '13', cron: '00 02 00 * * ?' },
    { patchIndex: 3, id: '14', cron: '00 00 00-23 * * ?' },
    { patchIndex: 4, id: '15', cron: '00 */30 00-23 * * ?' },
    { patchIndex: 5, id: '16', cron: '00 00 00-23 * * ?' },
  ], 0, 15);
  assert.deepEqual(plan.slots, [0, 5, 10]);
  assert.deepEqual(plan.moves.map((m) => [m.id, m.to]), [['12', '00 05 00 * * ?'], ['13', '00 10 00 * * ?'], ['16', '00 05 00-23 * * ?']]);
  assert.deepEqual(plan.kept.map((k) => [k.id, k.reason]), [['11', 'already on its slot'], ['14', 'already on its slot'], ['15', 'its minute field is not a single minute']]);
  const out = applyTextEdits(text, plan.edits);
  const again = parsePatch(out);
  assert.equal(again.syntaxErrors.length, 0, out);
  assert.deepEqual(again.tasks.map((t) => t.value.Trigger?.Cron), ['00 00 00 * * ?', '00 05 00 * * ?', '00 10 00 * * ?', '00 00 00-23 * * ?', '00 */30 00-23 * * ?', '00 05 00-23 * * ?']);
  assert.equal(again.tasks[1].value.Trigger?.Type, 'Scheduler', 'the rest of Trigger stays');
});

test('spread: a peak near midnight stays on its day; 10,000 tasks picture is interactive', () => {
  const patch = parsePatch('{"Tasks":[{"Id":1},{"Id":2},{"Id":3}]}');
  const plan = planSpread(patch, [1, 2, 3].map((i) => ({ patchIndex: i - 1, id: String(i), cron: '00 50 23 * * ?' })), 23 * 60 + 50, 60);
  assert.deepEqual(plan.slots, [1430, 1435]);
  assert.deepEqual(plan.moves.map((m) => m.to), ['00 55 23 * * ?']);
  const many: ScheduleTask[] = [];
  for (let i = 0; i < 10_000; i++) many.push(task(String(i + 1), `00 ${String((i % 12) * 5).padStart(2, '0')} ${String(i % 8).padStart(2, '0')} * * ?`, { resourceGroupId: `g${i % 4}` }));
  const p = computePicture(many, week, { weekdays: 'dataworks' });
  assert.equal(p.totalFires, 70_000);
  assert.equal(p.slots[0], 1250 * 1);
});
