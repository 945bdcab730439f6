// "A test fails every send path when the gate is bypassed": the pipeline is the only code that runs the
// engine, the engine the only code that calls BatchUpdateTasks, and the four adapters (CLI apply and
// diff, editor Apply and Preview) reach the service only through the pipeline. A new path that calls
// the engine, the before-state reader or the client's batch update directly fails here. (Each path is
// also exercised with invalid patches: test/unit/cli/apply-gate.test.ts, test/integration/apply/gate.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');

function sources(dir: string): { path: string; text: string }[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => {
      const abs = join(e.parentPath, e.name);
      // Comments may name the functions; only code counts.
      const text = readFileSync(abs, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
      return { path: relative(ROOT, abs).split('\\').join('/'), text };
    });
}

const SRC = sources('src');

/** Files (outside the emulator, which answers the calls) whose code calls `name(`, definitions excluded. */
function callers(name: string, definedIn: string[]): string[] {
  const call = new RegExp(`(?<![\\w$])(?:\\.)?${name}\\s*\\(`, 'g');
  return SRC.filter((f) => !f.path.startsWith('src/emulator/') && !definedIn.includes(f.path))
    .filter((f) => [...f.text.matchAll(call)].some((m) => !/(?:function|async|^)\s*$/.test(f.text.slice(Math.max(0, (m.index ?? 0) - 20), m.index))))
    .map((f) => f.path)
    .sort();
}

test('only the execute phase calls BatchUpdateTasks', () => {
  assert.deepEqual(callers('batchUpdateTasks', ['src/dataworks/client.ts', 'src/core/apply/service.ts']), ['src/core/apply/execute.ts']);
});

test('only the pipeline runs the engine, reads before-state (besides the engine) and lists projects for it', () => {
  assert.deepEqual(callers('executePlan', ['src/core/apply/execute.ts']), ['src/core/apply/pipeline.ts', 'src/core/apply/run.ts']);
  assert.deepEqual(callers('makePlan', ['src/core/apply/make-plan.ts']), ['src/core/apply/pipeline.ts', 'src/core/apply/run.ts']);
  assert.deepEqual(callers('runApply', ['src/core/apply/run.ts']), [], 'the front ends go through the pipeline');
  // Pulled values are the plan's expected before-values: no second reader checks them apart.
  assert.deepEqual(callers('readBeforeState', ['src/core/apply/before-state.ts']), ['src/core/apply/make-plan.ts', 'src/core/apply/pipeline.ts']);
  assert.deepEqual(callers('discoverProjectIds', ['src/core/apply/projects.ts']), ['src/core/apply/pipeline.ts']);
});

test('the pipeline gates before anything else; validate calls the same gate', () => {
  const pipeline = SRC.find((f) => f.path === 'src/core/apply/pipeline.ts')!.text;
  const gateAt = pipeline.indexOf('checkBeforeSend(input.text');
  assert.ok(gateAt > 0, 'gateAndPlan runs checkBeforeSend on the input text');
  for (const entry of ['export async function planPatch', 'export async function readCurrentValues']) {
    const body = pipeline.slice(pipeline.indexOf(entry));
    assert.match(body.slice(0, 400), /const gated = gateAndPlan\(input/, `${entry} starts with the gate`);
  }
  const apply = pipeline.slice(pipeline.indexOf('export async function applyPatch'));
  assert.match(apply.slice(0, 400), /const planned = await planPatch\(input/, 'applyPatch starts with the plan (and so the gate)');
  assert.deepEqual(callers('checkBeforeSend', ['src/core/apply/gate.ts']), ['src/cli/commands/validate.ts', 'src/core/apply/pipeline.ts', 'src/extension/apply/gate.ts']);
});

test('the adapters go through the pipeline', () => {
  const adapters: Record<string, RegExp> = {
    'src/cli/commands/apply.ts': /\bapplyPatch\(/,
    'src/cli/commands/plan.ts': /\bplanPatch\(/,
    'src/extension/apply/applyCommand.ts': /\bapplyPatch\(/,
    'src/extension/apply/previewCommand.ts': /\bplanPatch\(/,
  };
  for (const [path, uses] of Object.entries(adapters)) {
    const f = SRC.find((s) => s.path === path);
    assert.ok(f, path);
    assert.match(f.text, uses, `${path} uses the pipeline`);
  }
});
