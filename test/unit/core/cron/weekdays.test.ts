// Day-of-week numbering, hand-picked: the days each expression fires on, written out, in the
// DataWorks numbering (Spring's: 0 or 7 = Sunday, 1 = Monday ... 6 = Saturday) and in Quartz's
// (1 = Sunday ... 7 = Saturday); the names rewrite, inverted ranges, and what the canonical form keeps.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkCron, describeCron, nextFireTimes, type WeekdayNumbering } from '@src/core/cron';

const DAY = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
// Sunday 2026-11-29 00:00 UTC: the following 14 days cover every weekday twice.
const FROM = new Date('2026-11-28T12:00:00Z');

/** The weekdays an expression fires on in the two weeks after FROM, in order, deduplicated. */
function weekdaysOf(dow: string, weekdays: WeekdayNumbering): string[] {
  const times = nextFireTimes(`00 00 12 ? * ${dow}`, FROM, 'UTC', 14, { weekdays }).filter((d) => d.getTime() < FROM.getTime() + 14 * 86_400_000);
  return [...new Set(times.map((d) => DAY[d.getUTCDay()]))].sort((a, b) => DAY.indexOf(a) - DAY.indexOf(b));
}

/** The dates (UTC, yyyy-mm-dd) of the next n fire times at noon. */
function datesOf(dow: string, weekdays: WeekdayNumbering, n: number): string[] {
  return nextFireTimes(`00 00 12 ? * ${dow}`, FROM, 'UTC', n, { weekdays }).map((d) => d.toISOString().slice(0, 10));
}

describe('day-of-week numbering: the days each field fires on', () => {
  const cases: [string, string[] | 'invalid', string[] | 'invalid'][] = [
    // field      DataWorks                                        Quartz
    ['0', ['Sun'], 'invalid'],
    ['7', ['Sun'], ['Sat']],
    ['1', ['Mon'], ['Sun']],
    ['6', ['Sat'], ['Fri']],
    ['1-5', ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], ['Sun', 'Mon', 'Tue', 'Wed', 'Thu']],
    ['2-6', ['Tue', 'Wed', 'Thu', 'Fri', 'Sat'], ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']],
    ['0-7', ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], 'invalid'],
    ['5-7', ['Sun', 'Fri', 'Sat'], ['Thu', 'Fri', 'Sat']],
    ['*/2', ['Sun', 'Tue', 'Thu', 'Sat'], ['Sun', 'Tue', 'Thu', 'Sat']],
    ['1/2', ['Sun', 'Mon', 'Wed', 'Fri'], ['Sun', 'Tue', 'Thu', 'Sat']],
    ['2/3', ['Tue', 'Fri'], ['Mon', 'Thu']],
    ['*/7', ['Sun'], ['Sun']],
    ['*', ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'], ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']],
    ['SUN', ['Sun'], ['Sun']],
    ['MON-FRI', ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], ['Mon', 'Tue', 'Wed', 'Thu', 'Fri']],
    ['MON,3,FRI', ['Mon', 'Wed', 'Fri'], ['Mon', 'Tue', 'Fri']],
    ['sat,0', ['Sun', 'Sat'], 'invalid'],
    ['SUN,7', ['Sun'], ['Sun', 'Sat']],
    ['FRI-MON', 'invalid', ['Sun', 'Mon', 'Fri', 'Sat']],
    ['6-2', 'invalid', ['Sun', 'Mon', 'Fri', 'Sat']],
    ['8', 'invalid', 'invalid'],
  ];
  for (const [dow, dataworks, quartz] of cases) {
    it(`${dow}: DataWorks ${String(dataworks)}; Quartz ${String(quartz)}`, () => {
      for (const [weekdays, want] of [['dataworks', dataworks], ['quartz', quartz]] as const) {
        const valid = checkCron(`00 00 12 ? * ${dow}`, 'en', { weekdays }).valid;
        if (want === 'invalid') assert.equal(valid, false, `${dow} should be invalid in the ${weekdays} numbering`);
        else assert.deepEqual(weekdaysOf(dow, weekdays), want, `${dow} in the ${weekdays} numbering`);
      }
    });
  }

  it('nL: 5L = last Friday, 7L = last Sunday (DataWorks); 5L = last Thursday, 7L = last Saturday (Quartz)', () => {
    assert.deepEqual(datesOf('5L', 'dataworks', 3), ['2026-12-25', '2027-01-29', '2027-02-26']);
    assert.deepEqual(datesOf('7L', 'dataworks', 3), ['2026-11-29', '2026-12-27', '2027-01-31']);
    assert.deepEqual(datesOf('0L', 'dataworks', 3), ['2026-11-29', '2026-12-27', '2027-01-31']);
    assert.deepEqual(datesOf('5L', 'quartz', 3), ['2026-12-31', '2027-01-28', '2027-02-25']);
    assert.deepEqual(datesOf('7L', 'quartz', 3), ['2026-12-26', '2027-01-30', '2027-02-27']);
    assert.deepEqual(datesOf('FRIL', 'dataworks', 1), datesOf('FRIL', 'quartz', 1));
  });

  it('n#k: 1#1 = first Monday, 0#5 = fifth Sunday (DataWorks); 1#1 = first Sunday (Quartz)', () => {
    assert.deepEqual(datesOf('1#1', 'dataworks', 3), ['2026-12-07', '2027-01-04', '2027-02-01']);
    assert.deepEqual(datesOf('0#5', 'dataworks', 3), ['2026-11-29', '2027-01-31', '2027-05-30']);
    assert.deepEqual(datesOf('7#5', 'dataworks', 3), datesOf('0#5', 'dataworks', 3));
    assert.deepEqual(datesOf('1#1', 'quartz', 3), ['2026-12-06', '2027-01-03', '2027-02-07']);
    assert.equal(checkCron('00 00 12 ? * 0#5', 'en', { weekdays: 'quartz' }).valid, false);
    assert.deepEqual(datesOf('MON#2', 'dataworks', 2), datesOf('MON#2', 'quartz', 2));
  });

  it('the default numbering is DataWorks\'', () => {
    assert.deepEqual(nextFireTimes('00 00 12 ? * 1', FROM, 'UTC', 1), nextFireTimes('00 00 12 ? * MON', FROM, 'UTC', 1));
    assert.equal(describeCron('00 00 08 ? * 2-6', 'en'), 'At 08:00, Tuesday through Saturday');
  });
});

describe('day-of-week numbering: notes, fixes and canonical form', () => {
  it('a numeric field gets a note saying how it was read, with a names rewrite that keeps the days', () => {
    const expr = '00 00 08 ? * 2-6';
    const [note] = checkCron(expr).notes;
    assert.equal(note.code, 'weekdays.numbers');
    assert.equal(note.field, 'day-of-week');
    assert.deepEqual([note.start, note.end], [13, 16]);
    assert.equal(note.message, 'day-of-week: "2-6" means TUE-SAT in the DataWorks numbering (0 or 7 = Sunday, 1 = Monday ... 6 = Saturday); day names mean the same in every numbering');
    assert.deepEqual(note.fix, { title: 'Write the days by name: TUE-SAT', replacement: '00 00 08 ? * TUE-SAT' });
    assert.equal(checkCron(expr, 'en', { weekdays: 'quartz' }).notes[0].fix.replacement, '00 00 08 ? * MON-FRI');
  });

  it('names rewrites mean the same days in both numberings', () => {
    const rewrites: [string, WeekdayNumbering, string][] = [
      ['*/2', 'dataworks', 'SUN,TUE,THU,SAT'], ['1/2', 'dataworks', 'MON,WED,FRI,SUN'], ['5-7', 'dataworks', 'FRI,SAT,SUN'],
      ['0-7', 'dataworks', 'SUN-SAT'], ['5L', 'dataworks', 'FRIL'], ['0#5', 'dataworks', 'SUN#5'], ['MON,3', 'dataworks', 'MON,WED'],
      ['0,7', 'dataworks', 'SUN'], ['6-2', 'quartz', 'FRI,SAT,SUN,MON'], ['2-6', 'quartz', 'MON-FRI'], ['1#2', 'quartz', 'SUN#2'],
    ];
    for (const [dow, weekdays, names] of rewrites) {
      const expr = `00 00 12 ? * ${dow}`;
      const note = checkCron(expr, 'en', { weekdays }).notes[0];
      assert.equal(note?.fix.replacement, `00 00 12 ? * ${names}`, `${dow} (${weekdays})`);
      for (const other of ['dataworks', 'quartz'] as const) {
        assert.deepEqual(nextFireTimes(note.fix.replacement, FROM, 'UTC', 10, { weekdays: other }), nextFireTimes(expr, FROM, 'UTC', 10, { weekdays }), `${names} read as ${other}`);
      }
    }
  });

  it('names, ? and * get no note', () => {
    for (const e of ['00 00 08 ? * MON-FRI', '00 00 08 ? * MON#2', '00 00 08 * * ?', '00 00 08 ? * *']) assert.deepEqual(checkCron(e).notes, [], e);
  });

  it('inverted ranges are an error in the DataWorks numbering, with a fix listing the days', () => {
    const names = checkCron('00 00 08 ? * FRI-MON');
    assert.equal(names.valid, false);
    assert.equal(names.problems[0].code, 'range.inverted');
    assert.deepEqual([names.problems[0].start, names.problems[0].end], [13, 20]);
    assert.ok(names.fixes.some((f) => f.title === 'List the days: FRI,SAT,SUN,MON' && f.replacement === '00 00 08 ? * FRI,SAT,SUN,MON'), JSON.stringify(names.fixes));
    const numbers = checkCron('00 00 08 ? * 6-2');
    assert.equal(numbers.problems[0].code, 'range.inverted');
    assert.ok(numbers.fixes.some((f) => f.replacement === '00 00 08 ? * 6,0,1,2'), JSON.stringify(numbers.fixes));
    assert.deepEqual(weekdaysOf('6,0,1,2', 'dataworks'), ['Sun', 'Mon', 'Tue', 'Sat']);
    assert.equal(checkCron('00 00 08 ? * FRI-MON', 'en', { weekdays: 'quartz' }).valid, true); // Quartz wraps it
  });

  it('the canonical form keeps numbers as numbers and names as names', () => {
    assert.equal(checkCron('0 0 8 ? * 2-6').canonical, '00 00 08 ? * 2-6');
    assert.equal(checkCron('0 0 8 ? * tue-sat').canonical, '00 00 08 ? * TUE-SAT');
    assert.equal(checkCron('0 0 8 ? * mon,3').canonical, '00 00 08 ? * MON,3');
    assert.deepEqual(checkCron('0 0 8 ? * 2-6').fixes.map((f) => f.replacement), ['00 00 08 ? * 2-6']);
  });

  it('a step after a name: the same range in numbers in the numbering in force (a warning in Spring\'s reading, an error in Quartz\'s)', () => {
    assert.match(checkCron('00 00 08 ? * MON-FRI/2').warnings[0].message, /"1-5\/2"/);
    assert.match(checkCron('00 00 08 ? * MON-FRI/2', 'en', { weekdays: 'quartz' }).problems[0].message, /"2-6\/2"/);
  });
});
