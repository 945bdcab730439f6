// `dwtasks --help`, `validate` and `cron` load only the CLI's entry and the command they run, never
// the Alibaba Cloud SDK: the built CLI (node scripts/build.mjs, copied out so a concurrent rebuild
// cannot swap it) run with scripts/lib/trace-require.cjs, which lists Node's module cache at exit.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'dwtasks-lazy-'));
const SDK_MARKER = 'node_modules/@alicloud/openapi-client/'; // esbuild's per-module comment in a development build

before(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root, stdio: 'pipe' });
  cpSync(join(root, 'dist'), dir, { recursive: true, filter: (src) => !src.endsWith('.map') });
});
after(() => rmSync(dir, { recursive: true, force: true }));

/** The files a `dwtasks ...args` process loaded, relative to the copied dist/, and its exit status. */
function loaded(...args: string[]): { files: string[]; status: number | null } {
  const p = spawnSync(process.execPath, ['--require', join(root, 'scripts/lib/trace-require.cjs'), join(dir, 'cli.js'), ...args], { encoding: 'utf8' });
  const files = p.stderr.split('\n').filter((l) => l.startsWith('dwtasks-load ')).map((l) => relative(dir, l.slice('dwtasks-load '.length)));
  return { files: files.sort(), status: p.status };
}

const hasSdk = (file: string): boolean => readFileSync(join(dir, file), 'utf8').includes(SDK_MARKER);

test('--help loads dist/cli.js alone', () => {
  assert.deepEqual(loaded('--help'), { files: ['cli.js'], status: 0 });
});

test('validate loads cli.js and commands/validate.js, neither holding the SDK', () => {
  const r = loaded('validate', join(root, 'test/fixtures/workspace/valid.dwtasks.json'));
  assert.deepEqual(r, { files: ['cli.js', 'commands/validate.js'], status: 0 });
  for (const f of r.files) assert.equal(hasSdk(f), false, `${f} bundles the SDK`);
});

test('cron loads cli.js and commands/cron.js, neither holding the SDK', () => {
  const r = loaded('cron', '00 00 02 * * ?');
  assert.deepEqual(r, { files: ['cli.js', 'commands/cron.js'], status: 0 });
  for (const f of r.files) assert.equal(hasSdk(f), false, `${f} bundles the SDK`);
});

test('a command that talks to the service loads its own bundle and the shared client bundle, which alone holds the SDK (the check above can fail)', () => {
  const r = loaded('list', '--help');
  assert.deepEqual(r.files, ['cli.js', 'client.js', 'commands/list.js']);
  assert.equal(hasSdk('client.js'), true);
  assert.equal(hasSdk('commands/list.js'), false);
});

test('the SDK is in one bundle of dist/ only: every service command requires the shared client.js', () => {
  const bundles = [...readdirSync(dir).filter((f) => f.endsWith('.js')), ...readdirSync(join(dir, 'commands')).map((f) => `commands/${f}`)];
  assert.ok(bundles.includes('main.js') && bundles.includes('commands/apply.js'), bundles.join(', '));
  assert.deepEqual(bundles.filter(hasSdk), ['client.js']);
  for (const name of ['apply', 'capacity', 'list', 'plan', 'pull', 'schedule']) {
    assert.ok(readFileSync(join(dir, 'commands', `${name}.js`), 'utf8').includes('require("../client.js")'), `commands/${name}.js does not use client.js`);
  }
});
