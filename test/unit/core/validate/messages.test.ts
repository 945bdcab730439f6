// Every validation message exists in Simplified Chinese and uses the same arguments as the English one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateText } from '@src/core/validate';
import { t, VALIDATE_MESSAGES } from '@src/core/validate/messages';
import { translate } from '@src/core/text/l10n';

const placeholders = (s: string): string => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();

// The Chinese date message names the month by its number, the English one by its name.
const SAME_MEANING_OTHER_ARGS = new Set(['why.day']);

test('every validation message has a zh-cn translation with the same placeholders', () => {
  const keys = Object.keys(VALIDATE_MESSAGES) as (keyof typeof VALIDATE_MESSAGES)[];
  assert.ok(keys.length >= 50, `only ${keys.length} messages`);
  for (const key of keys) {
    const en = VALIDATE_MESSAGES[key];
    const zh = translate('zh-cn', en);
    if (!SAME_MEANING_OTHER_ARGS.has(key)) assert.equal(placeholders(zh), placeholders(en), `placeholders of ${key}`);
    assert.match(zh, /[\u4e00-\u9fff\uff01-\uff5e]|^EnvType \{env\}$/, `${key} is not translated: ${zh}`);
  }
});

test('a message that English says in two ways is two whole sentences in both languages', () => {
  assert.equal(t('en', 'syntax', { what: 'value expected', more: 0 }), 'Not valid JSON: value expected. Fix this first: no other rule runs on a file that does not parse.');
  assert.match(t('en', 'syntax', { what: 'x', more: 1 }), /\(and 1 more syntax error after it\)/);
  assert.match(t('en', 'syntax', { what: 'x', more: 3 }), /\(and 3 more syntax errors after it\)/);
  assert.match(t('zh-cn', 'syntax', { what: 'x', more: 3 }), /（其后还有 3 个语法错误）/);
  assert.match(t('en', 'duplicate-key', { name: 'Id', first: 2, line: 2 }), /\(both on line 2\)/);
  assert.match(t('zh-cn', 'duplicate-key', { name: 'Id', first: 2, line: 5 }), /（第 2 行和第 5 行）/);
  assert.match(t('en', 'int-not-plain', { field: 'Timeout', raw: '1e3', fix: '1000' }), /exactly what is written: write 1000\.$/);
  assert.match(t('en', 'int-not-plain', { field: 'Timeout', raw: '1.5', fix: '' }), /exactly what is written\.$/);
  assert.match(t('zh-cn', 'duplicate-id', { id: 7, env: 'Prod', line: 3 }), /^Id 7（EnvType Prod）已由第 3 行/);
  assert.match(t('en', 'duplicate-id', { id: 7, env: '', line: 3 }), /^Id 7 is already updated/);
});

test('schema pattern messages follow the locale (the zh-cn schema\'s patternErrorMessage); English stays the default', () => {
  const text = '{"Tasks": [{"Id": 1, "Trigger": {"StartTime": "2026-1-1"}}]}';
  const pattern = (f: { code: string }) => f.code.endsWith('pattern');
  const en = validateText(text, { schema: true }).findings.find(pattern);
  const zh = validateText(text, { schema: true, locale: 'zh-cn' }).findings.find(pattern);
  assert.match(en?.message ?? '', /StartTime must be written as yyyy-mm-dd hh:mm:ss/);
  assert.match(zh?.message ?? '', /StartTime 必须写成 yyyy-mm-dd hh:mm:ss/);
});
