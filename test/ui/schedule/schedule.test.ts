// UI: DataWorks: Show Schedule in the real workbench. For a patch (before vs after side by side) and
// for a project environment from the Tasks view (context menu), in the light and the dark theme;
// a cell opened by keyboard lists its tasks; the Load (CU) tab reads the history after its modal;
// a group's "Spread this peak…" pressed by keyboard lowers its peak. Screenshots:
// schedule-patch-light.png, schedule-patch-dark.png, schedule-load-dark.png, schedule-load-light.png,
// schedule-load-spread-dark.png, schedule-project-dark.png, schedule-project-light.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { connectToEmulator, startUiEmulator, type UiEmulator } from '../support/emulator';
import { chooseQuickPickItem, exactly, pickCommand, quickInputBox, selectTreeRow, treeContextMenu } from '../support/keyboard';
import { startWorkbench, type Workbench } from '../support/workbench';

interface SeedTask { Id: string; Name: string; ProjectId: string; Trigger: { Type: string; Recurrence?: string; Cron?: string }; RuntimeResource?: { ResourceGroupId?: string } }
interface Seed { projects: { Id: string; Name: string; DisplayName?: string }[]; tasks: Record<'Dev' | 'Prod', Record<string, SeedTask>> }

let wb: Workbench;
let emu: UiEmulator;
let seed: Seed;
const MIDNIGHT = 12;
/** The group most of the midnight tasks run on, given a small capacity so the Load view marks it. */
let crowded = '';

before(async () => {
  emu = await startUiEmulator(300);
  seed = emu.seed<Seed>();
  const prod = Object.values(seed.tasks.Prod).filter((t) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal');
  // Daily tasks at 01:00 and 03:00-07:55: the ones that keep their cron stay out of the 00 and 02 cells.
  const daily = prod.filter((t) => /^00 \d\d 0[13-7] \* \* \?$/.test(t.Trigger.Cron ?? ''));
  assert.ok(daily.length >= MIDNIGHT + 8);
  // 12 tasks moved to midnight, 4 to 02:30, 4 keep their current crons.
  const entries = daily.slice(0, MIDNIGHT + 8).map((t, i) => {
    const cron = i < MIDNIGHT ? '00 00 00 * * ?' : i < MIDNIGHT + 4 ? '00 30 02 * * ?' : undefined;
    return `    // ${t.Name}\n    { "Id": ${t.Id}, "EnvType": "Prod"${cron ? `, "Trigger": { "Cron": "${cron}" }` : ', "Description": "keeps its schedule"'} }`;
  });
  const perGroup = new Map<string, number>();
  for (const t of daily.slice(0, MIDNIGHT)) {
    const g = t.RuntimeResource?.ResourceGroupId ?? '';
    perGroup.set(g, (perGroup.get(g) ?? 0) + 1);
  }
  crowded = [...perGroup].sort((a, b) => b[1] - a[1])[0]![0];
  wb = await startWorkbench({
    settings: { 'workbench.colorTheme': 'Default Light Modern', 'dataworks.timeZone': 'Asia/Shanghai', 'dataworks.capacity.groups': { [crowded]: 1 } },
    prepare: (ws) => writeFileSync(join(ws, 'schedule.dwtasks.json'), `{\n  "Comment": "move the batch to midnight",\n  "Tasks": [\n${entries.join(',\n')}\n  ]\n}\n`),
  });
  await connectToEmulator(wb.page, emu.endpoint);
});

after(async () => {
  await wb?.close();
  await emu?.stop();
});

/** The schedule webview's document (VS Code nests the extension's page in two iframes). */
function webview(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Only the schedule editor on screen, for the screenshots: one editor group, both side bars hidden. */
async function wideView(w: Workbench): Promise<void> {
  await w.runCommand('View: Join All Editor Groups');
  if (await w.page.locator('.part.sidebar:visible').count()) await w.runCommand('View: Toggle Primary Side Bar Visibility');
  await w.page.locator('.part.sidebar').waitFor({ state: 'hidden' });
  if (await w.page.locator('.part.auxiliarybar:visible').count()) await w.runCommand('View: Toggle Secondary Side Bar Visibility');
  await w.page.locator('.part.auxiliarybar').waitFor({ state: 'hidden' });
}

async function setTheme(page: Page, name: string): Promise<void> {
  await pickCommand(page, 'Preferences: Color Theme');
  // The theme picker is up once it lists the theme (the palette, still open until then, does not).
  await page.locator('.quick-input-list .label-name', { hasText: exactly(name) }).first().waitFor({ state: 'visible' });
  await (await quickInputBox(page)).fill(name);
  await chooseQuickPickItem(page, name);
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator(`.monaco-workbench.${name.includes('Dark') ? 'vs-dark' : 'vs'}`).waitFor({ state: 'attached' });
}

test('Show Schedule for a patch: before vs after heatmaps, peaks, a cell by keyboard; light and dark', async () => {
  const page = wb.page;
  await wb.openFile('schedule.dwtasks.json');
  await wb.runCommand('DataWorks: Show Schedule');
  const view = webview(page);
  const afterGrid = view.locator('#grid-1');
  await afterGrid.locator('td.cell').first().waitFor({ state: 'visible', timeout: 120_000 }).catch(async (e: unknown) => {
    await wb.screenshot('schedule-failure');
    throw e;
  });
  assert.equal(await view.locator('table.grid').count(), 2, 'before and after side by side');
  // After: every day's 00 cell holds the 12 midnight tasks; 02 holds the four at 02:30.
  const rows = afterGrid.locator('tr');
  assert.equal(await rows.count(), 8, 'header + 7 days');
  for (let r = 1; r <= 7; r++) {
    assert.equal((await rows.nth(r).locator('td.cell').nth(0).innerText()).trim(), String(MIDNIGHT));
    assert.equal((await rows.nth(r).locator('td.cell').nth(2).innerText()).trim(), '4');
  }
  assert.match(await view.locator('#side-1 .peaks li').first().innerText(), /^12 tasks start 00:00-00:05 every day, /);
  assert.ok(await view.locator('#side-1 .peaks li button', { hasText: 'Spread' }).count() >= 1);

  // Keyboard: focus the first cell, arrow right to 01, down to the next day, back to 00, Enter opens it.
  const first = afterGrid.locator('td.cell[tabindex="0"]');
  await first.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowLeft');
  const focused = afterGrid.locator('td.cell:focus');
  assert.deepEqual([await focused.getAttribute('data-row'), await focused.getAttribute('data-col')], ['1', '0']);
  assert.match(await view.locator('#detail-1').innerText(), /12 fires/);
  await page.keyboard.press('Enter');
  const listed = view.locator('#tasks-1 li');
  await listed.first().waitFor({ state: 'visible' });
  assert.equal(await listed.count(), MIDNIGHT);
  await wideView(wb);
  await afterGrid.locator('td.cell').first().waitFor({ state: 'visible' });
  await wb.screenshot('schedule-patch-light');
  await setTheme(page, 'Dark Modern');
  await afterGrid.locator('td.cell').first().waitFor({ state: 'visible' });
  await wb.screenshot('schedule-patch-dark');

  // Load (CU): the tab asks first (a modal with the calls), then draws a grid per group, before and after.
  await view.locator('#tab-load').click();
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  assert.match(await dialog.innerText(), /takes at least \d+ ListTaskInstances call/);
  await dialog.locator('.monaco-button', { hasText: /^Read$/ }).first().click();
  const group = view.locator(`#load section.group[data-group="${crowded}"]`);
  await group.locator('td.cell').first().waitFor({ state: 'visible', timeout: 120_000 });
  assert.equal(await group.locator('table.grid').count(), 2, 'before and after');
  assert.match(await group.locator('h2').innerText(), / 1 CU$/);
  assert.ok(await group.locator('td.cell.over').count() >= 1, 'hours above capacity are marked');
  assert.equal(await view.locator('#tab-load').getAttribute('aria-selected'), 'true');
  assert.equal(await view.locator('#sides').isVisible(), false, 'the tab shows the load in place of the starts');
  await wb.screenshot('schedule-load-dark');
  await setTheme(page, 'Light Modern');
  await group.locator('td.cell').first().waitFor({ state: 'visible' });
  await wb.screenshot('schedule-load-light');
  await setTheme(page, 'Dark Modern');

  // Spread this peak, by keyboard, on the group whose patched peak is the midnight pile-up (several
  // runs: a peak one long run makes cannot drop, and the quick pick says so): Shift+Tab from the
  // patched grid's tab stop reaches the group's button; Enter, then a window in the quick pick; the
  // view comes back on the Load tab with the peak lower.
  const midnight = await view.locator('#load section.group').evaluateAll((sections) => sections
    .find((x) => /^peak [\d.]+ CU at \S+ 00:00 /.test(x.querySelectorAll('.group-side')[1]?.querySelector('p.sub')?.textContent ?? ''))?.getAttribute('data-group'));
  assert.ok(midnight, 'a group peaks at 00:00 after the patch');
  const afterSide = view.locator(`#load section.group[data-group="${midnight}"] .group-side`).nth(1);
  const summary = async (): Promise<number> => Number(/^peak ([\d.]+) CU/.exec(await afterSide.locator('p.sub').innerText())?.[1]);
  const peakBefore = await summary();
  assert.ok(peakBefore > 0, `the patched side's peak: ${peakBefore}`);
  const button = afterSide.locator('button.spread-load');
  assert.match(await button.getAttribute('aria-label') ?? '', new RegExp(`^Spread the peak of group ${midnight} \\(`));
  await afterSide.locator('td.cell[tabindex="0"]').focus();
  await page.keyboard.press('Shift+Tab');
  assert.equal(await button.evaluate((b) => b === document.activeElement), true, 'the button is the tab stop before the grid');
  await page.keyboard.press('Enter');
  await chooseQuickPickItem(page, 'Over 60 minutes');
  const toast = page.locator('.notification-toast', { hasText: new RegExp(`got (?:a )?new start minutes?: the peak of group ${midnight} goes from ${peakBefore} to [\\d.]+ CU`) }).first();
  await toast.waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: unknown) => {
    await wb.screenshot('schedule-failure');
    throw new Error(`${String(e)}; toasts: ${(await page.locator('.notification-toast').allInnerTexts()).join(' | ')}`);
  });
  await view.locator('#tab-load[aria-selected="true"]').waitFor({ state: 'visible', timeout: 60_000 });
  await afterSide.locator('td.cell').first().waitFor({ state: 'visible' });
  const peakAfter = await summary();
  assert.ok(peakAfter < peakBefore, `the peak drops: ${peakBefore} -> ${peakAfter}`);
  assert.match(await toast.innerText(), new RegExp(`to ${peakAfter} CU`), 'the toast and the view agree');
  // The panel came back beside the edited patch: the view alone again, the group at the top.
  await wideView(wb);
  await afterSide.locator('td.cell').first().waitFor({ state: 'visible' });
  await view.locator(`#load section.group[data-group="${midnight}"]`).evaluate((e) => { e.scrollIntoView({ block: 'start' }); window.scrollBy(0, -12); });
  await wb.screenshot('schedule-load-spread-dark');
});

test('Show Schedule for a project environment from the Tasks view; dark and light', async () => {
  const page = wb.page;
  const counts = seed.projects.map((p) => ({ p, n: Object.values(seed.tasks.Prod).filter((t) => t.ProjectId === p.Id).length })).sort((a, b) => b.n - a.n);
  const project = counts[0]!.p;
  const label = project.DisplayName || project.Name;
  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const row = (text: string) => page.locator('.monaco-list-row', { hasText: text }).first();
  await row(label).waitFor({ state: 'visible', timeout: 60_000 });
  await selectTreeRow(row(label));
  const env = page.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Prod' }).first();
  await env.waitFor({ state: 'visible' });
  await selectTreeRow(env);
  await treeContextMenu(page, env, 'Show Schedule');
  const view = webview(page);
  await view.locator('h1', { hasText: project.Name }).waitFor({ state: 'visible', timeout: 120_000 }).catch(async (e: unknown) => {
    await wb.screenshot('schedule-failure');
    throw e;
  });
  assert.equal(await view.locator('table.grid').count(), 1);
  const sub = await view.locator('#side-0 .sub').innerText();
  assert.match(sub, new RegExp(`^${counts[0]!.n} tasks, \\d+ fires$`), 'every task of the environment');
  await view.locator('#side-0 .peaks li').first().waitFor({ state: 'visible' });
  await wideView(wb);
  await view.locator('table.grid td.cell').first().waitFor({ state: 'visible' });
  await wb.screenshot('schedule-project-dark');
  await setTheme(page, 'Light Modern');
  await view.locator('table.grid td.cell').first().waitFor({ state: 'visible' });
  await wb.screenshot('schedule-project-light');
});
