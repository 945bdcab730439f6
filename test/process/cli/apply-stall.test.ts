// The built CLI against a service that stops answering writes (the emulator's stallWritesAfter, as
// `dwtasks emulator --stall-writes-after 3`): the run ends by itself, the calls in flight end unknown,
// nothing more is sent, the summary says the service stopped answering, exit 3. No time bound: the
// per-request timeout is lowered with --timeout so the test is quick, and it waits on the exit.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeJournal } from '@src/core/apply/journal';
import { startFixture, requestsOf, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import { builtCli } from '../built-cli';
import { spawnCli } from './spawn-cli';

let fx: Fixture;
let dir: string;
let cli: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwstall-'));
  cli = builtCli();
  fx = await startFixture({ tasks: 700, faults: { stallWritesAfter: 3 } });
});
after(async () => { await fx.emu.close(); });

test('writes that get no answer stop the run: 60 succeeded, the calls in flight unknown, the rest not sent, exit 3', async () => {
  const tasks = tasksOf(fx.emu, 'Prod').slice(0, 600);
  const file = join(dir, 'stall.dwtasks.json');
  writeFileSync(file, `{"Tasks": [${tasks.map((t) => `{"Id": ${t.Id}, "Description": "stalled run"}`).join(',')}]}`);
  const journal = join(dir, 'stall.jsonl');
  const run = spawnCli(cli, fx, ['apply', file, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--batch-size', '20', '--rps', '50', '--timeout', '300', '--journal', journal, ...[...new Set(tasks.map((t) => t.ProjectId))].flatMap((p) => ['--project', p])]);
  const code = await run.exited;
  const { stdout, stderr } = run.out();
  assert.equal(code, 3, stderr);
  const out = JSON.parse(stdout) as { results: { status: string }[] };
  const count = (s: string) => out.results.filter((r) => r.status === s).length;
  assert.equal(count('succeeded'), 60, stderr);
  assert.ok(count('unknown') >= 20 && count('unknown') <= 40, `unknown: at most the two calls in flight (${count('unknown')})`);
  assert.equal(count('not-sent'), 600 - 60 - count('unknown'));
  assert.equal(count('failed'), 0);
  assert.match(stderr, /stopped answering after \d+ calls? \(/);
  assert.doesNotMatch(stderr, /could not connect/);
  const summary = summarizeJournal(readFileSync(journal, 'utf8'));
  assert.equal(summary.end?.status, 'stopped');
  assert.deepEqual(summary.tasks.map((t) => t.status), out.results.map((r) => r.status));
  // Exactly the tasks reported succeeded changed: the 3 answered calls (with two in flight, a later chunk can
  // reach the service before an earlier one, so which 3 is the arrival order's); the held ones never ran.
  const state = fx.emu.snapshot().tasks.Prod;
  tasks.forEach((t, i) => assert.equal(state[t.Id].Description === 'stalled run', out.results[i].status === 'succeeded', t.Id));
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').filter((l) => / 200 /.test(l)).length, 3);
});
