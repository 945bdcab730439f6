// Differential test: for every expression checkCron accepts, nextFireTimes must equal Quartz 2.3.2's
// getNextValidTimeAfter chain in the same zone, in both day-of-week numberings. In the Quartz
// numbering Quartz reads the expression as it is; in the DataWorks numbering (Spring's) the weekday
// field is first rewritten with day names by an independent Spring reading (./spring.ts).
// Generated expressions (seeded) plus hand-picked edges.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkCron, nextFireTimes, type WeekdayNumbering } from '../../../../src/core/cron';
import { CronGenerator, ZONES, dstTransitions } from '../../../unit/core/cron/generate';
import { runQuartz, type QuartzAnswer, type QuartzQuery } from './quartz';
import { dataworksExpressionForQuartz } from '../../../unit/core/cron/spring';

const utc = (s: string): number => Date.parse(s);

/** Hand-picked (Quartz numbering): DST gaps/overlaps, half-hour DST, midnight DST, leap days, L in February, never firing. */
const EDGES: QuartzQuery[] = [
  { expr: '00 00 00 30 2 ?', zone: 'Asia/Shanghai', from: utc('2026-01-01T00:00:00Z'), n: 3 },
  { expr: '00 00 00 31 2,4,6,9,11 ?', zone: 'UTC', from: utc('2026-01-01T00:00:00Z'), n: 3 },
  { expr: '00 00 00 29 2 ?', zone: 'Asia/Shanghai', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00 00 L 2 ?', zone: 'Europe/Berlin', from: utc('2027-06-01T00:00:00Z'), n: 5 },
  { expr: '00 00 23 L * ?', zone: 'America/New_York', from: utc('2028-01-15T00:00:00Z'), n: 14 },
  { expr: '00 30 02 * * ?', zone: 'America/New_York', from: utc('2026-03-07T12:00:00Z'), n: 3 },
  { expr: '00 30 02 * * ?', zone: 'Europe/Berlin', from: utc('2026-03-28T12:00:00Z'), n: 3 },
  { expr: '00 */30 * * * ?', zone: 'America/New_York', from: utc('2026-03-08T05:00:00Z'), n: 8 },
  { expr: '00 */30 * * * ?', zone: 'America/New_York', from: utc('2026-11-01T04:00:00Z'), n: 8 },
  { expr: '00 30 01 * * ?', zone: 'America/New_York', from: utc('2026-10-31T12:00:00Z'), n: 3 },
  { expr: '00 00,30 01-02 * * ?', zone: 'Europe/Berlin', from: utc('2026-10-24T12:00:00Z'), n: 8 },
  { expr: '00 00 02 ? * 1#2', zone: 'America/New_York', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 */30 * * * ?', zone: 'Australia/Lord_Howe', from: utc('2026-04-04T13:00:00Z'), n: 8 },
  { expr: '00 */30 * * * ?', zone: 'Australia/Lord_Howe', from: utc('2026-10-03T14:00:00Z'), n: 8 },
  { expr: '00 15 02 * * ?', zone: 'Australia/Lord_Howe', from: utc('2026-10-02T00:00:00Z'), n: 3 },
  { expr: '00 45 02 * * ?', zone: 'Pacific/Chatham', from: utc('2026-09-26T00:00:00Z'), n: 3 },
  { expr: '00 00 00 * * ?', zone: 'America/Sao_Paulo', from: utc('2018-11-02T12:00:00Z'), n: 3 },
  { expr: '00 00 00 ? * 1', zone: 'America/Sao_Paulo', from: utc('2018-10-30T12:00:00Z'), n: 2 },
  { expr: '00 00 12 ? * 6#5', zone: 'Asia/Shanghai', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 00 12 ? 2 1#5', zone: 'UTC', from: utc('2000-01-01T00:00:00Z'), n: 3 },
  { expr: '00 00 12 ? * 1L', zone: 'Europe/London', from: utc('2026-01-01T00:00:00Z'), n: 13 },
  { expr: '00 00 00 ? * FRI-MON', zone: 'UTC', from: utc('2026-02-26T00:00:00Z'), n: 8 },
  { expr: '00 00 22-02 * * ?', zone: 'Asia/Kolkata', from: utc('2026-12-31T12:00:00Z'), n: 8 },
  { expr: '00 00 00 25-5 NOV-FEB ?', zone: 'Asia/Kathmandu', from: utc('2026-10-01T00:00:00Z'), n: 20 },
  { expr: '00 00 00 1 1 ?', zone: 'UTC', from: utc('2125-06-01T00:00:00Z'), n: 3 },
  { expr: '00 05 00 31 * ?', zone: 'Pacific/Auckland', from: utc('2026-01-30T00:00:00Z'), n: 7 },
  { expr: '00 00 03 ? * 2/2', zone: 'America/St_Johns', from: utc('2026-03-01T00:00:00Z'), n: 10 },
  // nL / n#k landing on DST-change days: the gap on the second Sunday of March (New York), the
  // repeated hour on the last Sunday of October (Berlin), the half-hour gap (Lord Howe).
  { expr: '00 30 02 ? 3 1#2', zone: 'America/New_York', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00,30 02 ? 10 1L', zone: 'Europe/Berlin', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 15 02 ? 10 1#1', zone: 'Australia/Lord_Howe', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00,30 01 ? 4 1#1', zone: 'Australia/Lord_Howe', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 00 00 ? 11 1#1', zone: 'America/Sao_Paulo', from: utc('2015-01-01T00:00:00Z'), n: 6 },
];

/** Hand-picked in the DataWorks numbering: the issue's cases, and nL / n#k on DST-change days. */
const DATAWORKS_EDGES: QuartzQuery[] = [
  ...['0', '7', '1-5', '2-6', '*/2', '1/2', '5L', '7L', '0L', '1#1', '0#5', '7#5', 'SUN', 'MON-FRI', 'MON,3,FRI', 'sat,0', '0-7', '5-7', '*/7', '2-6/2', '?']
    .map((dow): QuartzQuery => ({ expr: dow === '?' ? '00 00 12 1 * ?' : `00 00 12 ? * ${dow}`, zone: 'Asia/Shanghai', from: utc('2026-11-28T00:00:00Z'), n: 10 })),
  { expr: '00 30 02 ? 3 0#2', zone: 'America/New_York', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00,30 02 ? 10 7L', zone: 'Europe/Berlin', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 15 02 ? 10 0#1', zone: 'Australia/Lord_Howe', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00 00 ? * 0', zone: 'America/Sao_Paulo', from: utc('2018-10-30T12:00:00Z'), n: 2 },
  { expr: '00 00 12 ? 2 0#5', zone: 'UTC', from: utc('2000-01-01T00:00:00Z'), n: 3 },
  { expr: '00 00 03 ? * 1/2', zone: 'America/St_Johns', from: utc('2026-03-01T00:00:00Z'), n: 10 },
];

/** Quartz rejects these; checkCron in the Quartz numbering must too. */
const QUARTZ_REJECTS = [
  '0 0 0 * * *', '0 0 0 ? * ?', '0 0 0 ? * 8', '0 0 0 0 * ?', '0 0 0 32 * ?', '0 0 24 * * ?', '0 60 0 * * ?',
  '0 0 0 * 13 ?', '0 0 0 * 0 ?', '0 0 0 ? * 0', '0 0 0 ? * 2#6', '0 0 0 * FOO ?', '0 0 0 ? * MON-5', '0 0 0 ? * 1#1,2#2',
  '0 0', '0 60/5 0 * * ?', '0 0 */24 * * ?', '0 0 0 ? * */8', '0 0 0 L-31 * ?', '0 0 0 */32 * ?',
];

/** Spring rejects these day-of-week fields (inverted ranges, values above 7); checkCron in the DataWorks numbering must too. */
const SPRING_REJECTS = ['8', '0-8', 'FRI-MON', 'SAT-SUN', '5-1', '7-0', '6-2/2', '8L', '8#1', '1-9'];

/** One comparison: our expression in a numbering, and what Quartz is asked. */
interface Query { ours: string; weekdays: WeekdayNumbering; quartz: QuartzQuery }
interface Case { q: Query; ours: number[] | string }

function ours(q: Query): number[] | string {
  try {
    return nextFireTimes(q.ours, new Date(q.quartz.from), q.quartz.zone, q.quartz.n, { weekdays: q.weekdays }).map((d) => d.getTime());
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

function same(a: Case, b: QuartzAnswer): boolean {
  return b.kind === 'ok' && Array.isArray(a.ours) && a.ours.length === b.times.length && a.ours.every((t, i) => t === b.times[i]);
}

function show(c: Case, b: QuartzAnswer): string {
  const fmt = (ts: number[]): string => ts.map((t) => new Date(t).toISOString()).join(', ');
  const { quartz: q } = c.q;
  return `expr "${c.q.ours}" (${c.q.weekdays} numbering; Quartz asked "${q.expr}") zone ${q.zone} from ${new Date(q.from).toISOString()} (${q.from}) n ${q.n}\n` +
    `  ours:   ${Array.isArray(c.ours) ? fmt(c.ours) : c.ours}\n` +
    `  quartz: ${b.kind === 'ok' ? fmt(b.times) : `${b.kind}: ${b.message}`}`;
}

/** Our expression and Quartz's reading of it in the numbering (undefined: Spring rejects the weekday field). */
function query(expr: string, weekdays: WeekdayNumbering, at: Omit<QuartzQuery, 'expr'>): Query | undefined {
  const quartzExpr = weekdays === 'quartz' ? expr : dataworksExpressionForQuartz(expr);
  return quartzExpr === undefined ? undefined : { ours: expr, weekdays, quartz: { ...at, expr: quartzExpr } };
}

describe('cron: differential against Quartz 2.3.2', () => {
  const gen = new CronGenerator(20261128);
  const transitions = new Map(ZONES.map((z) => [z, dstTransitions(z, 2000, 2040)]));
  const generated: Record<WeekdayNumbering, Query[]> = { quartz: [], dataworks: [] };
  const mutants: Record<WeekdayNumbering, Query[]> = { quartz: [], dataworks: [] };
  /** Accepted by checkCron but rejected by the Spring reading: must stay empty. */
  const springRejected: string[] = [];
  let total = 0;
  const odd: Record<WeekdayNumbering, string[]> = {
    quartz: ['8', '0', 'L', 'W', '5W', '*/0', '*/60', '1-', '-1', 'MON-FRI/2', 'JAN/2', '?', 'L-2', '#', '1#', '1#6', 'a', '1,,2', '2L,3',
      '7L', 'sat', '1-7/3', '12-1', '59', '23', '31', '5/1', '3-3', 'LW', '*/5', 'L,1', '?,1', '01', '007', '1-1/2', 'SUN#5', 'fril', '6L'],
    dataworks: ['8', '0', '7', 'L', '*/0', '*/8', '0-7', '7-0', 'FRI-MON', 'SAT-SUN', '6-2', '0L', '7L', '0#5', '7#1', '1-7/2', 'sun,7', '?',
      '1#6', '5-1', '00', '007', '0/3', '7/2', 'SUN#5', 'fril', 'MON-FRI/2', '3-3', '1-1/2', '6-7', 'sat-sat', '*/7', '0,7', '12-1', '59', '31'],
  };
  for (const weekdays of ['quartz', 'dataworks'] as const) {
    for (let i = 0; i < 4000; i++) {
      total++;
      const expr = gen.expression(weekdays);
      if (!checkCron(expr, 'en', { weekdays }).valid) continue;
      const zone = gen.pick(ZONES);
      const q = query(expr, weekdays, { zone, from: gen.from(zone, transitions.get(zone)!), n: gen.int(3, 8) });
      if (q) generated[weekdays].push(q);
      else springRejected.push(expr);
    }
    // Mutants: one field replaced by an odd token. Whatever checkCron accepts must mean the same to Quartz.
    for (let i = 0; i < 1500; i++) {
      const parts = gen.expression(weekdays).split(' ');
      parts[gen.int(1, 5)] = gen.pick(odd[weekdays]);
      const expr = parts.join(' ');
      if (!checkCron(expr, 'en', { weekdays }).valid || generated[weekdays].some((g) => g.ours === expr)) continue;
      const q = query(expr, weekdays, { zone: gen.pick(ZONES), from: gen.from('UTC', []), n: 4 });
      if (q) mutants[weekdays].push(q);
      else springRejected.push(expr);
    }
  }
  const edges: Query[] = [
    ...EDGES.map((q) => ({ ours: q.expr, weekdays: 'quartz' as const, quartz: q })),
    ...DATAWORKS_EDGES.map((q) => query(q.expr, 'dataworks', q)!),
  ];
  const all = [...edges, ...generated.quartz, ...mutants.quartz, ...generated.dataworks, ...mutants.dataworks];

  let answers: QuartzAnswer[] = [];
  before(async () => {
    answers = await runQuartz([...all.map((q) => q.quartz), ...QUARTZ_REJECTS.map((expr) => ({ expr, zone: 'UTC', from: 0, n: 1 }))]);
  });

  it('the generator yields mostly valid expressions in both numberings', () => {
    for (const weekdays of ['quartz', 'dataworks'] as const) {
      assert.ok(generated[weekdays].length >= 0.6 * (total / 2), `only ${generated[weekdays].length} of ${total / 2} generated expressions pass checkCron (${weekdays})`);
      assert.ok(generated[weekdays].length >= 2000, `${generated[weekdays].length} generated cases (${weekdays})`);
      assert.ok(mutants[weekdays].length >= 300, `${mutants[weekdays].length} mutants (${weekdays})`);
    }
  });

  it('hand-picked edge cases are valid in the dialect', () => {
    for (const q of edges) assert.equal(checkCron(q.ours, 'en', { weekdays: q.weekdays }).valid, true, `${q.ours} (${q.weekdays}): ${JSON.stringify(checkCron(q.ours, 'en', { weekdays: q.weekdays }).problems)}`);
  });

  it('every accepted expression gives Quartz\'s fire times (zero disagreements, both numberings)', () => {
    const bad: string[] = [];
    let times = 0;
    all.forEach((q, i) => {
      const c: Case = { q, ours: ours(q) };
      if (answers[i].kind === 'ok') times += (answers[i] as { times: number[] }).times.length;
      if (!same(c, answers[i])) bad.push(show(c, answers[i]));
    });
    const count = (w: WeekdayNumbering): string => `${generated[w].length} generated, ${mutants[w].length} mutants`;
    process.stdout.write(`# cron differential: ${all.length} expressions (${edges.length} hand-picked; Quartz numbering ${count('quartz')}; ` +
      `DataWorks numbering ${count('dataworks')}), ${times} fire times, ${bad.length} disagreements\n`);
    assert.equal(bad.length, 0, `${bad.length} disagreements with Quartz:\n${bad.slice(0, 25).join('\n')}`);
  });

  it('the DataWorks numbering accepts nothing Spring rejects', () => {
    assert.deepEqual(springRejected, []);
    for (const dow of SPRING_REJECTS) {
      const expr = `0 0 0 ? * ${dow}`;
      assert.equal(dataworksExpressionForQuartz(expr), undefined, `the Spring reading accepts ${dow}; the list is wrong`);
      assert.equal(checkCron(expr).valid, false, `checkCron accepted "${expr}" in the DataWorks numbering, which Spring rejects`);
    }
  });

  it('the hand-picked edges include never-firing and bounded searches', () => {
    const never = EDGES.findIndex((q) => q.expr === '00 00 00 30 2 ?');
    assert.deepEqual(answers[never], { kind: 'ok', times: [] });
    assert.deepEqual(ours(edges[never]), []);
  });

  it('rejects what Quartz rejects (Quartz numbering)', () => {
    QUARTZ_REJECTS.forEach((expr, i) => {
      const q = answers[all.length + i];
      assert.equal(q.kind, 'invalid', `Quartz accepted "${expr}" (${JSON.stringify(q)}); the list is wrong`);
      assert.equal(checkCron(expr, 'en', { weekdays: 'quartz' }).valid, false, `checkCron accepted "${expr}", which Quartz rejects`);
    });
  });
});
