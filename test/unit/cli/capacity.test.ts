// `dwtasks capacity` in-process against the emulator over real HTTP (real signatures, the real
// client): load per group equals the sum of its tasks' runs, durations equal the median of what
// ListTaskInstances returns, a second run reads the history from the cache (no call), the call
// limit refuses before reading, and a patch moving 200 tasks onto one group shows its load before
// and after and the first slot over the capacity given.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator, type TaskRecord } from '@src/emulator/index';
import { capacityCommand } from '@src/cli/commands/capacity';
import { DataWorksClient } from '@src/dataworks/client';
import type { TaskInstance } from '@src/dataworks/types';
import { compileCron, fireTimesBetween } from '@src/core/cron/index';
import { recentBizdates } from '@src/core/history/bizdate';
import type { CapacityJson } from '@src/core/capacity/json';
import { runCommand } from './apply-cli-io';

const ZONE = 'Asia/Shanghai';
let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;
let project: string;
let prod: TaskRecord[];
const actions: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dwcapacity-'));
const workspace = join(dir, 'ws');
const common = (): string[] => ['--project', project, '--endpoint', emu.endpoint, '--days', '1', '--history', '2', '--workspace', workspace, '--max-calls', '1000', '--rps', '100', '--weekdays', 'dataworks'];

before(async () => {
  emu = await startEmulator({ tasks: 1000, seed: 7, log: (line) => actions.push(line.split(/\s+/)[0]) });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret };
  const state = emu.snapshot();
  project = state.projects[0].Id;
  prod = Object.values(state.tasks.Prod).filter((t) => t.ProjectId === project);
});
after(async () => { await emu.close(); });

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Every instance of the project on the history's days, every page, through the real client. */
async function instances(): Promise<TaskInstance[]> {
  const client = new DataWorksClient({ endpoint: emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: emu.accessKeyId, accessKeySecret: emu.accessKeySecret } });
  const out: TaskInstance[] = [];
  for (const Bizdate of recentBizdates(Date.now(), 2, ZONE)) {
    for (let page = 1; ; page++) {
      const res = await client.listTaskInstances({ ProjectId: project, ProjectEnv: 'Prod', Bizdate, PageNumber: page, PageSize: 100 });
      out.push(...res.items);
      if (page * 100 >= res.totalCount) break;
    }
  }
  return out;
}

test('project: load per group = its tasks\' runs; durations = median of the emulator\'s instances; the second run reads no history', async () => {
  actions.length = 0;
  let r = await runCommand(capacityCommand, [...common(), '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const calls = actions.filter((a) => a === 'ListTaskInstances').length;
  assert.ok(calls >= 2, 'at least one call per day');
  assert.match(r.stderr, new RegExp(`reading 2 days takes at least \\d+ calls? of ListTaskInstances \\(limit 1000\\)\\.\\nRead 2 days of run history in ${calls} calls?\\.`));
  const j = JSON.parse(r.stdout) as CapacityJson;
  assert.equal(j.zone, ZONE);
  assert.equal(j.slotMinutes, 15);
  assert.equal(j.tasks.length, prod.length);

  // Durations: the median of each task's successful instances as the client reads them.
  const byTask = new Map<string, number[]>();
  for (const i of await instances()) {
    if (i.Status !== 'Success' || i.StartedTime === undefined || i.FinishedTime === undefined) continue;
    byTask.set(i.TaskId, [...(byTask.get(i.TaskId) ?? []), i.FinishedTime - i.StartedTime]);
  }
  let measured = 0;
  for (const t of j.tasks) {
    const runs = byTask.get(t.id);
    if (!runs) { assert.equal(t.durationSec, null, t.id); continue; }
    measured++;
    assert.equal(t.durationSec, median(runs) / 1000, `task ${t.id}`);
    assert.equal(t.runs, runs.length, `task ${t.id}`);
  }
  assert.ok(measured > prod.length / 2, `${measured} tasks have durations`);
  assert.deepEqual(j.withoutHistory, j.tasks.filter((t) => t.fires.length && t.durationSec === null).map((t) => t.id));

  // Load: CU x seconds of every run inside the window, per group, equals the group's slots x slot seconds.
  const slotS = j.slotMinutes * 60;
  const want = new Map<string, number>();
  const record = new Map(prod.map((t) => [t.Id, t]));
  for (const t of j.tasks) {
    if (t.cu === null || t.durationSec === null) continue;
    const d = t.durationSec;
    // Runs fired the day before that run into the window count too.
    const earlier = [...fireTimesBetween(compileCron(record.get(t.id)!.Trigger.Cron!, { weekdays: 'dataworks' }), (j.from - 86_400) * 1000, j.from * 1000, ZONE)].map((ms) => ms / 1000);
    let cuS = 0;
    for (const f of [...earlier, ...t.fires]) cuS += t.cu * Math.max(0, Math.min(f + d, j.to) - Math.max(f, j.from));
    want.set(t.group, (want.get(t.group) ?? 0) + cuS);
  }
  assert.ok(j.groups.length >= 2);
  // The seed's specs: serverless_default 2CU x 1, serverless_batch 4CU x 2, serverless_sync 2CU x 4; the exclusive group states none.
  const specCu = new Map(emu.snapshot().resourceGroups.map((g) => [g.Id, ({ '2CU:1': 2, '4CU:2': 8, '2CU:4': 8 } as Record<string, number>)[`${g.Spec?.Standard}:${g.Spec?.Amount}`]]));
  assert.deepEqual(j.groups.map((g) => g.capacityCu).sort(), [2, 8, 8, null]);
  for (const g of j.groups) {
    assert.equal(g.slots.length, 96);
    const got = g.slots.reduce((a, v) => a + v * slotS, 0);
    assert.ok(Math.abs(got - (want.get(g.id) ?? 0)) < 0.01 * g.slots.length, `${g.id}: ${got} CU·s in its slots, ${want.get(g.id)} in its tasks' runs`);
    assert.equal(g.peakCu, Math.max(...g.slots));
    assert.equal(g.peakAt, j.from + g.slots.indexOf(g.peakCu) * slotS);
    assert.equal(g.capacityCu, specCu.get(g.id) ?? null, `${g.id}: the CUs its spec states`);
  }

  // The second picture reads the history from the cache.
  actions.length = 0;
  r = await runCommand(capacityCommand, [...common(), '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(actions.filter((a) => a === 'ListTaskInstances'), []);
  assert.match(r.stderr, /Run history: 2 days, 2 cached in .*; no call needed\./);
  assert.deepEqual(JSON.parse(r.stdout), j);
});

test('a history read above --max-calls is refused before any call', async () => {
  actions.length = 0;
  const r = await runCommand(capacityCommand, ['--project', project, '--endpoint', emu.endpoint, '--history', '3', '--workspace', join(dir, 'empty'), '--max-calls', '2', '--json'], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Reading the run history takes at least \d+ ListTaskInstances calls .*the limit is 2\. Allow more calls, or read fewer days or tasks\. \(--max-calls, --history\)/);
  assert.deepEqual(actions.filter((a) => a === 'ListTaskInstances'), []);
  assert.equal(r.stdout, '');
});

test('a patch moving 200 tasks onto one group: its load before and after, and the first slot over the capacity given', async () => {
  const scheduled = prod.filter((t) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal').sort((a, b) => (a.Id < b.Id ? -1 : 1));
  const target = scheduled[0].RuntimeResource.ResourceGroupId;
  const moved = scheduled.filter((t) => t.RuntimeResource.ResourceGroupId !== target).slice(0, 200);
  assert.equal(moved.length, 200);
  const file = join(dir, 'move.dwtasks.json');
  writeFileSync(file, JSON.stringify({ Tasks: moved.map((t) => ({ Id: 'ID' + t.Id, RuntimeResource: { ResourceGroupId: target } })) }).replace(/"ID(\d+)"/g, '$1'));
  let r = await runCommand(capacityCommand, [file, ...common(), '--json'], env);
  assert.equal(r.code, 0, r.stderr);
  const { before: b, after: a } = JSON.parse(r.stdout) as { before: CapacityJson; after: CapacityJson };
  const gb = b.groups.find((g) => g.id === target)!;
  const ga = a.groups.find((g) => g.id === target)!;
  assert.ok(ga.peakCu > gb.peakCu, `after ${ga.peakCu} > before ${gb.peakCu}`);
  const movedIds = new Set(moved.map((t) => t.Id));
  assert.deepEqual(a.tasks.filter((t) => movedIds.has(t.id)).map((t) => t.group), moved.map(() => target));
  assert.deepEqual(a.withoutHistory, b.withoutHistory, 'durations are the task\'s, whatever its group');

  // A capacity between the two peaks: never exceeded before, exceeded after from the first slot above it.
  const cap = Math.round(((gb.peakCu + ga.peakCu) / 2) * 100) / 100;
  const first = ga.slots.findIndex((v) => v > cap);
  r = await runCommand(capacityCommand, [file, ...common(), '--capacity', `${target}=${cap}`, '--html', join(dir, 'cap.html')], env);
  assert.equal(r.code, 0, r.stderr);
  const [, beforeText, afterText] = r.stdout.split(/\n(?=Capacity of project)/);
  assert.match(beforeText, new RegExp(`${target}: peak [\\d.]+ CU at [^;]+; capacity ${cap} CU \\(given\\), never exceeded`));
  const at = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date((a.from + first * 900) * 1000)).replace(', ', ' ');
  assert.match(r.stdout, new RegExp(`^Change by resource group \\(peak CU before -> after\\):\n(?:  .*\n)*  ${target}: [\\d.]+ -> [\\d.]+; above ${cap} CU after, first at ${at} UTC\\+08:00 \\(not before\\)\n`));
  assert.match(afterText, new RegExp(`${target}: peak [\\d.]+ CU at [^;]+; capacity ${cap} CU \\(given\\), first exceeded at ${at} UTC\\+08:00 \\(\\d+ slots? above it\\)`));
});
