// The "VS Code executable" our runTests call uses on this machine (no desktop VS Code here).
// Accepts what @vscode/test-electron passes:
//   --extensionDevelopmentPath=P --extensionTestsPath=T [folder] --user-data-dir=U --extensions-dir=E
// (other VS Code flags such as --no-sandbox are ignored), runs code-server with the smoke-test
// driver plus headless Chromium on the test payload URL, relays codeAutomationLog to stdout, and
// exits with the code the test runner reports through codeAutomationExit.
//
// Env: DWTASKS_TEST_TIMEOUT_MS (whole run, default 15 min), DWTASKS_DEBUG=1 (page console + server log path),
// DWTASKS_FAILURE_DIR (where a failed test's screenshot and DOM go when it asks, test/integration/failureCapture.ts).
import { mkdtempSync, rmSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format } from 'node:util';
import { startCodeServer, launchChromium, workbenchUrl, remoteUri } from './lib/code-server-host.mjs';
import { artifactName, FAILURE_CAPTURE_MARKER, saveFailureArtifacts } from './lib/failure-artifacts.mjs';

// Offline workbench chatter that buries the test output (kept with DWTASKS_DEBUG=1).
const NOISE = [
  /^\[(AgentHost[^\]]*|ChatModelSelection|AccountPolicyGate|reconnection-grace-time|Service Worker)\]/,
  /^(Resolving|Resolved) connection token/, /^Creating a socket/, /^Updating additional builtin extensions cache/,
  /^Creation of workbench contribution/,
  /open-vsx\.org/, /authentication provider 'github'/, /api\.github\.com/,
];

function parseArgs(argv) {
  const o = { devPaths: [], testsPath: undefined, folder: undefined, userDataDir: undefined, extensionsDir: undefined };
  for (const a of argv) {
    const m = /^--([^=]+)=(.*)$/s.exec(a);
    if (m) {
      const [, k, v] = m;
      if (k === 'extensionDevelopmentPath') o.devPaths.push(resolve(v));
      else if (k === 'extensionTestsPath') o.testsPath = resolve(v);
      else if (k === 'user-data-dir') o.userDataDir = resolve(v);
      else if (k === 'extensions-dir') o.extensionsDir = resolve(v);
    } else if (!a.startsWith('-')) {
      o.folder = resolve(a);
    }
  }
  return o;
}

const debug = !!process.env.DWTASKS_DEBUG;
const opts = parseArgs(process.argv.slice(2));
if (!opts.testsPath || opts.devPaths.length === 0) {
  console.error('vscode-launcher: --extensionTestsPath= and --extensionDevelopmentPath= are required');
  process.exit(2);
}
const scratch = mkdtempSync(join(tmpdir(), 'dwtasks-launcher-'));
const userDataDir = opts.userDataDir ?? join(scratch, 'user-data');
const extensionsDir = opts.extensionsDir ?? join(scratch, 'extensions');
const folder = opts.folder ?? scratch;

let server;
let browser;
let exiting = false;
async function cleanup() {
  await browser?.close().catch(() => {});
  await server?.stop();
  rmSync(scratch, { recursive: true, force: true });
}
async function finish(code) {
  if (exiting) return;
  exiting = true;
  await cleanup();
  process.exit(code);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => void finish(130));

try {
  server = await startCodeServer({ userDataDir, extensionsDir, smokeDriver: true, logFile: join(scratch, 'code-server.log') });
  if (debug) console.log(`[launcher] code-server ${server.url}, log ${server.logFile}`);
  browser = await launchChromium();
  const page = await browser.newPage();
  const exitCode = new Promise((resolveExit) => {
    void page.exposeFunction('codeAutomationExit', (code) => resolveExit(Number(code) || 0));
  });
  const failureDir = process.env.DWTASKS_FAILURE_DIR;
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    if (failureDir && line.startsWith(`${FAILURE_CAPTURE_MARKER} `)) {
      const name = artifactName(line.slice(FAILURE_CAPTURE_MARKER.length + 1));
      void saveFailureArtifacts(page, failureDir, name).then((files) => console.log(`failure artifacts: ${files.join(', ')}`));
      return;
    }
    if (!debug && NOISE.some((re) => re.test(line))) return;
    if (type === 'error' || type === 'warn') process.stderr.write(line + '\n');
    else process.stdout.write(line + '\n');
  });
  if (debug) page.on('console', (m) => console.log(`[page ${m.type()}] ${m.text()}`));
  page.on('pageerror', (e) => debug && console.log(`[page error] ${e.message}`));
  const payload = [
    ...opts.devPaths.map((p) => ['extensionDevelopmentPath', remoteUri(server.url, p)]),
    ['extensionTestsPath', remoteUri(server.url, opts.testsPath)],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  // The workbench is large and the host may be busy: wait for the document, not every resource.
  await page.goto(workbenchUrl(server.url, folder, payload), { waitUntil: 'domcontentloaded', timeout: 180_000 });
  const timeoutMs = Number(process.env.DWTASKS_TEST_TIMEOUT_MS) || 15 * 60_000;
  const timer = new Promise((r) => setTimeout(() => r('timeout'), timeoutMs).unref());
  const result = await Promise.race([exitCode, timer]);
  if (result === 'timeout') {
    console.error(`vscode-launcher: no codeAutomationExit within ${timeoutMs} ms (server log: ${server.logFile})`);
    if (existsSync(server.logFile)) console.error(readFileSync(server.logFile, 'utf8').slice(-4000));
    await finish(1);
  }
  await finish(result);
} catch (e) {
  console.error(`vscode-launcher: ${e instanceof Error ? e.stack : e}`);
  await finish(1);
}
