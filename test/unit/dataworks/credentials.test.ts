// The credential chain on its own (no network): which source wins, what a failure says, and that
// no secret ever appears in a failure. End-to-end signing with these credentials is in client tests.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { createCredential, listAliyunProfiles } from '@src/dataworks/credentials';
import { DataWorksError } from '@src/dataworks/errors';
import { aliyunConfig, withSandbox } from './env-sandbox';

const SECRET = 'TOP-SECRET-do-not-print-9f3a';

async function resolve(spec: Parameters<typeof createCredential>[0]): Promise<{ accessKeyId: string; accessKeySecret: string }> {
  const c = await createCredential(spec).getCredential();
  return { accessKeyId: c.accessKeyId ?? '', accessKeySecret: c.accessKeySecret ?? '' };
}

async function authFailure(spec: Parameters<typeof createCredential>[0]): Promise<DataWorksError> {
  try {
    await createCredential(spec).getCredential();
  } catch (e) {
    assert.ok(e instanceof DataWorksError, `expected DataWorksError, got ${String(e)}`);
    assert.equal(e.kind, 'auth');
    assert.equal(e.retryable, false);
    for (const shown of [e.message, String(e), JSON.stringify(e), inspect(e)]) assert.ok(!shown.includes(SECRET), shown);
    return e;
  }
  assert.fail('expected the credential lookup to fail');
}

test('environment variables come first in the default chain', async () => {
  await withSandbox({
    env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret' },
    aliyunConfig: aliyunConfig('main', { main: ['LTAIcli', 'cli-secret'] }),
  }, async () => {
    assert.deepEqual(await resolve({ kind: 'defaultChain' }), { accessKeyId: 'LTAIenv', accessKeySecret: 'env-secret' });
  });
});

test('the aliyun CLI current profile, ALIBABA_CLOUD_PROFILE, and an explicitly chosen profile', async () => {
  const conf = aliyunConfig('main', { main: ['LTAImain', 'main-secret'], other: ['LTAIother', 'other-secret'] });
  await withSandbox({ aliyunConfig: conf }, async ({ home }) => {
    assert.equal((await resolve({ kind: 'defaultChain' })).accessKeyId, 'LTAImain');
    assert.equal((await resolve({ kind: 'defaultChain', profile: 'other' })).accessKeyId, 'LTAIother');
    assert.deepEqual(await listAliyunProfiles(home), [
      { name: 'main', mode: 'AK', current: true },
      { name: 'other', mode: 'AK', current: false },
    ]);
    const listed = JSON.stringify(await listAliyunProfiles(home));
    assert.ok(!listed.includes('secret') && !listed.includes('LTAI'), 'profile listing carries no keys');
  });
  await withSandbox({ aliyunConfig: conf, env: { ALIBABA_CLOUD_PROFILE: 'other' } }, async () => {
    assert.equal((await resolve({ kind: 'defaultChain' })).accessKeyId, 'LTAIother');
  });
  // A chosen profile wins over environment variables: the user asked for that account.
  await withSandbox({ aliyunConfig: conf, env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'x' } }, async () => {
    assert.equal((await resolve({ kind: 'defaultChain', profile: 'other' })).accessKeyId, 'LTAIother');
  });
});

test('~/.alibabacloud/credentials INI is used when nothing else is configured', async () => {
  const ini = '[default]\ntype = access_key\naccess_key_id = LTAIini\naccess_key_secret = ini-secret\n\n'
    + '[team]\ntype = access_key\naccess_key_id = LTAIteam\naccess_key_secret = team-secret\n';
  await withSandbox({ credentialsIni: ini }, async () => {
    assert.deepEqual(await resolve({ kind: 'defaultChain' }), { accessKeyId: 'LTAIini', accessKeySecret: 'ini-secret' });
    assert.equal((await resolve({ kind: 'defaultChain', profile: 'team' })).accessKeyId, 'LTAIteam');
  });
});

test('nothing configured: an auth error that lists every source tried, skips ECS, and says how to fix it', async () => {
  await withSandbox({}, async () => {
    const e = await authFailure({ kind: 'defaultChain' });
    assert.equal(e.code, 'NoCredentials');
    assert.match(e.message, /environment \(ALIBABA_CLOUD_ACCESS_KEY_ID/);
    assert.match(e.message, /aliyun CLI current profile/);
    assert.match(e.message, /\.alibabacloud\/credentials/);
    assert.match(e.message, /Skipped: ECS instance RAM role/);
    assert.match(e.message, /aliyun configure/);
    assert.match(e.message, /ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
  });
});

test('an unknown profile names the profile; a malformed config never leaks its content', async () => {
  await withSandbox({ aliyunConfig: aliyunConfig('main', { main: ['LTAImain', SECRET] }) }, async () => {
    const e = await authFailure({ kind: 'defaultChain', profile: 'nope' });
    assert.match(e.message, /profile "nope"/);
    assert.match(e.message, /aliyun configure --profile nope/);
  });
  // The library quotes a malformed config.json in full in its own error; ours must not.
  const text = `{"current":"main","profiles":[{"name":"main","mode":"AK","access_key_id":"LTAIx","access_key_secret":"${SECRET}"}`;
  await withSandbox({ aliyunConfigText: text }, async ({ home }) => {
    const e = await authFailure({ kind: 'defaultChain' });
    assert.match(e.message, /config\.json is not valid JSON/);
    await assert.rejects(listAliyunProfiles(home), (err: unknown) => {
      assert.ok(err instanceof DataWorksError && !String(err).includes(SECRET));
      return true;
    });
  });
});

test('an AccessKey pair handed in is used as is; an empty one is refused', async () => {
  await withSandbox({ env: { ALIBABA_CLOUD_ACCESS_KEY_ID: 'LTAIenv', ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env' } }, async () => {
    assert.deepEqual(await resolve({ kind: 'accessKey', accessKeyId: 'LTAIgiven', accessKeySecret: 'given' }),
      { accessKeyId: 'LTAIgiven', accessKeySecret: 'given' });
    const sts = await createCredential({ kind: 'accessKey', accessKeyId: 'STS.a', accessKeySecret: 'b', securityToken: 'tok' }).getCredential();
    assert.equal(sts.securityToken, 'tok');
  });
  assert.throws(() => createCredential({ kind: 'accessKey', accessKeyId: 'LTAI', accessKeySecret: '' }),
    (e: unknown) => e instanceof DataWorksError && e.kind === 'auth');
});

test('no aliyun config: no profiles', async () => {
  await withSandbox({}, async ({ home }) => assert.deepEqual(await listAliyunProfiles(home), []));
});
