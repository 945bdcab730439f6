// describeCron (our describer, describe-fields.ts) against the cronstrue-based describer it replaced
// (cronstrue-reference.ts), on seeded generated expressions in both weekday numberings, English and
// Chinese, verbose and short. Equal everywhere except the few categories where cronstrue says
// something Quartz does not do: each is listed below, and for each our text is asserted (as
// cronstrue's own wording of the same schedule written so that it reads it right).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCron } from '../../../../src/core/cron';
import { parseCron, type ParsedField } from '../../../../src/core/cron/parse';
import type { WeekdayNumbering } from '../../../../src/core/cron/weekdays';
import { describeCronReference } from './cronstrue-reference';
import { CronGenerator } from './generate';

const LOCALES = ['en', 'zh-cn'] as const;
const FORMS = [{ short: false }, { short: true }] as const;
const PER_NUMBERING = 3_000;

/** Expressions whose fields all read (problems only in seconds or the expression as a whole, e.g. the 5-minute rule). */
function generated(seed: number, weekdays: WeekdayNumbering): { expr: string; fields: ParsedField[] }[] {
  const gen = new CronGenerator(seed);
  const out: { expr: string; fields: ParsedField[] }[] = [];
  while (out.length < PER_NUMBERING) {
    const expr = gen.expression(weekdays);
    const { fields, problems } = parseCron(expr, 'en', weekdays);
    if (fields && !problems.some((p) => p.field !== 'second' && p.field !== 'expression')) out.push({ expr, fields });
  }
  return out;
}

const values = (f: ParsedField): number[] => f.values.flatMap((on, v) => (on ? [v] : []));
const isSpecial = (s: string): boolean => /[*,/-]/.test(s);
const withField = (fields: ParsedField[], i: number, text: string): string => fields.map((f, j) => (j === i ? text : f.token.text)).join(' ');

/**
 * Category 1, cronstrue wrong: hours named as clock times under minutes that are not one value.
 * "0 22,49 13,14 ..." is "At 22 and 49 minutes past the hour, at 13:00 and 14:00" there, but it never
 * fires at 13:00. We name the hours as spans, the wording cronstrue itself uses for one hour under a
 * minute step ("between 03:00 and 03:59"): the same as cronstrue on the hours written `13-14,16-16`.
 * (A minute range under one hour keeps "Every minute between 03:10 and 03:40".)
 */
function hourSpans(fields: ParsedField[]): string | undefined {
  const [, minute, hour] = fields.map((f) => f.token.text);
  if (/[*/-]/.test(hour) || !isSpecial(minute) || (!hour.includes(',') && !/[*,/]/.test(minute))) return undefined;
  const spans: string[] = [];
  for (const h of values(fields[2])) {
    const last = spans.length ? spans[spans.length - 1].split('-') : undefined;
    if (last && Number(last[1]) === h - 1) spans[spans.length - 1] = `${last[0]}-${h}`;
    else spans.push(`${h}-${h}`);
  }
  return withField(fields, 2, spans.join(','));
}

/**
 * Category 2, cronstrue wrong: `*` as one element of a list ("1,*") covers the whole field in Quartz;
 * cronstrue says "at 01:00 and aN:00", "only on Monday and undefined". We read the field as `*`.
 */
function starInList(fields: ParsedField[]): string | undefined {
  const i = fields.findIndex((f, j) => j > 0 && f.token.text.includes(',') && f.token.text.split(',').includes('*'));
  return i < 0 ? undefined : withField(fields, i, '*');
}

describe('describeCron equals the cronstrue-based describer it replaced', () => {
  for (const weekdays of ['dataworks', 'quartz'] as const) {
    it(`${PER_NUMBERING} generated expressions, ${weekdays} numbering, en and zh-cn, verbose and short`, () => {
      let differ = 0;
      for (const { expr, fields } of generated(weekdays === 'quartz' ? 2027 : 2026, weekdays)) {
        const rewritten = hourSpans(fields);
        for (const locale of LOCALES) {
          for (const form of FORMS) {
            const options = { ...form, weekdays };
            const ours = describeCron(expr, locale, options);
            const asBefore = describeCronReference(expr, locale, options);
            const at = `${expr} (${locale}, ${form.short ? 'short' : 'verbose'})`;
            assert.equal(ours, rewritten ? describeCronReference(rewritten, locale, options) : asBefore, at);
            if (ours !== asBefore) differ++;
          }
        }
      }
      // Category 1 is generated (so the check above covers it) and stays a minority of the texts.
      const total = PER_NUMBERING * LOCALES.length * FORMS.length;
      assert.ok(differ > 0 && differ < total * 0.25, `${differ} of ${total} differ from cronstrue`);
    });
  }

  it('hand-picked forms the generator rarely makes', () => {
    const exprs = [
      '0 * * * * ?', '0 0 * * * ?', '0 0 */2 * * ?', '0 */7 * * * ?', '0 */7 */5 * * ?', '0 10-40 3 * * ?',
      '0 0 1,5 * * ?', '0 30 1,5,9 * * ?', '0 0 0 1 1/2 ?', '0 0 0 1 1-12/1 ?', '0 0 0 1 MAR,1 ?', '0 0 0 ? * 1-3,5', '0 0 0 ? * MON-WED,FRI',
      '0 0 0 L * ?', '0 0 12 ? * 5#3', '0 0 12 ? * 5L', '0 1 1 1 1 ?', '0 0/1 * * * ?', '0 5-50/5,55 * * * ?', '0 0 0 1/1 * ?',
      '0 0 0 ? * */1', '0 15 10 ? * 6#5', '0 0 22-2 ? * SUN-MON', '0 0 0 31 4,6,9,11 ?', '0 0 0 ? 11-2 1',
      '00 00 00 * * ? 2027', '30 00 00 * * ?', '0 0 1,* * * ?', '0 0 0 ? * MON,*', '0 0 0 1,* * ?',
    ];
    for (const weekdays of ['dataworks', 'quartz'] as const) {
      for (const expr of weekdays === 'dataworks' ? [...exprs, '0 0 0 ? * 0-7', '0 0 0 ? * 5-7'] : exprs) {
        const { fields } = parseCron(expr, 'en', weekdays);
        assert.notEqual(describeCron(expr, 'en', { weekdays }), 'Unreadable cron expression', expr);
        const reference = (fields && (hourSpans(fields) ?? starInList(fields))) || expr;
        for (const locale of LOCALES) for (const form of FORMS) {
          const options = { ...form, weekdays };
          assert.equal(describeCron(expr, locale, options), describeCronReference(reference, locale, options), `${expr} (${weekdays}, ${locale}, ${form.short ? 'short' : 'verbose'})`);
        }
      }
    }
  });
});

describe('where we differ from cronstrue on purpose', () => {
  it('category 1: hours under minutes that are not one value are spans, not clock times', () => {
    assert.equal(describeCron('0 22,49 13,14,16 ? 2,9 *', 'en'),
      'At 22 and 49 minutes past the hour, at 13:00 through 14:59 and 16:00 through 16:59, every day, only in February and September');
    assert.equal(describeCronReference('0 22,49 13,14,16 ? 2,9 *', 'en'),
      'At 22 and 49 minutes past the hour, at 13:00, 14:00, and 16:00, every day, only in February and September');
    assert.equal(describeCron('0 5,35 3 * * ?', 'en', { short: true }), 'At 5 and 35 minutes past the hour, between 03:00 and 03:59');
    assert.equal(describeCron('0 5,35 3 * * ?', 'zh-cn', { short: true }), '在整点后的第 5 和 35 分钟, 在 03:00 和 03:59 之间');
    assert.equal(describeCron('0 */15 1,5 * * ?', 'zh-cn', { short: true }), '每隔 15 分钟, 在01:00至01:59 和 05:00至05:59');
    assert.equal(describeCron('0 */15 1,2 * * ?', 'en', { short: true }), 'Every 15 minutes, between 01:00 and 02:59');
    // Unchanged where the hours are clock times: one minute value, or a minute range under one hour.
    assert.equal(describeCron('0 30 1,5 * * ?', 'en', { short: true }), 'At 01:30 and 05:30');
    assert.equal(describeCron('0 10-40 3 * * ?', 'en', { short: true }), 'Every minute between 03:10 and 03:40');
  });

  it('category 2: `*` in a list reads as the whole field', () => {
    assert.equal(describeCron('0 0 1,* * * ?', 'en'), 'Every hour, every day');
    assert.equal(describeCronReference('0 0 1,* * * ?', 'en'), 'At 01:00 and aN:00, every day');
    assert.equal(describeCron('0 0 0 ? * MON,*', 'en'), 'At 00:00, every day');
    assert.equal(describeCron('0 0 0 1 JAN,* ?', 'zh-cn'), '在00:00, 限每月 1号');
  });

  it('an expression with an unreadable field is "Unreadable", never half described', () => {
    // cronstrue described what it could: "At 00:00, Friday through Monday" for a range DataWorks rejects,
    // "At 00:00, every day" for five fields (another dialect: minute hour day month weekday).
    for (const expr of ['0 0 * * *', '0 0 0 ? * 5-1', '0 5,,10 0 * * ?', '0 0 0 ? * L', '0 0 0 LW * ?', '0 0 0 15W * ?', '0 61 0 * * ?', '', 'not a cron', '0 0 0 * * ? 2027 1']) {
      assert.equal(describeCron(expr, 'en'), 'Unreadable cron expression', expr);
      assert.equal(describeCron(expr, 'zh-cn'), '无法解析的 cron 表达式', expr);
    }
  });
});
