// The CLI's language comes from DWTASKS_LANG only: zh-cn or any zh* is Chinese, anything else English.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliLocale } from '@src/cli/locale';
import { count } from '@src/cli/counts';
import { plural } from '@src/core/text/plural';
import { formatReadProgress, ProgressLine } from '@src/core/listing/progress';

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

test('the read progress line in Chinese: pages, items, time left and the closing line', () => {
  const p = { callsDone: 12, callsTotal: 381, items: 1200, totalItems: 38006 };
  assert.equal(formatReadProgress(p, 95_000, 'tasks', 'zh-cn'), '第 12/381 页，任务 1,200/38,006，约剩 1 分 35 秒');
  assert.equal(formatReadProgress(p, 95_000), 'page 12 of 381, 1,200 of 38,006 tasks, about 1 min 35 s left');
  assert.equal(formatReadProgress({ callsDone: 2, items: 150 }, undefined, 'projects', 'zh-cn'), '第 2 页，150 个项目');
  const out: string[] = [];
  let t = 0;
  const line = new ProgressLine({ write: (s) => out.push(s), isTTY: false, rps: 10, locale: 'zh-cn', now: () => t });
  t = 2_000;
  line.update({ callsDone: 3, callsTotal: 3, items: 300, totalItems: 300 });
  line.finish();
  assert.deepEqual(out, ['第 3/3 页，任务 300/300，完成\n', '第 3/3 页，任务 300/300，完成，用时 2.0 秒\n']);
});
