import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planApply, chunkRequest, DEFAULT_BATCH_SIZE } from '@src/core/apply/plan';
import type { TaskPatch } from '@src/core/patch/model';

const task = (id: string, extra: Partial<TaskPatch> = {}): TaskPatch => ({ Id: id, Owner: '1', ...extra });

test('splits in file order into chunks of the batch size, envs mixed, counts per env', () => {
  const tasks = Array.from({ length: 45 }, (_, i) => task(String(1000 + i), { EnvType: i % 3 === 0 ? 'Dev' : undefined }));
  const plan = planApply({ Comment: 'c', Tasks: tasks });
  assert.equal(plan.batchSize, DEFAULT_BATCH_SIZE);
  assert.deepEqual(plan.chunks.map((c) => c.tasks.length), [20, 20, 5]);
  assert.deepEqual(plan.chunks.flatMap((c) => c.tasks.map((t) => t.index)), tasks.map((_, i) => i));
  assert.deepEqual(plan.envCounts, { Dev: 15, Prod: 30 });
  assert.equal(plan.tasks[1].env, 'Prod', 'missing EnvType is planned as Prod');
  const body = chunkRequest(plan, plan.chunks[2]);
  assert.equal(body.Comment, 'c');
  assert.deepEqual(body.Tasks.map((t) => t.Id), ['1040', '1041', '1042', '1043', '1044']);
});

test('the same Id never shares a call (SuccessInfo is keyed by id only)', () => {
  const plan = planApply({ Tasks: [task('7', { EnvType: 'Dev' }), task('8'), task('7', { EnvType: 'Prod' }), task('9')] }, 10);
  assert.deepEqual(plan.chunks.map((c) => c.tasks.map((t) => `${t.task.Id}/${t.env}`)), [['7/Dev', '8/Prod'], ['7/Prod', '9/Prod']]);
});

test('int64 ids above 2^53 are kept as digits; leading zeros count as the same id', () => {
  const plan = planApply({ Tasks: [task('8604388726201130001'), task('08604388726201130001')] }, 5);
  assert.equal(plan.chunks.length, 2);
  assert.equal(plan.chunks[0].tasks[0].task.Id, '8604388726201130001');
});

test('rejects batch sizes outside 1..100', () => {
  for (const n of [0, 101, 2.5, NaN]) assert.throws(() => planApply({ Tasks: [task('1')] }, n), /batch size/);
});

test('held tasks are left out of the calls; the rest keep file order and only they count per env', () => {
  const tasks = Array.from({ length: 45 }, (_, i) => task(String(2000 + i), i % 2 ? { EnvType: 'Dev' } : {}));
  const plan = planApply({ Tasks: tasks }, 20, { held: new Map([[0, 'unchanged'], [7, 'unchanged'], [44, 'held back']]) });
  assert.deepEqual(plan.chunks.map((c) => c.tasks.length), [20, 20, 2]);
  const order = plan.chunks.flatMap((c) => c.tasks.map((t) => t.index));
  assert.deepEqual(order, tasks.map((_, i) => i).filter((i) => ![0, 7, 44].includes(i)));
  assert.equal(plan.tasks.length, 45);
  assert.deepEqual(plan.envCounts, { Prod: 21, Dev: 21 });
});
