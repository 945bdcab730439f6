// `npm start`: builds, packages and installs the extension into code-server (real VS Code in the
// browser), starts the local DataWorks emulator when the CLI has it, and serves a sample workspace
// with the examples. Prints the address to open; Ctrl+C stops everything.
//
//   npm start [-- --port N] [-- --host 0.0.0.0] [-- --home DIR]
// A --host other than loopback turns on code-server's password login (scripts/lib/start-auth.mjs):
// the PASSWORD environment variable, or a random password printed once.
// State lives under ~/.cache/dataworks-tasks/start/ (workspace copy, user data, emulator state), so
// code-server's auto-save never dirties the repository and edits survive restarts. --home puts it
// elsewhere (the walkthrough UI test runs `npm start` in a fresh one, as a newcomer would).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cacheRoot, ensureCodeServer } from './ensure-code-server.mjs';
import { freePort, installVsix, killGroup, startCodeServer } from './lib/code-server-host.mjs';
import { startAuth } from './lib/start-auth.mjs';
import { ensureSystemPackages } from './lib/system-packages.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const argv = process.argv.slice(2);
const opt = (name) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const host = opt('--host') ?? '127.0.0.1';
const home = resolve(opt('--home') ?? join(cacheRoot(), 'start'));
const workspace = join(home, 'workspace');
const userDataDir = join(home, 'user-data');
const extensionsDir = join(home, 'extensions');
const vsix = join(home, 'dataworks-tasks.vsix');

function run(title, args) {
  console.log(`[start] ${title}`);
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  if (r.status !== 0) {
    console.error(`[start] ${title} failed`);
    process.exit(1);
  }
}

// Machine-level settings for this code-server's user (merged, so the user's own edits stay).
function writeUserSettings(values) {
  const dir = join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'settings.json');
  let current = {};
  try {
    current = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // missing or hand-edited with comments: start from ours
  }
  writeFileSync(file, JSON.stringify({ ...current, ...values }, null, 2) + '\n');
}

const stoppers = [];
let stopping = false;
async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  console.log('\n[start] stopping');
  for (const stop of stoppers.reverse()) await stop();
  process.exit(code);
}
// Ctrl+C, a kill, and the terminal window closing (SIGHUP) all stop what we started: code-server and
// the emulator run in their own process groups, so nothing else would stop them.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => void stopAll(0));
// After SIGHUP the terminal is gone: a failed write must not end us before the children are stopped.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => {});

// ---- emulator hook ------------------------------------------------------------------------
// When the CLI has `dwtasks emulator`, run it with a persistent state file and point the
// extension at it (first stdout line with --json: {"endpoint","accessKeyId","accessKeySecret"}).
async function startEmulator() {
  const cli = join(root, 'dist/cli.js');
  const help = spawnSync(process.execPath, [cli, 'emulator', '--help'], { encoding: 'utf8' });
  if (help.status !== 0) {
    console.log('[start] no `dwtasks emulator` in this build: skipping the local emulator');
    return undefined;
  }
  const state = join(home, 'emulator-state.json');
  const child = spawn(process.execPath, [cli, 'emulator', '--json', '--port', '0', '--state', state], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolveExit) => child.once('exit', resolveExit));
  // Waits for it: on SIGTERM it writes its state file, which must be complete when we are gone.
  stoppers.push(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    killGroup(child.pid, 'SIGTERM');
    const timer = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  });
  const first = await new Promise((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout });
    rl.once('line', (line) => resolveLine(line));
    child.once('exit', (c) => reject(new Error(`dwtasks emulator exited with ${c} before printing its endpoint`)));
  });
  child.stdout.resume(); // keep draining
  const info = JSON.parse(first);
  console.log(`[start] emulator: ${info.endpoint} (pid ${child.pid}, state ${state})`);
  return info;
}
// -------------------------------------------------------------------------------------------

try {
  if (!ensureSystemPackages()) throw new Error('installing the system packages failed (scripts/setup-system.sh)');
  run('building', [join(root, 'scripts/build.mjs')]);
  console.log('[start] code-server (installs once, a few minutes the first time)');
  ensureCodeServer();
  run('packaging the extension', [join(root, 'scripts/package.mjs'), '--out', vsix]);
  mkdirSync(workspace, { recursive: true });
  // Examples are copied without overwriting what the user already changed in the sample workspace.
  if (existsSync(join(root, 'examples'))) cpSync(join(root, 'examples'), workspace, { recursive: true, force: false });
  installVsix(vsix, { userDataDir, extensionsDir });

  const emulator = await startEmulator();
  // A quiet first view: no start page, no AI chat panel beside the Tasks view.
  const settings = { 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'chat.disableAIFeatures': true,
    'workbench.secondarySideBar.defaultVisibility': 'hidden' };
  if (emulator) Object.assign(settings, { 'dataworks.credentialSource': 'emulator', 'dataworks.endpoint': emulator.endpoint });
  writeUserSettings(settings);

  const port = Number(opt('--port') ?? process.env.PORT ?? 0) || (await freePort());
  const auth = startAuth(host);
  const server = await startCodeServer({ userDataDir, extensionsDir, host, port, logFile: join(home, 'code-server.log'), password: auth?.password });
  stoppers.push(() => server.stop());
  const address = `${server.url}/?folder=${encodeURIComponent(workspace).replace(/%2F/g, '/')}`;
  console.log(`\n  Open ${address}\n`);
  if (auth) {
    console.log(`  ${host} is reachable from the network: the workbench (with a terminal, as ${process.env.USER ?? 'you'}) asks for a password.`);
    console.log(auth.generated ? `  Password: ${auth.password}  (shown only now; set PASSWORD to choose your own)\n` : '  Password: the PASSWORD environment variable\n');
  }
  console.log(`[start] code-server pid ${server.child.pid}; workspace ${workspace}; server log ${server.logFile}. Ctrl+C stops everything.`);
  server.child.on('exit', (c) => {
    if (!stopping) {
      console.error(`[start] code-server exited (${c}); see ${server.logFile}`);
      void stopAll(1);
    }
  });
} catch (e) {
  console.error(`[start] ${e instanceof Error ? e.message : e}`);
  await stopAll(1);
}
