import { test } from 'node:test';
import assert from 'node:assert/strict';
import { endpointFor, isLoopbackHost, resolveEndpoint } from '@src/dataworks/endpoint';
import { endpointFor as reexported } from '@src/dataworks/credentials';
import { DataWorksClient } from '@src/dataworks/client';
import { DataWorksError } from '@src/dataworks/errors';

const creds = { kind: 'accessKey', accessKeyId: 'id', accessKeySecret: 'secret-value' } as const;

test('regional endpoints, VPC endpoints and the central endpoint', () => {
  for (const region of ['cn-hangzhou', 'cn-shanghai', 'ap-southeast-1', 'eu-central-1', 'us-west-1', 'me-east-1']) {
    assert.equal(endpointFor(region), `dataworks.${region}.aliyuncs.com`);
    assert.equal(endpointFor(region, { vpc: true }), `dataworks-vpc.${region}.aliyuncs.com`);
  }
  for (const region of ['cn-qingdao', 'cn-huhehaote', 'cn-shanghai-finance-1', 'cn-north-2-gov-1']) {
    assert.equal(endpointFor(region), 'dataworks.aliyuncs.com', region);
    assert.equal(endpointFor(region, { vpc: true }), 'dataworks.aliyuncs.com', region);
  }
  assert.equal(endpointFor(' CN-Beijing '), 'dataworks.cn-beijing.aliyuncs.com');
  assert.equal(reexported('cn-hangzhou'), endpointFor('cn-hangzhou'));
  assert.throws(() => endpointFor('cn hangzhou/evil'), (e: unknown) => e instanceof DataWorksError && e.kind === 'parameter');
});

test('loopback hosts: 127.0.0.0/8, ::1, localhost and nothing else', () => {
  for (const h of ['127.0.0.1', '127.1.2.3', 'localhost', 'LOCALHOST', '::1', '[::1]', 'foo.localhost']) {
    assert.equal(isLoopbackHost(h), true, h);
  }
  for (const h of ['128.0.0.1', '10.0.0.1', '0.0.0.0', 'localhost.example.com', '127.0.0.1.nip.io', '::2', 'example.com', '::ffff:10.0.0.1']) {
    assert.equal(isLoopbackHost(h), false, h);
  }
});

test('endpoints: HTTPS by default, plain HTTP only to loopback', () => {
  assert.deepEqual(resolveEndpoint('dataworks.cn-hangzhou.aliyuncs.com'),
    { protocol: 'https', host: 'dataworks.cn-hangzhou.aliyuncs.com', url: 'https://dataworks.cn-hangzhou.aliyuncs.com' });
  assert.equal(resolveEndpoint('https://dataworks.cn-hangzhou.aliyuncs.com/').host, 'dataworks.cn-hangzhou.aliyuncs.com');
  assert.deepEqual(resolveEndpoint('http://127.0.0.1:18080'), { protocol: 'http', host: '127.0.0.1:18080', url: 'http://127.0.0.1:18080' });
  assert.equal(resolveEndpoint('http://[::1]:9000').host, '[::1]:9000');
  assert.equal(resolveEndpoint('http://localhost:1').protocol, 'http');
  assert.equal(resolveEndpoint('127.0.0.1:18080').protocol, 'https', 'no scheme means HTTPS, even on loopback');

  for (const bad of ['http://dataworks.cn-hangzhou.aliyuncs.com', 'http://10.0.0.5:8080', 'http://0.0.0.0:18080', 'http://localhost.evil.com']) {
    assert.throws(() => resolveEndpoint(bad), (e: unknown) => {
      assert.ok(e instanceof DataWorksError);
      assert.equal(e.code, 'InsecureEndpoint');
      assert.match(e.message, /refusing plain HTTP/);
      return true;
    }, bad);
  }
  for (const bad of ['ftp://example.com', 'https://host/path', 'https://host?x=1', 'https://user:pw@host', 'http://']) {
    assert.throws(() => resolveEndpoint(bad), (e: unknown) => e instanceof DataWorksError && e.code === 'InvalidEndpoint', bad);
  }
});

test('the client derives its endpoint from region or endpoint and refuses insecure ones', () => {
  assert.equal(new DataWorksClient({ credentials: creds }).endpoint, 'https://dataworks.cn-hangzhou.aliyuncs.com');
  assert.equal(new DataWorksClient({ region: 'cn-qingdao', credentials: creds }).endpoint, 'https://dataworks.aliyuncs.com');
  assert.equal(new DataWorksClient({ region: 'ap-southeast-1', credentials: creds }).endpoint, 'https://dataworks.ap-southeast-1.aliyuncs.com');
  assert.equal(new DataWorksClient({ region: 'cn-shanghai', endpoint: 'http://127.0.0.1:18080', credentials: creds }).endpoint, 'http://127.0.0.1:18080');
  assert.throws(() => new DataWorksClient({ endpoint: 'http://dataworks.cn-shanghai.aliyuncs.com', credentials: creds }),
    (e: unknown) => e instanceof DataWorksError && e.code === 'InsecureEndpoint' && !e.message.includes('secret-value'));
});
