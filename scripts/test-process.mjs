// Runs every test/process/**/*.test.ts with node's test runner (TypeScript through tsx): the tests
// that spawn processes (the built dist/cli.js, `npm start`, a JVM for Quartz, `script` for a pty).
// Builds dist/ once first so the tests use the bundle a user runs; `--no-build` skips that
// (test-all.mjs has built already). No --test-force-exit: a child or server left running shows as a hang.
//
//   node scripts/test-process.mjs [--no-build] [files...]
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFiles } from './lib/find-files.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const args = process.argv.slice(2);
const only = args.filter((a) => a !== '--no-build');
if (!args.includes('--no-build')) {
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit', cwd: root });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const files = only.length ? only : findFiles('test/process', '.test.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit', cwd: root, env: { ...process.env, DWTASKS_DIST_BUILT: '1' },
});
process.exit(r.status ?? 1);
