// The built CLI, killed mid-apply: SIGKILL leaves a journal that agrees with the service's state;
// SIGINT cancels cleanly (in-flight chunk finishes or is unknown, the rest reported not sent).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeJournal, type JournalSummary } from '@src/core/apply/journal';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import type { TaskRecord } from '@src/emulator/index';
import { builtCli } from '../built-cli';
import { journalResults, spawnCli } from './spawn-cli';

let fx: Fixture;
let dir: string;
let cli: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwkill-'));
  cli = builtCli();
  fx = await startFixture({ tasks: 400, faults: { latencyMs: 120 } });
});
after(async () => { await fx.emu.close(); });

function startApply(name: string, tasks: TaskRecord[], marker: string) {
  const file = join(dir, `${name}.dwtasks.json`);
  writeFileSync(file, `{"Tasks": [${tasks.map((t) => `{"Id": ${t.Id}, "Description": "${marker}"}`).join(',')}]}`);
  const journal = join(dir, `${name}.jsonl`);
  return { ...spawnCli(cli, fx, ['apply', file, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--batch-size', '5', '--rps', '50', '--journal', journal, '--project', tasks[0].ProjectId]), journal };
}

/** Every task the journal says succeeded is applied; every task it says was not sent (or failed) is untouched. */
function assertAgrees(summary: JournalSummary, tasks: TaskRecord[], marker: string): void {
  const state = fx.emu.snapshot().tasks.Prod;
  summary.tasks.forEach((t, i) => {
    assert.equal(t.id, tasks[i].Id);
    const now = state[t.id].Description;
    if (t.status === 'succeeded') assert.equal(now, marker, `${t.id} journaled succeeded but not applied`);
    else if (t.status === 'not-sent' || t.status === 'failed') assert.equal(now, tasks[i].Description, `${t.id} journaled ${t.status} but applied`);
    else assert.ok(now === marker || now === tasks[i].Description);
  });
}

test('SIGKILL mid-apply: the journal says exactly what was sent, and the emulator agrees', async () => {
  const tasks = tasksOf(fx.emu, 'Prod').slice(0, 60);
  const run = startApply('kill', tasks, 'killed run');
  await journalResults(run.journal, 3, run.child);
  run.child.kill('SIGKILL');
  await run.exited;
  await fx.emu.idle(); // a request the dead CLI had in flight has run (or was dropped): the state is final
  const summary = summarizeJournal(readFileSync(run.journal, 'utf8'));
  assert.equal(summary.finished, false);
  assert.ok(summary.counts.succeeded >= 15, JSON.stringify(summary.counts));
  assert.ok(summary.counts.notSent > 0, JSON.stringify(summary.counts));
  assert.ok(summary.inFlight.length <= 2, 'two chunks in flight at most');
  assertAgrees(summary, tasks, 'killed run');
  // Re-running the same file is safe and completes the rest.
  const again = startApply('kill-rerun', tasks, 'killed run');
  assert.equal(await again.exited, 0, again.out().stderr);
  assert.ok(tasks.every((t) => fx.emu.snapshot().tasks.Prod[t.Id].Description === 'killed run'));
});

test('SIGINT mid-apply: cancelled cleanly, exit 1, not-sent tasks reported and untouched', async () => {
  const tasks = tasksOf(fx.emu, 'Prod').slice(100, 160);
  const run = startApply('sigint', tasks, 'interrupted run');
  await journalResults(run.journal, 2, run.child);
  run.child.kill('SIGINT');
  const code = await run.exited;
  const { stdout, stderr } = run.out();
  assert.equal(code, 1, stderr);
  const out = JSON.parse(stdout) as { results: { id: string; status: string }[]; journal: string };
  const summary = summarizeJournal(readFileSync(run.journal, 'utf8'));
  assert.equal(summary.end?.status, 'cancelled');
  assert.deepEqual(out.results.map((r) => r.status), summary.tasks.map((t) => t.status));
  assert.ok(out.results.some((r) => r.status === 'not-sent'));
  assert.match(stderr, /Cancelling/);
  assertAgrees(summary, tasks, 'interrupted run');
});
