// SIGKILL in the middle of a 3,000-task apply: the revert patch is on disk already (written before the
// first write), and `dwtasks revert` on the journal gives the patch that, applied, puts every task back
// at its value before the run, whatever the kill left succeeded, unknown or not sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { revertPathFor } from '@src/files/journal-file';
import { summarizeJournal } from '@src/core/apply/journal';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import { builtCli } from '../built-cli';
import { journalResults, spawnCli } from './spawn-cli';

let fx: Fixture;
let dir: string;
let cli: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwkillrev-'));
  cli = builtCli();
  fx = await startFixture({ tasks: 3300, faults: { latencyMs: 40 } });
});
after(async () => { await fx.emu.close(); });

const run = (args: string[]) => spawnCli(cli, fx, args);

test('SIGKILL mid-apply of 3,000 tasks: revert patch already on disk; dwtasks revert on the journal, applied, puts every task back', async () => {
  const tasks = tasksOf(fx.emu, 'Prod').slice(0, 3000);
  assert.equal(tasks.length, 3000);
  const projects = [...new Set(tasks.map((t) => t.ProjectId))].flatMap((p) => ['--project', p]);
  const file = join(dir, 'big.dwtasks.json');
  writeFileSync(file, `{"Tasks": [${tasks.map((t) => `{"Id": ${t.Id}, "Description": "killed run"}`).join(',')}]}`);
  const journal = join(dir, 'big.jsonl');
  const apply = run(['apply', file, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--batch-size', '20', '--rps', '100', '--journal', journal, ...projects]);
  await journalResults(journal, 10, apply.child);
  apply.child.kill('SIGKILL');
  await apply.exited;
  await fx.emu.idle(); // a request the dead CLI had in flight has run (or was dropped): the state is final
  assert.ok(existsSync(revertPathFor(journal)), 'the revert patch was on disk before the kill');
  const summary = summarizeJournal(readFileSync(journal, 'utf8'));
  assert.equal(summary.finished, false);
  assert.ok(summary.counts.succeeded >= 200 && summary.counts.notSent > 0, JSON.stringify(summary.counts));

  const revertFile = join(dir, 'undo.dwtasks.json');
  const revert = run(['revert', journal, '--out', revertFile]);
  assert.equal(await revert.exited, 0, revert.out().stderr);
  assert.match(revert.out().stderr, /the run did not finish/);
  const undo = run(['apply', revertFile, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--rps', '100', '--journal', join(dir, 'undo.jsonl'), ...projects]);
  assert.equal(await undo.exited, 0, undo.out().stderr);
  const state = fx.emu.snapshot().tasks.Prod;
  const wrong = tasks.filter((t) => state[t.Id].Description !== t.Description).map((t) => t.Id);
  assert.deepEqual(wrong, [], 'every task back at its value before the run');
});
