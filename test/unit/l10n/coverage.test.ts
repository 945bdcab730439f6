// Every string a user sees exists in English and Simplified Chinese: runtime strings under
// src/extension (vscode.l10n.t) in the zh-cn bundle, manifest strings (%key%) in both package.nls files,
// always with the same {n} placeholders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readJson = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, string>;
const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

test('every l10n.t string under src/extension has a zh-cn entry with the same placeholders', () => {
  const missing: string[] = [];
  const wrong: string[] = [];
  let calls = 0;
  let literals = 0;
  for (const f of tsFiles(join(root, 'src/extension'))) {
    const src = readFileSync(f, 'utf8');
    calls += src.match(/\bl10n\.t\(/g)?.length ?? 0;
    for (const m of src.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      literals++;
      const key = m[1]!.replace(/\\'/g, "'");
      const zh = bundle[key];
      if (!zh) missing.push(`${f.slice(root.length + 1)}: ${key}`);
      else if (placeholders(zh) !== placeholders(key)) wrong.push(key);
    }
  }
  assert.ok(literals >= 150, `found only ${literals} l10n strings`);
  // A key that is not a plain literal would escape this check (and the bundle).
  assert.equal(calls, literals, 'every l10n.t call takes a single-quoted literal');
  assert.deepEqual(missing, []);
  assert.deepEqual(wrong, [], 'placeholders differ');
});

test('every %key% of package.json exists in package.nls.json and package.nls.zh-cn.json', () => {
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  const keys = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length >= 30, `found only ${keys.length} manifest keys`);
  const missing = keys.filter((k) => !en[k] || !zh[k]);
  assert.deepEqual(missing, []);
  assert.deepEqual(keys.filter((k) => placeholders(en[k]!) !== placeholders(zh[k]!)), []);
  // Translated, not copied: a zh-cn value equal to the English one is a forgotten translation
  // (names such as "DataWorks" alone are the exception).
  assert.deepEqual(keys.filter((k) => zh[k] === en[k] && /[a-z]{3,}\s+[a-z]{3,}/i.test(en[k]!)), []);
});
