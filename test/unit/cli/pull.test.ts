// `dwtasks pull` in-process against the emulator (real HTTP, real signatures), and `dwtasks apply`'s
// pulled-value check on what it wrote.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@src/cli/commands/apply';
import { pullCommand } from '@src/cli/commands/pull';
import { parsePatch } from '@src/core/patch/index';
import { PULL_FIELDS } from '@src/core/pull/fields';
import { pulledSidecarPath, readPulledSidecar } from '@src/files/pulled-sidecar';
import { validateText } from '@src/core/validate/index';
import { startFixture, type Fixture } from '../core/apply/support/emulator-fixture';
import { runCommand } from './apply-cli-io';

let fx: Fixture;
let env: NodeJS.ProcessEnv;
let dir: string;
let project: string;
before(async () => {
  fx = await startFixture({ tasks: 800 });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
  dir = mkdtempSync(join(tmpdir(), 'dwpull-'));
  project = fx.projectIds[0]!;
});
after(async () => { await fx.emu.close(); });

const prodOf = (p: string) => Object.values(fx.emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === p);

test('pull: every task of the filter into FILE with only the chosen field, --json counts, sidecar beside it, valid as written', async () => {
  const owner = prodOf(project)[0]!.Owner;
  const expected = prodOf(project).filter((t) => t.Owner === owner);
  const out = join(dir, 'owner.dwtasks.json');
  const r = await runCommand(pullCommand, ['--project', project, '--owner', owner, '--fields', 'RuntimeResource.ResourceGroupId', '--out', out, '--endpoint', fx.emu.endpoint, '--rps', '50', '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { file: out, count: expected.length, total: expected.length });
  const text = readFileSync(out, 'utf8');
  const parsed = parsePatch(text);
  assert.deepEqual(parsed.tasks.map((t) => t.id).sort(), expected.map((t) => t.Id).sort());
  for (const t of parsed.tasks) {
    const rec = expected.find((e) => e.Id === t.id)!;
    assert.deepEqual(t.value, { Id: rec.Id, EnvType: 'Prod', RuntimeResource: { ResourceGroupId: rec.RuntimeResource.ResourceGroupId } });
    assert.ok(text.includes(`// ${rec.Name}\n    {\n      "Id": ${rec.Id},`), `name comment above ${rec.Id}`);
  }
  assert.deepEqual(validateText(text, { schema: true }).findings, []);
  assert.match(r.stderr, new RegExp(`Pulled ${expected.length} of ${expected.length} tasks of project ${project} \\(Prod\\)`));
  const pulled = readPulledSidecar(out);
  assert.equal(pulled.length, expected.length);
  assert.ok(pulled.every((p) => Object.keys(p.values).join() === 'RuntimeResource.ResourceGroupId' && p.projectId === project && p.endpoint === fx.emu.endpoint));
  assert.deepEqual(Object.keys(JSON.parse(text.replace(/^\s*\/\/.*$/gm, '').replace(/"Id": (\d+)/g, '"Id": "$1"')) as object), ['Tasks'], 'what was pulled is not in the patch');
});

test('pull: without --fields, Id and EnvType only (the no-op warning is the only finding); Dev; an existing FILE needs --force', async () => {
  const out = join(dir, 'dev.dwtasks.json');
  const args = ['--project', project, '--env', 'Dev', '--type', 'DI', '--out', out, '--endpoint', fx.emu.endpoint, '--rps', '50'];
  let r = await runCommand(pullCommand, args, env);
  assert.equal(r.code, 0, r.stderr);
  const expected = Object.values(fx.emu.snapshot().tasks.Dev).filter((t) => t.ProjectId === project && t.Type === 'DI');
  const text = readFileSync(out, 'utf8');
  assert.equal(parsePatch(text).tasks.length, expected.length);
  assert.ok(parsePatch(text).tasks.every((t) => Object.keys(t.value).join() === 'Id,EnvType' && t.value.EnvType === 'Dev'));
  assert.deepEqual([...new Set(validateText(text, { schema: true }).findings.map((f) => f.code))], ['dwtasks/task-no-changes']);
  r = await runCommand(pullCommand, args, env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /dev\.dwtasks\.json exists; give another path, or --force to replace it/);
  r = await runCommand(pullCommand, [...args, '--force'], env);
  assert.equal(r.code, 0, r.stderr);
});

test('pull: usage errors exit 2 naming the problem; a typo in --fields names the field and the valid ones', async () => {
  const base = ['--endpoint', fx.emu.endpoint, '--out', join(dir, 'never.dwtasks.json')];
  const cases: [string[], RegExp][] = [
    [['--project', project, '--fields', 'Trigger.Corn,Owner'], /--fields: unknown field 'Trigger\.Corn'; the fields a patch can change are: Name, .*Trigger\.Cron/],
    [[], /--project ID is required/],
    [['--project', 'abc'], /--project takes a project id/],
    [['--project', project, '--env', 'prod'], /--env must be Prod or Dev/],
    [['--project', project, '--trigger', 'Cron'], /--trigger must be Scheduler or Manual/],
    [['--project', project, '--rps', '0'], /--rps must be a number/],
    [['--project', project, '--bogus'], /Unknown option '--bogus'/],
  ];
  for (const [args, message] of cases) {
    const r = await runCommand(pullCommand, [...args, ...base], env);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, message);
  }
  const typo = await runCommand(pullCommand, ['--project', project, '--fields', 'Trigger.Corn', ...base], env);
  for (const f of PULL_FIELDS) assert.ok(typo.stderr.includes(f), `the message lists ${f}`);
  assert.equal(existsSync(join(dir, 'never.dwtasks.json')), false, 'nothing written');
  // A project the account does not have: the service's parameter error, exit 2, nothing written.
  const r = await runCommand(pullCommand, ['--project', '999', ...base], env);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /999/);
});

test('pull: the service unreachable is exit 3 and nothing is written', async () => {
  const out = join(dir, 'down.dwtasks.json');
  const r = await runCommand(pullCommand, ['--project', project, '--endpoint', 'http://127.0.0.1:9', '--out', out], env);
  assert.equal(r.code, 3, r.stderr);
  assert.equal(existsSync(out), false);
});

test('apply of a pulled patch: the plan holds back a task changed since the pull (named, not sent) without --force; --force sends it', async () => {
  const out = join(dir, 'cron.dwtasks.json');
  let r = await runCommand(pullCommand, ['--project', project, '--name', 'dws_', '--trigger', 'Scheduler', '--fields', 'Trigger.Cron', '--out', out, '--endpoint', fx.emu.endpoint, '--rps', '50'], env);
  assert.equal(r.code, 0, r.stderr);
  const first = parsePatch(readFileSync(out, 'utf8')).tasks[0]!;
  writeFileSync(out, readFileSync(out, 'utf8').replace(/"Cron": "[^"]*"/g, '"Cron": "00 30 04 * * ?"'));
  // Someone changes the first task's cron in the console.
  await fx.client.batchUpdateTasks({ Tasks: [{ Id: first.id!, EnvType: 'Prod', Trigger: { Cron: '00 10 03 * * ?' } }] });
  const before = fx.emu.snapshot().tasks.Prod;
  let runs = 0;
  const applyArgs = () => [out, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '50', '--project', project, '--journal', join(dir, `cron-${++runs}.jsonl`)];
  r = await runCommand(applyCommand, applyArgs(), env);
  assert.equal(r.code, 1, r.stderr);
  const pulledCron = JSON.stringify(readPulledSidecar(out).find((p) => p.id === first.id)!.values['Trigger.Cron']).replace(/[*?.]/g, '\\$&');
  assert.match(r.stderr, new RegExp(`Task ${first.id} \\(Prod\\): Held back: changed in DataWorks since the pull \\(Trigger\\.Cron: ${pulledCron} pulled \\(\\S+\\), now "00 10 03 \\* \\* \\?"; the patch sets "00 30 04 \\* \\* \\?"\\); not sent\\.`));
  assert.match(r.stderr, /1 task changed in DataWorks since its values were recorded is held back; re-run with --force/);
  const after = fx.emu.snapshot().tasks.Prod;
  assert.deepEqual(after[first.id!], before[first.id!], 'the drifted task was not sent');
  assert.ok(Object.keys(after).some((id) => after[id]!.Trigger.Cron === '00 30 04 * * ?' && before[id]!.Trigger.Cron !== '00 30 04 * * ?'), 'the others were');
  r = await runCommand(applyCommand, [...applyArgs(), '--force'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, new RegExp(`--force: applying anyway; 1 value changed in DataWorks since is overwritten:\\n  Task ${first.id} \\S+ \\(Prod\\) Trigger\\.Cron: "[^"]+" pulled`));
  assert.equal(fx.emu.snapshot().tasks.Prod[first.id!]!.Trigger.Cron, '00 30 04 * * ?');
  // Applying the same file again overwrites nobody: current == patched, so no warning.
  r = await runCommand(applyCommand, applyArgs(), env);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /held back|overwritten/);
  assert.match(r.stderr, /none changed in DataWorks since the pull/);
  assert.ok(existsSync(pulledSidecarPath(out)));
  // What apply set is the new baseline: editing the patch again and applying it (or its revert) is
  // your own change, not someone else's.
  assert.ok(readPulledSidecar(out).every((p) => p.values['Trigger.Cron'] === '00 30 04 * * ?'));
  writeFileSync(out, readFileSync(out, 'utf8').replace(/"Cron": "[^"]*"/g, '"Cron": "00 45 05 * * ?"'));
  r = await runCommand(applyCommand, applyArgs(), env);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /held back|overwritten/);
  assert.equal(fx.emu.snapshot().tasks.Prod[first.id!]!.Trigger.Cron, '00 45 05 * * ?');
});

test('pull and apply refuse a .dwtasks folder that links out of the patch\'s folder; nothing is read, written or sent', async () => {
  const repo = mkdtempSync(join(tmpdir(), 'dwrepo-'));
  const elsewhere = mkdtempSync(join(tmpdir(), 'dwelsewhere-'));
  symlinkSync(elsewhere, join(repo, '.dwtasks'));
  const out = join(repo, 'linked.dwtasks.json');
  const calls = fx.requests.length;
  let r = await runCommand(pullCommand, ['--project', project, '--out', out, '--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /\.dwtasks is a symbolic link to .*outside the folder of the patch/);
  assert.equal(existsSync(out), false);
  const task = prodOf(project)[0]!;
  writeFileSync(out, JSON.stringify({ Tasks: [{ Id: Number(task.Id), EnvType: 'Prod', Timeout: 7200 }] }));
  r = await runCommand(applyCommand, [out, '--endpoint', fx.emu.endpoint, '--yes'], env);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /outside the folder of the patch/);
  assert.equal(fx.requests.length, calls, 'no request at all');
  assert.deepEqual(readdirSync(elsewhere), [], 'nothing written where the link points');
});
