// Shared by the load benches: how long a fresh Node process takes to `require` something, and how
// long whole processes take, as medians of runs interleaved so machine load hits every case alike.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const ms = (x: number): string => `${x.toFixed(1)} ms`;
export const pick = (xs: ProcessTime[], k: keyof ProcessTime): number => median(xs.map((x) => x[k]));

export interface ProcessTime { wall: number; cpu: number }

/**
 * Wall and CPU milliseconds a fresh process spends in `require(target)`; `prelude` runs first (untimed).
 * The child prints two numbers; anything else (a throw) fails the bench.
 */
export function requireTime(target: string, prelude = ''): ProcessTime {
  const script = `${prelude}\nconst c0 = process.cpuUsage(); const t0 = performance.now(); require(${JSON.stringify(target)});
const c = process.cpuUsage(c0); process.stdout.write(JSON.stringify({ wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }));`;
  const p = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  if (p.status !== 0) throw new Error(`require(${target}) failed (${p.status}): ${p.stderr.slice(-600)}`);
  return JSON.parse(p.stdout) as ProcessTime;
}

const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Wall time and (with /usr/bin/time) CPU user+sys of one `node ...args` process; `check` validates its output. */
export function processTime(args: string[], check: (status: number | null, stdout: string) => boolean, input?: string): ProcessTime {
  const t0 = performance.now();
  const p = timeBin
    ? spawnSync(timeBin, ['-f', 'CPU %U %S', process.execPath, ...args], { encoding: 'utf8', input })
    : spawnSync(process.execPath, args, { encoding: 'utf8', input });
  const wall = performance.now() - t0;
  const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(p.stderr);
  if (!check(p.status, p.stdout)) throw new Error(`node ${args.join(' ')} failed (${p.status}): ${p.stderr.slice(-600)}${p.stdout.slice(-300)}`);
  return { wall, cpu: m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN };
}

/** Runs each job `runs` times, interleaved; returns the samples per job. */
export function interleaved<T>(runs: number, jobs: (() => T)[]): T[][] {
  const out: T[][] = jobs.map(() => []);
  for (let r = 0; r < runs; r++) jobs.forEach((j, i) => out[i].push(j()));
  return out;
}

export const runsArg = (def: number): number => {
  const i = process.argv.indexOf('--runs');
  return i > 0 ? Number(process.argv[i + 1]) : def;
};

/** Builds dist/ (development build, as the tests use it). */
export function build(): void {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (b.status !== 0) throw new Error(`build failed: ${b.stderr}`);
}

/**
 * A figure the real extension host measured: the integration suite `suite` writes
 * test-results/perf/<name>.json. With --host the suite runs first (minutes); otherwise the last
 * run's file is read and its age printed. Undefined (with a note) when there is none yet.
 */
export function hostFigure<T>(name: string, suite: string): T | undefined {
  const file = resolve('test-results/perf', `${name}.json`);
  const fresh = process.argv.includes('--host');
  if (fresh) {
    console.log(`  running the host suite "${suite}" (scripts/test-integration.mjs)...`);
    const r = spawnSync(process.execPath, ['scripts/test-integration.mjs', '--grep', suite], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`host suite failed: ${r.stdout.slice(-2000)}${r.stderr.slice(-1000)}`);
  }
  if (!existsSync(file)) {
    console.log(`  real host: no figure yet (${file}); run with --host, or the integration suite "${suite}"`);
    return undefined;
  }
  const age = Math.round((Date.now() - statSync(file).mtimeMs) / 60_000);
  console.log(`  real host figures from ${file}, written by the suite "${suite}" ${age} min ago${fresh ? ' (this run)' : ' (--host re-measures)'}:`);
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}
