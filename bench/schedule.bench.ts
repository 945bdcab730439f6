// The schedule picture of 10,000 tasks over 7 days (counts per slot, per resource group, peaks,
// heatmap) against Quartz 2.3.2 enumerating the same fire times in the same run.
// Two sets: the emulator's seed mix (daily/hourly/every-few-minutes/weekly/monthly crons, which
// share expressions as real projects do) and 10,000 tasks over 3,000 distinct generated expressions
// (little sharing). Quartz gets one query per task for exactly the fire times the window holds
// (n = our count + 1); its JVM start-up cancels out in (3 sets - 1 set) / 2, as in cron.bench.ts.
// Run: npm run bench -- schedule (or node --import tsx bench/schedule.bench.ts [--runs N]).
import { checkCron } from '@src/core/cron/index';
import { buildHeatmap, computePicture, fromState, makeWindow, type ScheduleTask, type SchedulePicture } from '@src/core/schedule/index';
import { seedState } from '@src/emulator/seed';
import { CronGenerator } from '../test/unit/core/cron/generate';
import { runQuartz, type QuartzQuery } from '../test/process/core/cron/quartz';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const RUNS = arg('runs', 7);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ZONE = 'Asia/Shanghai';
const window = makeWindow({ zone: ZONE, from: Date.parse('2026-11-29T16:00:00Z') / 1000 });

function seedMix(): ScheduleTask[] {
  const s = seedState(10_000, 3);
  return Object.values(s.tasks.Dev).slice(0, 10_000).map((t) => fromState(t, 'Dev'));
}

function distinctMix(): ScheduleTask[] {
  const g = new CronGenerator(4242);
  const exprs: string[] = [];
  while (exprs.length < 3000) { const e = g.expression(); if (checkCron(e).valid) exprs.push(e); }
  return Array.from({ length: 10_000 }, (_, i) => ({ id: String(i + 1), env: 'Prod' as const, cron: exprs[i % exprs.length], resourceGroupId: `rg_${i % 6}` }));
}

function oursOnce(tasks: ScheduleTask[]): { ms: number; picture: SchedulePicture } {
  const t0 = performance.now();
  const picture = computePicture(tasks, window, { weekdays: 'quartz' });
  buildHeatmap(picture);
  return { ms: performance.now() - t0, picture };
}

async function quartzMs(queries: QuartzQuery[]): Promise<number> {
  const t0 = performance.now();
  const answers = await runQuartz(queries, { fullJit: true });
  if (answers.some((a) => a.kind !== 'ok')) throw new Error('Quartz rejected an expression of the set');
  return performance.now() - t0;
}

async function measure(name: string, tasks: ScheduleTask[]): Promise<void> {
  const cold = oursOnce(tasks);
  const runs = Array.from({ length: RUNS }, () => oursOnce(tasks).ms);
  const warm = median(runs);
  const p = cold.picture;
  const queries: QuartzQuery[] = p.tasks.filter((t) => t.status === 'scheduled').map((t) => ({ expr: t.task.cron!, zone: ZONE, from: window.from * 1000 - 1000, n: t.fires + 1 }));
  const q1: number[] = [];
  const q3: number[] = [];
  for (let i = 0; i < 3; i++) { q1.push(await quartzMs(queries)); q3.push(await quartzMs([...queries, ...queries, ...queries])); }
  const quartz = Math.max(1e-3, (median(q3) - median(q1)) / 2);
  const distinct = new Set(p.tasks.map((t) => t.task.cron)).size;
  process.stdout.write(`\n${name}: ${tasks.length} tasks, ${distinct} distinct crons, ${p.totalFires.toLocaleString('en-US')} fires in 7 days\n`);
  process.stdout.write(`  picture (ours, counts + groups + peaks + heatmap): ${warm.toFixed(1)} ms (median of ${RUNS}; first run ${cold.ms.toFixed(1)} ms)\n`);
  process.stdout.write(`  Quartz 2.3.2 enumerating the same fire times:      ${quartz.toFixed(1)} ms (warm JIT, JVM start-up excluded; one whole JVM run ${median(q1).toFixed(0)} ms)\n`);
  process.stdout.write(`  ratio Quartz / ours:                                ${(quartz / warm).toFixed(2)} (above 1 = ours faster)\n`);
}

async function main(): Promise<void> {
  await measure('seed mix', seedMix());
  await measure('3,000 distinct expressions', distinctMix());
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
