// Differential test: for every expression checkCron accepts, nextFireTimes must equal Quartz 2.3.2's
// getNextValidTimeAfter chain in the same zone. Generated expressions (seeded) plus hand-picked edges.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { checkCron, nextFireTimes } from '../../../../src/core/cron';
import { CronGenerator, ZONES, dstTransitions } from '../../../unit/core/cron/generate';
import { runQuartz, type QuartzAnswer, type QuartzQuery } from './quartz';

const utc = (s: string): number => Date.parse(s);

/** Hand-picked: DST gaps/overlaps, half-hour DST, midnight DST, leap days, L in February, never firing. */
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

/** Quartz rejects these; checkCron must too. */
const QUARTZ_REJECTS = [
  '0 0 0 * * *', '0 0 0 ? * ?', '0 0 0 ? * 8', '0 0 0 0 * ?', '0 0 0 32 * ?', '0 0 24 * * ?', '0 60 0 * * ?',
  '0 0 0 * 13 ?', '0 0 0 * 0 ?', '0 0 0 ? * 0', '0 0 0 ? * 2#6', '0 0 0 * FOO ?', '0 0 0 ? * MON-5', '0 0 0 ? * 1#1,2#2',
  '0 0', '0 60/5 0 * * ?', '0 0 */24 * * ?', '0 0 0 ? * */8', '0 0 0 L-31 * ?', '0 0 0 */32 * ?',
];

interface Case { q: QuartzQuery; ours: number[] | string }

function ours(q: QuartzQuery): number[] | string {
  try {
    return nextFireTimes(q.expr, new Date(q.from), q.zone, q.n).map((d) => d.getTime());
  } catch (e) {
    return `threw: ${(e as Error).message}`;
  }
}

function same(a: Case, b: QuartzAnswer): boolean {
  return b.kind === 'ok' && Array.isArray(a.ours) && a.ours.length === b.times.length && a.ours.every((t, i) => t === b.times[i]);
}

function show(c: Case, b: QuartzAnswer): string {
  const fmt = (ts: number[]): string => ts.map((t) => new Date(t).toISOString()).join(', ');
  return `expr "${c.q.expr}" zone ${c.q.zone} from ${new Date(c.q.from).toISOString()} (${c.q.from}) n ${c.q.n}\n` +
    `  ours:   ${Array.isArray(c.ours) ? fmt(c.ours) : c.ours}\n` +
    `  quartz: ${b.kind === 'ok' ? fmt(b.times) : `${b.kind}: ${b.message}`}`;
}

describe('cron: differential against Quartz 2.3.2', () => {
  const gen = new CronGenerator(20261128);
  const generated: QuartzQuery[] = [];
  let total = 0;
  let mutants: QuartzQuery[] = [];
  const transitions = new Map(ZONES.map((z) => [z, dstTransitions(z, 2000, 2040)]));
  for (let i = 0; i < 4000; i++) {
    total++;
    const expr = gen.expression();
    if (!checkCron(expr).valid) continue;
    const zone = gen.pick(ZONES);
    generated.push({ expr, zone, from: gen.from(zone, transitions.get(zone)!), n: gen.int(3, 8) });
  }
  // Mutants: one field replaced by an odd token. Whatever checkCron accepts must mean the same to Quartz.
  const odd = ['8', '0', 'L', 'W', '5W', '*/0', '*/60', '1-', '-1', 'MON-FRI/2', 'JAN/2', '?', 'L-2', '#', '1#', '1#6', 'a', '1,,2', '2L,3',
    '7L', 'sat', '1-7/3', '12-1', '59', '23', '31', '5/1', '3-3', 'LW', '*/5', 'L,1', '?,1', '01', '007', '1-1/2', 'SUN#5', 'fril', '6L'];
  for (let i = 0; i < 1500; i++) {
    const parts = gen.expression().split(' ');
    parts[gen.int(1, 5)] = gen.pick(odd);
    const expr = parts.join(' ');
    if (!checkCron(expr).valid) continue;
    mutants.push({ expr, zone: gen.pick(ZONES), from: gen.from('UTC', []), n: 4 });
  }
  mutants = mutants.filter((m) => !generated.some((g) => g.expr === m.expr));

  let answers: QuartzAnswer[] = [];
  const all = [...EDGES, ...generated, ...mutants];
  before(async () => {
    answers = await runQuartz([...all, ...QUARTZ_REJECTS.map((expr) => ({ expr, zone: 'UTC', from: 0, n: 1 }))]);
  });

  it('the generator yields mostly valid expressions', () => {
    assert.ok(generated.length >= 0.6 * total, `only ${generated.length} of ${total} generated expressions pass checkCron`);
    assert.ok(generated.length >= 2000, `${generated.length} generated cases`);
  });

  it('hand-picked edge cases are valid in the dialect', () => {
    for (const q of EDGES) assert.equal(checkCron(q.expr).valid, true, `${q.expr}: ${JSON.stringify(checkCron(q.expr).problems)}`);
  });

  it('every accepted expression gives Quartz\'s fire times (zero disagreements)', () => {
    const bad: string[] = [];
    let compared = 0;
    let times = 0;
    all.forEach((q, i) => {
      const c: Case = { q, ours: ours(q) };
      compared++;
      if (answers[i].kind === 'ok') times += (answers[i] as { times: number[] }).times.length;
      if (!same(c, answers[i])) bad.push(show(c, answers[i]));
    });
    process.stdout.write(`# cron differential: ${compared} expressions (${EDGES.length} hand-picked, ${generated.length} generated, ${mutants.length} mutants), ${times} fire times, ${bad.length} disagreements\n`);
    assert.equal(bad.length, 0, `${bad.length} disagreements with Quartz:\n${bad.slice(0, 25).join('\n')}`);
  });

  it('the hand-picked edges include never-firing and bounded searches', () => {
    const never = EDGES.findIndex((q) => q.expr === '00 00 00 30 2 ?');
    assert.deepEqual(answers[never], { kind: 'ok', times: [] });
    assert.deepEqual(ours(EDGES[never]), []);
  });

  it('rejects what Quartz rejects', () => {
    QUARTZ_REJECTS.forEach((expr, i) => {
      const q = answers[all.length + i];
      assert.equal(q.kind, 'invalid', `Quartz accepted "${expr}" (${JSON.stringify(q)}); the list is wrong`);
      assert.equal(checkCron(expr).valid, false, `checkCron accepted "${expr}", which Quartz rejects`);
    });
  });
});
