// Bundles the extension (vscode external) and the dwtasks CLI (Node 20) with esbuild,
// plus the integration-test bundle that runs inside the extension host.
import * as esbuild from 'esbuild';
import { chmodSync } from 'node:fs';
import { findFiles } from './lib/find-files.mjs';

const production = process.argv.includes('--production');
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

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);

if (!production) {
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
