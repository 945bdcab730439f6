// `dwtasks plan` and `dwtasks apply PLAN` in-process against the emulator: the saved plan is sent to
// its own target only, tasks changed in DataWorks since the plan are held back (named with field,
// value at plan time and now; exit 1) unless --force, unchanged tasks are not sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@src/cli/commands/apply';
import { planCommand } from '@src/cli/commands/plan';
import { parsePlanFile } from '@src/core/apply/plan-file';
import { startFixture, requestsOf, tasksOf, type Fixture } from '../core/apply/support/emulator-fixture';
import { runCommand } from './apply-cli-io';

let fx: Fixture;
let dir: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  fx = await startFixture({ tasks: 300 });
  dir = mkdtempSync(join(tmpdir(), 'dwplan-'));
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
});
after(async () => { await fx.emu.close(); });

let runs = 0;
const journal = () => ['--journal', join(dir, `run-${++runs}.jsonl`)];

test('plan --out, a change made through the API, apply PLAN: that task is held back and named; the rest sent; unchanged not sent', async () => {
  const [a, b, c] = tasksOf(fx.emu, 'Prod').filter((t) => t.Trigger.Type === 'Scheduler').slice(0, 3);
  const file = join(dir, 'three.dwtasks.json');
  writeFileSync(file, `{"Tasks": [
    {"Id": ${a.Id}, "Trigger": {"Cron": "00 30 04 * * ?"}},
    {"Id": ${b.Id}, "Description": "planned b"},
    {"Id": ${c.Id}, "Description": ${JSON.stringify(c.Description)}}
  ]}`);
  const planPath = join(dir, 'three.plan.json');
  const p = await runCommand(planCommand, [file, '--endpoint', fx.emu.endpoint, '--rps', '100', '--out', planPath, '--format', 'markdown'], env);
  assert.equal(p.code, 0, p.stderr);
  assert.match(p.stdout, /\*\*2\*\* tasks to send .*\*\*1\*\* unchanged/);
  assert.match(p.stdout, new RegExp(`\\| ${a.Id} \\| Trigger\\.Cron \\| .*<br>.* \\| \`"00 30 04 \\* \\* \\?"\`<br>At 04:30`));
  const saved = parsePlanFile(readFileSync(planPath, 'utf8'), planPath);
  assert.equal(saved.target.endpoint, fx.emu.endpoint);
  assert.deepEqual(saved.tasks.map((t) => t.send), [true, true, false]);

  // Someone changes a's cron in DataWorks after the plan was made.
  await fx.client.batchUpdateTasks({ Tasks: [{ Id: a.Id, EnvType: 'Prod', Trigger: { Cron: '00 10 03 * * ?' } }] });
  const writes = requestsOf(fx, 'BatchUpdateTasks').length;
  const r = await runCommand(applyCommand, [planPath, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--rps', '100', ...journal()], env);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { results: { id: string; status: string; message: string }[] };
  assert.deepEqual(out.results.map((x) => x.status), ['not-sent', 'succeeded', 'not-sent']);
  assert.match(out.results[0].message, new RegExp(`^Held back: .*Trigger\\.Cron: "${(a.Trigger.Cron ?? "").replace(/[*?]/g, '\\$&')}" in the saved plan \\(${saved.createdAt}\\), now "00 10 03 \\* \\* \\?"`));
  assert.match(out.results[2].message, /^Not in the plan: Unchanged/);
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').length - writes, 1, 'one call, with b only');
  const state = fx.emu.snapshot().tasks.Prod;
  assert.equal(state[a.Id].Trigger.Cron, '00 10 03 * * ?', 'their change kept');
  assert.equal(state[b.Id].Description, 'planned b');

  // --force sends the held-back task.
  const forced = await runCommand(applyCommand, [planPath, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--rps', '100', '--force', ...journal()], env);
  assert.equal(forced.code, 0, forced.stderr);
  assert.equal(fx.emu.snapshot().tasks.Prod[a.Id].Trigger.Cron, '00 30 04 * * ?');
});

test('apply PLAN for another endpoint: refused with exit 2 and no call; an old plan warns', async () => {
  const t = tasksOf(fx.emu, 'Prod')[40];
  const file = join(dir, 'other.dwtasks.json');
  writeFileSync(file, `{"Tasks": [{"Id": ${t.Id}, "Description": "other target"}]}`);
  const planPath = join(dir, 'other.plan.json');
  assert.equal((await runCommand(planCommand, [file, '--endpoint', fx.emu.endpoint, '--rps', '100', '--out', planPath], env)).code, 0);
  const plan = JSON.parse(readFileSync(planPath, 'utf8')) as { target: { endpoint: string }; createdAt: string };
  const elsewhere = join(dir, 'elsewhere.plan.json');
  writeFileSync(elsewhere, JSON.stringify({ ...plan, target: { endpoint: 'http://127.0.0.2:9' } }));
  const seen = fx.requests.length;
  const r = await runCommand(applyCommand, [elsewhere, '--endpoint', fx.emu.endpoint, '--yes', ...journal()], env);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /the plan was made for http:\/\/127\.0\.0\.2:9, not http:\/\/127\.0\.0\.1:\d+; nothing was sent/);
  assert.deepEqual(fx.requests.slice(seen), [], 'no call at all');

  const old = join(dir, 'old.plan.json');
  writeFileSync(old, JSON.stringify({ ...plan, createdAt: new Date(Date.now() - 3 * 24 * 3600_000).toISOString() }));
  const o = await runCommand(applyCommand, [old, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '100', ...journal()], env);
  assert.equal(o.code, 0, o.stderr);
  assert.match(o.stderr, /Warning: .*old\.plan\.json was planned 72 hours ago/);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, 'other target');
});
