// The npm package installs the CLI: `npm pack` of the built tree, then `npm install -g` of that
// tarball into a clean prefix (offline: the package has no runtime dependencies, everything is
// bundled), then the installed `dwtasks` runs --help, cron and validate. The tree is packed from a
// private copy, so a concurrent rebuild of dist/ cannot swap a bundle mid-pack.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { builtCli, ROOT } from './built-cli';

const scratch = mkdtempSync(join(tmpdir(), 'dwtasks-npm-'));
const tree = join(scratch, 'tree');
const prefix = join(scratch, 'prefix');
const npm = join(dirname(process.execPath), 'npm');
// npm settings an outer `npm test` exports (npm_config_*) must not reach the inner npm.
const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
env.PATH = `${dirname(process.execPath)}:${env.PATH ?? ''}`;
let packed: { filename: string; files: { path: string }[] };

before(() => {
  mkdirSync(tree);
  cpSync(dirname(builtCli()), join(tree, 'dist'), { recursive: true });
  for (const f of ['package.json', 'README.md', 'LICENSE', 'CHANGELOG.md', 'docs', 'examples']) cpSync(join(ROOT, f), join(tree, f), { recursive: true });
  // --ignore-scripts: prepack would rebuild dist/ for publishing; the copied build is what is tested.
  const out = execFileSync(npm, ['pack', '--json', '--ignore-scripts', '--pack-destination', scratch], { cwd: tree, env, encoding: 'utf8' });
  packed = (JSON.parse(out) as (typeof packed)[])[0];
  execFileSync(npm, ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, join(scratch, packed.filename)], { env, encoding: 'utf8' });
});
after(() => rmSync(scratch, { recursive: true, force: true }));

const dwtasks = (...args: string[]) => spawnSync(join(prefix, 'bin', 'dwtasks'), args, { env, encoding: 'utf8' });
const installed = (): string => join(prefix, 'lib', 'node_modules', 'dataworks-tasks');

test('the tarball carries the CLI, its shared client bundle, docs and examples, and no sources, tests or maps', () => {
  const files = packed.files.map((f) => f.path);
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', 'dist/cli.js', 'dist/client.js', 'dist/commands/validate.js', 'dist/commands/apply.js', 'docs/cli.md']) {
    assert.ok(files.includes(f), `${f} missing from ${files.join(', ')}`);
  }
  assert.deepEqual(files.filter((f) => /^(src|test|scripts|bench|node_modules)\/|\.map$|\.ts$|^dist\/extension\.js$/.test(f)), []);
});

test('the installed package has no runtime dependencies to fetch', () => {
  const pkg = JSON.parse(readFileSync(join(installed(), 'package.json'), 'utf8')) as { dependencies?: object; private?: boolean };
  assert.equal(pkg.dependencies, undefined);
  assert.equal(pkg.private, undefined);
});

test('dwtasks --help from the fresh prefix lists the commands', () => {
  const r = dwtasks('--help');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Usage: dwtasks <command>/);
  assert.match(r.stdout, /\n {2}validate /);
});

test('dwtasks cron from the fresh prefix describes an expression', () => {
  const r = dwtasks('cron', '00 05 07 * * ?');
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /07:05/);
});

test('dwtasks validate from the fresh prefix checks a shipped example, and fails on the broken one', () => {
  const ok = dwtasks('validate', join(installed(), 'examples', 'rerun-policy.dwtasks.json'));
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
  const broken = dwtasks('validate', join(installed(), 'examples', 'broken.dwtasks.json'));
  assert.equal(broken.status, 1, broken.stdout + broken.stderr);
  assert.match(broken.stdout, /broken\.dwtasks\.json/);
});
