// `dwtasks validate` as the built dist/cli.js, as CI runs it: exit codes and --json.
import { test, before, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli, ROOT } from '../built-cli';

const dir = mkdtempSync(join(tmpdir(), 'dwtasks-validate-'));

describe('built dist/cli.js', () => {
  let bundle = '';
  before(() => { bundle = builtCli(); });

  test('dist/cli.js validate: exit codes 0, 1, 2 and --json', () => {
    const cli = (...args: string[]) => spawnSync(process.execPath, [bundle, 'validate', ...args], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(cli('examples/rerun-policy.dwtasks.json').status, 0);
    const broken = cli('--json', 'examples/broken.dwtasks.json');
    assert.equal(broken.status, 1);
    assert.ok(JSON.parse(broken.stdout)[0].diagnostics.length > 5);
    const missing = cli(join(dir, 'missing.dwtasks.json'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /missing\.dwtasks\.json/);
    assert.equal(cli().status, 2);
  });
});
