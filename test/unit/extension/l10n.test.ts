import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

test('every string the language features show through l10n has a Simplified Chinese entry', () => {
  const dir = join(root, 'src/extension/language');
  const missing: string[] = [];
  let count = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      count++;
      const key = m[1].replace(/\\'/g, "'");
      if (!bundle[key]) missing.push(`${f}: ${key}`);
      else assert.equal((bundle[key].match(/\{\d\}/g) ?? []).sort().join(), (key.match(/\{\d\}/g) ?? []).sort().join(), `placeholders of ${key}`);
    }
  }
  assert.ok(count >= 8, `found only ${count} l10n strings`);
  assert.deepEqual(missing, []);
});
