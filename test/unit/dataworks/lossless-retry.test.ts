import { test } from 'node:test';
import assert from 'node:assert/strict';
import { idsParam, parseLossless } from '@src/dataworks/lossless';
import { DEFAULT_RETRY, backoffDelay, sleep } from '@src/dataworks/retry';
import { DataWorksError } from '@src/dataworks/errors';
import { classifyServiceError } from '@src/dataworks/errors';

test('lossless parse: id-like keys become exact digit strings, other numbers stay numbers', () => {
  const text = '{"PagingInfo":{"TotalCount":3,"Tasks":[{"Id":8604388726201130001,"ProjectId":12,"WorkflowId":9223372036854775807,'
    + '"Timeout":3600,"ModifyTime":1764288000000,"Ids":[1,8604388726201130003],"Big":12345678901234567890}]}}';
  const v = parseLossless(text) as { PagingInfo: { TotalCount: number; Tasks: Record<string, unknown>[] } };
  const t = v.PagingInfo.Tasks[0]!;
  assert.equal(t['Id'], '8604388726201130001');
  assert.equal(t['ProjectId'], '12');
  assert.equal(t['WorkflowId'], '9223372036854775807');
  assert.deepEqual(t['Ids'], ['1', '8604388726201130003']);
  assert.equal(t['Timeout'], 3600);
  assert.equal(t['ModifyTime'], 1764288000000);
  assert.equal(t['Big'], '12345678901234567890', 'an unsafe non-id number is kept as digits, not rounded');
  assert.equal(v.PagingInfo.TotalCount, 3);
  // what JSON.parse would have done
  assert.notEqual(String(JSON.parse(text).PagingInfo.Tasks[0].Id), '8604388726201130001');
  assert.throws(() => parseLossless('<html>'), SyntaxError);
});

test('idsParam writes ids as bare digits', () => {
  assert.equal(idsParam(['1', '8604388726201130001', '9223372036854775807']), '[1,8604388726201130001,9223372036854775807]');
  assert.equal(idsParam([]), '[]');
  assert.throws(() => idsParam(['12a']), TypeError);
});

test('backoff: full jitter under an exponential ceiling, capped, stretched to x-acs-retry-after', () => {
  const p = { maxAttempts: 6, baseDelayMs: 100, maxDelayMs: 1000 };
  assert.equal(backoffDelay(p, 1, undefined, () => 0.999999) < 100, true);
  assert.equal(Math.round(backoffDelay(p, 3, undefined, () => 1)), 400);
  assert.equal(Math.round(backoffDelay(p, 10, undefined, () => 1)), 1000, 'capped at maxDelayMs');
  assert.equal(backoffDelay(p, 4, undefined, () => 0), 0, 'full jitter reaches 0');
  assert.equal(backoffDelay(p, 1, 750, () => 0.5), 750, 'a longer server wait wins');
  assert.equal(backoffDelay(p, 4, 10, () => 0.5), 400, 'a shorter server wait does not shorten the backoff');
  assert.equal(backoffDelay(p, 1, 3_600_000, () => 0), 60_000, 'a bogus wait is bounded');
  // The spread is real: many draws cover the range.
  const draws = Array.from({ length: 200 }, () => backoffDelay(DEFAULT_RETRY, 3));
  assert.ok(Math.min(...draws) < 200 && Math.max(...draws) > 600 && Math.max(...draws) <= 800);
});

test('sleep is cut short by an abort and rejects as cancelled', async () => {
  const ac = new AbortController();
  const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
  const before = timers();
  const waiting = sleep(5_000, 'ListTasks', ac.signal);
  assert.equal(timers(), before + 1, 'the wait holds one timer');
  ac.abort(); // mid-wait: the timer is armed and the listener registered
  await assert.rejects(waiting, (e: unknown) => {
    assert.ok(e instanceof DataWorksError);
    assert.equal(e.kind, 'cancelled');
    assert.equal(e.action, 'ListTasks');
    return true;
  });
  assert.equal(timers(), before, 'the abort cleared the timer: no retry can fire later');
  await assert.rejects(sleep(10, 'X', AbortSignal.abort()), (e: unknown) => e instanceof DataWorksError && e.kind === 'cancelled');
  await sleep(5, 'X', new AbortController().signal);
});

test('service error classification', () => {
  const cases: [string, number, string, boolean][] = [
    ['Throttling.User', 429, 'throttled', true],
    ['Throttling.Api', 429, 'throttled', true],
    ['Throttling.System', 429, 'throttled', true],
    ['Throttling.Api.Risk', 429, 'quota', false],
    ['Throttling.Resource', 429, 'quota', false],
    ['SignatureDoesNotMatch', 400, 'auth', false],
    ['IncompleteSignature', 400, 'auth', false],
    ['InvalidAccessKeyId.NotFound', 404, 'auth', false],
    ['Forbidden.Access', 403, 'auth', false],
    ['ResourceNotAuthorized.Api', 403, 'auth', false],
    ['MissingParameter', 400, 'parameter', false],
    ['InvalidParameter.PageSize', 400, 'parameter', false],
    ['Task.NotFound', 404, 'notFound', false],
    ['InternalError.System', 500, 'server', true],
    ['SomethingElse', 503, 'server', true],
    ['SomethingElse', 400, 'parameter', false],
  ];
  for (const [code, status, kind, retryable] of cases) {
    assert.deepEqual(classifyServiceError(code, status), { kind, retryable }, code);
  }
});
