// The schedule picture's counts against Quartz 2.3.2 enumerating the same fire times (one JVM):
// per task, per slot, per resource group, for generated expressions in several zones and windows
// (DST weeks included), in both weekday numberings. For the DataWorks numbering the weekday field is
// translated into Quartz's terms before Quartz is asked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCron } from '@src/core/cron';
import { computePicture, makeWindow, NO_GROUP, type ScheduleTask, type WeekdayNumbering } from '@src/core/schedule';
import { CronGenerator } from '../unit/core/cron/generate';
import { runQuartz, type QuartzQuery } from './core/cron/quartz';

const WINDOWS = [
  { zone: 'Asia/Shanghai', from: '2026-11-30T00:00:00+08:00', days: 7, slot: 60 },
  { zone: 'America/New_York', from: '2026-03-05T00:00:00-05:00', days: 7, slot: 30 },
  { zone: 'Europe/Berlin', from: '2026-10-22T00:00:00+02:00', days: 7, slot: 60 },
  { zone: 'Australia/Lord_Howe', from: '2026-10-01T00:00:00+10:30', days: 5, slot: 15 },
  { zone: 'UTC', from: '2028-02-25T00:00:00Z', days: 7, slot: 120 },
];
const GROUPS = ['rg_a', 'rg_b', 'rg_c', ''];

/** Spring's day-of-week (0-7, 0 and 7 = Sunday; a/b runs to 7) as Quartz names, for the reference. */
export function dataworksToQuartz(expr: string): string {
  const f = expr.trim().split(/\s+/);
  f[5] = dowToQuartz(f[5]);
  return f.join(' ');
}
const NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
function dowValue(s: string): number {
  const i = NAMES.indexOf(s.toUpperCase());
  return i >= 0 ? i : Number(s) % 7;
}
function dowToQuartz(field: string): string {
  if (field === '?' || field === '*') return field;
  let m = /^(\w+)L$/i.exec(field);
  if (m) return `${NAMES[dowValue(m[1])]}L`;
  m = /^(\w+)#(\d)$/.exec(field);
  if (m) return `${NAMES[dowValue(m[1])]}#${m[2]}`;
  const days = new Set<number>();
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText ? Number(stepText) : 1;
    let lo: number;
    let hi: number;
    if (range === '*' || range === '?') { lo = 0; hi = 7; } else if (range.includes('-')) {
      const [a, b] = range.split('-');
      lo = NAMES.includes(a.toUpperCase()) ? NAMES.indexOf(a.toUpperCase()) : Number(a);
      hi = NAMES.includes(b.toUpperCase()) ? NAMES.indexOf(b.toUpperCase()) : Number(b);
    } else {
      lo = NAMES.includes(range.toUpperCase()) ? NAMES.indexOf(range.toUpperCase()) : Number(range);
      hi = stepText ? 7 : lo;
    }
    for (let d = lo; d <= hi; d += step) days.add(d % 7);
  }
  return [...days].sort((a, b) => a - b).map((d) => NAMES[d]).join(',');
}

interface Case { window: ReturnType<typeof makeWindow>; tasks: ScheduleTask[]; quartzExpr: string[] }

function cases(numbering: WeekdayNumbering, numericWeekdays: boolean): Case[] {
  const g = new CronGenerator(numbering === 'quartz' ? 11 : 12);
  return WINDOWS.map((w, wi) => {
    const from = Date.parse(w.from) / 1000;
    const tasks: ScheduleTask[] = [];
    const quartzExpr: string[] = [];
    for (let i = 0; tasks.length < 250; i++) {
      const e = g.expression();
      const dow = e.trim().split(/\s+/)[5] ?? '';
      const check = checkCron(e, 'en', { weekdays: numbering });
      // A warning marks Spring's reading where Quartz reads otherwise (the Spring differential covers those).
      if (!check.valid || check.warnings.length > 0) continue;
      // Names, `*` and `?` mean the same in both numberings; numbers differ.
      if (numbering === 'dataworks' && /\d/.test(dow.replace(/#\d$/, '')) !== numericWeekdays) continue;
      tasks.push({ id: String(1000 * wi + i), env: 'Prod', cron: e, ...(GROUPS[i % 4] ? { resourceGroupId: GROUPS[i % 4] } : {}) });
      quartzExpr.push(numbering === 'dataworks' && numericWeekdays ? dataworksToQuartz(e) : e);
    }
    // Daily, hourly and dense crons too, so the window has peaks worth counting.
    for (const [k, e] of ['00 00 00 * * ?', '00 */5 00-23 * * ?', '00 30 * * * ?', '00 00 02 * * ?'].entries()) {
      tasks.push({ id: `9${wi}${k}`, env: 'Prod', cron: e, resourceGroupId: GROUPS[k] || 'rg_a' });
      quartzExpr.push(e);
    }
    return { window: makeWindow({ zone: w.zone, from, days: w.days, slotMinutes: w.slot }), tasks, quartzExpr };
  });
}

async function compare(numbering: WeekdayNumbering, numericWeekdays: boolean): Promise<number> {
  const all = cases(numbering, numericWeekdays);
  const pictures = all.map((c) => computePicture(c.tasks, c.window, { weekdays: numbering }));
  // Quartz is asked for one fire time more than we count: the extra one must fall after the window.
  const queries: QuartzQuery[] = all.flatMap((c, k) => c.quartzExpr.map((expr, i) => ({ expr, zone: c.window.zone, from: c.window.from * 1000 - 1000, n: pictures[k].tasks[i].fires + 1 })));
  const answers = await runQuartz(queries);
  let q = 0;
  let fires = 0;
  for (const [k, c] of all.entries()) {
    const p = pictures[k];
    assert.equal(p.skipped.length, 0);
    const slotMs = c.window.slotMinutes * 60_000;
    const slots = new Array<number>(p.slots.length).fill(0);
    const groups = new Map<string, number[]>();
    c.tasks.forEach((t, i) => {
      const a = answers[q++];
      assert.equal(a.kind, 'ok', `${c.quartzExpr[i]}: ${a.kind === 'ok' ? '' : a.message}`);
      const times = a.kind === 'ok' ? a.times.filter((x) => x >= c.window.from * 1000 && x < c.window.to * 1000) : [];
      assert.ok(a.kind !== 'ok' || a.times.length <= p.tasks[i].fires || a.times[p.tasks[i].fires] >= c.window.to * 1000, `${t.cron}: Quartz fires more often in the window`);
      assert.deepEqual(p.tasks[i].times, times, `${t.cron} (Quartz: ${c.quartzExpr[i]}) in ${c.window.zone}`);
      const gs = groups.get(t.resourceGroupId || NO_GROUP) ?? new Array<number>(slots.length).fill(0);
      groups.set(t.resourceGroupId || NO_GROUP, gs);
      for (const x of times) { slots[Math.floor((x - c.window.from * 1000) / slotMs)]++; gs[Math.floor((x - c.window.from * 1000) / slotMs)]++; }
      fires += times.length;
    });
    assert.deepEqual([...p.slots], slots, `slots in ${c.window.zone}`);
    assert.deepEqual(new Map(p.groups.map((g) => [g.id, [...g.slots]])), groups);
  }
  return fires;
}

describe('schedule picture vs Quartz 2.3.2 fire times', () => {
  it('Quartz numbering: per task, per slot and per group, 5 windows in DST and fixed zones', async () => {
    assert.ok((await compare('quartz', true)) > 10_000, 'a meaningful number of fires compared');
  });
  it('DataWorks numbering, weekday fields with names or * / ?: the same fire times', async () => {
    assert.ok((await compare('dataworks', false)) > 10_000);
  });
  it('DataWorks numbering, numeric weekday fields (translated for Quartz)', async () => {
    await compare('dataworks', true);
  });
  it('the translation for the reference follows Spring', () => {
    assert.equal(dataworksToQuartz('00 00 08 ? * 1-5'), '00 00 08 ? * MON,TUE,WED,THU,FRI');
    assert.equal(dataworksToQuartz('00 00 08 ? * */2'), '00 00 08 ? * SUN,TUE,THU,SAT');
    assert.equal(dataworksToQuartz('00 00 08 ? * 1/2'), '00 00 08 ? * SUN,MON,WED,FRI');
    assert.equal(dataworksToQuartz('00 00 08 ? * 0,7'), '00 00 08 ? * SUN');
    assert.equal(dataworksToQuartz('00 00 08 ? * 5L'), '00 00 08 ? * FRIL');
    assert.equal(dataworksToQuartz('00 00 08 ? * 1#2'), '00 00 08 ? * MON#2');
  });
});
