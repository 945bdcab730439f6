// The fast paths of `dwtasks cron` against the plain ones they replace: FireTimeChain's rest-of-day
// shortcut against calling Quartz's timeAfter port again and again (the JVM comparison of both is
// test/process/core/cron/differential.test.ts), and the one-analysis entry points against the
// per-call ones (checkCron, nextFireTimes) on generated expressions, DST zones and starts near transitions.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LenientCalendar } from '@src/core/cron/calendar';
import { analyze, checkAnalysis, checkCron } from '@src/core/cron/check';
import { FireTimeChain, nextFireTimes, nextFireTimesOf, scheduleOf, timeAfter } from '@src/core/cron/next';
import { compile } from '@src/core/cron/schedule';
import { zoneOffsets } from '@src/core/cron/zone';
import { WEEKDAY_NUMBERINGS } from '@src/core/cron/weekdays';
import { CronGenerator, ZONES, dstTransitions } from './generate';

const TRANSITIONS = new Map(ZONES.map((z) => [z, dstTransitions(z, 2024, 2028)]));

describe('FireTimeChain', () => {
  it('gives exactly the timeAfter chain (2,000 valid expressions x 12 times, DST zones, starts near transitions)', () => {
    const gen = new CronGenerator(2026);
    let compared = 0;
    let shortcut = 0; // fire times that came from a steady day's lists, not from timeAfter
    while (compared < 2000) {
      const expr = gen.expression();
      if (!checkCron(expr, 'en', { weekdays: 'quartz' }).valid) continue;
      const zone = gen.pick(ZONES);
      const from = gen.from(zone, TRANSITIONS.get(zone)!);
      const s = scheduleOf(expr, true);
      const cl = new LenientCalendar(zoneOffsets(zone));
      const plain: number[] = [];
      for (let t = timeAfter(s, cl, from); t !== undefined && plain.length < 12; t = timeAfter(s, cl, t)) plain.push(t);
      const chain = new FireTimeChain(s, zoneOffsets(zone), from);
      const fast: number[] = [];
      for (let t = chain.next(); t !== undefined && fast.length < 12; t = chain.next()) fast.push(t);
      assert.deepEqual(fast, plain, `${expr} in ${zone} after ${new Date(from).toISOString()}`);
      for (let i = 1; i < fast.length; i++) if (fast[i] - fast[i - 1] < 86_400_000 && new Date(fast[i]).getUTCDate() === new Date(fast[i - 1]).getUTCDate()) shortcut++;
      compared++;
    }
    assert.ok(shortcut > 1000, `the shortcut was taken (${shortcut} same-day successors)`);
  });
});

describe('one analysis per expression', () => {
  it('checkAnalysis equals checkCron and nextFireTimesOf(compile(fields)) equals nextFireTimes, in both numberings and locales', () => {
    for (const weekdays of WEEKDAY_NUMBERINGS) {
      const gen = new CronGenerator(weekdays === 'quartz' ? 31 : 32);
      for (let i = 0; i < 1500; i++) {
        const expr = i % 5 === 4 ? gen.expression(weekdays).replace(/\d/, 'x') : gen.expression(weekdays);
        for (const locale of ['en', 'zh-cn'] as const) {
          const a = analyze(expr, locale, weekdays);
          assert.deepEqual(checkAnalysis(expr, a, locale, weekdays), checkCron(expr, locale, { weekdays }), expr);
          if (a.problems.length > 0 || !a.fields) continue;
          const zone = ZONES[i % ZONES.length];
          const from = new Date(gen.from(zone, TRANSITIONS.get(zone)!));
          assert.deepEqual(nextFireTimesOf(compile(a.fields), from, zone, 6), nextFireTimes(expr, from, zone, 6, { weekdays }), `${expr} in ${zone}`);
        }
      }
    }
  });
});
