// The Debian packages `npm start` and `npm test` need (scripts/setup-system.sh: quick when all are
// there), so the README's two commands work on a fresh machine with nothing run before them.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = resolve(fileURLToPath(import.meta.url), '../../setup-system.sh');

/** Runs setup-system.sh with its output shown; true when it succeeded. */
export function ensureSystemPackages() {
  const r = spawnSync('bash', [script], { stdio: 'inherit' });
  return r.status === 0;
}
