// `npm start -- --host 0.0.0.0`: the workbench (with a terminal) is served to the network, so
// code-server asks for the password start.mjs printed once. Without it a request gets the login
// redirect, never the workbench; a wrong password is refused; with it the workbench loads.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './built-cli';

let start: ChildProcess | undefined;
let home = '';
let output = '';
let address = '';
let password = '';

/** The first non-internal IPv4 address of this machine (the address others would use), or loopback. */
function networkAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

before(async () => {
  home = mkdtempSync(join(tmpdir(), 'dwtasks-start-auth-'));
  const env = { ...process.env };
  delete env.PASSWORD;
  start = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--host', '0.0.0.0', '--port', '0', '--home', home], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env,
  });
  start.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  await new Promise<void>((resolve, reject) => {
    start!.stdout!.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      const open = /Open (http:\/\/\S+)/.exec(output);
      const pw = /Password: (\S+)/.exec(output);
      if (open && pw) {
        address = open[1]!;
        password = pw[1]!;
        resolve();
      }
    });
    // The output is not shown on failure: it holds the password.
    start!.once('exit', (code) => reject(new Error(`npm start exited with ${code} before printing the address and password`)));
  });
});

after(async () => {
  // Ctrl+C: start.mjs stops the code-server and emulator it started.
  if (start?.pid && start.exitCode === null) {
    const exited = new Promise((resolve) => start!.once('exit', resolve));
    process.kill(-start.pid, 'SIGINT');
    await exited;
  }
  // code-server's last writes can race the removal right after it stops: rmSync retries those.
  rmSync(home, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
});

test('on 0.0.0.0 a random password is printed once; without it the workbench is not served', async () => {
  assert.ok(password.length >= 20, 'a generated password');
  assert.equal(output.split(password).length - 1, 1, 'printed exactly once');
  const url = new URL(address);
  url.hostname = networkAddress();
  const res = await fetch(url, { redirect: 'manual' });
  assert.equal(res.status, 302, `got ${res.status} from ${url.host}`);
  assert.match(res.headers.get('location') ?? '', /login/);
  const body = await res.text();
  assert.ok(!body.includes('vscode-workbench-web-configuration'), 'no workbench without the password');
});

test('a wrong password is refused; the printed one opens the workbench', async () => {
  const origin = new URL(address).origin;
  const login = (pw: string) => fetch(`${origin}/login`, {
    method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ password: pw }),
  });
  const wrong = await login('not-the-password');
  assert.equal(wrong.headers.get('set-cookie'), null, 'no session for a wrong password');
  assert.match(await wrong.text(), /Incorrect password/i);

  const right = await login(password);
  assert.equal(right.status, 302);
  const cookie = (right.headers.get('set-cookie') ?? '').split(';')[0]!;
  assert.match(cookie, /^code-server-session=/);
  const page = await fetch(address, { headers: { cookie } });
  assert.equal(page.status, 200);
  assert.ok((await page.text()).includes('vscode-workbench-web-configuration'), 'the workbench page');
});
