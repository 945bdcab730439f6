// Cron throughput: expressions per second for checkCron + 5 next fire times, on a generated set of
// valid expressions across DST zones and start instants (test/unit/core/cron/generate.ts, fixed seed).
// References measured in the same run on the same set:
//   - Quartz 2.3.2 (the JVM harness of the differential test): parse + 5 getNextValidTimeAfter, with
//     JVM start-up cancelled out by timing the set once and three times;
//   - cronstrue alone (describe only), as a yardstick for "cheap per-expression work" in Node.
// Also `dwtasks cron -` over 10,000 stdin lines through the bundled CLI, against a Node process that
// only reads the lines and writes one JSON line each (the I/O floor).
// The set (3,000 unique expressions) is larger than nextFireTimes' 1,000-entry schedule cache, so
// repeated passes measure parsing and checking every time, not cache hits.
// Run: npm run bench -- cron (or node --import tsx bench/cron.bench.ts [--count N] [--runs N]).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import cronstrue from 'cronstrue/i18n';
import { checkCron, nextFireTimes } from '../src/core/cron/index';
import { CronGenerator, ZONES, dstTransitions } from '../test/unit/core/cron/generate';
import { runQuartz, type QuartzQuery } from '../test/process/core/cron/quartz';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const COUNT = arg('count', 3000);
const RUNS = arg('runs', 9);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (n: number, ms: number): string => `${Math.round((n / ms) * 1000).toLocaleString('en-US')}/s`;

function buildSet(): QuartzQuery[] {
  const gen = new CronGenerator(777);
  const transitions = new Map(ZONES.map((z) => [z, dstTransitions(z, 2020, 2035)]));
  const out: QuartzQuery[] = [];
  while (out.length < COUNT) {
    const expr = gen.expression();
    if (!checkCron(expr).valid) continue;
    const zone = gen.pick(ZONES);
    out.push({ expr, zone, from: gen.from(zone, transitions.get(zone)!), n: 5 });
  }
  return out;
}

function oursOnce(set: QuartzQuery[]): number {
  const t0 = performance.now();
  let sink = 0;
  for (const q of set) {
    if (checkCron(q.expr).valid) sink += nextFireTimes(q.expr, new Date(q.from), q.zone, 5).length;
  }
  if (sink < 0) throw new Error('unreachable');
  return performance.now() - t0;
}

function cronstrueOnce(set: QuartzQuery[]): number {
  const t0 = performance.now();
  for (const q of set) cronstrue.toString(q.expr, { dayOfWeekStartIndexZero: false, use24HourTimeFormat: true });
  return performance.now() - t0;
}

async function quartzTime(set: QuartzQuery[]): Promise<number> {
  const t0 = performance.now();
  const answers = await runQuartz(set, { fullJit: true });
  if (answers.some((a) => a.kind !== 'ok')) throw new Error('Quartz rejected an expression of the set');
  return performance.now() - t0;
}

async function medianOf(runs: number, f: () => Promise<number>): Promise<number> {
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) xs.push(await f());
  return median(xs);
}

/** Wall time of a process fed `input` on stdin; resolves with its output line count too. */
function pipeThrough(args: string[], input: string): Promise<{ ms: number; lines: number }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['pipe', 'pipe', 'inherit'] });
    let lines = 0;
    child.stdout.on('data', (b: Buffer) => { for (const c of b) if (c === 10) lines++; });
    child.on('error', reject);
    child.on('close', () => resolve({ ms: performance.now() - t0, lines }));
    child.stdin.end(input);
  });
}

async function main(): Promise<void> {
  const set = buildSet();
  process.stdout.write(`cron set: ${set.length} valid expressions over ${ZONES.length} zones (seed 777)\n`);

  const cold = oursOnce(set); // empty zone-offset caches
  const warm = median(Array.from({ length: RUNS }, () => oursOnce(set)));
  const describeOnly = median(Array.from({ length: RUNS }, () => cronstrueOnce(set)));

  // Quartz: JVM start-up and JIT warm-up cancel out in (3 sets - 1 set) / 2.
  const q1 = await medianOf(3, () => quartzTime(set));
  const triple = [...set, ...set, ...set];
  const q3 = await medianOf(3, () => quartzTime(triple));
  const quartzPerSet = Math.max(1e-3, (q3 - q1) / 2);

  process.stdout.write(`\ncheckCron + 5 next times (ours):    ${rate(set.length, warm)} (median of ${RUNS}; first pass with empty zone caches ${rate(set.length, cold)})\n`);
  process.stdout.write(`Quartz 2.3.2 parse + 5 next (JVM):   ${rate(set.length, quartzPerSet)} (warm JIT, start-up excluded; one whole JVM run of the set: ${q1.toFixed(0)} ms)\n`);
  process.stdout.write(`cronstrue describe only:             ${rate(set.length, describeOnly)}\n`);
  process.stdout.write(`ratio ours / Quartz:                 ${(quartzPerSet / warm).toFixed(2)} (above 1 = faster than Quartz)\n`);
  process.stdout.write(`ratio ours / cronstrue-only:         ${(describeOnly / warm).toFixed(2)}\n`);

  // The CLI over 10,000 lines, against a process that only echoes each line as JSON.
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-cron-bench-'));
  const cli = join(dir, 'cli.js');
  await esbuild.build({ bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error', entryPoints: ['src/cli/main.ts'], outfile: cli });
  const gen = new CronGenerator(10_000);
  const input = `${Array.from({ length: 10_000 }, () => gen.expression()).join('\n')}\n`;
  const echo = "const rl=require('readline').createInterface({input:process.stdin,crlfDelay:Infinity});let b=[];rl.on('line',l=>{b.push(JSON.stringify({expr:l})+'\\n');if(b.length>=256){process.stdout.write(b.join(''));b=[]}});rl.on('close',()=>process.stdout.write(b.join('')))";
  const cliRuns: number[] = [];
  const echoRuns: number[] = [];
  for (let i = 0; i < 3; i++) {
    const c = await pipeThrough([cli, 'cron', '--from', '1764288000', '-'], input);
    if (c.lines !== 10_000) throw new Error(`dwtasks cron - printed ${c.lines} lines for 10,000`);
    cliRuns.push(c.ms);
    echoRuns.push((await pipeThrough(['-e', echo], input)).ms);
  }
  const cliMs = median(cliRuns);
  const echoMs = median(echoRuns);
  process.stdout.write(`\ndwtasks cron - (10,000 lines):       ${cliMs.toFixed(0)} ms wall (median of 3)\n`);
  process.stdout.write(`node echo-only process (I/O floor):  ${echoMs.toFixed(0)} ms wall\n`);
  process.stdout.write(`ratio CLI / floor:                   ${(cliMs / echoMs).toFixed(2)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
