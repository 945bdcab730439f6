// Every string the connection, tree and service completion show has a Simplified Chinese entry
// with the same placeholders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : n.endsWith('.ts') ? [p] : [];
  });
}

test('connection, tree and service-completion strings all have zh-cn entries', () => {
  const missing: string[] = [];
  let count = 0;
  for (const dir of ['connection', 'tree', 'service-completion']) {
    for (const f of files(join(root, 'src/extension', dir))) {
      const src = readFileSync(f, 'utf8');
      for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        count++;
        const key = m[1]!.replace(/\\'/g, "'");
        if (!bundle[key]) missing.push(`${f}: ${key}`);
        else assert.equal((bundle[key]!.match(/\{\d\}/g) ?? []).sort().join(), (key.match(/\{\d\}/g) ?? []).sort().join(), `placeholders of ${key}`);
      }
    }
  }
  assert.ok(count >= 80, `found only ${count} l10n strings`);
  assert.deepEqual(missing, []);
});
