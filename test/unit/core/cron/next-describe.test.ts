// nextFireTimes on hand-computed cases (the Quartz differential test covers the rest) and describeCron.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCron, nextFireTimes } from '@src/core/cron';
import { nextFireTimesOf } from '@src/core/cron/next';
import { parseCron } from '@src/core/cron/parse';
import { compile } from '@src/core/cron/schedule';

const iso = (expr: string, from: string, zone: string, n: number): string[] =>
  nextFireTimes(expr, new Date(from), zone, n).map((d) => d.toISOString());

describe('nextFireTimes', () => {
  it('daily at midnight in Asia/Shanghai (UTC+8)', () => {
    assert.deepEqual(iso('00 00 00 * * ?', '2026-11-28T00:00:00Z', 'Asia/Shanghai', 2), ['2026-11-28T16:00:00.000Z', '2026-11-29T16:00:00.000Z']);
  });
  it('is strictly after `from`, even when `from` is a fire time', () => {
    assert.deepEqual(iso('00 00 00 * * ?', '2026-11-28T16:00:00Z', 'Asia/Shanghai', 1), ['2026-11-29T16:00:00.000Z']);
  });
  it('leap days and L in February', () => {
    assert.deepEqual(iso('00 00 00 29 2 ?', '2026-01-01T00:00:00Z', 'UTC', 2), ['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
    assert.deepEqual(iso('00 00 00 L 2 ?', '2027-01-01T00:00:00Z', 'UTC', 2), ['2027-02-28T00:00:00.000Z', '2028-02-29T00:00:00.000Z']);
  });
  it('a schedule that never fires is refused; the engine itself returns nothing for it', () => {
    for (const e of ['00 00 00 30 2 ?', '00 00 00 31 4,6,9,11 ?']) {
      assert.throws(() => iso(e, '2026-01-01T00:00:00Z', 'UTC', 3), /never fires/);
      const { fields } = parseCron(e);
      assert.deepEqual(nextFireTimesOf(compile(fields!), new Date('2026-01-01T00:00:00Z'), 'UTC', 3), []);
    }
  });
  it('nL and n#k (DataWorks numbering: 5 = Friday, 1 = Monday)', () => {
    assert.deepEqual(iso('00 00 12 ? * 5L', '2026-11-01T00:00:00Z', 'UTC', 2), ['2026-11-27T12:00:00.000Z', '2026-12-25T12:00:00.000Z']);
    assert.deepEqual(iso('00 00 12 ? * 1#1', '2026-11-28T00:00:00Z', 'UTC', 2), ['2026-12-07T12:00:00.000Z', '2027-01-04T12:00:00.000Z']);
  });
  it('nL and n#k in the Quartz numbering (6 = Friday, 2 = Monday)', () => {
    const q = (expr: string, from: string): string[] => nextFireTimes(expr, new Date(from), 'UTC', 2, { weekdays: 'quartz' }).map((d) => d.toISOString());
    assert.deepEqual(q('00 00 12 ? * 6L', '2026-11-01T00:00:00Z'), ['2026-11-27T12:00:00.000Z', '2026-12-25T12:00:00.000Z']);
    assert.deepEqual(q('00 00 12 ? * 2#1', '2026-11-28T00:00:00Z'), ['2026-12-07T12:00:00.000Z', '2027-01-04T12:00:00.000Z']);
  });
  it('DST: a spring-forward gap skips that day (as Quartz); fall-back keeps one run', () => {
    assert.deepEqual(iso('00 30 02 * * ?', '2026-03-07T12:00:00Z', 'America/New_York', 2), ['2026-03-09T06:30:00.000Z', '2026-03-10T06:30:00.000Z']);
    assert.deepEqual(iso('00 30 01 * * ?', '2026-10-31T12:00:00Z', 'America/New_York', 2), ['2026-11-01T06:30:00.000Z', '2026-11-02T06:30:00.000Z']);
  });
  it('half-hour DST in Australia/Lord_Howe (+10:30 -> +11 on 2026-10-04)', () => {
    assert.deepEqual(iso('00 00 03 * * ?', '2026-10-02T12:00:00Z', 'Australia/Lord_Howe', 2), ['2026-10-02T16:30:00.000Z', '2026-10-03T16:00:00.000Z']);
  });
  it('n = 0, invalid expressions and unknown zones', () => {
    assert.deepEqual(iso('00 00 00 * * ?', '2026-01-01T00:00:00Z', 'UTC', 0), []);
    assert.throws(() => nextFireTimes('00 00 00 * * *', new Date(), 'UTC', 1), /invalid cron expression .*day-of-week/);
    assert.throws(() => nextFireTimes('00 00 00 * * ?', new Date(), 'Mars/Olympus', 1), /unknown time zone "Mars\/Olympus"/);
  });
});

describe('describeCron', () => {
  it('English, DataWorks day numbering by default (0 or 7 = Sunday, 1 = Monday)', () => {
    assert.equal(describeCron('00 00 00 ? * 1', 'en'), 'At 00:00, only on Monday');
    assert.equal(describeCron('00 00 00 ? * 0', 'en'), 'At 00:00, only on Sunday');
    assert.equal(describeCron('00 00 00 ? * 2-6', 'en'), 'At 00:00, Tuesday through Saturday');
    assert.equal(describeCron('00 00 00 ? * 2-6', 'zh-cn'), '在 00:00，星期二至星期六');
  });
  it('English, Quartz day numbering (1 = Sunday) when asked', () => {
    const quartz = { weekdays: 'quartz' } as const;
    assert.equal(describeCron('00 00 00 ? * 1', 'en', quartz), 'At 00:00, only on Sunday');
    assert.equal(describeCron('00 00 00 ? * 2-6', 'en', quartz), 'At 00:00, Monday through Friday');
    assert.equal(describeCron('00 00 12 ? * 6L', 'en', quartz), 'At 12:00, on the last Friday of the month');
    assert.equal(describeCron('00 00 03 ? * 2/3', 'en', quartz), 'At 03:00, only on Monday and Thursday');
  });
  it('L, nL, n#k', () => {
    assert.equal(describeCron('00 30 08 L * ?', 'en'), 'At 08:30, on the last day of the month');
    assert.equal(describeCron('00 00 12 ? * 5L', 'en'), 'At 12:00, on the last Friday of the month');
    assert.equal(describeCron('00 00 12 ? * 1#1', 'en'), 'At 12:00, on the first Monday of the month');
    assert.equal(describeCron('00 00 12 ? * 5L', 'zh-cn'), '在 12:00，限每月的最后一个星期五');
    assert.equal(describeCron('00 00 12 ? * 5#3', 'zh-cn'), '在 12:00，限每月的第三个星期五');
  });
  it('steps in day-of-week and month are read as the numbering expands them', () => {
    assert.equal(describeCron('00 00 03 ? * 1/3', 'en'), 'At 03:00, only on Monday, Thursday, and Sunday');
    assert.match(describeCron('00 00 00 1 */3 ?', 'en'), /January, April, July, and October/);
    assert.match(describeCron('00 05/10 * * * ?', 'en'), /Every 10 minutes, starting at 5 minutes past the hour/);
  });
  it('short form for inlay hints drops the verbose parts', () => {
    assert.equal(describeCron('00 */15 * * * ?', 'en'), 'Every 15 minutes, every hour, every day');
    assert.equal(describeCron('00 */15 * * * ?', 'en', { short: true }), 'Every 15 minutes');
    assert.equal(describeCron('00 */15 * * * ?', 'zh-cn', { short: true }), '每隔 15 分钟');
  });
  it('never prints seconds and never throws', () => {
    assert.doesNotMatch(describeCron('00 00 12 * * ?', 'en'), /:00:00/);
    assert.equal(describeCron('not a cron', 'en'), 'Unreadable cron expression');
    assert.equal(describeCron('not a cron', 'zh-cn'), '无法解析的 cron 表达式');
  });
});
