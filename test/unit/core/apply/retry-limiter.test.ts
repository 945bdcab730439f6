// Apply's client retries take slots of the apply's limiters: over real HTTP against the emulator,
// with throttles injected at random, every request the service received (first attempts and
// retries, reads and writes) was granted a slot, in both quota modes.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runApply } from '@src/core/apply/run';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { counting } from '../../support/counting-limiter';
import { startFixture, tasksOf, type Fixture } from './support/emulator-fixture';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 600 }); });
after(async () => { await fx.emu.close(); });

const patchOf = (n: number, text: string) => ({ Tasks: tasksOf(fx.emu, 'Prod').slice(0, n).map((t) => ({ Id: t.Id, EnvType: 'Prod' as const, Description: text })) });
const retried = (before: number) => fx.requests.slice(before).filter((l) => / 4\d\d /.test(l) && /Throttl/i.test(l)).length;

test('shared quota: reads, writes and every retry of them took a slot of the one limiter', async () => {
  fx.emu.setFaults({ throttleRate: 0.3, seed: 3 });
  const limiter = counting(new TokenBucket(400));
  const sentBefore = fx.emu.receivedCount;
  const logBefore = fx.requests.length;
  const res = await runApply({ service: fx.client, request: patchOf(300, 'shared'), batchSize: 20, limiter, projectIds: fx.projectIds });
  fx.emu.setFaults({});
  const sent = fx.emu.receivedCount - sentBefore;
  assert.deepEqual([...new Set(res.results.map((r) => r.status))], ['succeeded']);
  assert.ok(retried(logBefore) >= 3, `throttled answers retried: ${retried(logBefore)}`);
  assert.equal(limiter.granted, sent, `slots granted (${limiter.granted}) = requests the emulator received (${sent})`);
});

test('separate read quota: reads and their retries took read slots, writes and theirs write slots', async () => {
  fx.emu.setFaults({ throttleRate: 0.3, seed: 4 });
  const limiter = counting(new TokenBucket(400));
  const readLimiter = counting(new TokenBucket(400));
  const before = { reads: fx.requests.length, received: fx.emu.receivedCount };
  const res = await runApply({ service: fx.client, request: patchOf(300, 'separate'), batchSize: 20, limiter, readLimiter, projectIds: fx.projectIds });
  fx.emu.setFaults({});
  const lines = fx.requests.slice(before.reads);
  assert.deepEqual([...new Set(res.results.map((r) => r.status))], ['succeeded']);
  const writes = lines.filter((l) => l.startsWith('BatchUpdateTasks ')).length;
  assert.equal(fx.emu.receivedCount - before.received, lines.length, 'every request received is in the log');
  assert.equal(limiter.granted, writes, `write slots (${limiter.granted}) = BatchUpdateTasks requests received (${writes})`);
  assert.equal(readLimiter.granted, lines.length - writes, `read slots (${readLimiter.granted}) = read requests received (${lines.length - writes})`);
  assert.ok(writes > 15, `writes retried at least once: ${writes} requests for 15 chunks`);
});
