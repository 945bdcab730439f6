// Fire-time enumeration, for the schedule picture: every fire time of 10,000 tasks over 7 days (the
// project mix of bench/realistic-crons.ts: daily, hourly, every 5/10/15/30 minutes, weekly, monthly),
// ours (compileCron + fireTimesBetween, bench/enumerate-process.ts) against Quartz 2.3.2 enumerating
// the same with getNextValidTimeAfter (QuartzEnumerate in test/fixtures/quartz/QuartzNext.java).
// Both are whole processes (start-up included), alternating, in the same run; each prints a count and
// a sum of the fire times per task, and every task's pair must agree.
// Run: npm run bench -- cron (or node --import tsx bench/cron-enumerate.bench.ts [--tasks N] [--days N] [--runs N] [--tz Z]).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { arg, median, quartzArgs, timeProcess, type ProcessRun } from './cron-process';
import { realisticCrons } from './realistic-crons';

const TASKS = arg('tasks', 10_000);
const DAYS = arg('days', 7);
const RUNS = arg('runs', 3);
const tzAt = process.argv.indexOf('--tz');
const ZONES_RUN = tzAt > 0 ? [process.argv[tzAt + 1]] : ['Asia/Shanghai', 'America/New_York'];
// A Monday; in New York the window holds the fall-back transition of 2026-11-01.
const FROM = Date.parse('2026-10-26T00:00:00Z');

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-enum-bench-'));
  const ours = join(dir, 'enumerate.js');
  await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'error', entryPoints: ['bench/enumerate-process.ts'], outfile: ours });
  const exprs = realisticCrons(TASKS, 12);
  const to = FROM + DAYS * 86_400_000;
  for (const zone of ZONES_RUN) {
    const input = exprs.map((e) => `${e}\t${zone}\t${FROM}\t${to}\n`).join('');
    const a: ProcessRun[] = [];
    const b: ProcessRun[] = [];
    let fires = 0;
    for (let i = 0; i < RUNS; i++) {
      const o = await timeProcess(process.execPath, [ours], input);
      const q = await timeProcess('java', quartzArgs('QuartzEnumerate'), input);
      if (i === 0) {
        const x = o.out.split('\n');
        const y = q.out.split('\n');
        if (x.length !== TASKS + 1 || y.length !== TASKS + 1) throw new Error(`answers: ours ${x.length - 1}, Quartz ${y.length - 1}, tasks ${TASKS}`);
        x.forEach((l, k) => { if (l !== y[k]) throw new Error(`task ${k + 1} "${exprs[k]}": ours ${l}, Quartz ${y[k]}`); });
        fires = x.reduce((s, l) => s + (Number(l.split('\t')[1]) || 0), 0);
      }
      a.push(o);
      b.push(q);
    }
    const [o, oc] = [median(a.map((r) => r.ms)), median(a.map((r) => r.cpuMs))];
    const [q, qc] = [median(b.map((r) => r.ms)), median(b.map((r) => r.cpuMs))];
    process.stdout.write(`\nenumerate ${TASKS} tasks x ${DAYS} days in ${zone} (${fires.toLocaleString('en-US')} fire times, identical counts and sums per task), whole processes, median of ${RUNS}:\n`);
    process.stdout.write(`  ours (compileCron + fireTimesBetween):          ${o.toFixed(0)} ms wall, ${oc.toFixed(0)} ms CPU\n`);
    process.stdout.write(`  Quartz 2.3.2 JVM (getNextValidTimeAfter chain): ${q.toFixed(0)} ms wall, ${qc.toFixed(0)} ms CPU\n`);
    process.stdout.write(`  enumeration ratio ours / Quartz: wall ${(o / q).toFixed(2)}, CPU ${(oc / qc).toFixed(2)}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
