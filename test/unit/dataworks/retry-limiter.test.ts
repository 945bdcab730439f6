// The client's retries go through the caller's rate limiter: over real HTTP against the emulator, a
// throttled page or GetTask is retried only after it got a slot, so every request the service sees
// was paced, and retries never overfill the window that throttled them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TokenBucket, type RateLimiter } from '@src/core/apply/rate-limit';
import { resolveFields } from '@src/core/pull/fields';
import { collectAll } from '@src/dataworks/paging';
import { pullTasks } from '@src/dataworks/pull';
import { DataWorksError } from '@src/dataworks/errors';
import { clientFor, emulator, type RunningEmulator } from './emulator-fixture';
import { counting } from '../support/counting-limiter';

const QPS = 10;
/** The limiter's rate: two under the quota, so arrival jitter on a loaded machine cannot trip it, while retries that skipped the limiter would add ~30% on top. */
const RATE = 8;
let emu: RunningEmulator;
let project: string;
let inProject: number;

before(async () => {
  emu = await emulator({ tasks: 1500 });
  const counts = new Map<string, number>();
  for (const t of Object.values(emu.snapshot().tasks.Prod)) counts.set(t.ProjectId, (counts.get(t.ProjectId) ?? 0) + 1);
  [project, inProject] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
});
after(async () => { await emu.close(); });


test('a listing with throttled pages: every attempt, retries included, took a slot; no retry tripped the quota', async () => {
  // 30% of admitted requests are throttled at random on top of the quota.
  emu.setFaults({ readQps: QPS, throttleRate: 0.3, seed: 11 });
  const { client, logs } = clientFor(emu);
  const limiter = counting(new TokenBucket(RATE));
  const sentBefore = emu.receivedCount;
  const all = await collectAll((n, request) => client.listTasks({ ProjectId: project, ProjectEnv: 'Prod', PageNumber: n, PageSize: 50 }, request), { limiter });
  const sent = emu.receivedCount - sentBefore;
  assert.equal(all.length, inProject, 'every task listed');
  const retries = logs.filter((l) => l.outcome === 'retry');
  assert.ok(retries.length >= 3, `throttled attempts retried: ${retries.length}`);
  assert.equal(limiter.granted, sent, `slots granted (${limiter.granted}) = requests the emulator received (${sent})`);
  assert.equal(sent, logs.length);
  assert.deepEqual([...new Set(retries.map((l) => l.code))], ['Throttling.Api'], 'only the injected throttles: retries stayed within the quota (no Throttling.User)');
});

test('pull with Tags: GetTask retries take slots of the pull\'s limiter too', async () => {
  emu.setFaults({ readQps: QPS, throttleRate: 0.3, seed: 5 });
  const { client, logs } = clientFor(emu);
  const limiter = counting(new TokenBucket(RATE));
  const name = Object.values(emu.snapshot().tasks.Prod).find((t) => t.ProjectId === project)!.Name.split('_')[0]!;
  const sentBefore = emu.receivedCount;
  const r = await pullTasks({ client, query: { ProjectId: project, ProjectEnv: 'Prod', Name: `${name}_user` }, leaves: resolveFields(['Tags']), limiter });
  const sent = emu.receivedCount - sentBefore;
  assert.ok(r.entries.length >= 5, `tasks pulled: ${r.entries.length}`);
  assert.ok(logs.some((l) => l.action === 'GetTask' && l.outcome === 'retry'), 'a GetTask was retried');
  assert.equal(limiter.granted, sent, `slots granted (${limiter.granted}) = requests received (${sent})`);
});

test('a retry waiting for its slot is cancelled by the signal and sends nothing more', async () => {
  emu.setFaults({ throttleRate: 1 });
  const { client, logs } = clientFor(emu);
  const ac = new AbortController();
  let waiting!: () => void;
  const retryWaits = new Promise<void>((resolve) => { waiting = resolve; });
  // The first attempt is the caller's; the retry's slot never comes until the abort.
  const closed: RateLimiter = {
    acquire: (signal) => new Promise((_, reject) => {
      signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
      waiting();
    }),
  };
  const sentBefore = emu.receivedCount;
  const call = client.listTasks({ ProjectId: project, ProjectEnv: 'Prod', PageNumber: 1, PageSize: 10 }, { signal: ac.signal, limiter: closed });
  await retryWaits;
  assert.deepEqual(logs.map((l) => [l.outcome, l.code]), [['retry', 'Throttling.Api']], 'the throttled first attempt, then the wait');
  ac.abort();
  await assert.rejects(call, (e: unknown) => e instanceof DataWorksError && e.kind === 'cancelled' && /rate limit/.test(e.message));
  assert.equal(emu.receivedCount - sentBefore, 1, 'only the first attempt reached the service');
  emu.setFaults({});
});
