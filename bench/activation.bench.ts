// What the extension costs a user who opens any JSONC file: loading dist/extension.js (with a stand-in
// `vscode` module, in a fresh process) against loading @alicloud/openapi-client alone, as a ratio
// (goal: at most 0.25). dist/extension.js is the stub (src/extension/activation.ts); what the first
// patch, command or view then loads (dist/main.js) is measured too, against the same SDK load; plus the activation time the real extension host reported (module start to
// the end of activate(), from ExtensionApi.activationMs), which the integration suite
// "foundation: lazy loading" writes to test-results/perf/activation.json.
// Run: npm run bench -- activation [--runs N] [--host]  (--host runs that host suite first: minutes).
import { resolve } from 'node:path';
import { build, hostFigure, interleaved, ms, pick, requireTime, runsArg } from './load-time';

const RUNS = runsArg(9);

// Only lets the bundle evaluate: every property is a callable, constructible stand-in, enums read as 0.
const API_TYPES = require.resolve('@types/vscode/index.d.ts');
const standInVscode = (): string => `
const Module = require('node:module');
const standIn = new Proxy(function () {}, {
  get: (_t, k) => (k === Symbol.toPrimitive ? () => 0 : k === 'then' ? undefined : standIn),
  apply: () => standIn,
  construct: () => standIn,
});
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) { return request === 'vscode' ? 'vscode' : resolveFilename.call(this, request, ...rest); };
// esbuild's namespace import copies the module's own keys: the stand-in has every name the real API
// module exports (from @types/vscode), so that copy costs what it costs in the host.
const names = new Set(require('node:fs').readFileSync(${JSON.stringify(API_TYPES)}, 'utf8').match(/(?<=^\\texport (?:namespace|class|enum|const|function|let) )\\w+/gm));
const exports = Object.fromEntries([...names].map((n) => [n, standIn]));
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports };
`;

function printHostFigure(): void {
  const f = hostFigure<{ activationMs: number; clientLoaded: boolean; vscodeVersion: string }>('activation', 'foundation: lazy loading');
  if (!f) return;
  console.log(`    VS Code ${f.vscodeVersion}: module start to end of activate() ${ms(f.activationMs)}; client bundle loaded after activation + opening a patch: ${f.clientLoaded}`);
}

function main(): void {
  build();
  const extension = resolve('dist/extension.js');
  const main = resolve('dist/main.js');
  const sdk = require.resolve('@alicloud/openapi-client');
  const [ours, theirs, whole] = interleaved(RUNS, [() => requireTime(extension, standInVscode()), () => requireTime(sdk), () => requireTime(main, standInVscode())]);
  const ratio = pick(ours, 'wall') / pick(theirs, 'wall');
  const cpuRatio = pick(ours, 'cpu') / pick(theirs, 'cpu');
  console.log(`\nLoading in a fresh Node process, median of ${RUNS} (wall / CPU):`);
  console.log(`  dist/extension.js (stand-in vscode)   ${ms(pick(ours, 'wall')).padStart(10)} / ${ms(pick(ours, 'cpu')).padStart(10)}`);
  console.log(`  @alicloud/openapi-client alone        ${ms(pick(theirs, 'wall')).padStart(10)} / ${ms(pick(theirs, 'cpu')).padStart(10)}`);
  console.log(`  ratio ${ratio.toFixed(2)} / ${cpuRatio.toFixed(2)}; goal <= 0.25: ${ratio <= 0.25 && cpuRatio <= 0.25 ? 'met' : 'NOT met'} (wall and CPU)`);
  console.log(`  dist/main.js (the first patch, command or view loads it)  ${ms(pick(whole, 'wall')).padStart(10)} / ${ms(pick(whole, 'cpu')).padStart(10)}`);
  console.log(`  ratio ${(pick(whole, 'wall') / pick(theirs, 'wall')).toFixed(2)} / ${(pick(whole, 'cpu') / pick(theirs, 'cpu')).toFixed(2)}`);
  printHostFigure();
}

main();
