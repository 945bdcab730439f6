// Shared by the cron benches: the bundled CLI and the Quartz harness as whole processes, timed from
// spawn to exit, fed the same lines on stdin.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as esbuild from 'esbuild';
import { quartzClasspath } from '../test/process/core/cron/quartz';

export const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };

/**
 * Builds the CLI as scripts/build.mjs ships it, into a temp dir: cli.js plus each command in
 * commands/<name>.js, loaded on first use (so `cron` loads only its own bundle, as a user's run does).
 */
export async function buildCli(): Promise<string> {
  const { buildLazyEntries, lazyBundles } = await import('../scripts/lib/lazy-bundles.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-cron-bench-'));
  const cli = join(dir, 'cli.js');
  const options: esbuild.BuildOptions = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', mainFields: ['module', 'main'], logLevel: 'error', supported: { 'dynamic-import': false } };
  const lazy = lazyBundles((p: string) => (/\/src\/cli\/commands\/[^/]+$/.test(p) ? `./commands/${basename(p)}.js` : undefined));
  await esbuild.build({ ...options, entryPoints: ['src/cli/main.ts'], outfile: cli, plugins: [lazy.plugin] });
  await buildLazyEntries(esbuild, options, lazy.entries, dir);
  return cli;
}

/** Wall time, and CPU time (user + system, every thread) as the shell's `times` reports it. */
export interface ProcessRun { ms: number; cpuMs: number; out: string; code: number | null }

/**
 * Times `cmd args` fed `input` on stdin, from spawn to exit, with its whole stdout. Run under /bin/sh
 * so `times` can report the child's CPU time: on a machine shared with other work the wall time
 * measures the load as much as the program, the CPU time measures the program.
 */
export function timeProcess(cmd: string, args: string[], input: string): Promise<ProcessRun> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const script = '"$0" "$@"; s=$?; times >&2; exit $s';
    const child = spawn('/bin/sh', ['-c', script, cmd, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - t0;
      const stderr = Buffer.concat(err).toString();
      if (code !== 0 && code !== 1) return reject(new Error(`${cmd} exited ${code}: ${stderr.slice(-2000)}`));
      // `times`: the shell's own user/system times, then its children's ("0m1.234s 0m0.056s").
      const children = stderr.trimEnd().split('\n').at(-1) ?? '';
      const secs = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
      if (secs.length !== 2) return reject(new Error(`no CPU times from the shell: ${children}`));
      resolve({ ms, cpuMs: (secs[0] + secs[1]) * 1000, out: Buffer.concat(out).toString('utf8'), code });
    });
    child.stdin.end(input);
  });
}

/** The Quartz harness as a process: default JVM flags (tiered JIT), as a user would run it. */
export function quartzArgs(className = 'QuartzNext'): string[] {
  return ['-Xshare:auto', '-cp', quartzClasspath(), className];
}
