// UI: the extension as a Chinese user sees it, in a zh-cn workbench (code-server with --locale zh-cn
// and a minimal language pack the harness builds, ../support/languagePack.ts). Connects to the
// emulator through the Chinese commands, then: the Tasks tree with a task's tooltip, a cron hover in a
// patch, the Problems panel, and the plan of Preview. Screenshots: zh-cn-tree.png, zh-cn-hover.png,
// zh-cn-problems.png, zh-cn-plan.png. The assertions read the Chinese text on screen (never pixels)
// and hold it to the typography rules the unit layer checks on the sources (zhTypographyProblems):
// here on the texts as composed at run time, values and all.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { zhTypographyProblems } from '../../unit/l10n/support/zh-typography';
import { connectToEmulator, startUiEmulator, type ConnectTexts, type UiEmulator } from '../support/emulator';
import { focusTreeRow, pickCommand, selectTreeRow } from '../support/keyboard';
import { lineColumnAfter, startWorkbench, type Workbench } from '../support/workbench';

interface SeedTask { Id: string; ProjectId: string; Description?: string; Trigger?: { Type: string; Recurrence?: string; Cron?: string } }
interface Seed {
  projects: { Id: string; Name: string; DisplayName?: string }[];
  tasks: Record<'Dev' | 'Prod', Record<string, SeedTask>>;
}

const PATCH = 'zh-cn.dwtasks.json';
/** Tuesday to Saturday in the DataWorks numbering: a hover naming weekdays, and a note in Problems. */
const WEEKDAY_CRON = '00 05 07 ? * 2-6';
/**
 * The new description carries a zero-width space after "ODS", as pasted text often does: VS Code boxes
 * it as an invisible character in the plan, which shows that the plan's highlighter has run by the
 * time the boxes are counted; the plan's ambiguous characters (full-width punctuation) must add none.
 */
const DESCRIPTION = 'ODS\u200b 层每日汇总';
const ZH_CONNECT: ConnectTexts = {
  command: 'DataWorks: 使用本地模拟器',
  connect: '连接到正在运行的模拟器',
  inputTitle: 'DataWorks：连接到正在运行的模拟器',
  connected: (host) => `本地模拟器（${host}）`,
};

let wb: Workbench;
let emu: UiEmulator;
let project: Seed['projects'][number];
let patchText: string;

before(async () => {
  emu = await startUiEmulator(40);
  const seed = emu.seed<Seed>();
  const scheduled = Object.values(seed.tasks.Prod).filter((t) => t.Trigger?.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal' && t.Trigger.Cron);
  project = seed.projects.find((p) => scheduled.filter((t) => t.ProjectId === p.Id).length >= 2)!;
  assert.ok(project, 'a project with two scheduled Prod tasks');
  const [first, second] = scheduled.filter((t) => t.ProjectId === project.Id);
  // The first task gets a new cron and description; the second keeps its description (already at the patched value).
  patchText = `{\n  "Comment": "zh-cn UI",\n  "Tasks": [\n    {\n      "Id": ${first!.Id},\n      "EnvType": "Prod",\n      "Description": "${DESCRIPTION}",\n      "Trigger": { "Type": "Scheduler", "Cron": "${WEEKDAY_CRON}" }\n    },\n    {\n      "Id": ${second!.Id},\n      "EnvType": "Prod",\n      "Description": ${JSON.stringify(second!.Description ?? '')}\n    }\n  ]\n}\n`;
  wb = await startWorkbench({
    locale: 'zh-cn',
    // No empty secondary side bar: the Problems panel and the plan get the width.
    settings: { 'dataworks.region': 'cn-hangzhou', 'dataworks.timeZone': '', 'workbench.secondarySideBar.defaultVisibility': 'hidden' },
    prepare: (ws) => writeFileSync(join(ws, PATCH), patchText),
  });
  await connectToEmulator(wb.page, emu.endpoint, ZH_CONNECT);
});

after(async () => {
  await wb?.close();
  await emu?.stop();
});

async function shownText(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\u00a0/g, ' ');
}

function assertReadsAsChinese(what: string, text: string): void {
  assert.deepEqual(zhTypographyProblems(text), [], `${what}:\n${text}`);
}

test('the Tasks tree: the connection, a project and its tasks in Chinese, with a task tooltip', async () => {
  const page = wb.page;
  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const root = page.locator('.monaco-list-row[aria-level="1"]', { hasText: ZH_CONNECT.connected(new URL(emu.endpoint).host) }).first();
  await root.waitFor({ state: 'visible', timeout: 60_000 });
  const projectRow = page.locator('.monaco-list-row[aria-level="2"]', { hasText: project.DisplayName || project.Name }).first();
  await projectRow.waitFor({ state: 'visible', timeout: 60_000 });
  await selectTreeRow(projectRow);
  const prod = page.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Prod' }).first();
  await prod.waitFor({ state: 'visible' });
  await selectTreeRow(prod);
  const tasks = page.locator('.monaco-list-row[aria-level="4"]');
  await tasks.first().waitFor({ state: 'visible', timeout: 60_000 });
  // Loaded, the environment counts its tasks.
  await page.locator('.monaco-list-row[aria-level="3"]', { hasText: /Prod\s*\d+ 个任务/ }).first().waitFor({ state: 'visible' });
  // A task's schedule in words: "在 HH:MM" (at), "手动" (manual), with a note such as "（已暂停）" (paused).
  const rows = (await tasks.allInnerTexts()).join('\n');
  assert.match(rows, /在 \d\d:\d\d/);
  // " · " separates the row's fields (id, schedule, owner); the rules apply to each field.
  assertReadsAsChinese('the task rows', rows.replaceAll(' · ', '\n'));

  // The tooltip shows on pointer hover only (a tree row has no keyboard hover).
  await tasks.first().hover();
  const tooltip = page.locator('.workbench-hover, .monaco-hover:not(.hidden)').filter({ hasText: '负责人' }).first();
  await tooltip.waitFor({ state: 'visible', timeout: 30_000 });
  await wb.screenshot('zh-cn-tree');
  const tip = await shownText(tooltip);
  for (const label of ['项目', '类型', '负责人', '触发方式', '修改时间']) assert.ok(tip.includes(label), `tooltip label ${label}:\n${tip}`);
  // Field names that are also the patch's keys (Id, Cron, Cu) stay; word labels are Chinese.
  for (const english of ['Project', 'Type', 'Owner', 'Trigger', 'Timeout', 'Modified', 'Resource group']) {
    assert.doesNotMatch(tip, new RegExp(`^${english}\\b`, 'm'), `no English label ${english}`);
  }
  assert.match(tip, /^Cron\s.*（.+）$/m, `the cron row explains it in full-width brackets:\n${tip}`);
  assertReadsAsChinese('the task tooltip', tip);
});

test('a cron hover in a patch reads in Chinese', async () => {
  await wb.openFile(PATCH);
  const { line, column } = lineColumnAfter(patchText, '"Cron": "00 05');
  await wb.goTo(line, column + 2);
  const hover = await wb.hover('接下来 5 次运行时间');
  await wb.screenshot('zh-cn-hover');
  const shown = await shownText(hover);
  assert.match(shown, /在 07:05，星期二至星期六/);
  const times = shown.match(/\d{4}-\d\d-\d\d 07:05:00 星期[二三四五六] UTC\+08:00/g) ?? [];
  assert.equal(times.length, 5, shown);
  assert.match(shown, /时区 Asia\/Shanghai（地域 cn-hangzhou 的时区）/);
  assertReadsAsChinese('the cron hover', shown);
  await wb.page.keyboard.press('Escape');
});

test('the Problems panel shows our diagnostics in Chinese', async () => {
  await wb.runCommand('View: Focus Problems');
  const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: '"2-6"' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  const shown = await shownText(row);
  assert.match(shown, /任务 \d+：Trigger\.Cron：星期："2-6" 按 DataWorks 编号/);
  assertReadsAsChinese('the diagnostic', shown);
  // The panel's row cuts a long message: Enter on it goes to the marker, whose hover shows it whole.
  await focusTreeRow(wb.page, row, 'ArrowDown');
  await wb.page.keyboard.press('Enter');
  // It selects the marker's range, "2-6" (line 8 of the patch).
  await wb.page.locator('.statusbar-item', { hasText: /^\s*Ln 8, Col \d+ \(3 selected\)\s*$/ }).first().waitFor({ state: 'visible' });
  await wb.page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible' });
  const hover = await wb.hover('按 DataWorks 编号');
  await wb.screenshot('zh-cn-problems');
  assert.match(await shownText(hover), /星期名称在任何编号下含义都相同/);
  await wb.page.keyboard.press('Escape');
});

test('Preview opens the plan in Chinese, without ambiguous-character boxes', async () => {
  const page = wb.page;
  await wb.openFile(PATCH);
  await pickCommand(page, 'DataWorks: 预览批量修改');
  await page.locator('.tabs-container .tab.active', { hasText: '.plan' }).waitFor({ state: 'visible', timeout: 60_000 });
  const planEditor = page.locator('.editor-instance .monaco-editor').filter({ has: page.locator('.view-lines', { hasText: '的计划' }) }).first();
  const plan = planEditor.locator('.view-lines').filter({ hasText: '层每日汇总' });
  await plan.waitFor({ state: 'visible', timeout: 60_000 });
  const boxes = planEditor.locator('.unicode-highlight');
  await boxes.first().waitFor({ state: 'attached', timeout: 30_000 }); // the zero-width space's box
  await wb.screenshot('zh-cn-plan');
  const text = await shownText(plan);
  assert.match(text, /2 个任务中 1 个将变更，共 2 个字段；2 个字段已是补丁中的值。/);
  assert.match(text, /在 07:05，星期二至星期六/);
  assertReadsAsChinese('the plan', text);
  assert.equal(await boxes.count(), 1, 'only the zero-width space is boxed, no full-width punctuation');
});
