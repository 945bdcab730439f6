// Runs every test/unit/**/*.test.ts with node's test runner (TypeScript through tsx). Pure: they
// spawn nothing and need no dist/ (tests that do live in test/process/, scripts/test-process.mjs).
// No --test-force-exit: a file that leaves a server, socket or timer open hangs, so a leak shows.
import { spawnSync } from 'node:child_process';
import { findFiles } from './lib/find-files.mjs';

const only = process.argv.slice(2);
const files = only.length ? only : findFiles('test/unit', '.test.ts');
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
