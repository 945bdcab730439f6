// SIGKILL in the middle of a 3,000-task apply: the revert patch is on disk already (written before the
// first write), and `dwtasks revert` on the journal gives the patch that, applied, puts every task back
// at its value before the run, whatever the kill left succeeded, unknown or not sent.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { revertPathFor } from '../../../src/core/apply/journal-file';
import { summarizeJournal } from '../../../src/core/apply/journal';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/emulator-fixture';
import { builtCli } from '../built-cli';

let fx: Fixture;
let dir: string;
let cli: string;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwkillrev-'));
  cli = builtCli();
  fx = await startFixture({ tasks: 3300, faults: { latencyMs: 40 } });
});
after(async () => { await fx.emu.close(); });

function run(args: string[]) {
  const child = spawn(process.execPath, [cli, ...args], {
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => ({ stdout, stderr }) };
}

/** Resolves once the journal holds `n` result records: checked on every change in its folder (inotify). */
function resultsReached(journal: string, n: number, child: ReturnType<typeof run>['child']): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const check = (): void => {
      if (existsSync(journal) && (readFileSync(journal, 'utf8').match(/"type":"result"/g)?.length ?? 0) >= n) { done(); resolve(); }
    };
    const onExit = (code: number | null): void => { done(); reject(new Error(`the CLI exited (${code}) before ${n} results`)); };
    const done = (): void => { watcher.close(); child.off('exit', onExit); };
    watcher.on('change', check);
    child.once('exit', onExit);
    check();
  });
}

test('SIGKILL mid-apply of 3,000 tasks: revert patch already on disk; dwtasks revert on the journal, applied, puts every task back', async () => {
  const tasks = tasksOf(fx.emu, 'Prod').slice(0, 3000);
  assert.equal(tasks.length, 3000);
  const projects = [...new Set(tasks.map((t) => t.ProjectId))].flatMap((p) => ['--project', p]);
  const file = join(dir, 'big.dwtasks.json');
  writeFileSync(file, `{"Tasks": [${tasks.map((t) => `{"Id": ${t.Id}, "Description": "killed run"}`).join(',')}]}`);
  const journal = join(dir, 'big.jsonl');
  const apply = run(['apply', file, '--endpoint', fx.emu.endpoint, '--yes', '--json', '--batch-size', '20', '--rps', '100', '--journal', journal, ...projects]);
  await resultsReached(journal, 10, apply.child);
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
