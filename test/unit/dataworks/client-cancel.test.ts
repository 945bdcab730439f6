// Cancellation with an AbortController: before sending, during the backoff wait, and while a request
// is in flight (the connection is torn down, so a slow emulator never runs the action).
import { after, before, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import { DataWorksError } from '@src/dataworks/errors';
import { clientFor, emulator, type RunningEmulator } from './emulator-fixture';

let emu: RunningEmulator;

before(async () => { emu = await emulator({ tasks: 200 }); });
after(async () => { await emu.close(); });
beforeEach(() => emu.setFaults({}));

function isCancelled(during: RegExp) {
  return (e: unknown): boolean => {
    assert.ok(e instanceof DataWorksError, String(e));
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.code, 'Cancelled');
    assert.equal(e.retryable, false);
    assert.match(e.message, during);
    return true;
  };
}

test('an already aborted signal sends nothing', async () => {
  const { client, logs } = clientFor(emu);
  const used = emu.snapshot().quota.used;
  await assert.rejects(client.listProjects({}, AbortSignal.abort()), isCancelled(/before sending/));
  assert.equal(logs.length, 0);
  assert.equal(emu.snapshot().quota.used, used, 'no request reached the service');
});

test('abort during the backoff wait ends the call at once, with no further attempt', async () => {
  emu.setFaults({ throttleRate: 1 });
  const ac = new AbortController();
  // A fixed jitter draw makes the wait long (5 s) and the test deterministic.
  const { client, logs, logged } = clientFor(emu, { retry: { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 5_000, random: () => 1 } });
  const used = emu.snapshot().quota.used;
  const call = client.listProjects({}, ac.signal);
  // The client logs the attempt, then starts its wait in the same tick: this runs during the wait.
  const [retry] = await logged(1);
  assert.equal(retry!.outcome, 'retry');
  assert.equal(retry!.retryInMs, 5_000);
  ac.abort();
  // Cancelled in the wait (had it run out, the next attempt would find the signal aborted "before sending").
  await assert.rejects(call, isCancelled(/while waiting to retry/));
  await emu.idle();
  assert.deepEqual(logs.map((l) => l.outcome), ['retry'], 'no second attempt');
  assert.equal(emu.snapshot().quota.used, used + 1, 'one request reached the service');
});

test('abort mid-request: the call ends promptly and the connection is closed, so nothing is applied', async () => {
  emu.setFaults({ slowRate: 1, slowMs: 700 });
  const { client, logs } = clientFor(emu);
  const task = Object.values(emu.snapshot().tasks.Prod)[0]!;
  const ac = new AbortController();
  // Aborted once the emulator has the request, 700 ms before it would run it.
  void emu.received(emu.receivedCount + 1).then(() => ac.abort());
  await assert.rejects(
    client.batchUpdateTasks({ Tasks: [{ Id: task.Id, Description: 'must not be applied' }] }, ac.signal),
    isCancelled(/while the request was in flight/),
  );
  // Had it waited for the answer, the update would have run: checked below once the emulator is idle.
  assert.deepEqual(logs.map((l) => `${l.outcome}:${l.code}`), ['error:Cancelled']);
  // Had the socket stayed open, the emulator would run the update once the slow period is over:
  // idle() resolves when it is done with the request either way.
  await emu.idle();
  assert.equal(emu.snapshot().tasks.Prod[task.Id]!.Description, task.Description);

  // Without the abort the same slow call does get through (the control for the check above).
  emu.setFaults({ slowRate: 1, slowMs: 100 });
  const ok = await client.batchUpdateTasks({ Tasks: [{ Id: task.Id, Description: 'applied' }] });
  assert.equal(ok.successInfo[task.Id]?.Success, true);
  assert.equal(emu.snapshot().tasks.Prod[task.Id]!.Description, 'applied');
});

test('abort before the library opened its connection: the request is never sent', async () => {
  const { client } = clientFor(emu);
  const task = Object.values(emu.snapshot().tasks.Prod)[1]!;
  let used = emu.snapshot().quota.used;
  const ac = new AbortController();
  // callApi first awaits the credentials; the abort lands before it calls http.request.
  const call = client.batchUpdateTasks({ Tasks: [{ Id: task.Id, Description: 'sent after cancel' }] }, ac.signal);
  ac.abort();
  await assert.rejects(call, isCancelled(/cancelled/));
  // A later call on the same client is a fence: anything the cancelled call sent left before it.
  await client.listProjects({});
  await emu.idle();
  used += 1;
  assert.equal(emu.snapshot().tasks.Prod[task.Id]!.Description, task.Description);
  assert.equal(emu.snapshot().quota.used, used, 'no request reached the service');
});

test('a signal aborted after the call finished changes nothing', async () => {
  const { client } = clientFor(emu);
  const ac = new AbortController();
  const page = await client.listProjects({}, ac.signal);
  ac.abort();
  assert.ok(page.items.length > 0);
  // and the client still works for the next call
  assert.ok((await client.listProjects({})).items.length > 0);
});
