// UI tests: Playwright (Debian Chromium) against the real workbench (code-server) with the packaged
// .vsix installed. Runs test/ui/**/*.test.ts one file at a time with node's test runner (tsx).
// Screenshots land in test-results/ui/ (git-ignored).
//   node scripts/test-ui.mjs [files...]      env DWTASKS_UI_VSIX=path skips packaging
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { findFiles } from './lib/find-files.mjs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCodeServer } from './ensure-code-server.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');

ensureCodeServer();
const only = process.argv.slice(2);
const files = only.length ? only : findFiles(join(root, 'test/ui'), '.test.ts');
let scratch;
const env = { ...process.env };
if (!env.DWTASKS_UI_VSIX || !existsSync(env.DWTASKS_UI_VSIX)) {
  scratch = mkdtempSync(join(tmpdir(), 'dwtasks-ui-vsix-'));
  env.DWTASKS_UI_VSIX = join(scratch, 'dataworks-tasks.vsix');
  const p = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', env.DWTASKS_UI_VSIX], { stdio: ['ignore', 'ignore', 'inherit'], cwd: root });
  if (p.status !== 0) {
    console.error('test-ui: packaging the .vsix failed');
    process.exit(1);
  }
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-timeout=600000', ...files], { stdio: 'inherit', cwd: root, env });
if (scratch) rmSync(scratch, { recursive: true, force: true });
process.exit(r.status ?? 1);
