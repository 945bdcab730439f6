// What was pulled, kept beside the patch, and the check before Apply against the emulator over real
// HTTP: a value changed in DataWorks since the pull is reported with task, field and both values.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TokenBucket } from '@src/core/apply/rate-limit';
import { advancePulled, checkPulledValues, formatDrift, mergePulled, parsePulled, pulledAt, pulledTasks, resolveFields, serializePulled } from '@src/core/pull/index';
import { pulledSidecarPath, readPulledSidecar, writePulledSidecar } from '@src/files/pulled-sidecar';
import { parsePatch, toRequest } from '@src/core/patch/index';
import { formatPulledPatch } from '@src/core/pull/text';
import { pullTasks } from '@src/dataworks/pull';
import { startFixture, type Fixture } from '../apply/support/emulator-fixture';

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

test('checkPulledValues: a field changed behind the patch is named with both values; unchanged, re-applied and unpulled fields are not', async () => {
  const project = fx.projectIds[0]!;
  const pulled = await pullTasks({ client: fx.client, query: { ProjectId: project, ProjectEnv: 'Prod', TriggerType: 'Scheduler' }, leaves: resolveFields(['Trigger.Cron', 'Owner']), limiter: new TokenBucket(100) });
  const [a, b, c] = pulled.entries;
  assert.ok(a && b && c);
  // The user edits three crons in the patch...
  const text = formatPulledPatch([a, b, c]).replace(/"Cron": "[^"]*"/g, '"Cron": "00 30 04 * * ?"');
  const request = toRequest(parsePatch(text));
  // ...meanwhile someone changes task a's cron in the console, and task b's to exactly what the patch sets.
  const res = await fx.client.batchUpdateTasks({ Tasks: [
    { Id: a.entry.Id, EnvType: 'Prod', Trigger: { Cron: '00 15 01 * * ?' } },
    { Id: b.entry.Id, EnvType: 'Prod', Trigger: { Cron: '00 30 04 * * ?' } },
  ] });
  assert.ok(Object.values(res.successInfo).every((r) => r.Success));
  const records = pulledTasks(pulled.entries, new Date('2026-12-01T19:55:00Z'));
  let calls = 0;
  const check = await checkPulledValues(request.Tasks, records, { service: { ...fx.client, listTasks: (q, s) => { calls++; return fx.client.listTasks(q, s); }, batchUpdateTasks: () => { throw new Error('the check must not write'); }, getTask: (id, env, s) => fx.client.getTask(id, env, s) } });
  assert.equal(check.checked, 3);
  assert.equal(check.calls, 1, 'three tasks of one project: one ListTasks by Ids');
  assert.equal(calls, 1);
  assert.deepEqual(check.drifts.map((d) => [d.id, d.path, d.pulled, d.current, d.patched]), [
    [a.entry.Id, 'Trigger.Cron', a.values['Trigger.Cron'], '00 15 01 * * ?', '00 30 04 * * ?'],
  ]);
  assert.equal(formatDrift(check.drifts[0]!),
    `Task ${a.entry.Id} ${a.name} (Prod) Trigger.Cron: pulled ${JSON.stringify(a.values['Trigger.Cron'])} (2026-12-01 19:55:00 UTC), now "00 15 01 * * ?"; the patch sets "00 30 04 * * ?"`);
  // A field the user removed from the patch is not checked; a task without pulled values is not read.
  const none = await checkPulledValues([{ Id: a.entry.Id, EnvType: 'Prod', Owner: a.entry.Owner! }], records, { service: fx.client });
  assert.deepEqual(none.drifts, []);
  assert.equal(none.checked, 1, 'Owner is still pulled and set');
  const unrelated = await checkPulledValues([{ Id: '1', EnvType: 'Prod', Owner: 'x' }], records, { service: fx.client });
  assert.deepEqual(unrelated, { drifts: [], checked: 0, calls: 0 });
});
