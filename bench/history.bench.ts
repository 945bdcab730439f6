// Benchmark: reading run history for a large project. The emulator (in this process) seeded with
// --tasks tasks (default 10,000) holds a ~3,800-task Prod project whose crons fire ~34,000 runs a day.
// Figures: the call plan (said before reading), the first read through the real client at --rps
// (every page, ListTaskInstances at 100 a page, TaskIds in groups of 100) against its floor calls/rps,
// the cache file's size, and the second read served from the cache (no call).
// Run: `npm run bench -- history` or `node --import tsx bench/history.bench.ts [--tasks 10000] [--days 1] [--rps 50]`
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { recentBizdates } from '@src/core/history/bizdate';
import { DataWorksClient } from '@src/dataworks/client';
import { planHistoryRead, readHistory, type HistoryScope } from '@src/dataworks/history';
import { HISTORY_ZONE } from '@src/emulator/history';
import { startEmulator } from '@src/emulator/index';

const arg = (name: string, def: number): number => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? Number(process.argv[i + 1]) : def; };
const TASKS = arg('tasks', 10_000);
const DAYS = arg('days', 1);
const RPS = arg('rps', 50);
const PROJECT = '312601';

async function main(): Promise<void> {
  const emu = await startEmulator({ tasks: TASKS, seed: 1 });
  const dir = mkdtempSync(join(tmpdir(), 'dwhistorybench-'));
  try {
    const client = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } });
    const tasks = Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === PROJECT)
      .map((t) => (t.Trigger.Type === 'Scheduler' ? { Id: t.Id, Cron: t.Trigger.Cron! } : { Id: t.Id }));
    // Complete run days that ended over a day ago, so the second read is all cached.
    const bizdates = recentBizdates(Date.now(), DAYS + 1, HISTORY_ZONE).slice(0, DAYS);
    const scope: HistoryScope = { projectId: PROJECT, env: 'Prod', tasks, bizdates, zone: HISTORY_ZONE, workspaceDir: dir };
    let t = performance.now();
    const plan = planHistoryRead(scope, client.endpoint);
    const planMs = performance.now() - t;
    const runs = plan.days.reduce((n, d) => n + d.instances, 0);
    console.log(`${tasks.length} tasks, ${DAYS} day(s): plan ${plan.calls} calls for ${runs} runs in ${planMs.toFixed(0)} ms`);
    t = performance.now();
    const first = await readHistory(scope, { client, limiter: new TokenBucket(RPS), maxCalls: Infinity });
    const wallS = (performance.now() - t) / 1000;
    const floorS = first.calls / RPS;
    console.log(`first read: ${first.calls} calls, ${first.instances.length} instances in ${wallS.toFixed(1)} s; floor ${floorS.toFixed(1)} s at ${RPS}/s (ratio ${(wallS / floorS).toFixed(2)}); load ${loadavg()[0]!.toFixed(1)}`);
    console.log(`cache file: ${(statSync(plan.cachePath).size / 1e6).toFixed(1)} MB`);
    t = performance.now();
    const second = await readHistory(scope, { client, maxCalls: 0 });
    console.log(`second read: ${second.calls} calls, ${second.instances.length} instances from the cache in ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    await emu.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
