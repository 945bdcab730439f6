// DWTASKS_LANG picks the language of what the built CLI prints for people: zh-cn (or any zh*) is
// Chinese, anything else or unset English; LANG is not read, so CI logs stay English. JSON output
// is the same bytes in either language. validate and cron run alone; plan and apply against the emulator.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFixture, tasksOf, type Fixture } from '../../unit/core/apply/support/emulator-fixture';
import { builtCli, ROOT } from '../built-cli';
import { runCli } from './spawn-cli';

let fx: Fixture;
let dir: string;
let cli: string;

before(async () => {
  cli = builtCli();
  fx = await startFixture({ tasks: 40 });
  dir = mkdtempSync(join(tmpdir(), 'dwtasks-lang-'));
});
after(async () => { await fx?.emu.close(); });

/** The built CLI with DWTASKS_LANG set to `lang` (unset when undefined) and LANG=zh_CN.UTF-8, which must not matter. */
function dwtasks(lang: string | undefined, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'zh_CN.UTF-8', ALIBABA_CLOUD_ACCESS_KEY_ID: fx.emu.accessKeyId, ALIBABA_CLOUD_ACCESS_KEY_SECRET: fx.emu.accessKeySecret };
  delete env.DWTASKS_LANG;
  if (lang !== undefined) env.DWTASKS_LANG = lang;
  return runCli(cli, args, env, ROOT);
}

test('validate: findings and the summary in Chinese with DWTASKS_LANG=zh-cn, English otherwise; --json the same', async () => {
  const file = 'examples/broken.dwtasks.json';
  const zh = await dwtasks('zh-cn', 'validate', file);
  assert.equal(zh.code, 1);
  assert.match(zh.stdout, /^1 个文件中：\d+ 个错误，\d+ 个警告\n$/m);
  assert.match(zh.stdout, /error \[dwtasks\/schema-additional-property\] 任务 \d+：不允许属性 Nmae。/);
  for (const lang of [undefined, 'en', 'fr']) {
    const en = await dwtasks(lang, 'validate', file);
    assert.match(en.stdout, /^\d+ errors, \d+ warnings in 1 file\n$/m, `DWTASKS_LANG=${lang}`);
    assert.match(en.stdout, /Property Nmae is not allowed/);
  }
  assert.equal((await dwtasks('zh', 'validate', '--json', file)).stdout, (await dwtasks(undefined, 'validate', '--json', file)).stdout);
  const missing = await dwtasks('zh-CN', 'validate', join(dir, 'missing.dwtasks.json'));
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^dwtasks validate: 无法读取 '.*missing\.dwtasks\.json'：文件不存在$/m);
  assert.match((await dwtasks(undefined, 'validate', join(dir, 'missing.dwtasks.json'))).stderr, /cannot read '.*missing\.dwtasks\.json': no such file/);
});

test('cron: errors, fixes, the description and the next times in Chinese; --json the same in both', async () => {
  const bad = await dwtasks('zh-cn', 'cron', '00 05 07 31 2 ?');
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /^错误：日：永不触发：/m);
  assert.match(bad.stdout, /^修复：.*：00 05 07 L 2 \?$/m);
  const badEn = await dwtasks(undefined, 'cron', '00 05 07 31 2 ?');
  assert.match(badEn.stdout, /^error: day-of-month: /m);
  assert.match(badEn.stdout, /^fix: .*: 00 05 07 L 2 \?$/m);

  const args = ['cron', '0 0 0 ? * 1', '--next', '1', '--from', '0', '--tz', 'UTC'];
  const zh = await dwtasks('zh-cn', ...args);
  assert.equal(zh.stdout, [
    '0 0 0 ? * 1', '在 00:00，仅星期一', zh.stdout.split('\n')[2], '规范形式：00 00 00 ? * 1', '',
    '1970-01-01 00:00:00 星期四 UTC+00:00 之后的 1 次触发时间，时区 UTC（--tz）：', '  1970-01-05 00:00:00 星期一 UTC+00:00', '',
  ].join('\n'));
  assert.match(zh.stdout.split('\n')[2]!, /^提示：星期：/);
  const en = await dwtasks(undefined, ...args);
  assert.match(en.stdout, /^At 00:00, only on Monday$/m);
  assert.match(en.stdout, /^next 1 fire time after 1970-01-01 00:00:00 Thu UTC\+00:00, zone UTC \(--tz\):\n {2}1970-01-05 00:00:00 Mon UTC\+00:00\n$/m);
  assert.equal((await dwtasks('zh-cn', ...args, '--json')).stdout, (await dwtasks(undefined, ...args, '--json')).stdout);
  const usage = await dwtasks('zh-cn', 'cron', '--next', 'x', '* * * * * ?');
  assert.equal(usage.code, 2);
  assert.match(usage.stderr, /^dwtasks cron: --next 必须是 0 到 1000 之间的整数，实际为 'x'$/m);
});

test('plan and apply against the emulator: the preview, the plan lines, progress and results in Chinese', async () => {
  const [a, b] = tasksOf(fx.emu, 'Dev');
  const file = join(dir, 'dev.dwtasks.json');
  writeFileSync(file, `{"Tasks": [${[a, b].map((t, i) => `{"Id": ${t!.Id}, "EnvType": "Dev", "Description": "language test ${i}"}`).join(', ')}]}`);
  const conn = ['--endpoint', fx.emu.endpoint, '--project', String(a!.ProjectId), '--project', String(b!.ProjectId)];

  const plan = await dwtasks('zh-cn', 'plan', file, ...conn);
  assert.equal(plan.code, 0, plan.stderr);
  assert.match(plan.stderr, /^\d+ 次读取调用；未发送任何内容。$/m);
  assert.match(plan.stdout, /任务 \d+（Dev）/);
  const planEn = await dwtasks(undefined, 'plan', file, ...conn);
  assert.match(planEn.stderr, /^\d+ read calls?; nothing was sent\.$/m);
  assert.match(planEn.stdout, /Task \d+ \(Dev\)/);

  const dry = await dwtasks('zh-cn', 'apply', file, ...conn, '--dry-run');
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stderr, /^计划：.*dev\.dwtasks\.json 的 2 个任务中要发送 2 个（Dev: 2），分 1 次调用，每次最多 \d+ 个，每秒最多 \S+ 个请求$/m);
  assert.equal(dry.stderr.split('\n').find((l) => l.startsWith('目标：')), `目标：${fx.emu.endpoint}，凭据：环境变量`);
  assert.match(dry.stderr, /^试运行：未发送任何内容。$/m);
  const dryEn = await dwtasks(undefined, 'apply', file, ...conn, '--dry-run');
  assert.match(dryEn.stderr, /^Plan: 2 of 2 tasks from .*dev\.dwtasks\.json to send \(Dev: 2\) in 1 call of up to \d+, at most \S+ requests\/s$/m);
  assert.match(dryEn.stderr, /^Dry run: nothing sent\.$/m);
  assert.equal(dryEn.stderr.split('\n').find((l) => l.startsWith('Target: ')), `Target: ${fx.emu.endpoint}, credentials: environment`);

  const ran = await dwtasks('zh-cn', 'apply', file, ...conn, '--journal', join(dir, 'zh.jsonl'));
  assert.equal(ran.code, 0, ran.stderr);
  assert.match(ran.stderr, /^正在读取当前值……$/m);
  assert.match(ran.stderr, /^分块 1\/1：2 个成功，0 个失败，0 个未知$/m);
  assert.match(ran.stderr, /^2 个成功，0 个失败，0 个未知，0 个未发送（\w+）。$/m);
  assert.match(ran.stderr, /^日志：.*zh\.jsonl$/m);
  assert.equal(fx.emu.snapshot().tasks.Dev[a!.Id]!.Description, 'language test 0');

  const again = await dwtasks(undefined, 'apply', file, ...conn, '--journal', join(dir, 'en.jsonl'));
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /^0 succeeded, 0 failed, 0 unknown, 2 not sent \(2 of them unchanged\) \(\w+\)\.$/m);
  assert.match(again.stderr, /^Journal: .*en\.jsonl$/m);

  const revert = await dwtasks('zh-cn', 'revert', join(dir, 'zh.jsonl'), '--out', join(dir, 'undo.dwtasks.json'));
  assert.equal(revert.code, 0, revert.stderr);
  assert.match(revert.stderr, /zh\.jsonl：运行 \w+；2 个成功，0 个未知，0 个失败，0 个未发送。$/m);
  assert.match(revert.stderr, /^2 个任务的回滚补丁：.*undo\.dwtasks\.json$/m);

  const list = await dwtasks('zh-cn', 'list', '--endpoint', fx.emu.endpoint, '--project', String(a!.ProjectId), '--env', 'Dev');
  assert.equal(list.code, 0, list.stderr);
  assert.match(list.stderr, new RegExp(`^项目 ${a!.ProjectId}（Dev）中有 \\d+ 个任务。$`, 'm'));
});

test('apply: a Prod change without a terminal is refused in Chinese, nothing sent', async () => {
  const t = tasksOf(fx.emu, 'Prod')[0]!;
  const file = join(dir, 'prod.dwtasks.json');
  writeFileSync(file, `{"Tasks": [{"Id": ${t.Id}, "EnvType": "Prod", "Description": "not confirmed"}]}`);
  const r = await dwtasks('zh-cn', 'apply', file, '--endpoint', fx.emu.endpoint, '--no-revert');
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^dwtasks apply: 1 个任务的目标是生产环境，而标准输入不是终端；请加 --yes 重新运行以确认。未发送任何内容。$/m);
  assert.notEqual(fx.emu.snapshot().tasks.Prod[t.Id]!.Description, 'not confirmed');
});
