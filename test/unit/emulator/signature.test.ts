// V3 signature checks: real SDK requests are accepted for every action; hand-made tampered ones
// get the gateway's error codes and HTTP statuses.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '@src/emulator/index';
import { sdkCall, sdkError, send, sign, signedRequest, timestamp } from './support';

describe('emulator V3 signatures', () => {
  let emu: RunningEmulator;
  let taskId: string;
  before(async () => {
    emu = await startEmulator({ tasks: 120, seed: 7 });
    taskId = Object.keys(emu.snapshot().tasks.Prod)[0];
  });
  after(() => emu.close());

  it('accepts SDK-signed requests for every action', async () => {
    const calls: [string, Record<string, string>, string][] = [
      ['ListProjects', {}, 'PagingInfo'],
      ['ListTasks', { ProjectId: '312601' }, 'PagingInfo'],
      ['GetTask', { Id: taskId, ProjectEnv: 'Prod' }, 'Task'],
      ['BatchUpdateTasks', { Tasks: `[{"Id":${taskId},"Description":"signed"}]` }, 'SuccessInfo'],
      ['ListResourceGroups', {}, 'PagingInfo'],
      ['ListDataSources', { ProjectId: '312601' }, 'PagingInfo'],
    ];
    for (const [action, values, key] of calls) {
      const r = await sdkCall(emu, action, values);
      assert.equal(r.statusCode, 200, action);
      assert.ok(key in r.body, `${action} answers ${key}`);
      assert.match(String(r.body.RequestId), /^[0-9A-F-]{36}$/);
    }
  });

  it('signs query values with RFC 3986 encoding, including !\'()* and spaces', async () => {
    const r = await sdkCall(emu, 'ListDataSources', { ProjectId: '312601', Name: "odps!'()* x" });
    assert.equal(r.statusCode, 200);
    const r2 = await sdkCall(emu, 'ListTasks', { ProjectId: '312601', Name: "a b!'()*~+&=%" });
    assert.equal(r2.statusCode, 200);
  });

  it('rejects a wrong secret with 400 SignatureDoesNotMatch', async () => {
    const e = await sdkError(emu, 'ListProjects', {}, { secret: 'not-the-secret' });
    assert.equal(e.code, 'SignatureDoesNotMatch');
    assert.equal(e.statusCode, 400);
    assert.deepEqual(Object.keys(e.data).filter((k) => k !== 'statusCode').sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
  });

  it('rejects an unknown AccessKey with 404 InvalidAccessKeyId.NotFound', async () => {
    const e = await sdkError(emu, 'ListProjects', {}, { accessKeyId: 'LTAI5tSomebodyElse' });
    assert.equal(e.code, 'InvalidAccessKeyId.NotFound');
    assert.equal(e.statusCode, 404);
  });

  it('accepts a correct hand-signed request, chunked and with content-length', async () => {
    const req = signedRequest(emu, 'ListTasks', { form: { ProjectId: '312601', PageSize: '3' } });
    const r = await send(emu.port, req);
    assert.equal(r.status, 200, r.text);
    assert.equal((r.json.PagingInfo as { Tasks: unknown[] }).Tasks.length, 3);
    const r2 = await send(emu.port, signedRequest(emu, 'ListTasks', { form: { ProjectId: '312601', PageSize: '2' } }), { contentLength: true });
    assert.equal(r2.status, 200, r2.text);
  });

  it('rejects a tampered body (same headers, other bytes) with SignatureDoesNotMatch', async () => {
    const req = signedRequest(emu, 'BatchUpdateTasks', { form: { Tasks: `[{"Id":${taskId},"Name":"ok_name"}]` } });
    req.body = Buffer.from(req.body.toString().replace('ok_name', 'evil_nm'));
    const r = await send(emu.port, req);
    assert.equal(r.status, 400);
    assert.equal(r.json.Code, 'SignatureDoesNotMatch');
    assert.notEqual(emu.snapshot().tasks.Prod[taskId].Name, 'evil_nm');
  });

  it('rejects a tampered body whose x-acs-content-sha256 was fixed up too', async () => {
    const req = signedRequest(emu, 'BatchUpdateTasks', { form: { Tasks: `[{"Id":${taskId},"Name":"ok_name"}]` } });
    const { createHash } = await import('node:crypto');
    req.body = Buffer.from(req.body.toString().replace('ok_name', 'evil_nm'));
    req.headers['x-acs-content-sha256'] = createHash('sha256').update(req.body).digest('hex');
    const r = await send(emu.port, req);
    assert.equal(r.status, 400);
    assert.equal(r.json.Code, 'SignatureDoesNotMatch');
  });

  it('rejects a tampered signed header with SignatureDoesNotMatch', async () => {
    const req = signedRequest(emu, 'ListTasks', { form: { ProjectId: '312601' } });
    req.headers['x-acs-action'] = 'ListProjects';
    const r = await send(emu.port, req);
    assert.equal(r.status, 400);
    assert.equal(r.json.Code, 'SignatureDoesNotMatch');
  });

  it('rejects a tampered query with SignatureDoesNotMatch', async () => {
    const req = signedRequest(emu, 'GetTask', { method: 'GET', query: { Id: taskId } });
    req.query = { Id: taskId, ProjectEnv: 'Dev' };
    const r = await send(emu.port, req);
    assert.equal(r.json.Code, 'SignatureDoesNotMatch');
  });

  it('rejects an x-acs-* header left out of SignedHeaders with IncompleteSignature', async () => {
    const req = signedRequest(emu, 'ListProjects', { form: {} });
    req.headers['x-acs-extra'] = 'sneaked-in';
    const r = await send(emu.port, req);
    assert.equal(r.status, 400);
    assert.equal(r.json.Code, 'IncompleteSignature');
    assert.match(String(r.json.Message), /x-acs-extra/);
  });

  it('rejects a request without Authorization with 400 IncompleteSignature', async () => {
    const req = signedRequest(emu, 'ListProjects', { form: {} });
    delete req.headers.authorization;
    const r = await send(emu.port, req);
    assert.equal(r.status, 400);
    assert.equal(r.json.Code, 'IncompleteSignature');
  });

  it('rejects a date more than 15 minutes off with 400 InvalidTimeStamp.Expired, either way', async () => {
    for (const offset of [-16 * 60_000, 16 * 60_000]) {
      const req = signedRequest(emu, 'ListProjects', { form: {}, date: timestamp(new Date(Date.now() + offset)) });
      const r = await send(emu.port, req);
      assert.equal(r.status, 400);
      assert.equal(r.json.Code, 'InvalidTimeStamp.Expired');
    }
    const ok = await send(emu.port, signedRequest(emu, 'ListProjects', { form: {}, date: timestamp(new Date(Date.now() - 14 * 60_000)) }));
    assert.equal(ok.status, 200, '14 minutes off is still accepted');
  });

  it('rejects a replayed request (reused nonce) with 400 SignatureNonceUsed', async () => {
    const req = signedRequest(emu, 'ListProjects', { form: {} });
    assert.equal((await send(emu.port, req)).status, 200);
    const replay = await send(emu.port, req);
    assert.equal(replay.status, 400);
    assert.equal(replay.json.Code, 'SignatureNonceUsed');
    // a fresh signature with the same nonce is still a reuse
    const again = signedRequest(emu, 'ListProjects', { form: {}, nonce: req.headers['x-acs-signature-nonce'] });
    assert.equal((await send(emu.port, again)).json.Code, 'SignatureNonceUsed');
  });

  it('does not burn a nonce on a request with a bad signature', async () => {
    const req = signedRequest(emu, 'ListProjects', { form: {} });
    const good = req.headers.authorization;
    req.headers.authorization = good.replace(/Signature=\w+/, `Signature=${'0'.repeat(64)}`);
    assert.equal((await send(emu.port, req)).json.Code, 'SignatureDoesNotMatch');
    req.headers.authorization = good;
    assert.equal((await send(emu.port, req)).status, 200);
  });

  it('checks x-acs-version and routes on x-acs-action', async () => {
    const wrongVersion = signedRequest(emu, 'ListProjects', { form: {} });
    wrongVersion.headers['x-acs-version'] = '2020-05-18';
    sign(wrongVersion, emu.accessKeyId, emu.accessKeySecret);
    const v = await send(emu.port, wrongVersion);
    assert.equal(v.status, 400);
    assert.equal(v.json.Code, 'InvalidVersion');
    const unknown = await send(emu.port, signedRequest(emu, 'DeleteEverything', { form: {} }));
    assert.equal(unknown.status, 404);
    assert.equal(unknown.json.Code, 'InvalidAction.NotFound');
  });
});
