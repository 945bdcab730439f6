// ListTasks' Id order (string compare, sorted once per id set) answers exactly as ordering the ids as
// numbers does, around 2^53 (where Number loses digits) and 2^63 (the int64 limit).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seedState, startEmulator } from '@src/emulator/index';
import { compareIds } from '@src/emulator/actions/list-tasks';
import { digits, sdkCall } from './support';

const P = '312601';
const near = (base: bigint) => [-3n, -2n, -1n, 0n, 1n, 2n, 3n, 10n, 100n].map((d) => (base + d).toString());
const EDGE_IDS = [
  ...near(2n ** 53n), ...near(2n ** 63n - 4n), '1', '9', '10', '99', '100', '999999999999999999', '1000000000000000000',
];
const numeric = (a: string, b: string) => (BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0);

test('compareIds orders canonical int64 digit strings as numbers', () => {
  const shuffled = [...EDGE_IDS].reverse().sort((a, b) => (a.split('').reverse().join('') < b.split('').reverse().join('') ? -1 : 1));
  assert.deepEqual([...shuffled].sort(compareIds), [...shuffled].sort(numeric));
});

test('ListTasks Id Asc / Id Desc / ModifyTime: the same order as by BigInt, for ids around 2^53 and 2^63, also after a write', async () => {
  // A seeded state whose first tasks are renamed to the edge ids, put in the project P.
  const state = seedState(60, 3);
  const records = Object.values(state.tasks.Prod).slice(0, EDGE_IDS.length);
  for (const env of ['Prod', 'Dev'] as const) for (const r of Object.values(state.tasks[env])) if (records.some((x) => x.Id === r.Id)) delete state.tasks[env][r.Id];
  records.forEach((r, i) => { state.tasks.Prod[EDGE_IDS[i]] = { ...r, Id: EDGE_IDS[i], ProjectId: P }; });
  const statePath = join(mkdtempSync(join(tmpdir(), 'dw-order-')), 'state.json');
  writeFileSync(statePath, JSON.stringify(state));
  const emu = await startEmulator({ statePath });
  try {
    const list = async (SortBy: string) => {
      const res = await sdkCall(emu, 'ListTasks', { ProjectId: P, SortBy, PageSize: '100' });
      return ((res.body.PagingInfo as { Tasks: { Id: unknown; ModifyTime: unknown }[] }).Tasks).map((t) => ({ id: digits(t.Id), modify: Number(digits(t.ModifyTime)) }));
    };
    const expectOrder = async () => {
      const prod = Object.values(emu.snapshot().tasks.Prod).filter((t) => t.ProjectId === P);
      assert.ok(prod.length > EDGE_IDS.length && prod.length <= 100, `${prod.length} tasks in ${P}`);
      const asc = prod.map((t) => t.Id).sort(numeric);
      assert.deepEqual((await list('Id Asc')).map((t) => t.id), asc);
      assert.deepEqual((await list('Id Desc')).map((t) => t.id), [...asc].reverse());
      const byModify = [...prod].sort((a, b) => b.ModifyTime - a.ModifyTime || numeric(b.Id, a.Id)).map((t) => t.Id);
      assert.deepEqual((await list('ModifyTime Desc')).map((t) => t.id), byModify);
    };
    await expectOrder();
    // A write replaces records (ModifyTime moves); the id order stays, the ModifyTime order follows.
    const write = await sdkCall(emu, 'BatchUpdateTasks', { Tasks: JSON.stringify([{ Id: EDGE_IDS[0], Description: 'moved' }, { Id: EDGE_IDS[12], Description: 'moved' }]) });
    assert.equal(write.statusCode, 200);
    await expectOrder();
  } finally {
    await emu.close();
  }
});
