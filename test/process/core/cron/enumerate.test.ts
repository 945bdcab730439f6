// fireTimesBetween against Quartz 2.3.2 and against the nextFireTimes chain: generated expressions
// (seeded) over windows of one to eight days, many of them spanning a DST transition of their zone.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkCron, compileCron, fireTimesBetween, nextFireTimes } from '@src/core/cron';
import { CronGenerator, ZONES, dstTransitions } from '../../../unit/core/cron/generate';
import { runQuartz, type QuartzAnswer } from './quartz';

const DAY = 86_400_000;

interface Window { expr: string; zone: string; from: number; to: number; ours: number[] }

/** Dense expressions too (every 5 minutes, every hour), so whole days come from the fast path. */
const DENSE = ['00 */5 * * * ?', '00 00/10 01-03 * * ?', '00 30 * * * ?', '00 00,30 00-02 ? * 1', '00 15 02 * * ?', '00 */30 * L * ?'];

// The generator writes weekday numbers as Quartz reads them, and Quartz is the reference: Quartz numbering.
const Q = { weekdays: 'quartz' } as const;

describe('fireTimesBetween', () => {
  const gen = new CronGenerator(4242);
  const transitions = new Map(ZONES.map((z) => [z, dstTransitions(z, 2024, 2030)]));
  const windows: Window[] = [];
  for (let i = 0; windows.length < 700; i++) {
    const expr = i % 4 === 0 ? gen.pick(DENSE) : gen.expression();
    if (!checkCron(expr, 'en', Q).valid) continue;
    const zone = gen.pick(ZONES);
    const from = gen.from(zone, transitions.get(zone)!);
    const to = from + gen.int(1, 8) * DAY + gen.int(0, 3600) * 1000;
    windows.push({ expr, zone, from, to, ours: [...fireTimesBetween(compileCron(expr, Q), from, to, zone)] });
  }

  let answers: QuartzAnswer[] = [];
  before(async () => {
    // Quartz from 1 ms before the window (its "after" is strict), enough times to pass the window's end.
    answers = await runQuartz(windows.map((w) => ({ expr: w.expr, zone: w.zone, from: w.from - 1, n: w.ours.length + 1 })));
  });

  it('gives exactly Quartz\'s fire times inside each window', () => {
    const bad: string[] = [];
    let times = 0;
    windows.forEach((w, i) => {
      const a = answers[i];
      const theirs = a.kind === 'ok' ? a.times.filter((t) => t < w.to) : [];
      times += w.ours.length;
      if (a.kind !== 'ok' || theirs.join() !== w.ours.join()) {
        bad.push(`${w.expr} ${w.zone} [${new Date(w.from).toISOString()}, ${new Date(w.to).toISOString()}): ours ${w.ours.length}, Quartz ${a.kind === 'ok' ? theirs.length : a.kind}`);
      }
    });
    process.stdout.write(`# enumeration: ${windows.length} windows, ${times} fire times\n`);
    assert.equal(bad.length, 0, bad.slice(0, 20).join('\n'));
    assert.ok(times > 30_000, `only ${times} fire times compared`);
  });

  it('equals the nextFireTimes chain, and the bounds are [from, to)', () => {
    for (const w of windows.slice(0, 200)) {
      const chain = nextFireTimes(w.expr, new Date(w.from - 1), w.zone, w.ours.length + 1, Q).map((d) => d.getTime()).filter((t) => t < w.to);
      assert.deepEqual(w.ours, chain, `${w.expr} ${w.zone}`);
    }
    const daily = compileCron('00 00 00 * * ?');
    const midnight = Date.parse('2026-03-01T00:00:00Z');
    assert.deepEqual([...fireTimesBetween(daily, midnight, midnight + 2 * DAY, 'UTC')], [midnight, midnight + DAY]);
    assert.deepEqual([...fireTimesBetween(daily, midnight + 1, midnight + DAY + 1, 'UTC')], [midnight + DAY]);
    assert.throws(() => compileCron('00 00 00 * * *'), /invalid cron expression/);
    assert.throws(() => [...fireTimesBetween(daily, 0, DAY, 'Mars/Olympus')], /unknown time zone/);
    // The numbering is the compile's: 1 is Monday in DataWorks' (the default), Sunday in Quartz's.
    const sunday = Date.parse('2026-03-01T08:00:00Z');
    assert.deepEqual([...fireTimesBetween(compileCron('00 00 08 ? * 1'), sunday, sunday + 2 * DAY, 'UTC')], [sunday + DAY]);
    assert.deepEqual([...fireTimesBetween(compileCron('00 00 08 ? * 1', Q), sunday, sunday + 2 * DAY, 'UTC')], [sunday]);
  });
});
