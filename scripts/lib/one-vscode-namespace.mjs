// An esbuild plugin: every `import * as vscode from 'vscode'` in the bundle shares one namespace
// object. By default each importing module gets its own copy (esbuild's __toESM defines a getter per
// API name, about 190 of them, in each of the extension's 60 modules: milliseconds of activation that
// every JSONC file open pays). Here 'vscode' resolves to one module that re-exports the API once.
import { resolve } from 'node:path';

const SHIM = resolve('scripts/lib/vscode-namespace.mjs');

export const oneVscodeNamespace = {
  name: 'one-vscode-namespace',
  setup(build) {
    build.onResolve({ filter: /^vscode$/ }, (args) => (args.importer === SHIM ? { path: 'vscode', external: true } : { path: SHIM }));
  },
};
