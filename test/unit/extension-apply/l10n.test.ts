// Every string the apply feature shows (and its commands' titles) exists in Simplified Chinese with
// the same placeholders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const bundle = JSON.parse(readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

test('apply strings all have zh-cn entries with the same placeholders', () => {
  const dir = join(root, 'src/extension/apply');
  const missing: string[] = [];
  let count = 0;
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/l10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      count++;
      const key = m[1]!.replace(/\\'/g, "'");
      if (!bundle[key]) missing.push(`${f}: ${key}`);
      else assert.equal((bundle[key]!.match(/\{\d\}/g) ?? []).sort().join(), (key.match(/\{\d\}/g) ?? []).sort().join(), `placeholders of ${key}`);
    }
  }
  assert.ok(count >= 30, `found only ${count} l10n strings`);
  assert.deepEqual(missing, []);
});

test('apply commands have titles in package.nls.json and package.nls.zh-cn.json', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { contributes: { commands: { command: string; title: string }[] } };
  const en = JSON.parse(readFileSync(join(root, 'package.nls.json'), 'utf8')) as Record<string, string>;
  const zh = JSON.parse(readFileSync(join(root, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  for (const id of ['dataworks.applyBatchUpdate', 'dataworks.previewBatchUpdate', 'dataworks.revertLastApply', 'dataworks.showApplyHistory']) {
    const c = pkg.contributes.commands.find((x) => x.command === id);
    assert.ok(c, `${id} is contributed`);
    const key = c.title.replace(/^%|%$/g, '');
    assert.ok(en[key] && zh[key] && en[key] !== zh[key], `${id}: ${key} in both languages`);
  }
});
