import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkCron, describeCron } from '@src/core/cron';
import { CRON_SNIPPETS, snippetDefault, snippetExpansions, snippetText } from '@src/extension/language/cronSnippets';

test('the six schedules the issue names are offered', () => {
  assert.deepEqual(CRON_SNIPPETS.map((s) => s.id), ['daily', 'everyMinutes', 'hourly', 'weekly', 'monthly', 'lastDayOfMonth']);
});

test('every expansion of every snippet passes the DataWorks dialect check, in canonical form', () => {
  for (const s of CRON_SNIPPETS) {
    const all = snippetExpansions(s.body);
    assert.ok(all.length >= 1);
    for (const expr of all) {
      const r = checkCron(expr);
      assert.ok(r.valid, `${s.id}: ${expr}: ${JSON.stringify(r.problems)}`);
      assert.deepEqual(r.fixes, [], `${s.id}: ${expr} should already be canonical`);
    }
  }
  assert.equal(snippetExpansions(CRON_SNIPPETS[1].body).length, 5, 'every N minutes: 5, 10, 15, 20, 30');
  assert.equal(snippetExpansions(CRON_SNIPPETS[3].body).length, 7, 'weekly: seven days');
});

test('defaults take the first choice and each placeholder default', () => {
  assert.equal(snippetDefault('00 ${2:00} ${1:02} * * ?'), '00 00 02 * * ?');
  assert.equal(snippetDefault('00 */${1|5,10|} 00-23 * * ?'), '00 */5 00-23 * * ?');
  assert.deepEqual(snippetExpansions('${1|a,b|} x ${2:y} ${3|c,d|}'), ['a x y c', 'a x y d', 'b x y c', 'b x y d']);
});

test('each snippet has labels and help in both languages and a description of its default', () => {
  for (const s of CRON_SNIPPETS) {
    for (const locale of ['en', 'zh-cn'] as const) {
      const { label, help } = snippetText(s, locale);
      assert.ok(label && help, `${s.id} ${locale}`);
      assert.ok(describeCron(snippetDefault(s.body), locale, { short: true }).length > 0);
    }
    const zh = snippetText(s, 'zh-cn');
    assert.match(zh.label, /[\u4e00-\u9fff]/);
    assert.match(zh.help, /[\u4e00-\u9fff]/);
  }
});
