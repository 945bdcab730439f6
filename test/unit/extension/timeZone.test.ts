import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { isValidTimeZone, resolveTimeZone, systemTimeZone } from '../../../src/extension/util/timeZone';
import { uiLocale } from '../../../src/extension/util/locale';

test('an explicit valid dataworks.timeZone wins over region and system', () => {
  assert.deepEqual(resolveTimeZone('Europe/Berlin', 'cn-hangzhou', 'America/New_York'), { zone: 'Europe/Berlin', source: 'setting' });
  assert.deepEqual(resolveTimeZone('  UTC ', 'us-east-1', 'Asia/Tokyo'), { zone: 'UTC', source: 'setting' });
});

test('empty setting: cn-* regions use Asia/Shanghai, others the system zone', () => {
  assert.deepEqual(resolveTimeZone('', 'cn-hangzhou', 'America/New_York'), { zone: 'Asia/Shanghai', source: 'region' });
  assert.deepEqual(resolveTimeZone(undefined, 'CN-Beijing', 'UTC'), { zone: 'Asia/Shanghai', source: 'region' });
  assert.deepEqual(resolveTimeZone('', 'ap-southeast-1', 'America/New_York'), { zone: 'America/New_York', source: 'system' });
  assert.deepEqual(resolveTimeZone('', undefined, 'Europe/Paris'), { zone: 'Europe/Paris', source: 'system' });
});

test('an unknown zone in the setting is reported and ignored', () => {
  assert.deepEqual(resolveTimeZone('Mars/Olympus', 'cn-shanghai', 'UTC'), { zone: 'Asia/Shanghai', source: 'region', invalidSetting: 'Mars/Olympus' });
  assert.deepEqual(resolveTimeZone('GMT+8', 'eu-west-1', 'UTC').source, 'system');
});

test('zone validity follows the runtime\'s IANA data', () => {
  assert.equal(isValidTimeZone('Asia/Shanghai'), true);
  assert.equal(isValidTimeZone('America/Argentina/Buenos_Aires'), true);
  assert.equal(isValidTimeZone('Asia/Nowhere'), false);
  assert.equal(isValidTimeZone(''), false);
  assert.equal(isValidTimeZone(systemTimeZone()), true);
});

test('display languages starting with zh map to zh-cn, everything else to en', () => {
  assert.equal(uiLocale('zh-cn'), 'zh-cn');
  assert.equal(uiLocale('zh-TW'), 'zh-cn');
  assert.equal(uiLocale('en'), 'en');
  assert.equal(uiLocale('de'), 'en');
  assert.equal(uiLocale(undefined), 'en');
});
