// What was pulled, kept beside the patch, and pulled values as the apply plan's before-values against
// the emulator over real HTTP: a task changed in DataWorks since the pull is held back unless forced.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { advancePulled, mergePulled, parsePulled, pulledAt, pulledExpectations, pulledTasks, resolveFields, serializePulled } from '@src/core/pull/index';
import { applyPatch, planPatch, type ApplySink } from '@src/core/apply/pipeline';
import { heldForDrift, UNCHANGED } from '@src/core/apply/make-plan';
import { MemoryJournal } from '@src/core/apply/journal';
import { pulledSidecarPath, readPulledSidecar, writePulledSidecar } from '@src/files/pulled-sidecar';
import { formatPulledPatch } from '@src/core/pull/text';
import { pullTasks } from '@src/dataworks/pull';
import { requestsOf, startFixture, type Fixture } from '../apply/support/emulator-fixture';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 600 }); });
after(async () => { await fx.emu.close(); });

test('the sidecar: next to the patch under .dwtasks/pulled, not itself a patch; round trip; junk reads as nothing pulled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dwpulled-'));
  const patch = join(dir, 'move.dwtasks.json');
  assert.equal(pulledSidecarPath(patch), join(dir, '.dwtasks', 'pulled', 'move.pulled.json'));
  assert.deepEqual(readPulledSidecar(patch), [], 'a patch written by hand has none');
  const tasks = [{ id: '8604388726201130001', env: 'Prod' as const, name: 'a', projectId: '1', time: '2026-12-01T00:00:00.000Z', values: { 'Trigger.Cron': '00 00 02 * * ?' } }];
  writePulledSidecar(patch, tasks);
  assert.deepEqual(readPulledSidecar(patch), tasks);
  assert.match(readFileSync(pulledSidecarPath(patch), 'utf8'), /"id": "8604388726201130001"/);
  writeFileSync(pulledSidecarPath(patch), '{"not":"ours"}');
  assert.deepEqual(readPulledSidecar(patch), []);
  assert.deepEqual(parsePulled(serializePulled([{ ...tasks[0]!, id: '12x' }])), [], 'a record without a valid id is dropped');
  // Values pulled from another endpoint (another account, another emulator) never count.
  const here = { ...tasks[0]!, endpoint: 'http://127.0.0.1:1' };
  assert.deepEqual(pulledAt([here, { ...here, endpoint: 'https://dataworks.cn-hangzhou.aliyuncs.com' }, tasks[0]!], 'http://127.0.0.1:1'), [here, tasks[0]!]);
  // After an apply, the values it set become the baseline of the tasks it changed, only those.
  const two = [tasks[0]!, { ...tasks[0]!, id: '5', values: { 'Trigger.Cron': 'x', Owner: 'o' } }];
  const moved = advancePulled(two, [{ Id: tasks[0]!.id, EnvType: 'Prod', Trigger: { Cron: '00 30 04 * * ?' } }, { Id: '5', Trigger: { Cron: 'y' } }],
    [{ id: tasks[0]!.id, envType: 'Prod', status: 'succeeded' }, { id: '5', envType: 'Prod', status: 'failed' }], new Date('2026-12-03T00:00:00Z'));
  assert.deepEqual(moved.map((t) => [t.values, t.time]), [
    [{ 'Trigger.Cron': '00 30 04 * * ?' }, '2026-12-03T00:00:00.000Z'],
    [{ 'Trigger.Cron': 'x', Owner: 'o' }, '2026-12-01T00:00:00.000Z'],
  ]);
  const later = { ...tasks[0]!, time: '2026-12-02T00:00:00.000Z' };
  assert.deepEqual(mergePulled(tasks, [later, { ...later, env: 'Dev' }]).map((t) => `${t.env}:${t.time}`), ['Prod:2026-12-02T00:00:00.000Z', 'Dev:2026-12-02T00:00:00.000Z']);
});

test('a pulled value changed in DataWorks holds the task back in the plan (field, value at pull time, now); force sends it', async () => {
  const project = fx.projectIds[0]!;
  const pulled = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod', TriggerType: 'Scheduler' }, leaves: resolveFields(['Trigger.Cron', 'Owner']), limiter: new TokenBucket(100) });
  const [a, b, c] = pulled.entries;
  assert.ok(a && b && c);
  // The user edits three crons in the patch...
  const text = formatPulledPatch([a, b, c]).replace(/"Cron": "[^"]*"/g, '"Cron": "00 30 04 * * ?"');
  // ...meanwhile someone changes task a's cron in the console, and task b's to exactly what the patch sets.
  const res = await fx.client.batchUpdateTasks({ Tasks: [
    { Id: a.entry.Id, EnvType: 'Prod', Trigger: { Cron: '00 15 01 * * ?' } },
    { Id: b.entry.Id, EnvType: 'Prod', Trigger: { Cron: '00 30 04 * * ?' } },
  ] });
  assert.ok(Object.values(res.successInfo).every((r) => r.Success));
  const records = pulledTasks(pulled.entries, new Date('2026-12-01T19:55:00Z'), fx.emu.endpoint);
  const expected = pulledExpectations(records, fx.emu.endpoint);
  assert.deepEqual(pulledExpectations(records, 'https://dataworks.cn-hangzhou.aliyuncs.com'), new Map(), 'values pulled elsewhere never count');
  const options = { rps: 500, projectIds: [project], expected };
  const writes = () => requestsOf(fx, 'BatchUpdateTasks').length;

  const planned = await planPatch({ text, file: 'cron.dwtasks.json' }, fx.client, options);
  assert.equal(planned.kind, 'planned');
  if (planned.kind !== 'planned') return;
  const { plan } = planned;
  assert.deepEqual(plan.drifts.map((d) => [d.index, d.id, d.path, d.then, d.now, d.patched, d.name]), [
    [0, a.entry.Id, 'Trigger.Cron', a.values['Trigger.Cron'], '00 15 01 * * ?', '00 30 04 * * ?', a.name],
  ]);
  assert.equal(plan.held.get(0), `Held back: changed in DataWorks since the pull (Trigger.Cron: ${JSON.stringify(a.values['Trigger.Cron'])} pulled (2026-12-01T19:55:00.000Z), now "00 15 01 * * ?"; the patch sets "00 30 04 * * ?"); not sent.`);
  assert.equal(plan.held.get(1), UNCHANGED, 'already at the patched value: not a drift, not sent');
  assert.deepEqual(heldForDrift(plan), [0]);
  assert.deepEqual(plan.chunks.flatMap((k) => k.tasks.map((t) => t.index)), [2]);

  // Without force: the drifted task is not sent, the others are.
  const before = writes();
  const held = await applyPatch({ text, file: 'cron.dwtasks.json' }, fx.client, options, sink());
  assert.equal(held.kind, 'ran');
  if (held.kind !== 'ran') return;
  assert.deepEqual(held.result.results.map((r) => r.status), ['not-sent', 'not-sent', 'succeeded']);
  assert.equal(held.result.results[0]!.message, plan.held.get(0));
  assert.equal(writes(), before + 1);
  assert.equal(fx.emu.snapshot().tasks.Prod[a.entry.Id]!.Trigger.Cron, '00 15 01 * * ?', 'their change stands');

  // The drift step says "stop": nothing at all is sent.
  const stopped = await applyPatch({ text, file: 'cron.dwtasks.json' }, fx.client, options, { ...sink(), drift: () => 'stop' });
  assert.equal(stopped.kind, 'declined');
  assert.equal(writes(), before + 1);

  // Forced (the editor's "Apply anyway"; the CLI's --force is the `force` option): it is sent.
  const forced = await applyPatch({ text, file: 'cron.dwtasks.json' }, fx.client, options, { ...sink(), drift: () => 'force' });
  assert.equal(forced.kind, 'ran');
  if (forced.kind !== 'ran') return;
  assert.deepEqual(forced.result.results.map((r) => r.status), ['succeeded', 'not-sent', 'not-sent']);
  assert.equal(fx.emu.snapshot().tasks.Prod[a.entry.Id]!.Trigger.Cron, '00 30 04 * * ?');
  assert.deepEqual(forced.plan.drifts.map((d) => d.id), [a.entry.Id], 'the forced plan still names what it overwrote');
});

test('the force option sends a task changed since the pull in the same plan', async () => {
  const project = fx.projectIds[0]!;
  const pulled = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod', TriggerType: 'Scheduler' }, leaves: resolveFields(['Trigger.Cron']), limiter: new TokenBucket(100) });
  const d = pulled.entries[5]!;
  await fx.client.batchUpdateTasks({ Tasks: [{ Id: d.entry.Id, EnvType: 'Prod', Trigger: { Cron: '00 05 05 * * ?' } }] });
  const expected = pulledExpectations(pulledTasks([d], new Date('2026-12-01T19:55:00Z'), fx.emu.endpoint), fx.emu.endpoint);
  const text = formatPulledPatch([d]).replace(/"Cron": "[^"]*"/g, '"Cron": "00 06 06 * * ?"');
  const out = await applyPatch({ text, file: 'f.dwtasks.json' }, fx.client, { rps: 500, projectIds: [project], expected, force: true }, sink());
  assert.equal(out.kind, 'ran');
  if (out.kind !== 'ran') return;
  assert.deepEqual(out.plan.drifts.map((x) => [x.id, x.now]), [[d.entry.Id, '00 05 05 * * ?']]);
  assert.deepEqual(out.result.results.map((r) => r.status), ['succeeded']);
  assert.equal(fx.emu.snapshot().tasks.Prod[d.entry.Id]!.Trigger.Cron, '00 06 06 * * ?');
});

/** Journal in memory, revert patch nowhere: these tests look at the plan and what reached the emulator. */
function sink(): ApplySink {
  return { openJournal: () => new MemoryJournal(), writeRevert: () => '/nowhere/revert.dwtasks.json' };
}
