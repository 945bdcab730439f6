// Whole `dwtasks` processes that should cost little more than starting Node: `--help`, `validate` on a
// small file, `cron` on one expression, each against `node -e 0` measured in the same run (median of
// interleaved runs; wall time, and CPU user+sys where /usr/bin/time exists). Also how much JavaScript
// each one loads (scripts/lib/trace-require.cjs lists the module cache at exit).
// Run: npm run bench -- cli [--runs N].
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, interleaved, ms, pick, processTime, runsArg } from './load-time';

const RUNS = runsArg(11);
const CLI = resolve('dist/cli.js');
const SMALL = resolve('test/fixtures/workspace/valid.dwtasks.json');

const cases: { name: string; args: string[]; ok: (status: number | null, out: string) => boolean }[] = [
  { name: 'node -e 0', args: ['-e', '0'], ok: (s) => s === 0 },
  { name: 'dwtasks --help', args: [CLI, '--help'], ok: (s, out) => s === 0 && out.includes('validate') },
  { name: 'dwtasks validate valid.dwtasks.json', args: [CLI, 'validate', SMALL], ok: (s) => s === 0 },
  { name: "dwtasks cron '00 00 02 * * ?'", args: [CLI, 'cron', '00 00 02 * * ?'], ok: (s, out) => s === 0 && out.includes('02:00') },
];

/** The bundle files a run loads and their total size. */
function loaded(args: string[]): string {
  const p = spawnSync(process.execPath, ['--require', resolve('scripts/lib/trace-require.cjs'), ...args], { encoding: 'utf8' });
  const files = p.stderr.split('\n').filter((l) => l.startsWith('dwtasks-load ')).map((l) => l.slice('dwtasks-load '.length));
  if (!files.length) throw new Error(`no trace from node ${args.join(' ')}: ${p.stderr.slice(-300)}`);
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  return `${files.map((f) => f.replace(`${resolve('dist')}/`, '')).join(' + ')} = ${(bytes / 1e6).toFixed(2)} MB`;
}

function main(): void {
  build();
  const samples = interleaved(RUNS, cases.map((c) => () => processTime(c.args, c.ok)));
  const refWall = pick(samples[0], 'wall');
  const refCpu = pick(samples[0], 'cpu');
  console.log(`\nWhole processes, median of ${RUNS} (wall / CPU user+sys), ratio to node -e 0:`);
  cases.forEach((c, i) => {
    const w = pick(samples[i], 'wall');
    const u = pick(samples[i], 'cpu');
    console.log(`  ${c.name.padEnd(38)} ${ms(w).padStart(9)} / ${ms(u).padStart(9)}   ratio ${(w / refWall).toFixed(2)} / ${(u / refCpu).toFixed(2)}`);
  });
  console.log('\nJavaScript loaded:');
  for (const c of cases.slice(1)) console.log(`  ${c.name.padEnd(38)} ${loaded(c.args)}`);
}

main();
