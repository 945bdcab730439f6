import { test } from 'node:test';
import assert from 'node:assert/strict';
import { planApply, chunkRequest, DEFAULT_BATCH_SIZE, knownFirst } from '../../../../src/core/apply/plan';
import type { TaskPatch } from '../../../../src/core/patch/model';

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

test('known first: whole chunks of the tasks already read lead, in file order, the rest follow in file order, same number of calls', () => {
  const tasks = Array.from({ length: 107 }, (_, i) => task(String(2000 + i)));
  const plan = planApply({ Tasks: tasks }, 20);
  const known = new Set([3, 5, 8, ...Array.from({ length: 40 }, (_, i) => 100 - i * 2)]); // 43 known
  const re = knownFirst(plan, (t) => known.has(t.index));
  assert.deepEqual(re.chunks.map((c) => c.tasks.length), [20, 20, 20, 20, 20, 7], 'only the last chunk is smaller');
  assert.equal(re.chunks.length, plan.chunks.length);
  const order = re.chunks.flatMap((c) => c.tasks.map((t) => t.index));
  const head = [...known].sort((a, b) => a - b).slice(0, 40);
  assert.deepEqual(order.slice(0, 40), head, 'two whole chunks of known tasks, in file order');
  assert.deepEqual(order.slice(40), tasks.map((_, i) => i).filter((i) => !head.includes(i)), 'the rest in file order, the 3 known left over among them');
  assert.deepEqual(re.chunks.map((c) => c.index), [0, 1, 2, 3, 4, 5]);
  assert.equal(knownFirst(plan, (t) => t.index < 19), plan, 'fewer known than one chunk: the plan as it was');
  const twice = planApply({ Tasks: [...tasks.slice(0, 30), task('2001', { EnvType: 'Dev' })] }, 20);
  assert.equal(knownFirst(twice, () => true), twice, 'a task named twice keeps file order');
});
