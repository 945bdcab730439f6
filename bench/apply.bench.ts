// Benchmark: `dwtasks apply` of 10,000 tasks against the emulator limited to 20 requests/s, 50 tasks
// per call (--batch-size 50 --rps 20). Reference: the quota's lower bound for the writes alone,
// 10,000 / 50 / 20 = 10 s. Goal: wall time / 10 s <= 1.2.
// Three runs, all through the built CLI against the emulator in its own process:
//  1. default: reads the before-state first (for the revert patch); those reads share the same
//     20 req/s, so its floor is (reads + 200) / 20 s, printed as well;
//  2. --no-revert: writes only;
//  3. separate quotas, as DataWorks Enterprise counts them (emulator --write-qps 20 --read-qps 50,
//     CLI --rps 20 --read-rps 50): the plan's reads go at the read rate, then the writes at theirs
//     (plan, then execute: no read-ahead), so its floor is reads / 50 + writes / 20.
// Goal: run 1 within 1.2x of its floor ("ratio to this run's call floor"); run 3 is reported.
// Run: `node --import tsx bench/apply.bench.ts [--tasks 10000] [--in-flight N] [--only 1,2,3]`
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { seedState } from '@src/emulator/index';
import { parseJournal, summarizeJournal } from '@src/core/apply/journal';
import { DataWorksClient } from '@src/dataworks/client';

const arg = (name: string, def: number) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const TASKS = arg('tasks', 10_000);
const BATCH = 50;
const RPS = 20;
const READ_RPS = 50;
const SEED_TASKS = Math.ceil(TASKS * 1.07); // about 1 in 20 seeded tasks exists only in Dev
const SEED = 1;
const IN_FLIGHT = arg('in-flight', 0); // 0: the CLI's default
// --only 1,3: just those runs (1 shared quota, 2 --no-revert, 3 separate read quota), e.g. to repeat one.
const ONLY = (() => { const i = process.argv.indexOf('--only'); return i > 0 ? new Set(process.argv[i + 1].split(',').map(Number)) : null; })();

async function main(): Promise<void> {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  const dir = mkdtempSync(join(tmpdir(), 'dwbench-'));
  const startEmulator = async (quota: string[]) => {
    const child = spawn(process.execPath, ['dist/cli.js', 'emulator', '--json', '--port', '0', '--tasks', String(SEED_TASKS), '--seed', String(SEED), ...quota], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => { emuLog += d.toString(); });
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout }).once('line', resolve));
    return { child, ...(JSON.parse(line) as { endpoint: string; accessKeyId: string; accessKeySecret: string }) };
  };
  let emuLog = '';
  const shared = await startEmulator(['--qps', String(RPS)]);
  let separate: Awaited<ReturnType<typeof startEmulator>> | undefined; // started for its run only
  const { endpoint, accessKeyId, accessKeySecret } = shared;
  // The seed data is deterministic: the emulator child holds exactly these tasks.
  const prod = Object.keys(seedState(SEED_TASKS, SEED).tasks.Prod).slice(0, TASKS);
  if (prod.length < TASKS) throw new Error(`only ${prod.length} Prod tasks seeded`);
  const env = { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: accessKeySecret };
  try {
    // Reference measured in the same run, on the same machine load: the bare client sending the same
    // 200 calls on a fixed 50 ms schedule (two in flight), no validation, journal or before-state.
    const client = new DataWorksClient({ endpoint, credentials: { kind: 'accessKey', accessKeyId, accessKeySecret } });
    await new Promise((r) => setTimeout(r, 1100));
    const r0 = performance.now();
    const inFlight = new Set<Promise<unknown>>();
    let gaveUp = 0; // under heavy load the fixed schedule can trip the quota past the client's retries
    for (let c = 0; c * BATCH < prod.length; c++) {
      // 1 ms over the quota's spacing: arrival jitter at exactly 50 ms can put 21 calls in one sliding
      // second, and a fixed schedule never backs off from the retries that follow.
      const due = r0 + (c * (1000 / RPS + 1));
      if (due > performance.now()) await new Promise((r) => setTimeout(r, due - performance.now()));
      while (inFlight.size >= 2) await Promise.race(inFlight);
      const p = client.batchUpdateTasks({ Tasks: prod.slice(c * BATCH, (c + 1) * BATCH).map((id) => ({ Id: id, Description: `reference ${c}` })) })
        .catch(() => { gaveUp++; });
      inFlight.add(p);
      void p.finally(() => inFlight.delete(p));
    }
    await Promise.all(inFlight);
    const reference = (performance.now() - r0) / 1000;
    console.log(`reference: bare client, ${Math.ceil(prod.length / BATCH)} calls on a ${1000 / RPS + 1} ms schedule: ${reference.toFixed(2)} s (ratio to 10 s: ${(reference / (TASKS / BATCH / RPS)).toFixed(3)})${gaveUp ? `; ${gaveUp} call(s) gave up on 429 (machine too loaded for a fixed schedule)` : ''}`);
    const runs = [
      { label: 'with before-state (revert)', endpoint, extra: [] as string[], readRps: RPS },
      { label: '--no-revert', endpoint, extra: ['--no-revert'], readRps: RPS },
      { label: 'with before-state, separate read quota', endpoint: '', extra: ['--read-rps', String(READ_RPS)], readRps: READ_RPS },
    ];
    for (const [n, run] of runs.entries()) {
      if (ONLY && !ONLY.has(n + 1)) continue;
      const { label, extra, readRps } = run;
      if (readRps !== RPS) {
        separate = await startEmulator(['--write-qps', String(RPS), '--read-qps', String(READ_RPS)]);
        run.endpoint = separate.endpoint;
        // The shared emulator is warm from the reference run; this fresh process would make the CLI's
        // first calls (ListProjects, pages 1) pay for its JIT, which the real service never charges.
        // A few reads and writes of each kind, at a pace well inside its quotas, even that out.
        const warm = new DataWorksClient({ endpoint: separate.endpoint, credentials: { kind: 'accessKey', accessKeyId: separate.accessKeyId, accessKeySecret: separate.accessKeySecret } });
        const projects = (await warm.listProjects({ PageNumber: 1, PageSize: 100 })).items;
        for (let i = 0; i < 6; i++) {
          await warm.listTasks({ ProjectId: projects[i % projects.length].Id, ProjectEnv: 'Prod', PageNumber: 1 + Math.floor(i / projects.length), PageSize: 100 });
          await warm.batchUpdateTasks({ Tasks: prod.slice(i * BATCH, (i + 1) * BATCH).map((id) => ({ Id: id, Description: `warm-up ${i}` })) });
          await new Promise((r) => setTimeout(r, 100));
        }
      }
      const endpoint = run.endpoint;
      const file = join(dir, `bench-${extra.length}.dwtasks.json`);
      writeFileSync(file, `{"Tasks":[${prod.map((id, i) => `{"Id":${id},"Description":"bench ${label} ${i}","Timeout":${3600 + extra.length * 60}}`).join(',')}]}`);
      const journal = join(dir, `bench-${extra.length}.jsonl`);
      await new Promise((r) => setTimeout(r, 1100)); // an empty 1 s window at the emulator
      emuLog = '';
      const t0 = performance.now();
      const code = await new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, ['dist/cli.js', 'apply', file, '--endpoint', endpoint, '--batch-size', String(BATCH), '--rps', String(RPS), '--yes', '--json', '--journal', journal, ...(IN_FLIGHT ? ['--in-flight', String(IN_FLIGHT)] : []), ...extra], { env, stdio: ['ignore', 'ignore', 'pipe'] });
        let err = '';
        p.stderr.on('data', (d: Buffer) => { err += d.toString(); });
        p.on('exit', (c) => { if (c !== 0) process.stderr.write(err.slice(-2000)); resolve(c); });
      });
      const seconds = (performance.now() - t0) / 1000;
      const journalText = readFileSync(journal, 'utf8');
      const s = summarizeJournal(journalText);
      const journalLines = parseJournal(journalText).records;
      const reads = (s.before?.calls ?? 0) + (extra.includes('--no-revert') ? 0 : 1); // + ListProjects
      const writes = s.plan?.chunks.length ?? 0;
      const floor = readRps === RPS ? (reads + writes) / RPS : writes / RPS + reads / readRps;
      const throttled = emuLog.split('\n').filter((l) => / 429 /.test(l)).length;
      console.log(`apply ${TASKS} tasks, ${label}: exit ${code}, ${s.counts.succeeded} succeeded; ${writes} writes + ${reads} reads; ${throttled} answered 429 (retried by the client)`);
      const firstSend = journalLines.findIndex((l) => l.type === 'sending');
      if (!extra.includes('--no-revert') && s.plan && firstSend >= 0) {
        const firstAt = (Date.parse(journalLines[firstSend].at) - Date.parse(s.plan.at)) / 1000;
        console.log(`  first write left ${firstAt.toFixed(2)} s after the engine started, with ${journalLines.slice(0, firstSend).filter((l) => l.type === 'before').reduce((n, b) => n + (b.type === 'before' ? b.calls : 0), 0)} read calls made`);
      }
      // From the plan record (the reads are done by then) to the end record: the writes.
      const engine = s.plan && s.end ? (Date.parse(s.end.at) - Date.parse(s.plan.at)) / 1000 : NaN;
      console.log(`  engine (journal plan -> end, after reading and validating the file): ${engine.toFixed(2)} s, ratio to 10 s: ${(engine / (TASKS / BATCH / RPS)).toFixed(3)}`);
      if (!extra.includes('--no-revert')) console.log(`  => ${label}: ${seconds.toFixed(2)} s wall, floor ${floor.toFixed(2)} s, ratio ${(seconds / floor).toFixed(3)} (goal <= 1.2); engine ratio ${(engine / floor).toFixed(3)}`);
      console.log(`  wall ${seconds.toFixed(2)} s; ratio to the 10 s write bound: ${(seconds / (TASKS / BATCH / RPS)).toFixed(3)}; to this run's call floor (${floor.toFixed(2)} s): ${(seconds / floor).toFixed(3)}; to the bare-client reference: ${(seconds / reference).toFixed(3)}`);
    }
  } finally {
    shared.child.kill('SIGINT');
    separate?.child.kill('SIGINT');
  }
}

main().catch((e) => { console.error(e); process.exitCode = 1; });
