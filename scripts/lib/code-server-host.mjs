// Starts and stops code-server (real VS Code 1.139.1 server + web workbench) and Debian Chromium.
// Shared by the integration launcher, the UI tests and `npm start`. Facts behind the flags:
// /work/shared/reference/vscode-test-host.md.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { ensureCodeServer } from '../ensure-code-server.mjs';

export const CHROMIUM_PATH = process.env.DWTASKS_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function baseArgs(userDataDir, extensionsDir, configFile) {
  return [
    `--user-data-dir=${userDataDir}`, `--extensions-dir=${extensionsDir}`, `--config=${configFile}`,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--ignore-last-opened',
  ];
}

function prepareDirs(userDataDir, extensionsDir) {
  mkdirSync(userDataDir, { recursive: true });
  mkdirSync(extensionsDir, { recursive: true });
  const configFile = join(userDataDir, 'code-server-config.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  return configFile;
}

/** Installs a .vsix into extensionsDir with code-server's own CLI (offline, about a second). */
export function installVsix(vsix, { userDataDir, extensionsDir }) {
  const cs = ensureCodeServer();
  const configFile = prepareDirs(userDataDir, extensionsDir);
  const r = spawnSync(cs.node, [cs.entry, ...baseArgs(userDataDir, extensionsDir, configFile), '--install-extension', vsix, '--force'], {
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (exit ${r.status}):\n${r.stdout}\n${r.stderr}`);
}

async function waitHealthy(url, child, timeoutMs, logFile) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with ${child.exitCode} before answering; see ${logFile}`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url}/healthz within ${timeoutMs} ms; see ${logFile}`);
}

/**
 * Starts code-server on 127.0.0.1:<free port> as its own process group.
 * smokeDriver: pass `--vscode-option enable-smoke-test-driver` (needed for extensionTestsPath payloads).
 * password: `--auth password` with it in PASSWORD (code-server's own login page); default `--auth none`.
 * Returns { url, port, child, logFile, stop() }; stop() kills the whole group.
 */
export async function startCodeServer({ userDataDir, extensionsDir, smokeDriver = false, env = process.env, extraArgs = [], logFile, port, host = '127.0.0.1', password }) {
  const cs = ensureCodeServer();
  const configFile = prepareDirs(userDataDir, extensionsDir);
  port ??= await freePort();
  logFile ??= join(userDataDir, 'code-server.log');
  const out = openSync(logFile, 'a');
  const args = [
    cs.entry, ...baseArgs(userDataDir, extensionsDir, configFile),
    '--auth', password ? 'password' : 'none', '--bind-addr', `${host}:${port}`,
    ...(smokeDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    ...extraArgs,
  ];
  const childEnv = { ...env };
  for (const k of Object.keys(childEnv)) if (k.startsWith('npm_') || k === 'NODE_OPTIONS') delete childEnv[k];
  childEnv.PATH = `${join(cs.nodeDir, 'bin')}:${childEnv.PATH ?? ''}`;
  // Only through the environment (never argv, which other users can read in ps).
  if (password) childEnv.PASSWORD = password;
  else delete childEnv.PASSWORD;
  const child = spawn(cs.node, args, { detached: true, stdio: ['ignore', out, out], env: childEnv });
  closeSync(out);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child.pid, 'SIGTERM');
    const t0 = Date.now();
    while (alive(child.pid) && Date.now() - t0 < 2000) await new Promise((r) => setTimeout(r, 100));
    killGroup(child.pid, 'SIGKILL'); // it lingers after SIGTERM
  };
  const url = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
  try {
    await waitHealthy(url, child, 120_000, logFile);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, port, child, logFile, stop };
}

function alive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** Headless Debian Chromium through playwright-core (never a downloaded browser). */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

/** Workbench URL for a folder, with an optional test payload (array of [key, value]). */
export function workbenchUrl(serverUrl, folder, payload) {
  const u = new URL(serverUrl + '/');
  u.searchParams.set('folder', folder);
  if (payload) u.searchParams.set('payload', JSON.stringify(payload));
  return u.toString();
}

/** vscode-remote URI of a path on the server's machine. */
export function remoteUri(serverUrl, absPath) {
  const { host } = new URL(serverUrl);
  return `vscode-remote://${host}${absPath}`;
}
