// UI: in an example patch, Ctrl+Space inside "RerunMode": "" lists exactly the three rerun modes.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, lineColumnAfter, startWorkbench, type Workbench } from '../support/workbench';

/** An example patch that sets RerunMode (its value is emptied in the workspace copy), else the fixture. */
function pickPatch(): string {
  const dir = join(ROOT, 'examples');
  const examples = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.dwtasks.json')).sort() : [];
  // Prefer a well-formed example; files named broken/invalid carry deliberate errors.
  examples.sort((a, b) => Number(/broken|invalid/.test(a)) - Number(/broken|invalid/.test(b)));
  const withRerun = examples.find((f) => /"RerunMode"\s*:/.test(readFileSync(join(dir, f), 'utf8')));
  return withRerun ? `examples/${withRerun}` : 'completion.dwtasks.json';
}

const patch = pickPatch();
let wb: Workbench;
let text = '';

before(async () => {
  wb = await startWorkbench({
    prepare: (workspace) => {
      const file = join(workspace, patch);
      text = readFileSync(file, 'utf8').replace(/"RerunMode"\s*:\s*"[^"]*"/, '"RerunMode": ""');
      writeFileSync(file, text);
    },
  });
});

after(async () => {
  await wb?.close();
});

test(`Ctrl+Space in "RerunMode": "" of ${patch} suggests AllDenied, FailureAllowed, AllAllowed`, async () => {
  await wb.openFile(patch);
  const { line, column } = lineColumnAfter(text, '"RerunMode": "');
  await wb.goTo(line, column);
  const labels = await wb.suggest((l) => l.length > 0);
  await wb.screenshot('suggest-rerun-mode');
  assert.deepEqual(labels.map((l) => l.replace(/^"|"$/g, '')).sort(), ['AllAllowed', 'AllDenied', 'FailureAllowed']);
});
