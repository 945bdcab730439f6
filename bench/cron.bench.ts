// Cron as whole processes: `dwtasks cron -` (check, describe, next 5, one JSON line each) on 30,000
// valid expressions, against a Quartz 2.3.2 JVM process doing parse + next 5 on the same expressions
// in the same zone from the same instant (test/fixtures/quartz/QuartzNext.java), in the same run,
// alternating. Goal: ours / Quartz <= 0.5. The first run of each pair also checks that our fire times
// equal Quartz's on every line. Two sets of 30,000:
//  - a project's mix (bench/realistic-crons.ts): schedules repeat across tasks, as in DataWorks;
//  - the differential test's generator (seed 777): every field form, almost no repeats (29,981
//    distinct), so nothing is answered twice and describe (cronstrue) is paid per line.
// Also prints the in-process figures per stage (analyze, check, next 5, describe): where the time goes.
// Run: npm run bench -- cron (or node --import tsx bench/cron.bench.ts [--count N] [--runs N] [--tz Z]).
import { checkCron } from '@src/core/cron/index';
import { analyze, checkAnalysis } from '@src/core/cron/check';
import { describeFields } from '@src/core/cron/describe';
import { nextFireMs } from '@src/core/cron/next';
import { compile } from '@src/core/cron/schedule';

// Both sets write weekday numbers as Quartz reads them and Quartz is the reference: ours reads them so too.
const Q = { weekdays: 'quartz' } as const;
import { CronGenerator } from '../test/unit/core/cron/generate';
import { arg, buildCli, median, quartzArgs, timeProcess, type ProcessRun } from './cron-process';
import { realisticCrons } from './realistic-crons';

const COUNT = arg('count', 30_000);
const RUNS = arg('runs', 3);
const tzAt = process.argv.indexOf('--tz');
const ZONE = tzAt > 0 ? process.argv[tzAt + 1] : 'Asia/Shanghai';
const FROM_S = 1764288000; // 2025-11-28T00:00:00Z
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

function generatorSet(): string[] {
  const gen = new CronGenerator(777);
  const out: string[] = [];
  while (out.length < COUNT) {
    const expr = gen.expression();
    if (checkCron(expr, 'en', Q).valid) out.push(expr);
  }
  return out;
}

/** Our next times per line from the CLI's JSON lines; Quartz's from its OK lines (ms -> s). */
function compare(set: string[], ours: string, quartz: string): void {
  const a = ours.split('\n');
  const b = quartz.split('\n');
  if (a.length - 1 !== set.length || b.length - 1 !== set.length) throw new Error(`line counts: ours ${a.length - 1}, Quartz ${b.length - 1}, set ${set.length}`);
  for (let i = 0; i < set.length; i++) {
    const mine = (JSON.parse(a[i]) as { next: number[] }).next.join(',');
    const [kind, ...times] = b[i].split('\t');
    const theirs = times.map((t) => Math.floor(Number(t) / 1000)).join(',');
    if (kind !== 'OK' || mine !== theirs) throw new Error(`line ${i + 1} "${set[i]}": ours [${mine}], Quartz ${kind} [${theirs}]`);
  }
}

async function main(): Promise<void> {
  const cli = await buildCli();
  const sets = [
    { name: 'project mix (seed 11)', exprs: realisticCrons(COUNT, 11) },
    { name: 'generator, every field form (seed 777)', exprs: generatorSet() },
  ];
  process.stdout.write(`next 5 after ${new Date(FROM_S * 1000).toISOString()} in ${ZONE}; wall times are medians of ${RUNS} alternating runs\n`);
  for (const { name, exprs } of sets) {
    const bad = exprs.find((e) => !checkCron(e, 'en', Q).valid);
    if (bad) throw new Error(`invalid expression in the ${name} set: ${bad}`);
    const input = `${exprs.join('\n')}\n`;
    const quartzInput = exprs.map((e) => `${e}\t${ZONE}\t${FROM_S * 1000}\t5\n`).join('');
    const ours: ProcessRun[] = [];
    const quartz: ProcessRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      const o = await timeProcess(process.execPath, [cli, 'cron', '--weekdays', 'quartz', '--from', String(FROM_S), '--tz', ZONE, '-'], input);
      const q = await timeProcess('java', quartzArgs(), quartzInput);
      if (i === 0) compare(exprs, o.out, q.out);
      ours.push(o);
      quartz.push(q);
    }
    const [o, oc] = [median(ours.map((r) => r.ms)), median(ours.map((r) => r.cpuMs))];
    const [q, qc] = [median(quartz.map((r) => r.ms)), median(quartz.map((r) => r.cpuMs))];
    process.stdout.write(`\n${exprs.length} expressions, ${name}, ${new Set(exprs).size} distinct:\n`);
    process.stdout.write(`  dwtasks cron - (check, describe, next 5): ${o.toFixed(0)} ms wall (${rate(exprs.length, o)}), ${oc.toFixed(0)} ms CPU\n`);
    process.stdout.write(`  Quartz 2.3.2 JVM (parse + next 5):         ${q.toFixed(0)} ms wall (${rate(exprs.length, q)}), ${qc.toFixed(0)} ms CPU\n`);
    process.stdout.write(`  ratio ours / Quartz: wall ${(o / q).toFixed(2)}, CPU ${(oc / qc).toFixed(2)} (goal <= 0.5); fire times identical on all ${exprs.length}\n`);
  }

  // The engine alone, in this process (warm), stage by stage as `dwtasks cron -` runs them on each line:
  // one analysis, then the check built from it, the compiled schedule's next 5, the description.
  const set = sets[1].exprs;
  const fromMs = FROM_S * 1000;
  const analyses = set.map((e) => analyze(e, 'en', 'quartz'));
  const fields = analyses.map((a) => a.fields!);
  const stages: [string, () => number][] = [
    ['analyze (parse + rules, once per line)', () => set.reduce((n, e) => n + analyze(e, 'en', 'quartz').problems.length, 0)],
    ['check from the analysis', () => set.reduce((n, e, i) => n + checkAnalysis(e, analyses[i], 'en', 'quartz').fixes.length, 0)],
    ['compile + next 5', () => fields.reduce((n, f) => n + nextFireMs(compile(f), fromMs, ZONE, 5).length, 0)],
    ['describe (describeFields)', () => fields.reduce((n, f) => n + describeFields(f, 'en').length, 0)],
  ];
  process.stdout.write(`\nin-process, generator set (${ZONE}, warm, median of ${RUNS}), per expression:\n`);
  let total = 0;
  for (const [label, stage] of stages) {
    const once = (): number => {
      const t0 = performance.now();
      if (stage() < 0) throw new Error('unreachable');
      return performance.now() - t0;
    };
    once();
    const ms = median(Array.from({ length: RUNS }, once));
    total += ms;
    process.stdout.write(`  ${label.padEnd(40)} ${((ms * 1000) / set.length).toFixed(1).padStart(6)} us\n`);
  }
  process.stdout.write(`  ${'all stages'.padEnd(40)} ${((total * 1000) / set.length).toFixed(1).padStart(6)} us (${rate(set.length, total)})\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
