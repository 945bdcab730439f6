// Chinese text reads as a Chinese reader expects, in every zh-cn text source: full-width punctuation
// inside Chinese sentences, no space beside a full-width bracket, one weekday style (星期一 ...
// 星期日, the describer's), and no English word left untranslated. Sources: the one bundle
// (extension, core messages, the schema's strings), the manifest's nls, the describer's output, and
// any string literal or template in src/ that still holds a Chinese character.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import { describeCron } from '@src/core/cron';
import { untranslatedWords, zhTypographyProblems } from './support/zh-typography';

const root = join(__dirname, '../../..');
const jsonValues = (rel: string): [string, string][] =>
  Object.entries(JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, string>).map(([k, v]) => [`${rel} ${k}`, v]);

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/**
 * The bundle's texts, named by key. The describer's phrases (keys from describe-phrases.ts) are left
 * out: they start with ", " because the describer joins and trims clauses by it, and tidyChinese
 * makes the commas full-width; their output is what a reader sees, and describerTexts() checks it.
 */
async function bundleTexts(): Promise<[string, string][]> {
  const { usedKeys } = await import('../../../scripts/lib/l10n-keys.mjs');
  const { keys } = await usedKeys();
  const fragment = (k: string) => keys.get(k)?.where.every((w) => w.startsWith('src/core/cron/describe-phrases.ts')) ?? false;
  return jsonValues('l10n/bundle.l10n.zh-cn.json').filter(([where]) => !fragment(where.slice('l10n/bundle.l10n.zh-cn.json '.length)));
}

/** Every string literal and template text in src/ with a Chinese character, named by file and line. */
function sourceTexts(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of tsFiles(join(root, 'src'))) {
    const text = readFileSync(file, 'utf8');
    if (!/\p{Script=Han}/u.test(text)) continue;
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) {
        const s = (node as ts.LiteralLikeNode).text;
        if (/\p{Script=Han}/u.test(s)) out.push([`${file.slice(root.length + 1)}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`, s]);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return out;
}

/** Expressions that reach every clause of the describer (lists, ranges, steps, L, #, months, years). */
const CRONS = [
  '00 05 07 * * ?', '00 00 00 ? * 2-6', '00 00 12 ? * 5L', '00 00 12 ? * 5#3', '00 */15 * * * ?', '0 5,35 3 * * ?',
  '0 */15 1,5 * * ?', '0 0 0 1 JAN,* ?', '0 5,35 */7 * * ?', '0 0 0 ? * 1-3,5', '0 0 0 ? * MON,WED,FRI', '0 0 0 L * ?',
  '0 0 0 1 1/2 ?', '0 0 0 1 MAR,6 ?', '0 0 0 1/3 * ?', '0 0 0 5-20 * ?', '0 10-40 3 * * ?', '0 0 */2 * * ?', '0 0 1,5 * * ?',
  '0 30 1,5,9 * * ?', '0 0 0 31 4,6,9,11 ?', '0 0 0 ? * 6#5', '0 0 8 ? 2-5 MON-FRI', 'not a cron',
];

const describerTexts = (): [string, string][] =>
  CRONS.flatMap((c) => [false, true].map((short): [string, string] => [`describeCron(${c}${short ? ', short' : ''})`, describeCron(c, 'zh-cn', { short })]));

test('every zh-cn text uses full-width punctuation, no space beside a full-width bracket, 星期 weekdays and no English left', async () => {
  const bundle = await bundleTexts();
  const texts = [...bundle, ...jsonValues('package.nls.zh-cn.json'), ...sourceTexts(), ...describerTexts()];
  assert.ok(bundle.length > 550, `found only ${bundle.length} bundle texts`);
  const problems = texts.flatMap(([where, s]) => zhTypographyProblems(s).map((p) => `${where}: ${p} in ${JSON.stringify(s)}`));
  assert.deepEqual(problems, []);
  const english = [...bundle, ...jsonValues('package.nls.zh-cn.json')].flatMap(([where, s]) => untranslatedWords(s).map((w) => `${where}: "${w}" in ${JSON.stringify(s)}`));
  assert.deepEqual(english, []);
});

test('the checker flags what it should and lets code and values pass', () => {
  assert.deepEqual(zhTypographyProblems('共 8 个字段; 3 个字段已是补丁中的值.'), ['ASCII ";"', 'ASCII "."']);
  assert.deepEqual(zhTypographyProblems('在07:05, 每天'), ['ASCII ","']);
  assert.deepEqual(zhTypographyProblems('本地模拟器 （127.0.0.1:37759）'), ['space beside "（"']);
  assert.deepEqual(zhTypographyProblems('仅周六'), ['weekday "周六" (write 星期六)']);
  assert.deepEqual(zhTypographyProblems('项目(Project).'), ['ASCII "("']);
  assert.deepEqual(zhTypographyProblems('全部加入补丁...'), ['ASCII "."'], 'Chinese writes …');
  // Code and values: placeholders, times, file names, options, dotted field names.
  assert.deepEqual(zhTypographyProblems('在 {0} 运行：07:05，文件 a.dwtasks.json，用 --force；字段 Trigger.Cron。'), []);
  assert.deepEqual(zhTypographyProblems('每周（Weekly）'), []);
  // A text without a Chinese character says only names and code (DataWorks, AccessKey ID, Trigger.Cron, {0}).
  assert.deepEqual(untranslatedWords('Owner'), ['Owner']);
  assert.deepEqual(untranslatedWords('Timeout (seconds)'), ['Timeout', 'seconds']);
  assert.deepEqual(untranslatedWords('DataWorks cron：AccessKey ID，Trigger.Cron {0} CU'), []);
  assert.deepEqual(untranslatedWords('类型 Type'), [], 'beside Chinese, a word is a value (Trigger.Type 为 Manual)');
});

test('the plan document does not box full-width punctuation as ambiguous characters', () => {
  // The plan is generated and read-only: its full-width ，（）： are the Chinese text's own
  // punctuation (and task names or descriptions quoted from DataWorks), not look-alikes of ASCII
  // slipped into code, so VS Code's ambiguous-character boxes would only be noise there.
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    contributes: { configurationDefaults: Record<string, Record<string, unknown>> };
  };
  assert.equal(manifest.contributes.configurationDefaults['[dwtasks-plan]']?.['editor.unicodeHighlight.ambiguousCharacters'], false);
});
