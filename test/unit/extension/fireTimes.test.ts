import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatFireTime } from '@src/extension/util/fireTimes';

test('wall-clock time in the zone with weekday and offset', () => {
  const d = new Date(Date.UTC(2026, 10, 28, 16, 0, 0)); // 2026-11-29 00:00 in Shanghai, a Sunday
  assert.equal(formatFireTime(d, 'Asia/Shanghai', 'en'), '2026-11-29 00:00:00 Sun UTC+08:00');
  assert.equal(formatFireTime(d, 'Asia/Shanghai', 'zh-cn'), '2026-11-29 00:00:00 星期日 UTC+08:00');
  assert.equal(formatFireTime(d, 'UTC', 'en'), '2026-11-28 16:00:00 Sat UTC+00:00');
});

test('the offset follows DST at each instant', () => {
  // Europe/Berlin switches to CEST on 2026-03-29 at 01:00 UTC.
  assert.equal(formatFireTime(new Date(Date.UTC(2026, 2, 29, 0, 30)), 'Europe/Berlin', 'en'), '2026-03-29 01:30:00 Sun UTC+01:00');
  assert.equal(formatFireTime(new Date(Date.UTC(2026, 2, 29, 1, 30)), 'Europe/Berlin', 'en'), '2026-03-29 03:30:00 Sun UTC+02:00');
  assert.equal(formatFireTime(new Date(Date.UTC(2026, 0, 1, 5, 0, 0)), 'Asia/Kolkata', 'en'), '2026-01-01 10:30:00 Thu UTC+05:30');
});

test('midnight is 00, not 24', () => {
  assert.equal(formatFireTime(new Date(Date.UTC(2026, 0, 1, 0, 0, 0)), 'UTC', 'en').slice(11, 19), '00:00:00');
});
