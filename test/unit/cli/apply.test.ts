// `dwtasks apply` in-process against the emulator: exit codes 0/1/2/3, --json shape with exact ids,
// journal and revert files, refusal to touch Prod without --yes when stdin is not a terminal.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@src/cli/commands/apply';
import { summarizeJournal } from '@src/core/apply/journal';
import { startFixture, tasksOf, type Fixture } from '../core/apply/support/emulator-fixture';
import { runCommand } from './apply-cli-io';

let fx: Fixture;
let dir: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  fx = await startFixture({ tasks: 300 });
  dir = mkdtempSync(join(tmpdir(), 'dwapply-'));
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
});
after(async () => { await fx.emu.close(); });

function patchFile(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

test('exit 0, --json: one object, ids as exact strings, journal and revert next to the patch', async () => {
  const prod = tasksOf(fx.emu, 'Prod');
  const big = prod.find((t) => BigInt(t.Id) > 2n ** 53n)!;
  const other = prod[3];
  const file = patchFile('ok.dwtasks.json', `{
  // applied by the CLI test
  "Comment": "cli test",
  "Tasks": [
    { "Id": ${big.Id}, "Description": "from the cli" },
    { "Id": ${other.Id}, "Timeout": 5400 },
  ]
}`);
  const r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--rps', '50'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, 1, 'exactly one JSON line');
  assert.ok(r.stdout.includes(`"id":"${big.Id}"`), 'id printed as an exact string');
  const out = JSON.parse(r.stdout) as { results: { id: string; envType: string; status: string; message: string; requestId: string | null }[]; journal: string; revert: string | null };
  assert.deepEqual(Object.keys(out), ['results', 'journal', 'revert']);
  assert.deepEqual(out.results.map((x) => [x.id, x.envType, x.status]), [[big.Id, 'Prod', 'succeeded'], [other.Id, 'Prod', 'succeeded']]);
  assert.ok(out.results.every((x) => typeof x.requestId === 'string' && typeof x.message === 'string'));
  assert.ok(out.journal.startsWith(join(dir, '.dwtasks', 'journal')), out.journal);
  const summary = summarizeJournal(readFileSync(out.journal, 'utf8'));
  assert.equal(summary.finished, true);
  assert.deepEqual(summary.counts, { succeeded: 2, failed: 0, unknown: 0, notSent: 0 });
  assert.equal(summary.plan?.target.endpoint, fx.emu.endpoint);
  assert.ok(!readFileSync(out.journal, 'utf8').includes(fx.emu.accessKeySecret), 'no secret in the journal');
  assert.ok(out.revert && existsSync(out.revert));
  const revert = readFileSync(out.revert, 'utf8');
  assert.ok(revert.includes(`"Id": ${big.Id}`) && revert.includes(JSON.stringify(big.Description)), revert);
  assert.equal(fx.emu.snapshot().tasks.Prod[big.Id].Description, 'from the cli');
  assert.match(r.stderr, /Plan: 2 of 2 tasks.*\(Prod: 2\)/);
});

test('exit 1 when a task fails; the table names it with the service message', async () => {
  const t = tasksOf(fx.emu, 'Prod')[10];
  const file = patchFile('some-fail.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Owner": "204000000000000001"}, {"Id": 123456789, "Owner": "1"}]}`);
  const r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--yes', '--no-revert', '--rps', '50'], env);
  assert.equal(r.code, 1, r.stderr);
  const rows = r.stdout.trim().split('\n');
  assert.match(rows[0], /^ID\s+ENV\s+STATUS\s+REQUEST ID\s+MESSAGE$/);
  assert.match(rows[1], new RegExp(`^${t.Id}\\s+Prod\\s+succeeded`));
  assert.match(rows[2], /^123456789\s+Prod\s+failed\s+\S+\s+.*does not exist/);
});

test('exit 2: invalid patch (file:line:col as validate prints it; nothing sent), Prod without --yes on a non-terminal, bad flags', async () => {
  const t = tasksOf(fx.emu, 'Prod')[20];
  const before = fx.emu.snapshot().tasks.Prod[t.Id];
  const bad = patchFile('bad.dwtasks.json', `{"Tasks": [\n  {"Id": ${t.Id}, "Description": "should not be sent"},\n  {"Description": "no id"}\n]}`);
  let r = await runCommand(applyCommand, [bad, '--endpoint', fx.emu.endpoint, '--yes'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:\\d+: error \\[dwtasks/id-missing\\] Task #2 .*Id is missing`));
  assert.match(r.stderr, /nothing was sent/);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, before.Description);

  const prodFile = patchFile('prod.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Description": "needs confirmation"}]}`);
  r = await runCommand(applyCommand, [prodFile, '--endpoint', fx.emu.endpoint], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /1 task targets Prod and stdin is not a terminal; re-run with --yes/);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, before.Description);

  for (const args of [['--batch-size', '0'], ['--batch-size', '101'], ['--rps', 'x'], ['--read-rps', '0'], ['--bogus'], ['--region', 'cn-hangzhou']]) {
    r = await runCommand(applyCommand, [prodFile, '--endpoint', fx.emu.endpoint, ...args], env);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /Usage: dwtasks apply/);
  }
  r = await runCommand(applyCommand, [join(dir, 'missing.dwtasks.json'), '--yes'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /cannot read '[^']*missing\.dwtasks\.json': no such file/);
});

test('--dry-run sends nothing and exits 0', async () => {
  const t = tasksOf(fx.emu, 'Prod')[21];
  const file = patchFile('dry.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Description": "dry"}]}`);
  const r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--dry-run', '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout).results.map((x: { status: string }) => x.status), ['not-sent']);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
});

test('exit 3: wrong secret (auth) and used-up daily quota; the secret never printed', async () => {
  const t = tasksOf(fx.emu, 'Prod')[22];
  const file = patchFile('auth.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Description": "x"}]}`);
  const wrongSecret = 'wrong-secret-value-1234';
  let r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--yes'], { ...env, ALIBABA_CLOUD_ACCESS_KEY_SECRET: wrongSecret });
  assert.equal(r.code, 3, r.stderr);
  assert.match(r.stderr, /SignatureDoesNotMatch/);
  assert.ok(!r.stderr.includes(wrongSecret) && !r.stdout.includes(wrongSecret));

  fx.emu.setFaults({ dailyQuota: 0 });
  try {
    r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--yes', '--json'], env);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /Throttling\.Resource/);
    assert.deepEqual(JSON.parse(r.stdout).results.map((x: { id: string; status: string }) => [x.id, x.status]), [[t.Id, 'not-sent']], '--json still prints its one object');
  } finally {
    fx.emu.setFaults({});
  }
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
});

test('a patch whose last run was interrupted: apply says so and names that run\'s revert patch', async () => {
  const t = tasksOf(fx.emu, 'Prod')[23];
  const sub = mkdtempSync(join(dir, 'interrupted-'));
  const file = join(sub, 'again.dwtasks.json');
  writeFileSync(file, `{"Tasks": [{"Id": ${t.Id}, "Description": "interrupted before"}]}`);
  const journal = join(sub, '.dwtasks', 'journal', '20261201T000000000Z-again.jsonl');
  mkdirSync(join(sub, '.dwtasks', 'journal'), { recursive: true });
  const revert = join(sub, '.dwtasks', 'journal', '20261201T000000000Z-again.revert.dwtasks.json');
  writeFileSync(journal, `${JSON.stringify({ type: 'plan', version: 2, at: '2026-12-01T00:00:00Z', target: {}, batchSize: 20, rps: 4, envCounts: { Prod: 1, Dev: 0 }, chunks: [], revert })}\n`);
  const r = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--dry-run'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stderr.includes(`The last run of ${file} was interrupted (journal ${journal}); its revert patch: ${revert}`), r.stderr);
  const done = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--yes'], env);
  assert.equal(done.code, 0, done.stderr);
  const later = await runCommand(applyCommand, [file, '--endpoint', fx.emu.endpoint, '--dry-run'], env);
  assert.doesNotMatch(later.stderr, /was interrupted/, 'the newest run finished');
});
