// Benchmark: listing a large project at the read quota. The emulator seeded with 100,000 tasks holds a
// 38,006-task Prod project (381 pages of 100); it admits at most RPS reads per second (429 beyond).
// `dwtasks list --project` and `dwtasks pull --project --fields ...` run as whole processes at
// --rps RPS. Reference: the quota's floor, pages / RPS (19.05 s at 20/s). Goal: wall time / floor <= 1.2.
// Both processes need CPU at that pace (the client's lossless JSON parse of ~78 KB a page, the
// emulator's answers): the load average is printed with each figure, as a busy machine stretches it.
// Then the same listing in this process (collectAll over the client at readLimiter(RPS), exactly what the
// tree's Load All runs, without the tree and without a process start), and the client's parse alone:
// CPU per real page against the reference parser (lossless-json and its walk, what the client ran
// before) in the same run.
// Run: `npm run bench -- listing` or `node --import tsx bench/listing.bench.ts [--tasks 100000] [--rps 20]`
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { readLimiter } from '@src/core/listing/rate';
import { DataWorksClient } from '@src/dataworks/client';
import { collectAll } from '@src/dataworks/paging';
import { parseLossless, parseLosslessReference } from '@src/dataworks/lossless';
import { rawAnswers } from '../test/unit/dataworks/raw-answer';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const TASKS = arg('tasks', 100_000);
const RPS = arg('rps', 20);
const PROJECT = '312601';
const PAGE = 100;

interface Run { wallS: number; stderr: string; stdout: string; code: number | null }

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dwlistbench-'));
  const emu = spawn(process.execPath, ['dist/cli.js', 'emulator', '--json', '--port', '0', '--tasks', String(TASKS), '--read-qps', String(RPS)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let emuLog = '';
  emu.stderr.on('data', (d: Buffer) => { emuLog += d.toString(); });
  const line = await new Promise<string>((resolve) => createInterface({ input: emu.stdout }).once('line', resolve));
  const { endpoint, accessKeyId, accessKeySecret } = JSON.parse(line) as { endpoint: string; accessKeyId: string; accessKeySecret: string };
  const env = { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret };
  const cli = (args: string[]): Promise<Run> => new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(process.cwd(), 'dist/cli.js'), ...args], { env, cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    // list --json prints every task (tens of MB): keep only the last bit, where pull's JSON line is.
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => { stdout = (stdout + d.toString()).slice(-4096); });
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.on('close', (code) => resolve({ wallS: (performance.now() - started) / 1000, stderr, stdout, code }));
  });
  try {
    // One small call first, so the emulator has built its listing index before the clock runs.
    const warm = await cli(['list', '--project', PROJECT, '--name', 'warm-up-matches-nothing', '--endpoint', endpoint, '--json']);
    if (warm.code !== 0) throw new Error(`warm-up failed: ${warm.stderr}`);
    await new Promise((r) => setTimeout(r, 1100)); // the read-qps window starts empty
    const runs: [string, string[]][] = [
      ['dwtasks list --project', ['list', '--project', PROJECT, '--endpoint', endpoint, '--rps', String(RPS)]],
      ['dwtasks pull --fields RuntimeResource.ResourceGroupId', ['pull', '--project', PROJECT, '--fields', 'RuntimeResource.ResourceGroupId', '--out', 'bench.dwtasks.json', '--force', '--endpoint', endpoint, '--rps', String(RPS), '--json']],
    ];
    for (const [label, args] of runs) {
      const before = (emuLog.match(/ 429 /g) ?? []).length;
      const r = await cli(args);
      if (r.code !== 0) {
        // Printed, not thrown: a run the quota throttled to failure is a figure too.
        const throttled = (emuLog.match(/ 429 /g) ?? []).length - before;
        console.log(`${label}: FAILED after ${r.wallS.toFixed(2)} s (exit ${r.code}); throttled answers: ${throttled}; load average ${loadavg()[0]!.toFixed(1)}: ${r.stderr.trim().split('\n').at(-1)!.slice(0, 300)}`);
        process.exitCode = 1;
        continue;
      }
      const total = args[0] === 'pull' ? (JSON.parse(r.stdout) as { total: number }).total : countFromList(r.stderr);
      const pages = Math.ceil(total / PAGE);
      const floor = pages / RPS;
      const throttled = (emuLog.match(/ 429 /g) ?? []).length - before;
      const progressLines = r.stderr.split('\n').filter((l) => /^page \d+ of \d+/.test(l)).length;
      console.log(`${label}: ${total.toLocaleString('en-US')} tasks, ${pages} pages at ${RPS}/s: ${r.wallS.toFixed(2)} s wall (process start to exit); floor ${floor.toFixed(2)} s; ratio ${(r.wallS / floor).toFixed(3)}; throttled answers: ${throttled}; progress lines on stderr: ${progressLines}; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
    }
    await new Promise((r) => setTimeout(r, 1100));
    await inProcess({ endpoint, accessKeyId, accessKeySecret });
    await new Promise((r) => setTimeout(r, 1100));
    await parseFigures({ endpoint, accessKeyId, accessKeySecret });
  } finally {
    emu.kill('SIGTERM');
  }
}

/** The listing pipeline of Load All in this process: first request to last page. */
async function inProcess(emu: { endpoint: string; accessKeyId: string; accessKeySecret: string }): Promise<void> {
  let throttled = 0;
  const client = new DataWorksClient({
    endpoint: emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret },
    onRequest: (l) => { if (l.outcome !== 'ok') throttled++; },
  });
  const started = performance.now();
  const cpu0 = process.cpuUsage();
  const tasks = await collectAll((n, request) => client.listTasks({ ProjectId: PROJECT, ProjectEnv: 'Prod', PageNumber: n, PageSize: PAGE }, request), { limiter: readLimiter(RPS) });
  const wallS = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const floor = Math.ceil(tasks.length / PAGE) / RPS;
  console.log(`Load All's pipeline in process (collectAll, readLimiter(${RPS})): ${tasks.length.toLocaleString('en-US')} tasks: ${wallS.toFixed(2)} s wall; floor ${floor.toFixed(2)} s; ratio ${(wallS / floor).toFixed(3)}; CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s; retried attempts: ${throttled}; load average ${loadavg()[0]!.toFixed(1)}`);
}

/** CPU per page of the client's parse and of the reference, alternating rounds over the same real pages. */
async function parseFigures(emu: { endpoint: string; accessKeyId: string; accessKeySecret: string }): Promise<void> {
  const raw = rawAnswers(emu);
  const limiter = new TokenBucket(RPS);
  const texts: string[] = [];
  for (let page = 1; page <= 20; page++) {
    await limiter.acquire();
    texts.push(await raw('ListTasks', 'POST', { ProjectId: PROJECT, ProjectEnv: 'Prod', PageNumber: String(page * 19), PageSize: String(PAGE) }));
  }
  const cpuMsPerPage = (parse: (t: string) => unknown): number => {
    const c0 = process.cpuUsage();
    for (const t of texts) parse(t);
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000 / texts.length;
  };
  let ours = 0;
  let reference = 0;
  for (let round = 0; round < 10; round++) {
    ours += cpuMsPerPage(parseLossless);
    reference += cpuMsPerPage(parseLosslessReference);
  }
  const kb = texts.reduce((n, t) => n + t.length, 0) / texts.length / 1024;
  console.log(`client JSON parse, ${texts.length} real ListTasks pages of ${PAGE} tasks (${kb.toFixed(0)} KB each): ${(ours / 10).toFixed(2)} ms CPU per page; reference (lossless-json + walk) ${(reference / 10).toFixed(2)} ms; ratio ${(ours / reference).toFixed(3)}; load average ${loadavg()[0]!.toFixed(1)}`);
}

/** `38006 task(s) in project 312601 (Prod).` */
function countFromList(stderr: string): number {
  const m = /(\d+) task\(s\) in project/.exec(stderr);
  if (!m) throw new Error(`no count in: ${stderr.slice(-500)}`);
  return Number(m[1]);
}

void main().catch((e: unknown) => { console.error(e); process.exit(1); });
