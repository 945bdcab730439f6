// `dwtasks apply` / `diff` / `validate` in-process against the emulator: every hand-written patch validate
// rejects exits 2 on apply and diff with validate's findings, and the emulator's request log shows no
// request at all; a clean file with a BOM applies; a failure after sending exits 1, never 2.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyCommand } from '@src/cli/commands/apply';
import { diffCommand } from '@src/cli/commands/diff';
import { validateCommand } from '@src/cli/commands/validate';
import { revertPathFor } from '@src/files/journal-file';
import { summarizeJournal } from '@src/core/apply/journal';
import { startFixture, requestsOf, tasksOf, type Fixture } from '../core/apply/support/emulator-fixture';
import { invalidCases } from '../core/apply/support/invalid-cases';
import { runCommand } from './apply-cli-io';

let fx: Fixture;
let dir: string;
let env: NodeJS.ProcessEnv;
before(async () => {
  fx = await startFixture({ tasks: 200 });
  dir = mkdtempSync(join(tmpdir(), 'dwgate-'));
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
});
after(async () => { await fx.emu.close(); });

function file(name: string, body: string): string {
  const p = join(dir, name);
  writeFileSync(p, body);
  return p;
}

test('every hand-written case validate rejects: apply --yes and diff exit 2 with validate\'s lines; no request reaches the emulator', async () => {
  const t = tasksOf(fx.emu, 'Prod')[0];
  for (const [i, c] of invalidCases(t.Id).entries()) {
    const p = file(`bad-${i}.dwtasks.json`, c.text);
    const v = await runCommand(validateCommand, [p], env);
    assert.equal(v.code, 1, `${c.name}: validate rejects it`);
    const seen = fx.requests.length;
    const a = await runCommand(applyCommand, [p, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '100'], env);
    assert.equal(a.code, 2, `${c.name}: ${a.stderr}`);
    const lines = v.stdout.split('\n').filter((l) => l.startsWith(p));
    assert.ok(lines.length > 0);
    for (const l of lines) assert.ok(a.stderr.includes(l), `${c.name}: apply prints validate's line ${l}`);
    assert.match(a.stderr, /nothing was sent\.\n$/);
    const d = await runCommand(diffCommand, [p, '--endpoint', fx.emu.endpoint, '--rps', '100'], env);
    assert.equal(d.code, 2, `${c.name}: diff ${d.stderr}`);
    assert.deepEqual(fx.requests.slice(seen), [], `${c.name}: the emulator saw no request`);
  }
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
});

test('a clean file with a byte order mark validates clean and applies (exit 0)', async () => {
  const t = tasksOf(fx.emu, 'Prod')[5];
  const p = file('bom.dwtasks.json', `\ufeff{\n  "Tasks": [ { "Id": ${t.Id}, "Description": "applied with a BOM" } ]\n}\n`);
  assert.equal((await runCommand(validateCommand, [p], env)).code, 0);
  const seen = requestsOf(fx, 'BatchUpdateTasks').length;
  const r = await runCommand(applyCommand, [p, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '100'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').length, seen + 1);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, 'applied with a BOM');
});

test('the revert patch cannot be written before the first write: nothing is sent, exit 1, the result and the journal say so', async () => {
  const t = tasksOf(fx.emu, 'Prod')[6];
  const p = file('revert-fails.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Description": "revert blocked"}]}`);
  const journal = join(dir, 'blocked', 'run.jsonl');
  mkdirSync(revertPathFor(journal), { recursive: true }); // a directory where the revert file should go
  const r = await runCommand(applyCommand, [p, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '100', '--project', t.ProjectId, '--journal', journal, '--json'], env);
  assert.equal(r.code, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { results: { status: string }[]; revert: string | null; problems?: string[] };
  assert.deepEqual(out.results.map((x) => x.status), ['not-sent']);
  assert.equal(out.revert, null);
  assert.match(out.problems?.[0] ?? '', /revert patch could not be written \(EISDIR.*nothing was sent/);
  assert.match(r.stderr, /dwtasks apply: The revert patch could not be written/);
  assert.ok(existsSync(journal));
  const summary = summarizeJournal(readFileSync(journal, 'utf8'));
  assert.equal(summary.finished, true);
  assert.deepEqual(summary.counts, { succeeded: 0, failed: 0, unknown: 0, notSent: 1 });
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
});

test('a failed project listing: nothing sent, exit 3, the message names --project and --no-revert', async () => {
  const t = tasksOf(fx.emu, 'Prod')[7];
  const p = file('listing.dwtasks.json', `{"Tasks": [{"Id": ${t.Id}, "Description": "never"}]}`);
  fx.emu.setFaults({ dailyQuota: 0 });
  const seen = fx.requests.length;
  try {
    const r = await runCommand(applyCommand, [p, '--endpoint', fx.emu.endpoint, '--yes', '--rps', '100'], env);
    assert.equal(r.code, 3, r.stderr);
    assert.match(r.stderr, /Listing the account's projects failed .*nothing was sent\. Name the projects with --project ID, or skip reading current values with --no-revert/);
  } finally {
    fx.emu.setFaults({});
  }
  assert.ok(fx.requests.slice(seen).every((l) => l.startsWith('ListProjects ')), fx.requests.slice(seen).join(' | '));
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
});
