// `dwtasks apply` on a real terminal (a pty from util-linux `script`): Prod changes are asked about
// first; "n" (or just Enter) sends nothing, "y" applies. The built dist/cli.js, as a user runs it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import { builtCli } from '../built-cli';

let fx: Fixture;
let dir: string;
let cli: string;

before(async () => {
  cli = builtCli();
  fx = await startFixture({ tasks: 120 });
  dir = mkdtempSync(join(tmpdir(), 'dwapply-tty-'));
});
after(async () => { await fx?.emu.close(); });

const shellQuote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** Runs the CLI on a pty, answers the first "[y/N]" prompt with `answer`, returns the terminal's text and exit code. */
function applyOnTerminal(file: string, answer: string): Promise<{ code: number | null; screen: string }> {
  const cmd = [process.execPath, cli, 'apply', file, '--endpoint', fx.emu.endpoint, '--no-revert', '--rps', '50'].map(shellQuote).join(' ');
  const child = spawn('script', ['-qefc', cmd, '/dev/null'], {
    env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  let answered = false;
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    screen += d;
    if (!answered && screen.includes('[y/N]')) {
      answered = true;
      child.stdin.write(`${answer}\r`);
    }
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, screen }));
  });
}

test('on a terminal, Prod changes wait for an answer: "n" sends nothing, "y" applies', async () => {
  const t = tasksOf(fx.emu, 'Prod')[5]!;
  const before = fx.emu.snapshot().tasks.Prod[t.Id]!.Description;
  const file = join(dir, 'prod.dwtasks.json');
  writeFileSync(file, `{"Tasks": [{"Id": ${t.Id}, "EnvType": "Prod", "Description": "confirmed on a terminal"}]}`);

  const no = await applyOnTerminal(file, 'n');
  assert.match(no.screen, /Change 1 Prod task at .*\[y\/N\]/, no.screen);
  assert.match(no.screen, /Not confirmed; nothing was sent\./);
  assert.equal(no.code, 2);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id]!.Description, before);

  const yes = await applyOnTerminal(file, 'y');
  assert.equal(yes.code, 0, yes.screen);
  assert.match(yes.screen, new RegExp(`${t.Id}\\s+Prod\\s+succeeded`));
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id]!.Description, 'confirmed on a terminal');
  assert.ok(!yes.screen.includes(fx.emu.accessKeySecret), 'the secret is not printed');
});
