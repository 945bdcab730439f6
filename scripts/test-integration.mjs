// Integration tests in the real VS Code extension host through the standard @vscode/test-electron
// runTests call. Here VS Code desktop cannot be downloaded, so vscodeExecutablePath is our launcher
// (code-server + Chromium, scripts/vscode-launcher). DWTASKS_VSCODE=desktop lets runTests download
// and use VS Code desktop instead (same suite, same arguments).
//
//   node scripts/test-integration.mjs [--no-build] [--grep PATTERN]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { ensureCodeServer } from './ensure-code-server.mjs';
import { startActivationEmulator } from './lib/activation-emulator.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const grepAt = args.indexOf('--grep');
const grep = grepAt >= 0 ? args[grepAt + 1] : undefined;
const desktop = process.env.DWTASKS_VSCODE === 'desktop';

if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
if (!desktop) ensureCodeServer();

// A throwaway copy of the fixture workspace (plus examples/ as examples/): tests may edit, and
// code-server auto-saves.
const scratch = mkdtempSync(join(tmpdir(), 'dwtasks-integration-'));
const workspace = join(scratch, 'workspace');
cpSync(join(root, 'test/fixtures/workspace'), workspace, { recursive: true });
if (existsSync(join(root, 'examples'))) cpSync(join(root, 'examples'), join(workspace, 'examples'), { recursive: true });

const userData = join(scratch, 'user-data');
const activation = await startActivationEmulator(root, scratch, userData);

let code = 0;
try {
  await runTests({
    ...(desktop ? {} : { vscodeExecutablePath: join(root, 'scripts/vscode-launcher') }),
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'out/test/integration/index.js'),
    launchArgs: [workspace, `--user-data-dir=${userData}`, `--extensions-dir=${join(scratch, 'extensions')}`],
    extensionTestsEnv: {
      ...activation.env,
      ...(grep ? { DWTASKS_TEST_GREP: grep } : {}),
      // Our launcher saves a failed test's screenshot and DOM here (desktop VS Code has no launcher).
      ...(desktop ? {} : { DWTASKS_FAILURE_DIR: join(root, 'test-results/integration/failures') }),
    },
  });
} catch (e) {
  console.error(`integration tests failed: ${e instanceof Error ? e.message : e}`);
  code = 1;
} finally {
  await activation.stop();
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code);
