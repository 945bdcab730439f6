// The Debian packages `npm start` and `npm test` need (scripts/setup-system.sh: quick when all are
// there), so the README's two commands work on a fresh machine with nothing run before them.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const script = resolve(fileURLToPath(import.meta.url), '../../setup-system.sh');

/** Runs setup-system.sh with its output shown; true when it succeeded. `upgradeBrowser` (npm test):
 * also take Debian's newest chromium, the browser the UI tests run on. */
export function ensureSystemPackages({ upgradeBrowser = false } = {}) {
  const r = spawnSync('bash', [script, ...(upgradeBrowser ? ['--upgrade-browser'] : [])], { stdio: 'inherit' });
  return r.status === 0;
}
