// Every validation message exists in Simplified Chinese and uses the same arguments as the English one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateText } from '@src/core/validate';
import { CATALOG } from '@src/core/validate/messages';

/** The arguments a template reads, and its text with every argument as a marker. */
function render(tpl: (a: Record<string, string | number>) => string): { read: string; text: string } {
  const read = new Set<string>();
  const args = new Proxy({}, { get: (_t, k) => { read.add(String(k)); return 2; } }) as Record<string, number>;
  return { read: [...read].sort().join(), text: tpl(args) };
}

// The Chinese date message names the month by its number, the English one by its name.
const SAME_MEANING_OTHER_ARGS = new Set(['why.day']);

test('every validation message has a zh-cn translation that reads the same arguments', () => {
  const en = CATALOG.en;
  const zh = CATALOG['zh-cn'];
  assert.ok(Object.keys(en).length >= 50, `only ${Object.keys(en).length} messages`);
  assert.deepEqual(Object.keys(zh).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en)) {
    const e = render(en[key]);
    const z = render(zh[key]);
    if (!SAME_MEANING_OTHER_ARGS.has(key)) assert.equal(z.read, e.read, `arguments of ${key}`);
    assert.match(z.text, /[\u4e00-\u9fff\uff01-\uff5e]|^EnvType 2$/, `${key} is not translated: ${z.text}`);
  }
});

test('schema pattern messages follow the locale (the zh-cn schema\'s patternErrorMessage); English stays the default', () => {
  const text = '{"Tasks": [{"Id": 1, "Trigger": {"StartTime": "2026-1-1"}}]}';
  const pattern = (f: { code: string }) => f.code.endsWith('pattern');
  const en = validateText(text, { schema: true }).findings.find(pattern);
  const zh = validateText(text, { schema: true, locale: 'zh-cn' }).findings.find(pattern);
  assert.match(en?.message ?? '', /StartTime must be written as yyyy-mm-dd hh:mm:ss/);
  assert.match(zh?.message ?? '', /StartTime 必须写成 yyyy-mm-dd hh:mm:ss/);
});
