// One message mechanism: every key the product uses (vscode.l10n.t in the extension, core's translate
// and message tables, the schema's strings) has its Chinese in l10n/bundle.l10n.zh-cn.json with the
// same placeholders, the bundle holds nothing else, the English bundle is up to date, and core's
// translate formats exactly as @vscode/l10n does with the same bundle.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as l10n from '@vscode/l10n';
import { translate, type L10nMessage } from '@src/core/text/l10n';

type Bundle = Record<string, string>;
const keysModule = () => import('../../../scripts/lib/l10n-keys.mjs');
/** Reading every source takes seconds (@vscode/l10n-dev parses with tree-sitter): once per file. */
let used: ReturnType<Awaited<ReturnType<typeof keysModule>>['usedKeys']> | undefined;
const usedOnce = async () => (used ??= (await keysModule()).usedKeys());
const readBundle = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Bundle;

/** Keys whose Chinese names other values: the date message says the month by number, English by name. */
const OTHER_ARGS = new Set(['{month} {year} has {days} days']);

test('every key used in src/ and the schema has zh-cn text with the same placeholders, and the bundle holds only those', async () => {
  const { bundleProblems, ZH_BUNDLE } = await keysModule();
  const { keys, problems } = await usedOnce();
  assert.deepEqual(problems, []);
  // Each source is really read: extension calls, core tables, the describer, the schema.
  const where = [...keys.values()].flatMap((k) => k.where).join('\n');
  for (const file of ['src/extension/', 'src/cli/', 'src/core/validate/messages.ts', 'src/core/cron/messages.ts', 'src/core/cron/describe-phrases.ts', 'src/core/apply/preview-plan.ts', 'schemas/dwtasks.schema.json']) {
    assert.ok(where.includes(file), `no key found in ${file}`);
  }
  assert.ok(keys.size >= 550, `only ${keys.size} keys`);
  const { missing, unused, wrongArgs } = bundleProblems(keys, readBundle(ZH_BUNDLE), OTHER_ARGS);
  assert.deepEqual(missing, [], 'keys without zh-cn text');
  assert.deepEqual(unused, [], 'zh-cn texts no source uses');
  assert.deepEqual(wrongArgs, [], 'placeholders differ');
});

test('l10n/bundle.l10n.json (the English bundle) is up to date: npm run l10n', async () => {
  const { englishBundle, EN_BUNDLE } = await keysModule();
  assert.equal(readFileSync(EN_BUNDLE, 'utf8'), englishBundle((await usedOnce()).keys));
});

test('the check fails on a key without zh-cn text and on a text nothing uses (fixture sources)', async () => {
  const { scanSources, l10nDevKeys, bundleProblems } = await keysModule();
  const files = [
    { path: 'fixture/core.ts', text: [
      "const TABLE = { a: 'Known {n}', b: { message: 'second', comment: 'the cron field' }, c: (n: number) => (n === 1 ? 'One' : 'Many') } as const satisfies Messages;",
      "translate(locale, 'Only in code');",
      "translate(locale, TABLE.a, { n: 1 });",
      "const notATable = { x: 'Not a message' };",
    ].join('\n') },
    { path: 'fixture/ext.ts', text: "import * as vscode from 'vscode';\nvscode.l10n.t('Hello {0}', name);" },
  ];
  const { keys, problems } = scanSources(files);
  assert.deepEqual(problems, []);
  for (const [k, e] of await l10nDevKeys(files)) keys.set(k, e);
  assert.deepEqual([...keys.keys()].sort(), ['Hello {0}', 'Known {n}', 'Many', 'One', 'Only in code', 'second/the cron field']);
  const bundle: Bundle = { 'Known {n}': '已知 {n}', 'second/the cron field': '秒', One: '一', Many: '多', 'Hello {0}': '你好 {n}', 'Gone': '已删除' };
  const r = bundleProblems(keys, bundle);
  assert.deepEqual(r.missing, ['Only in code  (fixture/core.ts:2)']);
  assert.deepEqual(r.unused, ['Gone']);
  assert.deepEqual(r.wrongArgs, ['Hello {0}']);
  assert.deepEqual(scanSources([{ path: 'f.ts', text: 'const T = { a: `x ${y}` } satisfies Messages;' }]).problems, ['f.ts:1: a template with ${...} in a message table']);
});

/** Values for every placeholder of `s`: positional as an array, named as a record. */
function argsFor(s: string): readonly string[] | Record<string, string> | undefined {
  const names = [...s.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  if (!names.length) return undefined;
  if (names.every((n) => /^\d+$/.test(n))) return Array.from({ length: Math.max(...names.map(Number)) + 1 }, (_, i) => `<${i}>`);
  return Object.fromEntries(names.map((n) => [n, `<${n}>`]));
}

function viaVscodeL10n(message: L10nMessage, args: ReturnType<typeof argsFor>): string {
  if (typeof message === 'string') return Array.isArray(args) ? l10n.t(message, ...args) : l10n.t(message, (args ?? {}) as Record<string, string>);
  return l10n.t({ message: message.message, comment: [message.comment], args: args as string[] | Record<string, string> | undefined });
}

test('translate gives what @vscode/l10n gives with the same bundle, for every key in both languages', async () => {
  const { ZH_BUNDLE } = await keysModule();
  const { keys } = await usedOnce();
  const zh = readBundle(ZH_BUNDLE);
  const messages: L10nMessage[] = [...keys.values()].map((e) => (e.comment === undefined ? e.english : { message: e.english, comment: e.comment }));
  for (const [locale, bundle] of [['en', {}], ['zh-cn', zh]] as const) {
    l10n.config({ contents: bundle });
    let differ = 0;
    for (const m of messages) {
      const args = argsFor(typeof m === 'string' ? m : m.message);
      const ours = translate(locale, m, args);
      assert.equal(ours, viaVscodeL10n(m, args), JSON.stringify(m));
      if (locale === 'zh-cn' && ours !== translate('en', m, args)) differ++;
    }
    if (locale === 'zh-cn') assert.ok(differ >= 500, `only ${differ} messages come out translated`);
  }
  l10n.config({ contents: {} });
});

test('translate: a positional or named value fills its placeholder, a missing one stays, a key is never a prototype name', () => {
  assert.equal(translate('zh-cn', '1 task'), '1 个任务');
  assert.equal(translate('zh-cn', '{0} tasks', [3]), '3 个任务');
  assert.equal(translate('en', 'Task {id}', { id: 7 }), 'Task 7');
  assert.equal(translate('zh-cn', 'Task {id}', {}), '任务 {id}');
  assert.equal(translate('zh-cn', 'second', []), '第二个', 'the ordinal');
  assert.equal(translate('zh-cn', { message: 'second', comment: 'the cron field' }), '秒');
  assert.equal(translate('zh-cn', 'constructor'), 'constructor');
  assert.equal(translate('zh-cn', 'Id {raw} is a string: write it as a bare number (the API expects an int64, not text).', { raw: '{raw}' }), 'Id {raw} 是字符串：请写成不带引号的数字（API 需要 int64，而不是文本）。', 'values are not read again');
});
