import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { uiLocale } from '@src/extension/util/locale';

test('display languages starting with zh map to zh-cn, everything else to en', () => {
  assert.equal(uiLocale('zh-cn'), 'zh-cn');
  assert.equal(uiLocale('zh-TW'), 'zh-cn');
  assert.equal(uiLocale('en'), 'en');
  assert.equal(uiLocale('de'), 'en');
  assert.equal(uiLocale(undefined), 'en');
});
