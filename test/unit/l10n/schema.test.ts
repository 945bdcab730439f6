// The JSON schema in Simplified Chinese: generated from the English one, complete, up to date, and
// what package.json's jsonValidation url resolves to for zh-cn (English users keep the English file).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readJson = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, unknown>;

test('schemas/dwtasks.schema.zh-cn.json is generated from the English schema and every string has a translation', async () => {
  // What `node scripts/schema-l10n.mjs --check` checks, in-process.
  const { generate, TARGET } = await import('../../../scripts/schema-l10n.mjs');
  const { text, missing, strings } = generate();
  assert.ok(strings.length >= 50, `only ${strings.length} schema strings`);
  assert.deepEqual(missing, [], 'English strings without a zh-cn translation in l10n/bundle.l10n.zh-cn.json');
  assert.ok(readFileSync(TARGET, 'utf8') === text, `${TARGET} is out of date: run node scripts/schema-l10n.mjs`);
});

test('every text of the zh-cn schema is Chinese; everything else equals the English schema', () => {
  const en = readJson('schemas/dwtasks.schema.json');
  const zh = readJson('schemas/dwtasks.schema.zh-cn.json');
  const texts: string[] = [];
  const strip = (n: unknown, key = ''): unknown => {
    if (Array.isArray(n)) return n.map((x) => strip(x, key));
    if (!n || typeof n !== 'object') return n;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) {
      if (['title', 'markdownDescription', 'patternErrorMessage', 'label'].includes(k) && typeof v === 'string') texts.push(v);
      else if (k === 'markdownEnumDescriptions') texts.push(...(v as string[]));
      else if (k !== '$comment' || key === 'properties') out[k] = strip(v, k);
    }
    return out;
  };
  const enShape = strip(en);
  const enCount = texts.length;
  texts.length = 0;
  assert.deepEqual(strip(zh), enShape);
  assert.equal(texts.length, enCount);
  assert.ok(enCount >= 50, `only ${enCount} texts`);
  assert.deepEqual(texts.filter((t) => !/[\u4e00-\u9fff]/.test(t)), []);
});

test('jsonValidation url: the English schema by default, the zh-cn schema through package.nls.zh-cn.json', () => {
  const pkg = readJson('package.json') as { contributes: { jsonValidation: { fileMatch: string; url: string }[] } };
  const [entry] = pkg.contributes.jsonValidation;
  assert.equal(entry.fileMatch, '*.dwtasks.json');
  const key = /^%(.+)%$/.exec(entry.url)?.[1];
  assert.ok(key, `url is an nls key: ${entry.url}`);
  const en = readJson('package.nls.json')[key] as string;
  const zh = readJson('package.nls.zh-cn.json')[key] as string;
  assert.equal(en, './schemas/dwtasks.schema.json');
  assert.equal(zh, './schemas/dwtasks.schema.zh-cn.json');
  for (const url of [en, zh]) assert.ok(existsSync(join(root, url)), url);
});
