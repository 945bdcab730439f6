// Runs every test/unit/**/*.test.ts with node's test runner (TypeScript through tsx).
// --test-force-exit: a file that leaves a handle open (e.g. a server after a failed test) must not
// hang the whole run once its tests have finished.
import { spawnSync } from 'node:child_process';
import { findFiles } from './lib/find-files.mjs';

const only = process.argv.slice(2);
const files = only.length ? only : findFiles('test/unit', '.test.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-force-exit', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
