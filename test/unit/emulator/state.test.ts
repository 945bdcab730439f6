// The state file: seeded once, kept across restarts, written atomically (temp + rename), never torn;
// seed data deterministic.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { checkCron } from '@src/core/cron/check';
import { FIRST_BIG_TASK_ID, readStateFile, seedState, startEmulator } from '@src/emulator/index';
import { sdkCall } from './support';

const dirs: string[] = [];
/** Starts an emulator that is closed when the test ends, pass or fail. */
async function started(t: TestContext, options: Parameters<typeof startEmulator>[0]): Promise<Awaited<ReturnType<typeof startEmulator>>> {
  const emu = await startEmulator(options);
  t.after(() => emu.close());
  return emu;
}
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'dw-emu-state-'));
  dirs.push(d);
  return d;
};
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

describe('emulator seed data', () => {
  it('is the same for the same seed and task count, and differs for another seed', () => {
    const hash = (n: number, seed: number): string => createHash('sha256').update(JSON.stringify(seedState(n, seed))).digest('hex');
    assert.equal(hash(500, 3), hash(500, 3));
    assert.notEqual(hash(500, 3), hash(500, 4));
    assert.notEqual(hash(500, 3), hash(501, 3));
  });

  it('has several projects, N tasks in Dev, most of them also in Prod, realistic values and ids above 2^53', () => {
    const s = seedState(1000, 9);
    assert.ok(s.projects.length >= 3);
    const dev = Object.values(s.tasks.Dev);
    const prod = Object.values(s.tasks.Prod);
    assert.equal(dev.length, 1000);
    assert.ok(prod.length > 900 && prod.length < 1000, `Prod has ${prod.length}`);
    assert.ok(prod.every((t) => s.tasks.Dev[t.Id] && t.ProjectEnv === 'Prod'));
    assert.equal(new Set(dev.map((t) => `${t.ProjectId}/${t.Name}`)).size, 1000, 'names unique per project');
    assert.ok(dev.every((t) => /^(ods|dwd|dws|ads|dim)_/.test(t.Name)));
    assert.ok(dev.every((t) => /^\d{18}$/.test(t.Owner)));
    const big = dev.filter((t) => BigInt(t.Id) > 2n ** 53n);
    assert.ok(big.length >= 30, `${big.length} ids above 2^53`);
    assert.ok(s.tasks.Dev[FIRST_BIG_TASK_ID]);
    const crons = dev.filter((t) => t.Trigger.Type === 'Scheduler').map((t) => t.Trigger.Cron!);
    assert.ok(crons.every((c) => /^00 (\d\d|\*\/\d+) (\d\d|00-23) \S+ \* \S+$/.test(c)), 'canonical, seconds 00, first fields padded');
    for (const c of new Set(crons)) {
      const check = checkCron(c);
      assert.ok(check.valid, `${c}: ${check.problems.map((p) => p.message).join()}`);
      assert.equal(check.canonical ?? c, c, 'seeded crons are in canonical form');
    }
    // Weekly crons use the DataWorks numbering (0 = Sunday ... 6 = Saturday), all seven days present.
    const weekly = crons.filter((c) => /\? \* \d$/.test(c)).map((c) => c.slice(-1));
    assert.deepEqual([...new Set(weekly)].sort(), ['0', '1', '2', '3', '4', '5', '6']);
    assert.ok(dev.some((t) => t.Trigger.Type === 'Manual'));
    for (const p of s.projects) assert.ok(dev.some((t) => t.ProjectId === p.Id), `project ${p.Id} has tasks`);
    assert.ok(dev.every((t) => s.resourceGroups.some((g) => g.Id === t.RuntimeResource.ResourceGroupId)));
    assert.ok(dev.every((t) => !t.DataSource || s.dataSources[t.ProjectId].some((d) => d.Name === t.DataSource!.Name)));
  });
});

describe('emulator state file', () => {
  it('is created with seed data, survives a restart with changes intact, and is not re-seeded', async (t) => {
    const path = join(tempDir(), 'state.json');
    const first = await started(t, { statePath: path, tasks: 200, seed: 2 });
    const id = Object.keys(first.snapshot().tasks.Prod)[0];
    const r = await sdkCall(first, 'BatchUpdateTasks', { Tasks: `[{"Id":${id},"Description":"persisted"}]` });
    assert.equal((r.body.SuccessInfo as Record<string, { Success: boolean }>)[id].Success, true);
    // durable before the answer: what a restart would load already has it while the emulator still runs
    assert.equal(readStateFile(path).tasks.Prod[id].Description, 'persisted');
    await first.close();
    // a clean close leaves the state file itself current
    assert.equal(JSON.parse(readFileSync(path, 'utf8')).tasks.Prod[id].Description, 'persisted');

    const second = await started(t, { statePath: path, tasks: 50, seed: 99 });
    const s = second.snapshot();
    assert.equal(s.tasks.Prod[id].Description, 'persisted');
    assert.equal(Object.keys(s.tasks.Dev).length, 200, 'existing file wins over --tasks/--seed');
    const got = await sdkCall(second, 'GetTask', { Id: id, ProjectEnv: 'Prod' });
    assert.equal((got.body.Task as { Description: string }).Description, 'persisted');
    await second.close();
  });

  it('stays parseable during a burst of writes and leaves no temp files', async (t) => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const emu = await started(t, { statePath: path, tasks: 400, seed: 3 });
    const ids = Object.keys(emu.snapshot().tasks.Prod).slice(0, 40);
    let reads = 0;
    let stop = false;
    const reader = (async () => {
      while (!stop) {
        JSON.parse(readFileSync(path, 'utf8')); // throws on a torn file
        reads++;
        await new Promise((r) => setImmediate(r)); // let the emulator (same process) serve between reads
      }
    })();
    await Promise.all(ids.map((id, i) => sdkCall(emu, 'BatchUpdateTasks', { Tasks: `[{"Id":${id},"Timeout":${i + 1}}]` })));
    stop = true;
    await reader;
    assert.ok(reads > 0);
    const loaded = readStateFile(path);
    ids.forEach((id, i) => assert.equal(loaded.tasks.Prod[id].Timeout, i + 1));
    await emu.close();
    assert.deepEqual(readdirSync(dir), ['state.json']);
    const onDisk = JSON.parse(readFileSync(path, 'utf8'));
    ids.forEach((id, i) => assert.equal(onDisk.tasks.Prod[id].Timeout, i + 1));
  });

  it('replays the change log after a crash and ignores a torn last line', async (t) => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    const seeded = await started(t, { statePath: path, tasks: 30 });
    const [a, b] = Object.keys(seeded.snapshot().tasks.Prod);
    await seeded.close();
    const task = { ...seeded.snapshot().tasks.Prod[a], Description: 'from the log' };
    const quota = { day: '2026-11-28', used: 7 };
    appendFileSync(`${path}.wal`, `${JSON.stringify({ seq: 1, tasks: [{ env: 'Prod', task }], quota })}\n{"seq":2,"tasks":[{"env":"Prod","task":{"Id":"${b}","Desc`);
    assert.equal(readStateFile(path).tasks.Prod[a].Description, 'from the log');
    const emu = await started(t, { statePath: path });
    assert.equal(emu.snapshot().tasks.Prod[a].Description, 'from the log');
    assert.deepEqual(emu.snapshot().tasks.Prod[b], seeded.snapshot().tasks.Prod[b], 'torn entry ignored');
    assert.deepEqual(emu.snapshot().quota, quota);
    await emu.close();
    assert.deepEqual(readdirSync(dir), ['state.json']);
  });

  it('brings a version 1 state (older emulator: other type names, no Priority / InstanceMode) up to date instead of refusing it', async (t) => {
    const path = join(tempDir(), 'v1.json');
    const v1 = JSON.parse(JSON.stringify(seedState(60, 2))) as Record<string, unknown> & ReturnType<typeof seedState>;
    v1.version = 1 as never;
    const old: Record<string, string> = { ExclusiveScheduler: 'Scheduler', ExclusiveDataIntegration: 'DataIntegration' };
    for (const g of v1.resourceGroups) (g as { ResourceGroupType: string }).ResourceGroupType = old[g.ResourceGroupType] ?? g.ResourceGroupType;
    for (const env of ['Dev', 'Prod'] as const) {
      for (const task of Object.values(v1.tasks[env])) {
        const tk = task as Partial<typeof task>;
        delete tk.Priority;
        delete tk.InstanceMode;
        if (tk.Type === 'PY_ODPS3') tk.Type = 'PYODPS3';
      }
    }
    writeFileSync(path, JSON.stringify(v1));
    const emu = await started(t, { statePath: path });
    const s = emu.snapshot();
    assert.equal(s.version, 2);
    assert.ok(s.resourceGroups.some((g) => g.ResourceGroupType === 'ExclusiveScheduler'));
    assert.ok(!s.resourceGroups.some((g) => (g.ResourceGroupType as string) === 'Scheduler'));
    const tasks = Object.values(s.tasks.Prod);
    assert.ok(tasks.every((x) => x.Priority === 1 && x.InstanceMode === 'T+1' && x.Type !== 'PYODPS3'));
    const id = tasks[0]!.Id;
    const got = await sdkCall(emu, 'GetTask', { Id: id, ProjectEnv: 'Prod' });
    assert.equal((got.body.Task as { Priority: number }).Priority, 1);
    await emu.close();
    assert.equal((JSON.parse(readFileSync(path, 'utf8')) as { version: number }).version, 2, 'saved as version 2');
  });

  it('removes temp files a killed run left behind, and refuses a file that is not a state', async (t) => {
    const dir = tempDir();
    const path = join(dir, 'state.json');
    writeFileSync(join(dir, '.state.json.12345.1.1.tmp'), '{"torn":');
    const emu = await started(t, { statePath: path, tasks: 10 });
    await emu.close();
    assert.deepEqual(readdirSync(dir), ['state.json']);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"hello":1}');
    await assert.rejects(startEmulator({ statePath: bad }), /bad\.json: not an emulator state file/);
    writeFileSync(bad, '{"torn":');
    await assert.rejects(startEmulator({ statePath: bad }), /bad\.json: not a readable emulator state file/);
  });
});
