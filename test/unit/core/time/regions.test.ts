import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describeZone, isValidTimeZone, REGION_ZONES, regionZone, resolveTimeZone } from '@src/core/time/regions';

test('every region the extension offers has a zone this runtime knows', () => {
  const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { contributes: { configuration: { properties: Record<string, { enum?: string[] }> } } };
  const offered = manifest.contributes.configuration.properties['dataworks.region']!.enum!;
  assert.ok(offered.length > 15);
  for (const r of offered) {
    assert.ok(REGION_ZONES[r], `region ${r} has no zone`);
    assert.equal(isValidTimeZone(REGION_ZONES[r]!), true, `${r}: ${REGION_ZONES[r]}`);
  }
});

test('no region: the default region cn-hangzhou, China time, whatever the computer\'s zone', () => {
  assert.deepEqual(resolveTimeZone(undefined, undefined), { zone: 'Asia/Shanghai', source: 'default', region: 'cn-hangzhou' });
  assert.deepEqual(resolveTimeZone('  ', ''), { zone: 'Asia/Shanghai', source: 'default', region: 'cn-hangzhou' });
});

test('mainland China and finance regions are China time (documented); others their own zone, marked assumed', () => {
  assert.deepEqual(regionZone('CN-Beijing'), { zone: 'Asia/Shanghai', source: 'region', region: 'cn-beijing' });
  assert.deepEqual(regionZone('cn-shanghai-finance-1'), { zone: 'Asia/Shanghai', source: 'region', region: 'cn-shanghai-finance-1' });
  assert.deepEqual(regionZone('ap-southeast-1'), { zone: 'Asia/Singapore', source: 'region-assumed', region: 'ap-southeast-1' });
  assert.deepEqual(regionZone('eu-central-1'), { zone: 'Europe/Berlin', source: 'region-assumed', region: 'eu-central-1' });
  assert.deepEqual(regionZone('us-west-1'), { zone: 'America/Los_Angeles', source: 'region-assumed', region: 'us-west-1' });
  assert.deepEqual(regionZone('cn-hongkong'), { zone: 'Asia/Hong_Kong', source: 'region-assumed', region: 'cn-hongkong' });
  assert.deepEqual(regionZone('xx-nowhere-9'), { zone: 'Asia/Shanghai', source: 'unknown-region', region: 'xx-nowhere-9' });
});

test('a valid override wins; an unknown one is reported and ignored', () => {
  assert.deepEqual(resolveTimeZone('Europe/Paris', 'cn-hangzhou'), { zone: 'Europe/Paris', source: 'setting', region: 'cn-hangzhou' });
  assert.deepEqual(resolveTimeZone('Mars/Olympus', 'eu-west-1'), { zone: 'Europe/London', source: 'region-assumed', region: 'eu-west-1', invalidSetting: 'Mars/Olympus' });
});

test('the line every output prints names the zone and why', () => {
  assert.equal(describeZone(resolveTimeZone(undefined, undefined)), 'zone Asia/Shanghai (default region cn-hangzhou)');
  assert.equal(describeZone(resolveTimeZone('UTC', 'cn-beijing')), 'zone UTC (--tz)');
  assert.match(describeZone(regionZone('us-east-1')), /^zone America\/New_York \(assumed for region us-east-1; set --tz/);
});
