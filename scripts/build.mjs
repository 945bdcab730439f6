// Bundles the extension (vscode external) and the dwtasks CLI (Node 20) with esbuild,
// plus the integration-test bundle that runs inside the extension host.
import * as esbuild from 'esbuild';
import { readdirSync, statSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

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

function listTests(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(listTests(p));
    else if (/\.ts$/.test(name)) out.push(p);
  }
  return out;
}

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
]);
chmodSync('dist/cli.js', 0o755);

if (!production) {
  // Integration tests run inside the extension host: bundle them with mocha, vscode external.
  await esbuild.build({
    ...common,
    entryPoints: listTests('test/integration'),
    outdir: 'out/test/integration',
    outbase: 'test/integration',
    bundle: true,
    external: ['vscode', 'mocha'],
  });
}
