// UI: with an emulator configured, open the DataWorks view, expand a project's Prod environment to
// its tasks and "Load more", select two tasks and Add to Patch. Screenshots: tree.png, tree-add-to-patch.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { connectToEmulator, startUiEmulator, type UiEmulator } from './emulator';
import { pickFields, startWorkbench, type Workbench } from './workbench';

interface Seed {
  projects: { Id: string; Name: string; DisplayName?: string }[];
  tasks: Record<'Dev' | 'Prod', Record<string, { Id: string; Name: string; ProjectId: string }>>;
}

let wb: Workbench;
let emu: UiEmulator;
let seed: Seed;

before(async () => {
  emu = await startUiEmulator(400);
  seed = emu.seed<Seed>();
  wb = await startWorkbench();
  await connectToEmulator(wb.page, emu.endpoint);
});

after(async () => {
  await wb?.close();
  await emu?.stop();
});

test('browse the Tasks tree: connection > project > Prod > tasks with Load more, then add two tasks to a patch', async () => {
  const page = wb.page;
  // The project with the most Prod tasks, so its first page ends in "Load more".
  const prodCounts = seed.projects.map((p) => ({ p, n: Object.values(seed.tasks.Prod).filter((t) => t.ProjectId === p.Id).length }));
  const { p: project, n } = prodCounts.sort((a, b) => b.n - a.n)[0]!;
  assert.ok(n > 100, `a project with more than one page of Prod tasks (${n})`);
  const projectLabel = project.DisplayName || project.Name;

  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const view = page.locator('.pane-body:has(.monaco-list-row)').filter({ hasText: projectLabel });
  const row = (text: string) => page.locator('.monaco-list-row', { hasText: text }).first();
  await row(projectLabel).waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: unknown) => {
    await wb.runCommand('DataWorks: Show Request Log');
    await page.locator('.output-view, .panel').first().waitFor({ state: 'visible' }).catch(() => undefined);
    await wb.screenshot('tree-failure');
    throw e;
  });
  await row(projectLabel).click();
  await row('Prod').waitFor({ state: 'visible' });
  await page.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Prod' }).first().click();
  const taskRows = page.locator('.monaco-list-row[aria-level="4"]');
  await taskRows.first().waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: unknown) => {
    await wb.screenshot('tree-failure');
    throw e;
  });
  assert.ok((await taskRows.count()) > 3, 'task rows are shown');
  await wb.screenshot('tree');
  assert.ok(await view.count());

  // Select two tasks (click, Ctrl+click) and run Add to Patch from the context menu.
  const first = taskRows.nth(0);
  const second = taskRows.nth(1);
  const firstLabel = (await first.locator('.label-name').first().innerText()).trim();
  const secondLabel = (await second.locator('.label-name').first().innerText()).trim();
  await first.click();
  await second.click({ modifiers: ['Control'] });
  await second.click({ button: 'right' });
  const menuItem = page.locator('.context-view .action-item', { hasText: 'Add to Patch' }).first();
  await menuItem.waitFor({ state: 'visible' });
  await menuItem.click();
  // It asks which fields to copy: the resource group only.
  await pickFields(page, ['RuntimeResource.ResourceGroupId']);
  await page.locator('.tabs-container .tab.active[data-resource-name$=".dwtasks.json"]').waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: unknown) => {
    await wb.screenshot('tree-failure');
    await page.keyboard.press('Escape');
    await wb.runCommand('DataWorks: Show Request Log');
    await wb.screenshot('tree-failure-log');
    await wb.runCommand('Notifications: Show Notifications');
    await wb.screenshot('tree-failure-notes');
    throw e;
  });
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.filter({ hasText: firstLabel }).waitFor({ state: 'visible', timeout: 30_000 });
  const text = await lines.innerText();
  assert.ok(text.includes(firstLabel) && text.includes(secondLabel), text.slice(0, 400));
  assert.ok(/"EnvType":\s*"Prod"/.test(text.replace(/\u00a0/g, ' ')));
  assert.ok(text.includes('"ResourceGroupId"') && !text.includes('"Cron"'), 'only the picked field is copied');
  await wb.screenshot('tree-add-to-patch');

  // The list is virtual: go to its end, where "Load more" says how many are shown of how many.
  await taskRows.nth(2).click();
  await page.keyboard.press('End');
  const loadMore = page.locator('.monaco-list-row', { hasText: `Load more (100 of ${n} shown)` });
  await loadMore.waitFor({ state: 'visible', timeout: 30_000 });
  await loadMore.click();
  await page.locator('.monaco-list-row', { hasText: `of ${n} shown)` }).first().waitFor({ state: 'hidden', timeout: 60_000 }).catch(() => undefined);
  await page.keyboard.press('End');
  if (n > 200) await page.locator('.monaco-list-row', { hasText: `Load more (200 of ${n} shown)` }).waitFor({ state: 'visible', timeout: 60_000 });
  await wb.screenshot('tree-load-more');
});
