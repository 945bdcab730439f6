// Differential test. Quartz numbering: for every expression checkCron accepts, nextFireTimes must
// equal Quartz 2.3.2's getNextValidTimeAfter chain in the same zone. DataWorks numbering (Spring's
// format, which DataWorks documents): every expression without L or # is put to Spring 4.3's own
// CronSequenceGenerator, and every verdict and fire time must agree with it, save DataWorks' rules
// (seconds 0, five minutes apart, one day field); expressions with nL / n#k (DataWorks' additions,
// which Spring lacks) go to Quartz with the day written by name. Generated expressions (seeded),
// mutants with odd tokens, and hand-picked edges.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkCron, nextFireTimes, type CronMessageKey, type WeekdayNumbering } from '@src/core/cron';
import { CronGenerator, ZONES, dstTransitions } from '../../../unit/core/cron/generate';
import { runQuartz, type QuartzAnswer, type QuartzQuery } from './quartz';
import { runSpring, type SpringAnswer } from './spring';

const utc = (s: string): number => Date.parse(s);

/** Hand-picked (Quartz numbering): DST gaps/overlaps, half-hour DST, midnight DST, leap days, L in February. */
const EDGES: QuartzQuery[] = [
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

/** Hand-picked in the DataWorks numbering, for Spring: weekday forms, the issue's cases, DST days. */
const SPRING_EDGES: QuartzQuery[] = [
  ...['0', '7', '1-5', '2-6', '*/2', '1/2', 'SUN', 'MON-FRI', 'MON,3,FRI', 'sat,0', '0-7', '5-7', '*/7', '2-6/2', '?', '*/8', 'MON-FRI/2']
    .map((dow): QuartzQuery => ({ expr: dow === '?' ? '00 00 12 1 * ?' : `00 00 12 ? * ${dow}`, zone: 'Asia/Shanghai', from: utc('2026-11-28T00:00:00Z'), n: 10 })),
  { expr: '0 0 22 ? * ?', zone: 'Asia/Shanghai', from: utc('2026-11-28T00:00:00Z'), n: 5 },
  { expr: '0 0/70 * * * ?', zone: 'UTC', from: utc('2026-11-28T00:00:00Z'), n: 5 },
  { expr: '0 0 0/30 * * ?', zone: 'UTC', from: utc('2026-11-28T00:00:00Z'), n: 5 },
  { expr: '00 00 00 */2 * ?', zone: 'Europe/Berlin', from: utc('2026-01-25T00:00:00Z'), n: 8 },
  { expr: '00 00 00 1 JAN-JUN/2 ?', zone: 'UTC', from: utc('2026-01-25T00:00:00Z'), n: 4 },
  { expr: '00 00 00 29 2 ?', zone: 'Asia/Shanghai', from: utc('2026-01-01T00:00:00Z'), n: 3 },
  { expr: '00 30 02 * * ?', zone: 'America/New_York', from: utc('2026-03-07T12:00:00Z'), n: 3 },
  { expr: '00 30 01 * * ?', zone: 'America/New_York', from: utc('2026-10-31T12:00:00Z'), n: 3 },
  { expr: '00 00,30 01-02 * * ?', zone: 'Europe/Berlin', from: utc('2026-10-24T12:00:00Z'), n: 8 },
  { expr: '00 15 02 * * ?', zone: 'Australia/Lord_Howe', from: utc('2026-10-02T00:00:00Z'), n: 3 },
  { expr: '00 00 00 * * ?', zone: 'America/Sao_Paulo', from: utc('2018-11-02T12:00:00Z'), n: 3 },
  { expr: '00 00 03 ? * 1/2', zone: 'America/St_Johns', from: utc('2026-03-01T00:00:00Z'), n: 10 },
];

/**
 * The one place Spring and Quartz part on fire times: Lord Howe's half-hour spring-forward gap
 * (02:00 -> 02:30). Quartz, and we, fire at the 02:30 that follows; Spring's search steps over that
 * instant to 03:00, though 02:30 exists. No DataWorks region keeps half-hour DST; the test pins it.
 */
const HALF_HOUR_GAP: QuartzQuery = { expr: '00 */30 * * * ?', zone: 'Australia/Lord_Howe', from: utc('2026-10-03T14:00:00Z'), n: 4 };

/** nL / n#k in the DataWorks numbering (Spring has neither): Quartz, with the day named. */
const NAMED_EDGES: QuartzQuery[] = [
  ...['5L', '7L', '0L', '1#1', '0#5', '7#5'].map((dow): QuartzQuery => ({ expr: `00 00 12 ? * ${dow}`, zone: 'Asia/Shanghai', from: utc('2026-11-28T00:00:00Z'), n: 10 })),
  { expr: '00 30 02 ? 3 0#2', zone: 'America/New_York', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00,30 02 ? 10 7L', zone: 'Europe/Berlin', from: utc('2026-01-01T00:00:00Z'), n: 6 },
  { expr: '00 15 02 ? 10 0#1', zone: 'Australia/Lord_Howe', from: utc('2026-01-01T00:00:00Z'), n: 4 },
  { expr: '00 00 12 ? 2 0#5', zone: 'UTC', from: utc('2000-01-01T00:00:00Z'), n: 3 },
];

/** Quartz rejects these; checkCron in the Quartz numbering must too. */
const QUARTZ_REJECTS = [
  '0 0 0 * * *', '0 0 0 ? * ?', '0 0 0 ? * 8', '0 0 0 0 * ?', '0 0 0 32 * ?', '0 0 24 * * ?', '0 60 0 * * ?',
  '0 0 0 * 13 ?', '0 0 0 * 0 ?', '0 0 0 ? * 0', '0 0 0 ? * 2#6', '0 0 0 * FOO ?', '0 0 0 ? * MON-5', '0 0 0 ? * 1#1,2#2',
  '0 0', '0 60/5 0 * * ?', '0 0 */24 * * ?', '0 0 0 ? * */8', '0 0 0 L-31 * ?', '0 0 0 */32 * ?',
];

/** Spring rejects these (inverted ranges in any field, values past the field); checkCron in the DataWorks numbering must too. */
const SPRING_REJECTS = [
  '00 00 22-2 * * ?', '0 18 22-1 * 7 ?', '0 50-10/10 * * * ?', '0 0 0 25-5 * ?', '0 0 0 1 NOV-FEB ?', '0 0 0 1 11-2 ?',
  ...['8', '0-8', 'FRI-MON', 'SAT-SUN', '5-1', '7-0', '6-2/2', '1-9'].map((dow) => `0 0 0 ? * ${dow}`),
];

/** Never fire: Quartz finds no time, Spring gives up; checkCron rejects them, saying why, in both numberings. */
const NEVER = ['00 00 02 30 2 ?', '00 00 00 31 4 ?', '00 00 00 31 2,4,6,9,11 ?', '00 00 00 30,31 FEB ?'];

/** DataWorks' own rules, which Spring does not have: an expression rejected for these alone may be fine for Spring. */
const DATAWORKS_RULES = new Set<CronMessageKey>(['second.notZero', 'gap', 'gap.nextDay', 'days.dowMustBeNone', 'days.domMustBeNone', 'days.bothSet']);

const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** DataWorks' additions that Spring lacks: L in day-of-month, nL and n#k in day-of-week. */
const hasLastOrNth = (expr: string): boolean => {
  const f = expr.trim().split(/\s+/);
  return /L/i.test(f[3] ?? '') || /L|#/i.test(f[5] ?? '');
};

/** For Quartz: a DataWorks-numbering `nL` / `n#k` with its day named (0 and 7 = Sunday); other fields as written. */
function namedForQuartz(expr: string): string {
  const f = expr.trim().split(/\s+/);
  f[5] = f[5].replace(/^(\d)(?=L$|#)/, (d) => DAY_NAMES[Number(d) % 7]);
  return f.join(' ');
}

const fmt = (ts: number[]): string => ts.map((t) => new Date(t).toISOString()).join(', ');

/** One comparison with Quartz: our expression in a numbering, and what Quartz is asked. */
interface Query { ours: string; weekdays: WeekdayNumbering; quartz: QuartzQuery }

function ours(expr: string, weekdays: WeekdayNumbering, q: Omit<QuartzQuery, 'expr'>): number[] | string {
  try {
    return nextFireTimes(expr, new Date(q.from), q.zone, q.n, { weekdays }).map((d) => d.getTime());
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

const sameTimes = (a: number[] | string, b: number[]): boolean => Array.isArray(a) && a.length === b.length && a.every((t, i) => t === b[i]);

function quartzDisagreement(q: Query, b: QuartzAnswer): string | undefined {
  const mine = ours(q.ours, q.weekdays, q.quartz);
  if (b.kind === 'ok' && sameTimes(mine, b.times)) return undefined;
  const { quartz: at } = q;
  return `expr "${q.ours}" (${q.weekdays} numbering; Quartz asked "${at.expr}") zone ${at.zone} from ${new Date(at.from).toISOString()} (${at.from}) n ${at.n}\n` +
    `  ours:   ${Array.isArray(mine) ? fmt(mine) : mine}\n  quartz: ${b.kind === 'ok' ? fmt(b.times) : `${b.kind}: ${b.message}`}`;
}

/**
 * Our verdict and fire times against Spring's, DataWorks numbering: valid for us = Spring's next() answers with the
 * same times (or the same times before it gives up on a search longer than four years); invalid for us = Spring
 * rejects it or finds no time, unless DataWorks' own rules alone reject it.
 */
function springDisagreement(q: QuartzQuery, a: SpringAnswer): string | undefined {
  const check = checkCron(q.expr);
  const where = `expr "${q.expr}" zone ${q.zone} from ${new Date(q.from).toISOString()} (${q.from}) n ${q.n}`;
  const spring = a.kind === 'ok' ? fmt(a.times) : a.kind === 'none' ? `none after [${fmt(a.times)}]: ${a.message}` : `${a.kind}: ${a.message}`;
  if (check.valid) {
    const mine = ours(q.expr, 'dataworks', q);
    const want = a.kind === 'ok' || (a.kind === 'none' && a.times.length > 0) ? a.times : undefined;
    const got = Array.isArray(mine) && want ? mine.slice(0, want.length) : mine;
    if (want && sameTimes(got, want)) return undefined;
    return `${where}\n  ours:   ${Array.isArray(mine) ? fmt(mine) : mine}\n  spring: ${spring}`;
  }
  if (check.problems.every((p) => DATAWORKS_RULES.has(p.code))) return undefined;
  if (a.kind === 'invalid' || (a.kind === 'none' && a.times.length === 0)) return undefined;
  return `${where}\n  ours:   rejected: ${check.problems.map((p) => p.message).join('; ')}\n  spring: ${spring}`;
}

describe('cron: differential against Quartz 2.3.2 and Spring 4.3', () => {
  const gen = new CronGenerator(20261128);
  const transitions = new Map(ZONES.map((z) => [z, dstTransitions(z, 2000, 2040)]));
  /** Quartz numbering, accepted by checkCron: compared with Quartz. */
  const quartzGenerated: Query[] = [];
  const quartzMutants: Query[] = [];
  /** DataWorks numbering without L / #: every one, accepted or not, put to Spring. */
  const springCases: QuartzQuery[] = [...SPRING_EDGES];
  /** DataWorks numbering with L / #, accepted by checkCron: Quartz, the day named. */
  const namedCases: Query[] = NAMED_EDGES.map((q) => ({ ours: q.expr, weekdays: 'dataworks', quartz: { ...q, expr: namedForQuartz(q.expr) } }));
  /** Accepted with L / # and a Spring-only reading elsewhere: neither reference reads all of it. */
  let unreferenced = 0;
  const odd: Record<WeekdayNumbering, string[]> = {
    quartz: ['8', '0', 'L', 'W', '5W', '*/0', '*/60', '1-', '-1', 'MON-FRI/2', 'JAN/2', '?', 'L-2', '#', '1#', '1#6', 'a', '1,,2', '2L,3',
      '7L', 'sat', '1-7/3', '12-1', '59', '23', '31', '5/1', '3-3', 'LW', '*/5', 'L,1', '?,1', '01', '007', '1-1/2', 'SUN#5', 'fril', '6L'],
    dataworks: ['8', '0', '7', 'L', '*/0', '*/8', '0-7', '7-0', 'FRI-MON', 'SAT-SUN', '6-2', '0L', '7L', '0#5', '7#1', '1-7/2', 'sun,7', '?',
      '1#6', '5-1', '00', '007', '0/3', '7/2', 'SUN#5', 'fril', 'MON-FRI/2', '3-3', '1-1/2', '6-7', 'sat-sat', '*/7', '0,7', '12-1', '59', '31',
      '*/70', '0/45', 'JAN-MAR/2', '22-2', '30-2', '*/3', '5/40'],
  };
  const addDataworks = (expr: string, at: Omit<QuartzQuery, 'expr'>): void => {
    if (!hasLastOrNth(expr)) springCases.push({ ...at, expr });
    else if (checkCron(expr).valid) {
      if (checkCron(expr).warnings.length === 0) namedCases.push({ ours: expr, weekdays: 'dataworks', quartz: { ...at, expr: namedForQuartz(expr) } });
      else unreferenced++;
    }
  };
  for (let i = 0; i < 4000; i++) {
    const zone = gen.pick(ZONES);
    const at = { zone, from: gen.from(zone, transitions.get(zone)!), n: gen.int(3, 8) };
    const q = gen.expression('quartz');
    if (checkCron(q, 'en', { weekdays: 'quartz' }).valid) quartzGenerated.push({ ours: q, weekdays: 'quartz', quartz: { ...at, expr: q } });
    addDataworks(gen.expression('dataworks'), at);
  }
  // Mutants: one field replaced by an odd token.
  for (let i = 0; i < 1500; i++) {
    const at = { zone: gen.pick(ZONES), from: gen.from('UTC', []), n: 4 };
    const parts = gen.expression('quartz').split(' ');
    parts[gen.int(1, 5)] = gen.pick(odd.quartz);
    const q = parts.join(' ');
    if (checkCron(q, 'en', { weekdays: 'quartz' }).valid) quartzMutants.push({ ours: q, weekdays: 'quartz', quartz: { ...at, expr: q } });
    const dw = gen.expression('dataworks').split(' ');
    dw[gen.int(1, 5)] = gen.pick(odd.dataworks);
    addDataworks(dw.join(' '), at);
  }
  const edges: Query[] = EDGES.map((q) => ({ ours: q.expr, weekdays: 'quartz', quartz: q }));
  const toQuartz = [...edges, ...quartzGenerated, ...quartzMutants, ...namedCases];
  const rejects = (list: string[]): QuartzQuery[] => list.map((expr) => ({ expr, zone: 'UTC', from: utc('2026-01-01T00:00:00Z'), n: 1 }));

  let quartz: QuartzAnswer[] = [];
  let spring: SpringAnswer[] = [];
  before(async () => {
    [quartz, spring] = await Promise.all([
      runQuartz([...toQuartz.map((q) => q.quartz), ...rejects(QUARTZ_REJECTS), ...rejects(NEVER)]),
      runSpring([...springCases, ...rejects(SPRING_REJECTS), ...rejects(NEVER), HALF_HOUR_GAP]),
    ]);
  });

  it('the generator yields enough cases of each kind', () => {
    assert.ok(quartzGenerated.length >= 2000, `${quartzGenerated.length} generated cases (Quartz numbering)`);
    assert.ok(quartzMutants.length >= 300, `${quartzMutants.length} mutants (Quartz numbering)`);
    const accepted = springCases.filter((q) => checkCron(q.expr).valid).length;
    assert.ok(accepted >= 1500, `${accepted} of ${springCases.length} Spring cases accepted`);
    assert.ok(springCases.length - accepted >= 500, `${springCases.length - accepted} Spring cases rejected`);
    assert.ok(namedCases.length >= 300, `${namedCases.length} nL / n#k cases`);
  });

  it('hand-picked edge cases are valid in the dialect', () => {
    for (const q of [...edges, ...namedCases.slice(0, NAMED_EDGES.length)]) {
      assert.equal(checkCron(q.ours, 'en', { weekdays: q.weekdays }).valid, true, `${q.ours} (${q.weekdays}): ${JSON.stringify(checkCron(q.ours, 'en', { weekdays: q.weekdays }).problems)}`);
    }
    for (const q of SPRING_EDGES) assert.equal(checkCron(q.expr).valid, true, `${q.expr}: ${JSON.stringify(checkCron(q.expr).problems)}`);
  });

  it('every accepted expression gives Quartz\'s fire times (Quartz numbering; nL / n#k in the DataWorks numbering)', () => {
    const bad = toQuartz.flatMap((q, i) => quartzDisagreement(q, quartz[i]) ?? []);
    const times = toQuartz.reduce((n, _, i) => n + (quartz[i].kind === 'ok' ? (quartz[i] as { times: number[] }).times.length : 0), 0);
    process.stdout.write(`# cron differential, Quartz: ${toQuartz.length} expressions (${edges.length} hand-picked, ${quartzGenerated.length} generated, ` +
      `${quartzMutants.length} mutants in the Quartz numbering; ${namedCases.length} with nL / n#k in the DataWorks numbering), ${times} fire times, ${bad.length} disagreements\n`);
    assert.equal(bad.length, 0, `${bad.length} disagreements with Quartz:\n${bad.slice(0, 25).join('\n')}`);
  });

  it('every verdict and fire time agrees with Spring\'s CronSequenceGenerator (DataWorks numbering, no L / #), save DataWorks\' rules', () => {
    const bad = springCases.flatMap((q, i) => springDisagreement(q, spring[i]) ?? []);
    const accepted = springCases.filter((q) => checkCron(q.expr).valid);
    const byRules = springCases.filter((q, i) => !checkCron(q.expr).valid && spring[i].kind === 'ok').length;
    const times = spring.slice(0, springCases.length).reduce((n, a) => n + (a.kind === 'ok' ? a.times.length : 0), 0);
    const warned = accepted.filter((q) => checkCron(q.expr).warnings.length > 0).length;
    process.stdout.write(`# cron differential, Spring: ${springCases.length} expressions (${SPRING_EDGES.length} hand-picked), ${accepted.length} accepted ` +
      `(${warned} with a warning), ${springCases.length - accepted.length} rejected (${byRules} by DataWorks' rules alone, Spring accepts them), ` +
      `${times} fire times, ${bad.length} disagreements; ${unreferenced} accepted with L / # and a Spring-only form elsewhere not compared\n`);
    assert.equal(bad.length, 0, `${bad.length} disagreements with Spring:\n${bad.slice(0, 25).join('\n')}`);
  });

  it('rejects what Quartz rejects (Quartz numbering) and what Spring rejects (DataWorks numbering)', () => {
    QUARTZ_REJECTS.forEach((expr, i) => {
      const q = quartz[toQuartz.length + i];
      assert.equal(q.kind, 'invalid', `Quartz accepted "${expr}" (${JSON.stringify(q)}); the list is wrong`);
      assert.equal(checkCron(expr, 'en', { weekdays: 'quartz' }).valid, false, `checkCron accepted "${expr}", which Quartz rejects`);
    });
    SPRING_REJECTS.forEach((expr, i) => {
      const s = spring[springCases.length + i];
      assert.equal(s.kind, 'invalid', `Spring accepted "${expr}" (${JSON.stringify(s)}); the list is wrong`);
      const check = checkCron(expr);
      assert.equal(check.valid, false, `checkCron accepted "${expr}", which Spring rejects`);
      if (/\d-\d|[A-Z]-[A-Z]/.test(expr) && check.problems[0].code === 'range.inverted') assert.ok(check.fixes.some((f) => /^List the/.test(f.title)), expr);
    });
  });

  it('a schedule that never fires: Quartz finds no time, Spring gives up, we reject it saying why', () => {
    NEVER.forEach((expr, i) => {
      assert.deepEqual(quartz[toQuartz.length + QUARTZ_REJECTS.length + i], { kind: 'ok', times: [] }, expr);
      const s = spring[springCases.length + SPRING_REJECTS.length + i];
      assert.equal(s.kind === 'none' && s.times.length === 0, true, `${expr}: ${JSON.stringify(s)}`);
      for (const weekdays of ['dataworks', 'quartz'] as const) {
        const check = checkCron(expr, 'en', { weekdays });
        assert.deepEqual(check.problems.map((p) => p.code), ['never.day'], expr);
        assert.match(check.problems[0].message, /never fires: there is no day 3[01]/);
      }
    });
  });

  it('known difference: at a half-hour DST gap Spring skips the 02:30 that follows; we keep Quartz\'s', () => {
    const s = spring[springCases.length + SPRING_REJECTS.length + NEVER.length];
    const quartzTimes = ['2026-10-03T14:30:00.000Z', '2026-10-03T15:00:00.000Z', '2026-10-03T15:30:00.000Z', '2026-10-03T16:00:00.000Z'];
    assert.deepEqual(ours(HALF_HOUR_GAP.expr, 'dataworks', HALF_HOUR_GAP), quartzTimes.map(Date.parse));
    assert.equal(s.kind, 'ok');
    assert.deepEqual((s as { times: number[] }).times.map((t) => new Date(t).toISOString()), [...quartzTimes.filter((t) => t !== '2026-10-03T15:30:00.000Z'), '2026-10-03T16:30:00.000Z']);
  });
});
