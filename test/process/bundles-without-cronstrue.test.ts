// cronstrue is a devDependency (the test-only reference of the describe differential test): no
// built runtime bundle (dist/*.js, dist/commands/*.js from scripts/build.mjs) may hold it, and the
// bundles that describe schedules hold our own describer instead. esbuild's development build marks
// every bundled module with a comment naming its path, which is what is looked for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtCli } from './built-cli';

const dist = dirname(builtCli());
const bundles = [
  ...readdirSync(dist).filter((f) => f.endsWith('.js')),
  ...readdirSync(join(dist, 'commands')).filter((f) => f.endsWith('.js')).map((f) => `commands/${f}`),
];
const text = (file: string): string => readFileSync(join(dist, file), 'utf8');

test('no runtime bundle holds cronstrue', () => {
  assert.ok(bundles.includes('main.js') && bundles.includes('commands/cron.js'), bundles.join(', '));
  for (const f of bundles) {
    const js = text(f);
    assert.equal(js.includes('node_modules/cronstrue/'), false, `${f} bundles cronstrue`);
    assert.equal(js.includes('An error occurred when generating the expression description'), false, `${f} holds cronstrue's text`);
  }
});

test('the bundles that describe schedules hold our describer (the check above can see a module)', () => {
  for (const f of ['main.js', 'commands/cron.js']) {
    const js = text(f);
    assert.ok(js.includes('src/core/cron/describe-fields.ts'), `${f} lacks describe-fields.ts`);
    assert.ok(js.includes('every %s days in a month'), `${f} lacks the English phrases`);
  }
  assert.ok(text('main.js').includes('node_modules/jsonc-parser/'), 'module markers missing: is the build minified?');
});
