// Validation speed on a generated 10,000-task patch (~3 MB), against VS Code's JSON language
// service validating the same text with our schema (the editor's own work on every change).
//   in-process: parse + core rules, parse + core rules + schema, JSON LS; median of runs, interleaved
//   re-validation after a one-character edit (per-task cache)
//   process:    `node dist/cli.js validate big.dwtasks.json` vs a bundled JSON-LS-only process
// Run: npm run bench (or node --import tsx bench/validate.bench.ts [--runs N]).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { parsePatch } from '@src/core/patch/index';
import { ValidationCache, validatePatch } from '@src/core/validate/index';
import { createJsonLsValidator } from './json-ls';
import { generatePatch } from './generate-patch';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const TASKS = 10_000;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number): string => `${x.toFixed(0)} ms`;

/** Wall and CPU time (all threads of this process, so GC helpers count) of one call. */
async function measure(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await f();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000 };
}

async function inProcess(text: string): Promise<void> {
  const jsonLs = createJsonLsValidator();
  const names = ['core rules (parse + every rule)', 'core + schema (what the CLI does)', 'vscode-json-languageservice'] as const;
  const jobs: (() => unknown)[] = [
    () => validatePatch(parsePatch(text)),
    () => validatePatch(parsePatch(text), { schema: true }),
    () => jsonLs(text),
  ];
  for (const j of jobs) await j(); // warm-up: JIT and schema compilation
  const wall: number[][] = names.map(() => []);
  const cpu: number[][] = names.map(() => []);
  for (let r = 0; r < RUNS; r++) {
    // Interleaved, so load from other processes hits all three alike.
    for (let i = 0; i < jobs.length; i++) {
      const m = await measure(jobs[i]);
      wall[i].push(m.wall);
      cpu[i].push(m.cpu);
    }
  }
  const ref = { wall: median(wall[2]), cpu: median(cpu[2]) };
  console.log(`\nIn-process, ${TASKS} tasks, ${(text.length / 1e6).toFixed(2)} MB, median of ${RUNS} (wall / CPU):`);
  names.forEach((n, i) => {
    const w = median(wall[i]);
    const c = median(cpu[i]);
    console.log(`  ${n.padEnd(36)} ${ms(w).padStart(8)} / ${ms(c).padStart(8)}   ratio to JSON LS ${(w / ref.wall).toFixed(2)} / ${(c / ref.cpu).toFixed(2)}`);
  });
  console.log(`  goal: core rules <= 0.50 of JSON LS: ${median(cpu[0]) / ref.cpu <= 0.5 ? 'met' : 'NOT met'} (CPU)`);

  // One character typed inside one task, validated again with the document's cache.
  const cache = new ValidationCache();
  validatePatch(parsePatch(text), { cache });
  const at = text.indexOf('"Timeout": 7200', text.indexOf(`"ods_sync_${TASKS / 2}"`)) + 14;
  const edits = [text.slice(0, at) + text.slice(at + 1), text];
  const again: number[] = [];
  const fresh: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const edited = edits[r % 2];
    again.push((await measure(() => validatePatch(parsePatch(edited), { cache }))).cpu);
    fresh.push((await measure(() => validatePatch(parsePatch(edited)))).cpu);
  }
  console.log(`  re-validate after a one-character edit (cache)  ${ms(median(again))} CPU; without cache ${ms(median(fresh))}; JSON LS ${ms(ref.cpu)}`);
}

function processLevel(file: string, dir: string): void {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { encoding: 'utf8' });
  if (b.status !== 0) {
    if (!existsSync('dist/cli.js')) throw new Error(`build failed: ${b.stderr}`);
    console.log('  (build failed; measuring the existing dist/cli.js)');
  }
  // The JSON-LS-only reference, bundled like our CLI so neither pays for TypeScript at startup.
  const ref = join(dir, 'json-ls.js');
  // ESM entry points: the UMD build of vscode-json-languageservice requires its files at run time.
  esbuild.buildSync({ entryPoints: ['bench/json-ls.ts'], bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile: ref, mainFields: ['module', 'main'], logLevel: 'warning' });
  const commands: [string, string[]][] = [
    ['node dist/cli.js validate big.dwtasks.json', ['dist/cli.js', 'validate', file]],
    ['node json-ls.js big.dwtasks.json (JSON LS only)', [ref, file]],
  ];
  // CPU time (user + sys) from /usr/bin/time where present: on a shared machine wall time is mostly
  // waiting for a core, CPU time is the work each process really does.
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const wall: number[][] = commands.map(() => []);
  const cpu: number[][] = commands.map(() => []);
  for (let r = 0; r < Math.max(3, Math.ceil(RUNS / 2)); r++) {
    commands.forEach(([, args], i) => {
      const t0 = performance.now();
      const p = timeBin
        ? spawnSync(timeBin, ['-f', 'CPU %U %S', process.execPath, ...args], { encoding: 'utf8' })
        : spawnSync(process.execPath, args, { encoding: 'utf8' });
      wall[i].push(performance.now() - t0);
      const m = /CPU ([\d.]+) ([\d.]+)\s*$/.exec(p.stderr);
      if (m) cpu[i].push((Number(m[1]) + Number(m[2])) * 1000);
      // Both must really have run: the CLI exits 1 on this file's errors, the reference prints its count.
      const ok = i === 0 ? p.status === 1 && /errors?, \d+ warnings? in 1 file/.test(p.stdout) : p.status === 0 && /diagnostics/.test(p.stdout);
      if (!ok) throw new Error(`${args.join(' ')} failed (${p.status}): ${p.stderr}${p.stdout.slice(-300)}`);
    });
  }
  const refWall = median(wall[1]);
  const refCpu = cpu[1].length ? median(cpu[1]) : NaN;
  console.log(`\nProcess level, median of ${wall[0].length} (wall / CPU user+sys):`);
  commands.forEach(([name], i) => {
    const c = cpu[i].length ? median(cpu[i]) : NaN;
    console.log(`  ${name.padEnd(48)} ${ms(median(wall[i])).padStart(8)} / ${ms(c).padStart(8)}   ratio ${(median(wall[i]) / refWall).toFixed(2)} / ${(c / refCpu).toFixed(2)}`);
  });
  const ratio = cpu[0].length ? median(cpu[0]) / refCpu : median(wall[0]) / refWall;
  console.log(`  goal: dwtasks validate <= 1.00 of the JSON-LS-only process: ${ratio <= 1 ? 'met' : 'NOT met'} (${cpu[0].length ? 'CPU' : 'wall'} ${ratio.toFixed(2)})`);
}

async function main(): Promise<void> {
  const text = generatePatch(TASKS);
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-bench-'));
  const file = join(dir, 'big.dwtasks.json');
  writeFileSync(file, text);
  console.log(`validate.bench: ${file}`);
  await inProcess(text);
  processLevel(file, dir);
}

void main();
