// `dwtasks schedule` in-process against the emulator over real HTTP (real signatures): a project's
// every task (all pages), a patch with a connection (current crons for tasks without one, batched
// reads), a patch without one (skipped), invalid input. Expected counts are worked out here from the
// seed's cron forms, independently of the engine.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type RunningEmulator, type TaskRecord } from '@src/emulator/index';
import { scheduleCommand } from '@src/cli/commands/schedule';
import { runCommand } from './apply-cli-io';
import { SEED_WEEK_FROM, seedWeekFires } from '../core/schedule/seed-oracle';

const ZONE = 'Asia/Shanghai';
const FROM = SEED_WEEK_FROM; // Mon 2026-11-30 00:00 in Shanghai
let emu: RunningEmulator;
let env: NodeJS.ProcessEnv;
const actions: string[] = [];
const dir = mkdtempSync(join(tmpdir(), 'dwschedule-'));

before(async () => {
  emu = await startEmulator({ tasks: 500, seed: 7, log: (line) => actions.push(line.split(/\s+/)[0]) });
  env = { ALIBABA_CLOUD_ACCESS_KEY_ID: emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: emu.accessKeySecret };
});
after(async () => { await emu.close(); });

interface Json { zone: string; from: number; to: number; slotMinutes: number; slots: { start: number; fires: number }[]; tasks: { id: string; fires: number }[]; skipped: string[] }

function expectedFires(t: TaskRecord): number {
  return seedWeekFires(t.Trigger);
}

test('project mode: every task of the environment (all pages), exact per-task fires, every slot', async () => {
  const state = emu.snapshot();
  const project = state.projects[0].Id;
  const tasks = Object.values(state.tasks.Prod).filter((t) => t.ProjectId === project);
  assert.ok(tasks.length > 100, 'more than one page');
  actions.length = 0;
  const r = await runCommand(scheduleCommand, ['--project', project, '--env', 'Prod', '--endpoint', emu.endpoint, '--tz', ZONE, '--from', String(FROM), '--weekdays', 'dataworks', '--json'], env); // the seed writes weekdays as DataWorks numbers
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as Json;
  assert.deepEqual([j.zone, j.from, j.to, j.slotMinutes, j.slots.length], [ZONE, FROM, FROM + 7 * 86_400, 60, 168]);
  assert.deepEqual(j.slots.map((s) => s.start), Array.from({ length: 168 }, (_, i) => FROM + i * 3600));
  assert.deepEqual(j.skipped, []);
  const want = new Map(tasks.map((t) => [t.Id, expectedFires(t)]));
  assert.deepEqual(new Map(j.tasks.map((t) => [t.id, t.fires])), want);
  assert.equal(j.slots.reduce((a, s) => a + s.fires, 0), [...want.values()].reduce((a, b) => a + b, 0));
  const big = tasks.find((t) => BigInt(t.Id) > 2n ** 53n);
  if (big) assert.ok(r.stdout.includes(`"id":"${big.Id}"`), 'int64 ids exact');
  assert.equal(actions.filter((a) => a === 'ListTasks').length, Math.ceil(tasks.length / 100));
});

test('patch with a connection: patched crons, current ones for the rest (batched reads); text heatmap and HTML page', async () => {
  const prod = Object.values(emu.snapshot().tasks.Prod).sort((a, b) => (a.Id < b.Id ? -1 : 1));
  const daily = prod.filter((t) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal' && /^00 \d\d \d\d \* \* \?$/.test(t.Trigger.Cron!));
  const [a, b, c] = daily;
  const manual = prod.find((t) => t.Trigger.Type === 'Manual')!;
  const file = join(dir, 'p.dwtasks.json');
  writeFileSync(file, `{"Tasks": [
    {"Id": ${a.Id}, "Trigger": {"Cron": "00 15 00-23 * * ?"}},
    {"Id": ${b.Id}, "RuntimeResource": {"ResourceGroupId": "${c.RuntimeResource.ResourceGroupId}"}},
    {"Id": ${c.Id}, "Trigger": {"Type": "Manual"}},
    {"Id": ${manual.Id}, "Owner": "${manual.Owner}"}
  ]}`);
  actions.length = 0;
  const html = join(dir, 'schedule.html');
  let r = await runCommand(scheduleCommand, [file, '--endpoint', emu.endpoint, '--tz', ZONE, '--from', '2026-11-30', '--json', '--html', html], env);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as Json;
  assert.deepEqual(j.tasks, [{ id: a.Id, fires: 168 }, { id: b.Id, fires: 7 }, { id: c.Id, fires: 0 }, { id: manual.Id, fires: 0 }]);
  assert.deepEqual(j.skipped, []);
  assert.equal(actions.filter((x) => x === 'GetTask').length, 0, 'no GetTask: one ListTasks by ids per project');
  const page = readFileSync(html, 'utf8');
  assert.match(page, /^<!DOCTYPE html>/);
  assert.ok(page.includes('<svg') && !page.includes('<script') && !/src="http|href="http/.test(page), 'self-contained');
  assert.ok(page.includes('1 Manual task') || page.includes('2 Manual tasks'));
  // The report exists now: kept unless --force (refused before any read), then replaced whole.
  writeFileSync(html, 'mine');
  const before = actions.length;
  r = await runCommand(scheduleCommand, [file, '--endpoint', emu.endpoint, '--tz', ZONE, '--html', html], env);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /schedule\.html exists; give another path, or --force to replace it/);
  assert.equal(readFileSync(html, 'utf8'), 'mine');
  assert.equal(actions.length, before, 'nothing read');
  r = await runCommand(scheduleCommand, [file, '--endpoint', emu.endpoint, '--tz', ZONE, '--html', html, '--force'], env);
  assert.equal(r.code, 0, r.stderr);
  assert.match(readFileSync(html, 'utf8'), /^<!DOCTYPE html>/);

  r = await runCommand(scheduleCommand, [file, '--endpoint', emu.endpoint, '--tz', ZONE, '--from', '2026-11-30'], env);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^Schedule of 4 tasks: 175 fires, 2026-11-30 00:00 UTC\+08:00 to 2026-12-07 00:00 UTC\+08:00 \(7 days, 60-minute slots, zone Asia\/Shanghai, weekday numbering dataworks\)$/);
  assert.match(lines[2], /^day\s+00\s+01 .* 23\s+total$/);
  assert.equal(lines.slice(3, 10).length, 7);
  assert.ok(lines.slice(3, 10).every((l) => /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d\d-\d\d\s/.test(l) && l.endsWith(' 25')), lines.slice(3, 10).join('\n'));
  assert.match(r.stdout, /By resource group:\n {2}\S+: 168 fires of 1 task/);
});

test('patch without a connection: tasks without a Cron are skipped; invalid patch and usage exit 2', async () => {
  const file = join(dir, 'q.dwtasks.json');
  writeFileSync(file, '{"Tasks": [{"Id": 8604388726201130001, "Trigger": {"Cron": "00 00 00 * * ?"}}, {"Id": 42, "Owner": "1"}]}');
  let r = await runCommand(scheduleCommand, [file, '--tz', ZONE, '--from', String(FROM), '--days', '2', '--slot-minutes', '1440', '--json'], {});
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout) as Json;
  assert.deepEqual(j.slots, [{ start: FROM, fires: 1 }, { start: FROM + 86_400, fires: 1 }]);
  assert.deepEqual(j.tasks, [{ id: '8604388726201130001', fires: 2 }]);
  assert.deepEqual(j.skipped, ['42']);

  const bad = join(dir, 'bad.dwtasks.json');
  writeFileSync(bad, '{"Tasks": [{"Id": 1, "Trigger": {"Cron": "00 */2 * * * ?"}}]}');
  r = await runCommand(scheduleCommand, [bad, '--tz', ZONE], {});
  assert.equal(r.code, 2);
  assert.match(r.stderr, /bad\.dwtasks\.json:1:\d+: error \[dwtasks\/cron-invalid\] Task 1: Trigger\.Cron: /); // as validate prints it
  assert.equal(r.stdout, '');
  for (const args of [[], [file, '--project', '1'], [file, '--weekdays', 'iso'], [file, '--slot-minutes', '7'], [file, '--days', '0'], [file, '--tz', 'Mars/Base'], [file, '--from', 'soon'], ['--project', 'x']]) {
    r = await runCommand(scheduleCommand, args, {});
    assert.equal(r.code, 2, args.join(' '));
  }
});

test('one clock: without --tz the zone of the region (default cn-hangzhou), never the computer\'s, and stderr says which', async () => {
  const file = join(dir, 'z.dwtasks.json');
  writeFileSync(file, '{"Tasks": [{"Id": 7, "Trigger": {"Cron": "00 00 00 * * ?"}}]}');
  let r = await runCommand(scheduleCommand, [file, '--from', '2026-11-30', '--days', '1', '--json'], {});
  assert.equal(r.code, 0, r.stderr);
  let j = JSON.parse(r.stdout) as Json;
  assert.deepEqual([j.zone, j.from], [ZONE, FROM]);
  assert.match(r.stderr, /Times in zone Asia\/Shanghai \(default region cn-hangzhou\)\./);
  r = await runCommand(scheduleCommand, [file, '--from', '2026-11-30', '--days', '1', '--json'], { ALIBABA_CLOUD_REGION_ID: 'eu-central-1' });
  j = JSON.parse(r.stdout) as Json;
  assert.deepEqual([j.zone, j.from], ['Europe/Berlin', Date.UTC(2026, 10, 29, 23) / 1000]);
  assert.match(r.stderr, /Times in zone Europe\/Berlin \(assumed for region eu-central-1; set --tz/);
});
