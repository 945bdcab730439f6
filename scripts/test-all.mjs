// `npm test`: build, then the four layers (unit, process, integration, ui). Streams each layer's output,
// prints its counts and ends with exactly one line `N passed, N failed` over all layers.
// Exits non-zero when any test failed or did not run (skipped, todo, pending: counted as failed),
// a layer ran zero tests, or a layer crashed.
import { spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureSystemPackages } from './lib/system-packages.mjs';
import { integrationCounts, nodeTestCounts } from './lib/test-counts.mjs';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const node = process.execPath;

function step(title, args) {
  console.log(`\n=== ${title} ===`);
  const r = spawnSync(node, args, { stdio: 'inherit', cwd: root });
  return r.status === 0;
}

/** Runs a layer, streaming its output, and resolves with its exit code and captured stdout. */
function runLayer(args) {
  return new Promise((resolveRun) => {
    const child = spawn(node, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      process.stdout.write(d);
    });
    child.on('close', (code, signal) => resolveRun({ code: code ?? (signal ? 1 : 0), out }));
  });
}

const layers = [
  { name: 'unit', args: [join(root, 'scripts/test-unit.mjs')], counts: nodeTestCounts },
  { name: 'process', args: [join(root, 'scripts/test-process.mjs'), '--no-build'], counts: nodeTestCounts },
  { name: 'integration', args: [join(root, 'scripts/test-integration.mjs'), '--no-build'], counts: integrationCounts },
  { name: 'ui', args: [join(root, 'scripts/test-ui.mjs')], counts: nodeTestCounts },
];

const t0 = Date.now();
console.log('\n=== system packages ===');
if (!ensureSystemPackages({ upgradeBrowser: true })) {
  console.log('\nsetup-system.sh failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
let ok = step('build', [join(root, 'scripts/build.mjs')]);
if (!ok) {
  console.log('\nbuild failed');
  console.log('0 passed, 1 failed');
  process.exit(1);
}
ok = step('code-server (installed once, cached)', [join(root, 'scripts/ensure-code-server.mjs')]);
const summary = [];
let passed = 0;
let failed = ok ? 0 : 1;
for (const layer of layers) {
  console.log(`\n=== ${layer.name} ===`);
  const start = Date.now();
  const { code, out } = await runLayer(layer.args);
  const c = layer.counts(out);
  const secs = ((Date.now() - start) / 1000).toFixed(1);
  let line;
  if (!c) {
    line = `${layer.name}: crashed without a result (exit ${code}), ${secs}s`;
    failed += 1;
  } else {
    passed += c.passed;
    failed += c.failed;
    line = `${layer.name}: ${c.passed} passed, ${c.failed} failed${c.notRun ? ` (${c.notRun} skipped, todo or pending)` : ''}, ${secs}s`;
    if (c.passed + c.failed === 0) {
      line += ' (ran zero tests)';
      failed += 1;
    } else if (code !== 0 && c.failed === 0) {
      line += ` (exit ${code})`;
      failed += 1;
    }
  }
  summary.push(line);
}
console.log(`\n=== summary (${((Date.now() - t0) / 1000).toFixed(0)}s) ===`);
for (const l of summary) console.log(l);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
