// Fault injection: each option is observable through the real SDK, faults before the action apply
// nothing, drop-after-apply applies and loses the answer, and the draws repeat for the same seed.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, beforeEach, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '@src/emulator/index';
import { send, sdkCall, sdkError, signedRequest } from './support';

describe('emulator faults', () => {
  let emu: RunningEmulator;
  let ids: string[];
  let n = 0;
  /** The gateway's clock (what qps windows count by): held still unless a test moves it. */
  let gateway = Date.UTC(2026, 10, 28, 8);
  const log: string[] = [];
  /** A BatchUpdateTasks call with a fresh Description; resolves to the error code or 'OK'. */
  const touch = async (id: string, opts: { readTimeout?: number } = {}): Promise<{ outcome: string; description: string }> => {
    const description = `touch ${++n}`;
    try {
      await sdkCall(emu, 'BatchUpdateTasks', { Tasks: `[{"Id":${id},"Description":"${description}"}]` }, opts);
      return { outcome: 'OK', description };
    } catch (err) {
      const e = err as { code?: string; data?: { statusCode?: number } };
      return { outcome: e.data?.statusCode ? `${e.data.statusCode} ${e.code}` : `network ${e.code ?? (err as Error).name}`, description };
    }
  };
  const descriptionOf = (id: string): string => emu.snapshot().tasks.Prod[id].Description;

  before(async () => {
    emu = await startEmulator({ tasks: 100, seed: 4, gatewayClock: () => gateway, log: (l) => log.push(l) });
    ids = Object.keys(emu.snapshot().tasks.Prod);
  });
  beforeEach(() => emu.setFaults({}));
  after(() => emu.close());

  it('latency holds every answer: applied, but a caller that gives up first never hears of it', async () => {
    // An emulator of its own, so the held answer (cut short when it closes) does not keep this one busy.
    const slow = await startEmulator({ tasks: 10, seed: 4, faults: { latencyMs: 600_000 } });
    try {
      const id = Object.keys(slow.snapshot().tasks.Prod)[0];
      const outcome = await sdkCall(slow, 'BatchUpdateTasks', { Tasks: `[{"Id":${id},"Description":"held"}]` }, { readTimeout: 200 })
        .then(() => 'OK', (e: { code?: string; data?: { statusCode?: number } }) => (e.data?.statusCode ? String(e.data.statusCode) : `network ${e.code}`));
      assert.match(outcome, /^network /, 'no answer within the read timeout');
      assert.equal(slow.snapshot().tasks.Prod[id].Description, 'held', 'the change was applied before the delay');
    } finally {
      await slow.close();
    }
  });

  it('qps: beyond N requests in the gateway\'s second answers 429 Throttling.User', async () => {
    emu.setFaults({ qps: 2 });
    const results = await Promise.all([0, 1, 2, 3, 4, 5].map(() => sdkCall(emu, 'ListProjects', {}).then(() => 'OK', (e) => `${e.data?.statusCode} ${e.code}`)));
    assert.deepEqual([...results].sort(), ['429 Throttling.User', '429 Throttling.User', '429 Throttling.User', '429 Throttling.User', 'OK', 'OK'], results.join());
    gateway += 1000; // the next second
    assert.equal((await sdkCall(emu, 'ListProjects', {})).statusCode, 200);
  });

  it('read and write quotas are counted apart: reads beyond theirs are throttled, writes still pass', async () => {
    emu.setFaults({ readQps: 2, writeQps: 1 });
    const reads = await Promise.all([0, 1, 2, 3, 4].map(() => sdkCall(emu, 'ListProjects', {}).then(() => 'OK', (e) => `${e.data?.statusCode} ${e.code} ${e.message}`)));
    const write = await touch(ids[1]);
    assert.equal(reads.filter((r) => r === 'OK').length, 2, reads.join());
    assert.ok(reads.filter((r) => r !== 'OK').every((r) => /^429 Throttling\.User .*more than 2 reads per second/.test(r)), reads.join('\n'));
    assert.equal(write.outcome, 'OK', 'the write quota is untouched by the reads');
    assert.equal(descriptionOf(ids[1]), write.description);
    // Another write within the same second is over the write quota (1/s) and changes nothing.
    const before = descriptionOf(ids[2]);
    const again = await touch(ids[2]);
    assert.equal(again.outcome, '429 Throttling.User');
    assert.equal(descriptionOf(ids[2]), before);
  });

  it('a qps throttle carries x-acs-retry-after: the milliseconds until the window has room, and after them a request passes', async () => {
    emu.setFaults({ qps: 1 });
    const call = () => send(emu.port, signedRequest(emu, 'ListProjects', { form: {} }));
    assert.equal((await call()).status, 200);
    const throttled = await call();
    assert.equal(throttled.status, 429);
    assert.equal(throttled.json.Code, 'Throttling.User');
    const after = Number(throttled.headers['x-acs-retry-after']);
    assert.ok(Number.isInteger(after) && after > 0 && after <= 1000, `x-acs-retry-after: ${throttled.headers['x-acs-retry-after']}`);
    // The gateway's clock moved by what the header says, less 1 ms: still full; by all of it: admitted.
    gateway += after - 1;
    assert.equal((await call()).status, 429, `${after - 1} ms later the window is still full`);
    gateway += 1;
    assert.equal((await call()).status, 200, `admitted ${after} ms later, as the header promised`);
  });

  it('random throttles (Throttling.Api) carry no x-acs-retry-after', async () => {
    emu.setFaults({ throttleRate: 1 });
    const r = await send(emu.port, signedRequest(emu, 'ListProjects', { form: {} }));
    assert.equal(r.status, 429);
    assert.equal(r.json.Code, 'Throttling.Api');
    assert.equal(r.headers['x-acs-retry-after'], undefined);
  });

  it('stall writes after N: later BatchUpdateTasks calls are held until the caller gives up and never run; reads pass', async () => {
    emu.setFaults({ stallWritesAfter: 1 });
    assert.equal((await touch(ids[7])).outcome, 'OK');
    const before = descriptionOf(ids[8]);
    const held = await touch(ids[8], { readTimeout: 300 });
    assert.match(held.outcome, /^network /);
    await emu.idle();
    assert.equal(descriptionOf(ids[8]), before, 'the held call never ran');
    assert.equal((await sdkCall(emu, 'ListProjects', {})).statusCode, 200);
  });

  it('error rate: 500 InternalError.System and nothing applied', async () => {
    emu.setFaults({ errorRate: 1 });
    const before = descriptionOf(ids[0]);
    assert.equal((await touch(ids[0])).outcome, '500 InternalError.System');
    assert.equal(descriptionOf(ids[0]), before);
  });

  it('throttle rate: 429 Throttling.Api and nothing applied', async () => {
    emu.setFaults({ throttleRate: 1 });
    const before = descriptionOf(ids[1]);
    assert.equal((await touch(ids[1])).outcome, '429 Throttling.Api');
    assert.equal(descriptionOf(ids[1]), before);
  });

  it('drop rate: the connection closes without an answer and nothing is applied', async () => {
    emu.setFaults({ dropRate: 1 });
    const before = descriptionOf(ids[2]);
    const { outcome } = await touch(ids[2]);
    assert.match(outcome, /^network /);
    assert.equal(descriptionOf(ids[2]), before);
  });

  it('drop-after-apply rate: the answer is lost but the change was applied', async () => {
    emu.setFaults({ dropAfterApplyRate: 1 });
    const { outcome, description } = await touch(ids[3]);
    assert.match(outcome, /^network /);
    assert.equal(descriptionOf(ids[3]), description, `applied despite ${outcome}`);
  });

  it('slow rate: a caller that times out first gets no answer and nothing is applied; a patient one is served', async () => {
    emu.setFaults({ slowRate: 1, slowMs: 1200 });
    const before = descriptionOf(ids[4]);
    const impatient = await touch(ids[4], { readTimeout: 300 });
    assert.match(impatient.outcome, /^network /);
    await emu.idle(); // the emulator is done with the abandoned request (held 1.2 s, then dropped or run)
    assert.equal(descriptionOf(ids[4]), before, 'the abandoned slow request never ran');
    emu.setFaults({ slowRate: 1, slowMs: 200 });
    const patient = await touch(ids[4], { readTimeout: 60_000 });
    assert.equal(patient.outcome, 'OK');
    assert.match(log[log.length - 1], /^BatchUpdateTasks 200 OK\(slow\) /, 'served after the slow hold');
    assert.equal(descriptionOf(ids[4]), patient.description);
  });

  it('max tasks per call can be changed at run time', async () => {
    emu.setFaults({ maxTasksPerCall: 1 });
    const e = await sdkError(emu, 'BatchUpdateTasks', { Tasks: `[{"Id":${ids[5]}},{"Id":${ids[6]}}]` });
    assert.equal(e.code, 'InvalidParameter');
    assert.match(String(e.data.Message), /at most 1/);
  });

  it('random faults repeat for the same fault seed and differ for another', async () => {
    const run = async (seed: number): Promise<string[]> => {
      emu.setFaults({ errorRate: 0.3, throttleRate: 0.3, seed });
      const out: string[] = [];
      for (let i = 0; i < 16; i++) out.push((await touch(ids[7])).outcome);
      return out;
    };
    const a = await run(42);
    assert.deepEqual(await run(42), a);
    assert.notDeepEqual(await run(43), a);
    assert.ok(a.includes('OK') && a.includes('500 InternalError.System') && a.includes('429 Throttling.Api'), a.join());
  });

  it('signature errors come before faults', async () => {
    emu.setFaults({ errorRate: 1 });
    const e = await sdkError(emu, 'ListProjects', {}, { secret: 'wrong' });
    assert.equal(e.code, 'SignatureDoesNotMatch');
  });

  it('rejects fault options out of range', () => {
    assert.throws(() => emu.setFaults({ errorRate: 0.6, dropRate: 0.6 }), /sum/);
    assert.throws(() => emu.setFaults({ throttleRate: 2 }), /throttleRate/);
    assert.throws(() => emu.setFaults({ qps: 0 }), /qps/);
  });
});

describe('emulator daily quota', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dw-emu-quota-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('answers 429 Throttling.Resource once the day\'s calls are used, and remembers the count across restarts', async (t) => {
    const path = join(dir, 'state.json');
    let emu = await startEmulator({ statePath: path, tasks: 10, faults: { dailyQuota: 3 } });
    t.after(() => emu.close());
    for (let i = 0; i < 2; i++) await sdkCall(emu, 'ListProjects', {});
    await emu.close();
    emu = await startEmulator({ statePath: path, faults: { dailyQuota: 3 } });
    await sdkCall(emu, 'ListProjects', {});
    const e = await sdkError(emu, 'ListProjects', {});
    assert.equal(e.statusCode, 429);
    assert.equal(e.code, 'Throttling.Resource');
    assert.equal(emu.snapshot().quota.used, 3);
    await emu.close();
  });
});
