// The CLI's language comes from DWTASKS_LANG only: zh-cn or any zh* is Chinese, anything else English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliLocale } from '@src/cli/locale';
import { count } from '@src/cli/counts';
import { plural } from '@src/core/text/plural';

test('DWTASKS_LANG: zh-cn, zh, zh_TW and ZH-CN are Chinese; unset, en, fr and LANG=zh_CN are English', () => {
  for (const v of ['zh-cn', 'zh', 'zh_TW', 'ZH-CN', ' zh-cn ']) assert.equal(cliLocale({ DWTASKS_LANG: v }), 'zh-cn', v);
  for (const v of [undefined, '', 'en', 'fr', 'en-zh']) assert.equal(cliLocale({ DWTASKS_LANG: v }), 'en', String(v));
  assert.equal(cliLocale({ LANG: 'zh_CN.UTF-8', LC_ALL: 'zh_CN.UTF-8' }), 'en');
});

test('counted nouns: English is what plural() wrote, Chinese words the count once', () => {
  for (const n of [0, 1, 2]) {
    assert.equal(count('en', n, 'task'), plural(n, 'task'));
    assert.equal(count('en', n, 'readCall'), plural(n, 'read call'));
  }
  assert.equal(count('zh-cn', 1, 'task'), '1 个任务');
  assert.equal(count('zh-cn', 3, 'prodTask'), '3 个生产环境任务');
});
