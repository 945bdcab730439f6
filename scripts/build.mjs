// Bundles the extension (vscode external) and the dwtasks CLI (Node 20) with esbuild, each with
// its lazily loaded parts as separate bundles,
// plus the integration-test bundle that runs inside the extension host.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { basename } from 'node:path';
import { findFiles } from './lib/find-files.mjs';
import { buildLazyEntries, lazyBundles } from './lib/lazy-bundles.mjs';
import { oneVscodeNamespace } from './lib/one-vscode-namespace.mjs';
import { sharedBundle } from './lib/shared-bundle.mjs';

const production = process.argv.includes('--production');
// `--outdir DIR` puts the bundles elsewhere (the activation bench loads a production build from a temp dir).
const outAt = process.argv.indexOf('--outdir');
const out = outAt >= 0 ? process.argv[outAt + 1] : 'dist';
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  // jsonc-parser's default (UMD) entry requires './impl/format' at run time, which a bundle lacks;
  // its ESM entry bundles cleanly.
  mainFields: ['module', 'main'],
};

// Loaded on first use, not with their importer (scripts/lib/lazy-bundles.mjs): the API client and
// SDK (dist/client.js), and each CLI command (dist/commands/<name>.js). import() becomes require() so
// Node's module cache shows what loaded.
const lazy = { ...common, supported: { 'dynamic-import': false } };
// The extension's entry is a stub (activation.ts) that loads the extension itself (dist/main.js) when
// a patch opens, a command runs or the view shows; main.js loads the client on the first request.
const extensionLazy = lazyBundles((p) => (p.endsWith('/src/dataworks/sdk-bundle') ? './client.js' : p.endsWith('/src/extension/extension') ? './main.js' : undefined));
const cliLazy = lazyBundles((p) => (/\/src\/cli\/commands\/[^/]+$/.test(p) ? `./commands/${basename(p)}.js` : undefined));
await Promise.all([
  esbuild.build({ ...lazy, entryPoints: ['src/extension/activation.ts'], outfile: `${out}/extension.js`, external: ['vscode'], plugins: [extensionLazy.plugin, oneVscodeNamespace] }),
  esbuild.build({ ...lazy, entryPoints: ['src/cli/main.ts'], outfile: `${out}/cli.js`, banner: { js: '#!/usr/bin/env node' }, plugins: [cliLazy.plugin] }),
  // Validates large documents off the extension host's main thread (src/extension/language/validateOffThread.ts).
  esbuild.build({ ...common, entryPoints: ['src/extension/language/validateWorkerEntry.ts'], outfile: `${out}/validate-worker.js` }),
]);
await Promise.all([
  buildLazyEntries(esbuild, { ...lazy, external: ['vscode'], plugins: [extensionLazy.plugin, oneVscodeNamespace] }, extensionLazy.entries, out),
  // The CLI's service commands share the extension's client bundle: the SDK is in dist/ once.
  buildLazyEntries(esbuild, { ...lazy, plugins: [sharedBundle(/\/src\/dataworks\/(client|credentials)$/, '../client.js')] }, cliLazy.entries, out),
]);
chmodSync(`${out}/cli.js`, 0o755);

if (!production && out === 'dist') {
  // Integration tests run inside the extension host: bundle them with mocha, vscode external.
  await esbuild.build({
    ...common,
    entryPoints: findFiles('test/integration', '.ts'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    bundle: true,
    external: ['vscode', 'mocha'],
  });
}
