// describeCron (our describer, describe-fields.ts) against the cronstrue-based describer it replaced
// (cronstrue-reference.ts), on seeded generated expressions in both weekday numberings, English and
// Chinese, verbose and short. Equal everywhere except the few categories where cronstrue says
// something Quartz does not do: each is listed below with how our text follows from cronstrue's
// (its wording of the schedule written so that it reads it right, or its text corrected), and
// asserted on examples.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeCron } from '@src/core/cron';
import { parseCron, type ParsedField } from '@src/core/cron/parse';
import type { WeekdayNumbering } from '@src/core/cron/weekdays';
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

/**
 * Category 3, cronstrue wrong: verbose `*\/n` hours (n not dividing 24) list the hours hit as clock
 * times ("At 30 minutes past the hour, every 5 hours, at 00:00, 05:00, ...") whatever the minute.
 * We name the times it fires at under one minute ("at 00:30, 05:30, ..."), spans under several
 * ("at 00:00 through 00:59, ..."). Every HH:00 in cronstrue's text is in that list (the hour is `*\/n`).
 */
function hourValues(fields: ParsedField[], locale: 'en' | 'zh-cn', text: string): string {
  const hour = fields[2].token.text.replace(/^0+(?=\d)/, '');
  const n = Number(/^(?:\*|0)\/(\d+)$/.exec(hour)?.[1]);
  const minute = fields[1].token.text;
  if (!(n > 1 && 24 % n !== 0) || /^0+$/.test(minute)) return text;
  if (/^\d+$/.test(minute)) return text.replace(/(\d\d):00/g, `$1:${minute.padStart(2, '0').slice(-2)}`);
  return text.replace(/(\d\d):00/g, locale === 'en' ? '$1:00 through $1:59' : '$1:00至$1:59');
}

/**
 * Category 4, Spring's reading (DataWorks numbering) where Quartz, and so cronstrue, reads otherwise:
 * day-of-month `*\/n` is days n, 2n, ...; a step past the field's range is its first value; a step
 * after a name is kept. Each comes with a warning whose fix writes the same plainly: we say what
 * cronstrue says of that plain form.
 */
function springPlain(expr: string, weekdays: WeekdayNumbering): string {
  if (weekdays !== 'dataworks') return expr;
  let out = expr;
  for (const { repair: r } of [...parseCron(expr, 'en', weekdays).warnings].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

/**
 * Category 5, Chinese punctuation: cronstrue's zh_CN text puts ASCII commas between clauses and list
 * items ("在00:00, 仅星期一, 星期三, 和 星期五"); ours reads "在 00:00，仅星期一、星期三 和 星期五"
 * (test/unit/l10n/zh-typography.test.ts checks it). The words are compared with both folded to one
 * punctuation: full-width commas and 、 as ", ", no serial comma before 和, a space after 在.
 */
const foldOurs = (s: string): string => s.replace(/[，、]/g, ', ');
const foldCronstrue = (s: string): string => s.replace(/, 和 /g, ' 和 ').replace(/在(\d)/g, '在 $1');

/** What we say: cronstrue's text, as each category above corrects it. */
function expected(expr: string, fields: ParsedField[] | undefined, locale: 'en' | 'zh-cn', options: { short: boolean; weekdays: WeekdayNumbering }): string {
  const plain = springPlain(expr, options.weekdays);
  if (plain !== expr) return expected(plain, parseCron(plain, 'en', options.weekdays).fields, locale, options);
  const rewritten = fields && (hourSpans(fields) ?? starInList(fields));
  const text = describeCronReference(rewritten || expr, locale, options);
  const corrected = fields && !options.short ? hourValues(fields, locale, text) : text;
  return locale === 'en' ? corrected : foldCronstrue(corrected);
}

describe('describeCron equals the cronstrue-based describer it replaced', () => {
  for (const weekdays of ['dataworks', 'quartz'] as const) {
    it(`${PER_NUMBERING} generated expressions, ${weekdays} numbering, en and zh-cn, verbose and short`, () => {
      let differ = 0;
      for (const { expr, fields } of generated(weekdays === 'quartz' ? 2027 : 2026, weekdays)) {
        for (const locale of LOCALES) {
          for (const form of FORMS) {
            const options = { ...form, weekdays };
            const ours = describeCron(expr, locale, options);
            const folded = locale === 'en' ? ours : foldOurs(ours);
            assert.equal(folded, expected(expr, fields, locale, options), `${expr} (${locale}, ${form.short ? 'short' : 'verbose'})`);
            const reference = describeCronReference(expr, locale, options);
            if (folded !== (locale === 'en' ? reference : foldCronstrue(reference))) differ++;
          }
        }
      }
      // The categories are generated (so the check above covers them) and stay a minority of the texts.
      const total = PER_NUMBERING * LOCALES.length * FORMS.length;
      assert.ok(differ > 0 && differ < total * 0.25, `${differ} of ${total} differ from cronstrue`);
    });
  }

  it('hand-picked forms the generator rarely makes', () => {
    const exprs = [
      '0 * * * * ?', '0 0 * * * ?', '0 0 */2 * * ?', '0 */7 * * * ?', '0 */7 */5 * * ?', '0 10-40 3 * * ?',
      '0 0 1,5 * * ?', '0 30 1,5,9 * * ?', '0 0 0 1 1/2 ?', '0 0 0 1 1-12/1 ?', '0 0 0 1 MAR,1 ?', '0 0 0 ? * 1-3,5', '0 0 0 ? * MON-WED,FRI',
      '0 0 0 L * ?', '0 0 12 ? * 5#3', '0 0 12 ? * 5L', '0 1 1 1 1 ?', '0 0/1 * * * ?', '0 5-50/5,55 * * * ?', '0 0 0 1/1 * ?',
      '0 0 0 ? * */1', '0 15 10 ? * 6#5', '0 0 0 31 4,6,9,11 ?',
      '00 00 00 * * ? 2027', '30 00 00 * * ?', '0 0 1,* * * ?', '0 0 0 ? * MON,*', '0 0 0 1,* * ?',
      '0 30 */5 * * ?', '0 0 */5 * * ?', '0 5,35 */7 * * ?', '0 7 0/11 ? * 1',
    ];
    for (const weekdays of ['dataworks', 'quartz'] as const) {
      const only = weekdays === 'dataworks'
        ? ['0 0 0 ? * 0-7', '0 0 0 ? * 5-7', '0 0 0/70 * * ?', '0 0 0 ? * */8', '0 0 0 */3 * ?', '0 0 0 ? * MON-FRI/2', '0 0 3 ? * ?']
        : ['0 0 22-2 ? * SUN-MON', '0 0 0 ? 11-2 1'];
      for (const expr of [...exprs, ...only]) {
        const { fields } = parseCron(expr, 'en', weekdays);
        assert.notEqual(describeCron(expr, 'en', { weekdays }), 'Unreadable cron expression', expr);
        for (const locale of LOCALES) for (const form of FORMS) {
          const options = { ...form, weekdays };
          const ours = describeCron(expr, locale, options);
          assert.equal(locale === 'en' ? ours : foldOurs(ours), expected(expr, fields, locale, options), `${expr} (${weekdays}, ${locale}, ${form.short ? 'short' : 'verbose'})`);
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
    assert.equal(describeCron('0 5,35 3 * * ?', 'zh-cn', { short: true }), '在整点后的第 5 和 35 分钟，在 03:00 和 03:59 之间');
    assert.equal(describeCron('0 */15 1,5 * * ?', 'zh-cn', { short: true }), '每隔 15 分钟，在 01:00至01:59 和 05:00至05:59');
    assert.equal(describeCron('0 */15 1,2 * * ?', 'en', { short: true }), 'Every 15 minutes, between 01:00 and 02:59');
    // Unchanged where the hours are clock times: one minute value, or a minute range under one hour.
    assert.equal(describeCron('0 30 1,5 * * ?', 'en', { short: true }), 'At 01:30 and 05:30');
    assert.equal(describeCron('0 10-40 3 * * ?', 'en', { short: true }), 'Every minute between 03:10 and 03:40');
  });

  it('category 2: `*` in a list reads as the whole field', () => {
    assert.equal(describeCron('0 0 1,* * * ?', 'en'), 'Every hour, every day');
    assert.equal(describeCronReference('0 0 1,* * * ?', 'en'), 'At 01:00 and aN:00, every day');
    assert.equal(describeCron('0 0 0 ? * MON,*', 'en'), 'At 00:00, every day');
    assert.equal(describeCron('0 0 0 1 JAN,* ?', 'zh-cn'), '在 00:00，限每月 1号');
  });

  it('category 3: verbose hours hit by */n under minutes other than 0 are fire times or spans', () => {
    assert.equal(describeCron('0 30 */5 * * ?', 'en'), 'At 30 minutes past the hour, every 5 hours, at 00:30, 05:30, 10:30, 15:30, and 20:30, every day');
    assert.equal(describeCronReference('0 30 */5 * * ?', 'en'), 'At 30 minutes past the hour, every 5 hours, at 00:00, 05:00, 10:00, 15:00, and 20:00, every day');
    assert.equal(describeCron('0 5,35 */7 * * ?', 'zh-cn'), '在整点后的第 5 和 35 分钟，每隔 7 小时，在 00:00至00:59、07:00至07:59、14:00至14:59 和 21:00至21:59，每天');
    assert.equal(describeCron('0 0 */5 * * ?', 'en'), 'On the hour, every 5 hours, at 00:00, 05:00, 10:00, 15:00, and 20:00, every day', 'under minute 0 they are the fire times');
  });

  it('category 5: Chinese reads with full-width clause commas and 、 between list items', () => {
    assert.equal(describeCronReference('0 0 0 ? * MON,WED,FRI', 'zh-cn'), '在00:00, 仅星期一, 星期三, 和 星期五');
    assert.equal(describeCron('0 0 0 ? * MON,WED,FRI', 'zh-cn'), '在 00:00，仅星期一、星期三 和 星期五');
    assert.equal(describeCron('0 30 1,5,9 * * ?', 'zh-cn'), '在 01:30、05:30 和 09:30，每天');
    assert.equal(describeCron('0 30 1,5,9 * * ?', 'en'), 'At 01:30, 05:30 and 09:30, every day');
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
