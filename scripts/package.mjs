// `npm run package`: production build, then a .vsix with @vscode/vsce that carries only what runs.
// Fails when the content list has sources, tests, node_modules or .ts files, when more than one of its
// bundles holds the Alibaba Cloud SDK, or when the .vsix is over 800 KB.
//   node scripts/package.mjs [--out path.vsix]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outAt = process.argv.indexOf('--out');
const out = resolve(outAt >= 0 ? process.argv[outAt + 1] : join(root, `${pkg.name}-${pkg.version}.vsix`));
const MAX_BYTES = 800 * 1000;
// A property name of the SDK's Config class that survives minification and that our own code never writes.
const SDK_MARKER = 'tlsMinVersion';
const vsce = join(root, 'node_modules/@vscode/vsce/vsce');
const vsceFlags = ['--no-dependencies'];
// The repository README (relative links, screenshots) is for developers; the Extensions view shows
// a self-contained one.
const packFlags = ['--allow-missing-repository', '--readme-path', 'docs/extension-readme.md'];

function run(cmd, args, capture = false, cwd = root) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit' });
  if (r.status !== 0) {
    console.error(`package: '${[cmd, ...args].join(' ')}' failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
  return r.stdout ?? '';
}

run(process.execPath, [join(root, 'scripts/build.mjs'), '--production']);
const files = run(process.execPath, [vsce, 'ls', ...vsceFlags], true).split('\n').map((l) => l.trim()).filter(Boolean);
const forbidden = files.filter((f) => /^(src|test|out|scripts|bench|node_modules)\//.test(f) || /(^|\/)node_modules\//.test(f) || /\.ts$/.test(f) || /\.map$/.test(f));
if (forbidden.length) {
  console.error(`package: the .vsix would contain files that do not run:\n  ${forbidden.join('\n  ')}`);
  process.exit(1);
}
for (const needed of ['package.json', 'dist/extension.js', 'dist/main.js', 'dist/client.js', 'dist/validate-worker.js', 'dist/cli.js', 'dist/commands/emulator.js', 'schemas/dwtasks.schema.json', 'syntaxes/dwtasks-cron.injection.tmLanguage.json', 'images/icon.png', 'l10n/bundle.l10n.zh-cn.json']) {
  if (!files.includes(needed)) {
    console.error(`package: ${needed} is missing from the content list`);
    process.exit(1);
  }
}
const withSdk = files.filter((f) => f.endsWith('.js') && readFileSync(join(root, f), 'utf8').includes(SDK_MARKER));
if (withSdk.length !== 1) {
  console.error(`package: the SDK must be in exactly one bundle of the .vsix, found in ${withSdk.length}: ${withSdk.join(', ')}`);
  process.exit(1);
}
mkdirSync(dirname(out), { recursive: true });
// package.json's "files" says what the npm package (the CLI) publishes, and vsce refuses a manifest
// with both "files" and a .vscodeignore: pack a staged copy of the content list whose manifest has
// no "files".
const stage = mkdtempSync(join(tmpdir(), 'dwtasks-vsix-'));
try {
  // The README vsce takes from --readme-path, not the repository's.
  const staged = [...files.filter((f) => !/^readme\.md$/i.test(f)), packFlags[packFlags.indexOf('--readme-path') + 1]];
  for (const f of staged) cpSync(join(root, f), join(stage, f), { recursive: true });
  const manifest = { ...pkg };
  delete manifest.files;
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  run(process.execPath, [vsce, 'package', ...vsceFlags, ...packFlags, '--out', out], false, stage);
} finally {
  rmSync(stage, { recursive: true, force: true });
}
const size = statSync(out).size;
console.log(`package: ${out} ${(size / 1000).toFixed(1)} KB, ${files.length} files, the SDK in ${withSdk[0]} only`);
if (size > MAX_BYTES) {
  console.error(`package: ${out} is ${size} bytes, over the limit of ${MAX_BYTES}`);
  process.exit(1);
}
// A production build omits the integration-test bundle and source maps; rebuild for development
// so a following test run sees the usual dist/ and out/ (skip with --keep-production).
if (!process.argv.includes('--keep-production')) run(process.execPath, [join(root, 'scripts/build.mjs')]);
