import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chunkFailureStatus, countOutcomes, outcomesFromError, outcomesFromResponse, toServiceError } from '@src/core/apply/outcome';
import { planApply } from '@src/core/apply/plan';
import { DataWorksError } from '@src/dataworks/errors';

const plan = planApply({ Tasks: [{ Id: '8604388726201130001', Owner: 'a' }, { Id: '2', EnvType: 'Dev', Owner: 'b' }, { Id: '3', Owner: 'c' }] }, 10);

test('SuccessInfo maps per task; a task missing from it is unknown', () => {
  const res = outcomesFromResponse(plan.tasks, {
    requestId: 'R1',
    successInfo: { '8604388726201130001': { Success: true }, '2': { Success: false, Message: 'Owner: no such user' } },
  });
  assert.deepEqual(res.map((r) => [r.id, r.envType, r.status, r.requestId]), [
    ['8604388726201130001', 'Prod', 'succeeded', 'R1'], ['2', 'Dev', 'failed', 'R1'], ['3', 'Prod', 'unknown', 'R1'],
  ]);
  assert.match(res[1].message, /no such user/);
  assert.match(res[2].message, /no entry/);
  assert.deepEqual(countOutcomes(res), { succeeded: 1, failed: 1, unknown: 1, notSent: 0 });
});

const err = (kind: DataWorksError['kind'], attempts?: number) => toServiceError(new DataWorksError({
  code: 'X', kind, action: 'BatchUpdateTasks', retryable: false, serviceMessage: 'm', requestId: 'R9', ...(attempts ? { attempts } : {}),
}));

test('whole-call failures: rejected requests fail, ambiguous ones are unknown', () => {
  assert.equal(chunkFailureStatus(err('auth')), 'failed');
  assert.equal(chunkFailureStatus(err('parameter', 1)), 'failed');
  assert.equal(chunkFailureStatus(err('quota', 1)), 'failed');
  assert.equal(chunkFailureStatus(err('throttled', 1)), 'failed');
  // After retries an earlier attempt may have been applied with its answer lost.
  assert.equal(chunkFailureStatus(err('throttled', 6)), 'unknown');
  for (const k of ['server', 'network', 'timeout', 'cancelled', 'protocol'] as const) assert.equal(chunkFailureStatus(err(k)), 'unknown', k);
  const res = outcomesFromError(plan.tasks, err('auth'));
  assert.ok(res.every((r) => r.status === 'failed' && r.requestId === 'R9' && r.code === 'X'));
  assert.match(res[0].message, /^X: BatchUpdateTasks failed/);
});
