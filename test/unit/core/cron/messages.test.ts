// Every cron problem and fix title exists in Simplified Chinese with the same placeholders, every
// problem code is reachable, and the zh-cn messages really come out in Chinese (English stays the default).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCron, CRON_MESSAGES, type CronMessageKey, type CronOptions } from '@src/core/cron';
import { translate } from '@src/core/text/l10n';

const placeholders = (s: string): string => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
const CJK = /[\u4e00-\u9fff]/;
const keys = Object.keys(CRON_MESSAGES) as CronMessageKey[];
const english = (k: CronMessageKey): string => { const m = CRON_MESSAGES[k]; return typeof m === 'string' ? m : m.message; };

/** One expression per problem code (and the fix titles they bring along). */
const REACH: Record<string, string> = {
  'expression.empty': '',
  'expression.count': '00 00 00 * *',
  'expression.year': '00 00 00 * * ? 2027',
  'second.notZero': '30 00 00 * * ?',
  'char.notAscii': '00 00 ００ * * ?',
  'list.empty': '00 1,,2 00 * * ?',
  'alone.none': '00 00 00 1 * ?,1',
  'alone.last': '00 00 00 L,15 * ?',
  'alone.lastWeekday': '00 00 00 ? * 6L,2',
  'alone.nth': '00 00 00 ? * 1#1,2#2',
  'none.notDay': '00 00 ? * * ?',
  'unsupported.LW': '00 00 00 LW * ?',
  'unsupported.Ln': '00 00 00 L-3 * ?',
  'unsupported.W': '00 00 00 15W * ?',
  'dow.L': '00 00 00 ? * L',
  'nth.week': '00 00 00 ? * 2#6',
  invalid: '00 1-2-3 00 * * ?',
  'invalid.month': '00 00 00 1 1-2-3 ?',
  'invalid.day-of-month': '00 00 00 1-2-3 * ?',
  'invalid.day-of-week': '00 00 00 ? * 1-2-3',
  'range.mixed': '00 00 00 ? * MON-5',
  range: '00 60 00 * * ?',
  'range.month': '00 00 00 1 13 ?',
  'range.day-of-week': '00 00 00 ? * 8',
  'name.month': '00 00 00 1 FOO ?',
  'name.day': '00 00 00 ? * FOO',
  number: '00 x 00 * * ?',
  'step.missing': '00 5/ 00 * * ?',
  'step.range': '00 */0 * * * ?',
  'warn.bothNone': '00 00 00 ? * ?',
  'warn.stepPastRange': '00 0/70 * * * ?',
  'warn.stepAfterName': '00 00 00 ? * MON-FRI/2',
  'warn.domFromZero': '00 00 00 */2 * ?',
  'never.day': '00 00 00 30 2 ?',
  'never.noDay': '00 00 00 0 * ?',
  'warn.domZero': '00 00 00 0-7 * ?',
  'warn.domZeroInList': '00 00 00 0,7 * ?',
  'days.dowMustBeNone': '00 00 00 * * *',
  'days.domMustBeNone': '00 00 00 * * MON',
  'days.bothSet': '00 00 00 1 * MON',
  gap: '00 00,02 * * * ?',
  'gap.nextDay': '00 01,58 00,23 * * ?', // 23:58, then 00:01 the next day
  'range.inverted': '00 00 00 ? * FRI-MON',
  'weekdays.numbers': '00 00 00 ? * 2-6', // a note on a valid expression, not a problem
};

/** Codes reached only in the Quartz numbering (the default is DataWorks'). */
const QUARTZ: Record<string, string> = { 'range.day-of-week': '00 00 00 ? * 0', 'days.bothNone': '00 00 00 ? * ?', 'step.afterName': '00 00 00 ? * MON-FRI/2' };

describe('cron messages in English and Simplified Chinese', () => {
  it('every key has a zh-cn translation with the same placeholders', () => {
    assert.ok(keys.length >= 50, `only ${keys.length} keys`);
    for (const k of keys) {
      const zh = translate('zh-cn', CRON_MESSAGES[k]);
      assert.equal(placeholders(zh), placeholders(english(k)), `placeholders of ${k}`);
      assert.match(zh, /[\u4e00-\u9fff\uff1a]/, `${k} is not translated: ${zh}`);
    }
  });

  it('every problem code is reachable, and comes out in Chinese for zh-cn and unchanged English by default', () => {
    const reached = new Set<string>();
    const cases: [string, string, CronOptions][] = [
      ...Object.entries(REACH).map(([c, e]): [string, string, CronOptions] => [c, e, {}]),
      ...Object.entries(QUARTZ).map(([c, e]): [string, string, CronOptions] => [c, e, { weekdays: 'quartz' }]),
    ];
    for (const [code, e, options] of cases) {
      const en = checkCron(e, 'en', options);
      const zh = checkCron(e, 'zh-cn', options);
      const said = [...en.problems, ...en.notes, ...en.warnings];
      assert.ok(said.some((p) => p.code === code), `${JSON.stringify(e)} does not report ${code}: ${JSON.stringify(said)}`);
      assert.deepEqual(zh.problems.map((p) => [p.code, p.field, p.start, p.end]), en.problems.map((p) => [p.code, p.field, p.start, p.end]));
      assert.deepEqual(zh.fixes.map((f) => f.replacement), en.fixes.map((f) => f.replacement));
      assert.deepEqual(zh.notes.map((n) => [n.code, n.start, n.end, n.fix.replacement]), en.notes.map((n) => [n.code, n.start, n.end, n.fix.replacement]));
      assert.deepEqual(zh.warnings.map((n) => [n.code, n.start, n.end, n.fix.replacement]), en.warnings.map((n) => [n.code, n.start, n.end, n.fix.replacement]));
      for (const n of [...zh.notes, ...zh.warnings]) {
        reached.add(n.code);
        assert.match(n.message, CJK, n.message);
        assert.match(n.fix.title, CJK, n.fix.title);
      }
      for (const p of zh.problems) {
        reached.add(p.code);
        assert.match(p.message, CJK, p.message);
        assert.doesNotMatch(p.message, /\{\w+\}/, p.message);
      }
      for (const f of zh.fixes) assert.match(f.title, CJK, f.title);
      for (const p of en.problems) assert.ok(p.message.startsWith(`${p.field}: `), p.message);
    }
    const problemKeys = keys.filter((k) => !/^(field|fix|minutes|sunday|numbering|names)\.|^prefix$/.test(k));
    assert.deepEqual(problemKeys.filter((k) => !reached.has(k)), []);
  });

  it('the issue example in both languages and both numberings', () => {
    assert.equal(checkCron('00 00 00 ? * 8').problems[0].message, 'day-of-week: 8 is out of range 0-7 (0 or 7 = Sunday, 1 = Monday, or SUN-SAT)');
    assert.equal(checkCron('00 00 00 ? * 8', 'zh-cn').problems[0].message, '星期：8 超出范围 0-7（0 或 7 = 星期日，1 = 星期一，或 SUN-SAT）');
    const quartz = { weekdays: 'quartz' } as const;
    assert.equal(checkCron('00 00 00 ? * 8', 'en', quartz).problems[0].message, 'day-of-week: 8 is out of range 1-7 (1 = Sunday, or SUN-SAT)');
    assert.equal(checkCron('00 00 00 ? * 8', 'zh-cn', quartz).problems[0].message, '星期：8 超出范围 1-7（1 = 星期日，或 SUN-SAT）');
    assert.deepEqual(checkCron('0 0 2 * * ?', 'zh-cn').fixes, [{ title: '使用规范形式 "00 00 02 * * ?"', replacement: '00 00 02 * * ?' }]);
  });
});
