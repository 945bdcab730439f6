// `onLanguage:jsonc` activates the extension for every settings.json: its entry (dist/extension.js,
// from src/extension/activation.ts) holds only the stand-ins and the wake decision, and the rest
// (language features, tree, commands) is dist/main.js, loaded when a patch opens, a command runs or
// the view shows. esbuild's development build names each bundled module in a `// path` comment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { builtCli } from './built-cli';

const dist = dirname(builtCli());
const modules = (file: string): string[] =>
  [...readFileSync(join(dist, file), 'utf8').matchAll(/^\/\/ ((?:src|scripts|node_modules)\/\S+)$/gm)].map((m) => m[1]);

test('the entry bundles the stub and the wake decision only', () => {
  assert.deepEqual([...new Set(modules('extension.js'))].sort(), ['scripts/lib/vscode-namespace.mjs', 'src/extension/activation.ts', 'src/extension/wakeReason.ts']);
  assert.ok(readFileSync(join(dist, 'extension.js'), 'utf8').includes('require("./main.js")'), 'the stub loads main.js');
});

test('main.js holds the extension itself (the check above sees modules)', () => {
  const inMain = modules('main.js');
  for (const m of ['src/extension/extension.ts', 'src/extension/language/register.ts', 'src/core/validate/messages.ts', 'node_modules/jsonc-parser/lib/esm/main.js']) {
    assert.ok(inMain.includes(m), `${m} missing from main.js`);
  }
});
