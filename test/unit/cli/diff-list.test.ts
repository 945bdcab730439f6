// `dwtasks diff` and `dwtasks list` in-process against the emulator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffCommand } from '@src/cli/commands/diff';
import { listCommand } from '@src/cli/commands/list';
import { describeCron } from '@src/core/cron/describe';
import { startFixture, tasksOf, type Fixture } from '../core/apply/support/emulator-fixture';
import { runCommand } from './apply-cli-io';

let fx: Fixture;
let env: NodeJS.ProcessEnv;
before(async () => {
  fx = await startFixture({ tasks: 600 });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
});
after(async () => { await fx.emu.close(); });

test('diff: the plan: changed fields current -> patched, crons in words, unchanged fields apart; sends nothing', async () => {
  const [a, b] = tasksOf(fx.emu, 'Prod').filter((t) => t.Trigger.Type === 'Scheduler');
  const file = join(mkdtempSync(join(tmpdir(), 'dwdiff-')), 'd.dwtasks.json');
  writeFileSync(file, JSON.stringify({ Tasks: [
    { Id: 0, Trigger: { Cron: '00 45 05 * * ?' }, Owner: a.Owner },
    { Id: 1, Tags: [{ Key: 'k', Value: 'v' }] },
  ] }).replace('"Id":0', `"Id":${a.Id}`).replace('"Id":1', `"Id":${b.Id}`));
  let r = await runCommand(diffCommand, [file, '--endpoint', fx.emu.endpoint, '--rps', '100'], env);
  assert.equal(r.code, 1, r.stderr);
  // The plan (the editor's Preview shows the same text): changes with crons in words, unchanged fields apart.
  assert.equal(r.stdout, [
    `Plan for ${file}`,
    '2 of 2 tasks would change, 2 fields in all; 1 field already has the patched value.',
    '',
    'Changes (2 tasks, 2 fields):',
    `  Task ${a.Id} (Prod)`,
    `    Trigger.Cron: ${JSON.stringify(a.Trigger.Cron)} -> "00 45 05 * * ?"`,
    `      ${describeCron(a.Trigger.Cron!, 'en')} -> At 05:45, every day`,
    `  Task ${b.Id} (Prod)`,
    `    Tags: ${JSON.stringify(b.Tags)} -> [{"Key":"k","Value":"v"}]`,
    '',
    'Would not change (1 field already at the patched value):',
    `  Task ${a.Id} (Prod)`,
    `    Owner: ${JSON.stringify(a.Owner)}`,
    '',
  ].join('\n'));
  r = await runCommand(diffCommand, [file, '--endpoint', fx.emu.endpoint, '--json', '--project', a.ProjectId], env);
  const out = JSON.parse(r.stdout) as { tasks: { id: string; changes: { path: string; changed: boolean }[] }[] };
  assert.deepEqual(out.tasks.map((t) => [t.id, t.changes.map((c) => `${c.path}:${c.changed}`)]), [
    [a.Id, ['Trigger.Cron:true', 'Owner:false']], [b.Id, ['Tags:true']],
  ]);
  assert.equal(fx.emu.snapshot().tasks.Prod[a.Id].Trigger.Cron, a.Trigger.Cron);
});

test('list: every page of a project, ids exact in JSON, name filter, usage errors', async () => {
  const state = fx.emu.snapshot();
  const project = state.projects[0].Id;
  const expected = Object.values(state.tasks.Dev).filter((t) => t.ProjectId === project).map((t) => t.Id).sort();
  assert.ok(expected.length > 100, 'more than one page');
  let r = await runCommand(listCommand, ['--project', project, '--env', 'Dev', '--json', '--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 0, r.stderr);
  const tasks = JSON.parse(r.stdout) as { Id: string }[];
  assert.deepEqual(tasks.map((t) => t.Id).sort(), expected);
  const big = expected.find((id) => BigInt(id) > 2n ** 53n);
  if (big) assert.ok(r.stdout.includes(`"Id":"${big}"`));
  const name = Object.values(state.tasks.Prod).find((t) => t.ProjectId === project)!.Name;
  r = await runCommand(listCommand, ['--project', project, '--name', name, '--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 0);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^ID\s+NAME\s+TYPE\s+OWNER\s+SCHEDULE$/);
  assert.ok(lines.slice(1).length >= 1 && lines.slice(1).every((l) => l.includes(name)), r.stdout);
  for (const args of [['--project', 'abc'], ['--project', project, '--env', 'prod'], ['--env', 'Dev'], ['--name', 'x']]) {
    r = await runCommand(listCommand, [...args, '--endpoint', fx.emu.endpoint], env);
    assert.equal(r.code, 2, args.join(' '));
  }
  r = await runCommand(listCommand, ['--project', '99', '--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 2, 'unknown project is an invalid parameter');
  assert.match(r.stderr, /ProjectId/);
});

test('list without --project: the account\'s projects (table and JSON), so the id to ask for can be found', async () => {
  const projects = fx.emu.snapshot().projects;
  let r = await runCommand(listCommand, ['--endpoint', fx.emu.endpoint, '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual((JSON.parse(r.stdout) as { Id: string }[]).map((p) => p.Id).sort(), projects.map((p) => p.Id).sort());
  r = await runCommand(listCommand, ['--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0], /^ID\s+NAME\s+DISPLAY NAME$/);
  assert.equal(lines.length, projects.length + 1);
  for (const p of projects) assert.ok(lines.some((l) => l.startsWith(p.Id) && l.includes(p.Name)), p.Id);
  assert.match(r.stderr, new RegExp(`${projects.length} projects\\. List a project's tasks with --project ID`));
});
