// checkCron: every dialect rule, the field and exact range of each problem, and the fixes offered.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCron, type CronProblem } from '@src/core/cron';
import { CronGenerator } from './generate';

/** The text a problem's range points at. */
const at = (expr: string, p: CronProblem): string => expr.slice(p.start, p.end);

const QUARTZ = { weekdays: 'quartz' } as const;

function only(expr: string, options: { weekdays?: 'quartz' } = {}): CronProblem {
  const r = checkCron(expr, 'en', options);
  assert.equal(r.valid, false, `${expr} should be invalid`);
  assert.equal(r.problems.length, 1, `${expr}: ${JSON.stringify(r.problems)}`);
  return r.problems[0];
}

const fix = (expr: string, title: RegExp): string => {
  const f = checkCron(expr).fixes.find((x) => title.test(x.title));
  assert.ok(f, `${expr}: no fix matching ${title}: ${JSON.stringify(checkCron(expr).fixes)}`);
  return f.replacement;
};

describe('checkCron: accepted forms', () => {
  const valid = [
    '00 00 00 * * ?', '0 0 0 * * ?', '00 */30 00-23 * * ?', '00 05/10 09-18 ? * MON-FRI', '00 00 12 ? * mon-fri', '00 00 12 ? * Sun',
    '00 00 00 1 jan ?', '00 00 00 L * ?', '00 00 12 ? * 6L', '00 00 12 ? * 2#1', '00 00 12 ? * FRI#5',
    '00 00 00 1,15,31 * ?', '00 00 00 */2 * ?', '00 00 00 1 */3 ?', '00 00 00 ? * 2/2',
    '00 10,40 * * * ?', '00 00 12 ? * 1,3,5', '  00 00 00 * * ?  ', '00\t00\t00 * * ?', '00 00 00 29 2 ?', '00 00 00 ? * 7',
  ];
  for (const e of valid) it(e, () => assert.deepEqual(checkCron(e).problems, [], e));
  // Quartz wraps a backwards range; in the Quartz numbering the dialect is Quartz's.
  for (const e of ['00 00 00 1 NOV-FEB ?', '00 00 22-02 * * ?', '00 00 00 25-5 * ?']) {
    it(`${e} (Quartz numbering)`, () => assert.deepEqual(checkCron(e, 'en', QUARTZ).problems, [], e));
  }

  it('gives the canonical zero-padded form and offers it as a fix', () => {
    const r = checkCron('0 */30 0-23 * * ?');
    assert.equal(r.canonical, '00 */30 00-23 * * ?');
    assert.deepEqual(r.fixes, [{ title: 'Use the canonical form "00 */30 00-23 * * ?"', replacement: '00 */30 00-23 * * ?' }]);
    assert.equal(checkCron('0 5,35 8 ? * mon#2').canonical, '00 05,35 08 ? * MON#2');
    assert.equal(checkCron('00 00 00 * * ?').fixes.length, 0); // already canonical
  });
});

describe('checkCron: problems name the field and point at the token', () => {
  it('day-of-week out of range names the numbering: 0 or 7 = Sunday (DataWorks), 1 = Sunday (Quartz)', () => {
    const p = only('00 00 00 ? * 8');
    assert.equal(p.field, 'day-of-week');
    assert.equal(p.message, 'day-of-week: 8 is out of range 0-7 (0 or 7 = Sunday, 1 = Monday, or SUN-SAT)');
    assert.deepEqual([p.start, p.end], [13, 14]);
    const q = checkCron('00 00 00 ? * 8', 'en', { weekdays: 'quartz' }).problems;
    assert.deepEqual(q.map((x) => x.message), ['day-of-week: 8 is out of range 1-7 (1 = Sunday, or SUN-SAT)']);
    assert.match(checkCron('00 00 00 ? * 0', 'en', { weekdays: 'quartz' }).problems[0].message, /0 is out of range 1-7/);
  });

  it('out-of-range values in every field, and the range end inside a range', () => {
    const cases: [string, string, string][] = [
      ['00 60 00 * * ?', 'minute', '60'], ['00 00 24 * * ?', 'hour', '24'], ['00 00 00 32 * ?', 'day-of-month', '32'],
      ['00 00 00 0 * ?', 'day-of-month', '0'], ['00 00 00 1 13 ?', 'month', '13'], ['00 00 00 ? * 0-8', 'day-of-week', '8'],
      ['00 00 01-25 * * ?', 'hour', '25'], ['00 00 00 ? * 2-9', 'day-of-week', '9'], ['00 00 00 ? * MON-9', 'day-of-week', 'MON-9'], ['00 00 00 1 FOO ?', 'month', 'FOO'],
    ];
    for (const [e, field, token] of cases) {
      const p = only(e);
      assert.equal(p.field, field, e);
      assert.equal(at(e, p), token, e);
      assert.ok(p.message.startsWith(`${field}: `), p.message);
    }
  });

  it('seconds must be 00, with a fix', () => {
    const p = only('30 00 00 * * ?');
    assert.equal(p.field, 'second');
    assert.match(p.message, /seconds must be 00/);
    assert.equal(at('30 00 00 * * ?', p), '30');
    assert.equal(fix('30 00 00 * * ?', /seconds/), '00 00 00 * * ?');
    assert.equal(only('*/5 00 00 * * ?').field, 'second');
  });

  it('no year field: the seventh field is named and can be removed', () => {
    const e = '00 00 00 * * ? 2027';
    const p = only(e);
    assert.equal(p.field, 'expression');
    assert.match(p.message, /no year field/);
    assert.equal(at(e, p), '2027');
    assert.equal(fix(e, /year/), '00 00 00 * * ?');
  });

  it('wrong field counts', () => {
    assert.match(only('00 00 00 * *').message, /expected 6 fields .* found 5/);
    assert.match(only('').message, /empty/);
    const e = '00 00 00 * * ? 2027 x';
    assert.equal(at(e, only(e)), '2027 x');
  });

  it('W, LW and L-n are not supported by DataWorks', () => {
    for (const [e, token] of [['00 00 00 15W * ?', '15W'], ['00 00 00 LW * ?', 'LW'], ['00 00 00 L-3 * ?', 'L-3']]) {
      const p = only(e);
      assert.equal(p.field, 'day-of-month');
      assert.match(p.message, /DataWorks does not support/);
      assert.equal(at(e, p), token);
    }
  });

  it('exactly one day field is ?: * -> ? fixes, both-? and both-set problems', () => {
    const e = '00 00 00 * * *';
    const p = only(e);
    assert.equal(p.field, 'day-of-week');
    assert.equal(at(e, p), '*');
    assert.equal(fix(e, /day-of-week/), '00 00 00 * * ?');
    assert.equal(fix('00 00 00 * * MON', /day-of-month/), '00 00 00 ? * MON');
    assert.match(only('00 00 00 ? * ?', QUARTZ).message, /both \?/);
    assert.match(only('00 00 00 1 * MON').message, /both set/);
  });

  it('L, nL and n#k must stand alone; bare L in day-of-week is refused with a fix', () => {
    assert.match(only('00 00 00 L,15 * ?').message, /only value/);
    assert.match(only('00 00 00 ? * 6L,2').message, /only value/);
    assert.match(checkCron('00 00 00 ? * 1#1,2#2').problems[0].message, /only value/);
    assert.match(only('00 00 00 ? * 2#6').message, /1 to 5/);
    const e = '00 00 00 ? * L';
    assert.match(only(e).message, /Saturday.*5L = last Friday/);
    assert.equal(fix(e, /SAT/), '00 00 00 ? * SAT');
  });

  it('steps: zero, too large, after names; mixed name/number ranges', () => {
    assert.match(only('00 */0 * * * ?').message, /step 0 is out of range 1-59/);
    assert.match(only('00 00 */24 * * ?', QUARTZ).message, /step 24 is out of range 1-23/);
    assert.match(only('00 00 00 */40 * ?').message, /step 40 is out of range 1-31/, 'Spring counts from day 0: day 40 never comes');
    const e = '00 00 00 ? * MON-FRI/2';
    const p = only(e, QUARTZ);
    assert.match(p.message, /step after a name/);
    assert.equal(at(e, p), '/2');
    assert.match(only('00 00 00 ? * MON-5').message, /two names or two numbers/);
    assert.match(only('00 00 00 1 * ?,1').message, /only allowed|only value/);
    assert.match(only('00 00 ? * * ?').message, /only allowed in day-of-month or day-of-week/);
    assert.match(only('00 1,,2 00 * * ?').message, /empty value/);
  });

  it('non-ASCII text: full-width spaces and digits are refused with exact UTF-16 ranges', () => {
    const e = '00 00\u300000 * * ?';
    const r = checkCron(e);
    assert.equal(r.valid, false);
    assert.match(r.problems[0].message, /expected 6 fields/);
    const e2 = '00 00 ００ * * ?';
    const p = only(e2);
    assert.equal(p.field, 'hour');
    assert.equal(at(e2, p), '００');
    assert.match(p.message, /U\+FF10/);
    const e3 = '00 00 00 ? * ßAT';
    const p3 = only(e3);
    assert.equal(at(e3, p3), 'ßAT');
    assert.ok(p3.end <= e3.length);
    const e4 = '😀 00 00 * * ?';
    const p4 = only(e4);
    assert.deepEqual([p4.field, p4.start, p4.end], ['second', 0, 2]); // a surrogate pair is two UTF-16 units
  });

  it('ranges are offsets into the original string, even with extra spaces', () => {
    const e = '  00   00  00  ?  *  8';
    const p = only(e);
    assert.equal(at(e, p), '8');
    assert.equal(p.start, e.length - 1);
  });

  it('every problem of generated mutants has a valid in-bounds range and a field-named message', () => {
    const g = new CronGenerator(3);
    const odd = ['8', 'x', 'L-2', '5W', '*/0', '1-', '#', '2#9', ',', '99', 'MON/2'];
    for (let i = 0; i < 2000; i++) {
      const parts = g.expression().split(' ');
      parts[g.int(0, 5)] = g.pick(odd);
      const e = parts.join(' ');
      for (const p of checkCron(e).problems) {
        assert.ok(p.start >= 0 && p.end <= e.length && p.start <= p.end, `${e}: ${JSON.stringify(p)}`);
        assert.ok(p.message.startsWith(`${p.field}: `), p.message);
      }
    }
  });

  it('"Apply all fixes" repairs several problems at once and the result is valid', () => {
    const e = '5 0 0 * * * 2030';
    const all = fix(e, /Apply all/);
    assert.equal(all, '00 0 0 * * ?');
    assert.equal(checkCron(all).valid, true);
    assert.ok(checkCron(e).fixes.some((f) => f.replacement === '00 00 00 * * ?'));
  });
});

describe('checkCron: at least 5 minutes between runs', () => {
  const tooClose = [
    ['00 * * * * ?', 'every minute'],
    ['00 */4 * * * ?', 'every 4 minutes'],
    ['00 0,3 * * * ?', 'within an hour'],
    ['00 02,58 * * * ?', 'across every hour (xx:58 -> next :02)'],
    ['00 02,58 01-02 * * ?', 'across two consecutive hours'],
    ['00 02,58 00,23 * * ?', 'across midnight, every day'],
    ['00 02,58 00,23 ? * 7,1', 'across midnight, Sunday -> Monday (7 and 1 in the DataWorks numbering)'],
    ['00 02,58 00,23 ? * 6,0', 'across midnight, Saturday -> Sunday'],
    ['00 02,58 00,23 1,31 * ?', 'across midnight, the 31st -> the 1st'],
    ['00 02,58 00,23 28,1 3 ?', 'across midnight within a month: no, but 28 is not consecutive: see valid list'],
  ];
  for (const [e, why] of tooClose.slice(0, 9)) {
    it(`refuses ${e} (${why})`, () => {
      const p = only(e);
      assert.equal(p.field, 'minute');
      assert.match(p.message, /at least 5 minutes/);
      assert.equal(at(e, p), e.split(' ')[1]);
    });
  }
  const fine = [
    '00 */5 * * * ?', '00 0,5 * * * ?', '00 02,58 01,03 * * ?', '00 02,58 00,23 L * ?', '00 02,58 00,23 ? * 1,3',
    '00 02,58 00,23 1,31 2-3 ?', '00 02,58 00,23 ? * 6L', '00 02,58 00,23 ? * 2#1', '00 03,58 * * * ?', '00 00 * * * ?',
  ];
  for (const e of fine) it(`accepts ${e}`, () => assert.deepEqual(checkCron(e).problems, []));

  it('the gap message gives the two run times, and every-N-minutes gets a */5 fix', () => {
    assert.match(only('00 02,58 01-02 * * ?').message, /01:58 and 02:02 are only 4 minutes apart/);
    assert.match(only('00 02,58 00,23 * * ?').message, /23:58 and 00:02 the next day/);
    assert.equal(fix('00 */2 * * * ?', /every 5 minutes/), '00 */5 * * * ?');
  });
  it('the Feb 28/29 -> Mar 1 case', () => {
    assert.equal(checkCron('00 02,58 00,23 1,28 2-3 ?').valid, false); // Feb 28 -> Mar 1 in common years
    assert.equal(checkCron('00 02,58 00,23 1,28 3-4 ?').valid, true); // Mar 28 / Apr 1 never adjacent
  });
});

describe('checkCron: the DataWorks numbering reads every field as Spring\'s CronSequenceGenerator does', () => {
  /** The one warning of a valid expression, and its fix. */
  function warned(expr: string): { message: string; replacement: string; field: string } {
    const r = checkCron(expr);
    assert.deepEqual(r.problems, [], expr);
    assert.equal(r.warnings.length, 1, `${expr}: ${JSON.stringify(r.warnings)}`);
    const [w] = r.warnings;
    assert.equal(w.fix.title.length > 0, true);
    return { message: w.message, replacement: w.fix.replacement, field: w.field };
  }

  it('an inverted range in any field is an error whose fix lists the values Quartz would wrap to', () => {
    const cases: [string, string, string][] = [
      ['00 00 22-2 * * ?', 'hour', '00 00 22,23,00,01,02 * * ?'],
      ['0 18 22-1 * 7 ?', 'hour', '0 18 22,23,00,01 * 7 ?'],
      ['00 50-10/10 * * * ?', 'minute', '00 50,00,10 * * * ?'],
      ['00 00 00 30-2 * ?', 'day-of-month', '00 00 00 30,31,1,2 * ?'],
      ['00 00 00 1 NOV-FEB ?', 'month', '00 00 00 1 NOV,DEC,JAN,FEB ?'],
      ['00 00 00 1 11-2/2 ?', 'month', '00 00 00 1 11,1 ?'],
      ['00 00 00 ? * FRI-MON', 'day-of-week', '00 00 00 ? * FRI,SAT,SUN,MON'],
    ];
    for (const [e, field, fixed] of cases) {
      const p = only(e);
      assert.equal(p.field, field, e);
      assert.equal(p.code, 'range.inverted', e);
      assert.match(p.message, /runs backwards/);
      assert.equal(fix(e, /^List the/), fixed, e);
      assert.deepEqual(checkCron(fixed).problems, [], fixed);
      assert.equal(checkCron(e, 'en', QUARTZ).valid, true, `${e}: Quartz wraps it`);
    }
  });

  it('both day fields ? is every day, with a warning and the fix * in day-of-month', () => {
    const w = warned('0 0 22 ? * ?');
    assert.equal(w.field, 'day-of-month');
    assert.match(w.message, /both \?: Spring.*runs every day; Quartz rejects it/);
    assert.equal(w.replacement, '0 0 22 * * ?');
    assert.equal(checkCron('0 0 22 ? * ?').canonical, '00 00 22 * * ?');
  });

  it('a step past the field\'s range fires at its first value only, with a warning and the fix that writes that value', () => {
    const cases: [string, string, string][] = [
      ['0 0/70 * * * ?', 'minute', '0 00 * * * ?'],
      ['0 0 0/30 * * ?', 'hour', '0 0 00 * * ?'],
      ['0 0 */24 * * ?', 'hour', '0 0 00 * * ?'],
      ['0 0 5/40 * * ?', 'hour', '0 0 05 * * ?'],
      ['0 0 0 ? * */8', 'day-of-week', '0 0 0 ? * 0'],
      ['0 0 0 1 3/13 ?', 'month', '0 0 0 1 3 ?'],
    ];
    for (const [e, field, fixed] of cases) {
      const w = warned(e);
      assert.equal(w.field, field, e);
      assert.match(w.message, /is larger than the field .* so Spring fires at \d+ only; Quartz rejects it/, e);
      assert.equal(w.replacement, fixed, e);
      assert.equal(checkCron(e, 'en', QUARTZ).valid, false, `${e}: Quartz rejects it`);
    }
  });

  it('day-of-month */n counts from day 0 as Spring does (days n, 2n, ...), said with the plain n/n', () => {
    const w = warned('00 00 00 */2 * ?');
    assert.match(w.message, /from day 0, so it means days 2,4,6,.*,30; Quartz counts from day 1/);
    assert.equal(w.replacement, '00 00 00 2/2 * ?');
    assert.deepEqual(checkCron('00 00 00 */1 * ?').warnings, [], 'every day either way');
  });

  it('a step after a name is read as Spring reads it, with the numbers as the fix', () => {
    const w = warned('00 00 00 ? * MON-FRI/2');
    assert.match(w.message, /Spring reads "MON-FRI\/2" as "1-5\/2"; Quartz ignores a step after a name/);
    assert.equal(w.replacement, '00 00 00 ? * 1-5/2');
  });

  it('a day-of-month that never comes in its months is an error saying why, in both numberings', () => {
    const cases: [string, RegExp][] = [
      ['00 00 02 30 2 ?', /never fires: there is no day 30 in February \(at most 29 days\)/],
      ['00 00 00 31 4 ?', /never fires: there is no day 31 in April \(at most 30 days\)/],
      ['00 00 00 31 2,4,6,9,11 ?', /no day 31 in February, April, June, September, November \(at most 30 days\)/],
      ['00 00 00 30,31 FEB ?', /no day 30,31 in February/],
    ];
    for (const [e, message] of cases) {
      for (const options of [{}, QUARTZ]) {
        const r = checkCron(e, 'en', options);
        assert.equal(r.valid, false, e);
        assert.equal(r.problems[0].field, 'day-of-month');
        assert.match(r.problems[0].message, message);
        assert.ok(r.fixes.some((f) => /last day of the month/.test(f.title)), JSON.stringify(r.fixes));
      }
    }
    assert.match(checkCron('00 00 02 30 2 ?', 'zh-cn').problems[0].message, /永不触发：二月没有第 30 日/);
    for (const e of ['00 00 00 29 2 ?', '00 00 00 30 1-2 ?', '00 00 00 L 2 ?', '00 00 00 ? 2 MON#5']) assert.equal(checkCron(e).valid, true, e);
  });
});
