// The built CLI (dist/cli.js from scripts/build.mjs), as a user runs it. scripts/test-process.mjs
// builds once and says so in DWTASKS_DIST_BUILT; a file run alone builds here, once per process.
// Each caller gets its own copy, so a concurrent rebuild of dist/ cannot swap the bundle mid-test.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
let built = process.env.DWTASKS_DIST_BUILT === '1';

/** Path of cli.js in a private copy of the built dist/ (cli.js loads its commands/ and client.js from beside it). */
export function builtCli(): string {
  if (!built) {
    execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'pipe' });
    built = true;
  }
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-cli-'));
  cpSync(join(ROOT, 'dist'), dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
  return join(dir, 'cli.js');
}
