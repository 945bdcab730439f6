// UI: with an emulator configured, open the DataWorks view, expand a project's Prod environment to
// its tasks, select two tasks and Add to Patch (context menu by keyboard), then "Load more" loads the
// second page. Screenshots: tree.png, tree-add-to-patch.png, tree-load-more.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { connectToEmulator, startUiEmulator, type UiEmulator } from '../support/emulator';
import { focusTree, focusTreeRow, pickFields, selectTreeRow, selectTreeRowsBelow, treeContextMenu } from '../support/keyboard';
import { startWorkbench, type Workbench } from '../support/workbench';

interface Seed {
  projects: { Id: string; Name: string; DisplayName?: string }[];
  tasks: Record<'Dev' | 'Prod', Record<string, { Id: string; Name: string; ProjectId: string }>>;
}

let wb: Workbench;
let emu: UiEmulator;
let seed: Seed;

before(async () => {
  emu = await startUiEmulator(700); // its largest project has more than two pages (100 each) of Prod tasks
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
  // The project with the most Prod tasks: its first page and its second end in "Load more".
  const prodCounts = seed.projects.map((p) => ({ p, n: Object.values(seed.tasks.Prod).filter((t) => t.ProjectId === p.Id).length }));
  const { p: project, n } = prodCounts.sort((a, b) => b.n - a.n)[0]!;
  assert.ok(n > 200, `a project with more than two pages of Prod tasks (${n})`);
  const projectLabel = project.DisplayName || project.Name;

  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const view = page.locator('.pane-body:has(.monaco-list-row)').filter({ hasText: projectLabel });
  const row = (text: string) => page.locator('.monaco-list-row', { hasText: text }).first();
  await row(projectLabel).waitFor({ state: 'visible', timeout: 60_000 });
  await selectTreeRow(row(projectLabel));
  const prod = page.locator('.monaco-list-row[aria-level="3"]', { hasText: 'Prod' }).first();
  await prod.waitFor({ state: 'visible' });
  await selectTreeRow(prod);
  const taskRows = page.locator('.monaco-list-row[aria-level="4"]');
  await taskRows.first().waitFor({ state: 'visible', timeout: 60_000 });
  assert.ok((await taskRows.count()) > 3, 'task rows are shown');
  await wb.screenshot('tree');
  assert.ok(await view.count());

  // Select the first two tasks (ArrowDown and Enter, Shift+ArrowDown) and run Add to Patch from their context menu.
  const first = taskRows.nth(0);
  const second = taskRows.nth(1);
  const firstLabel = (await first.locator('.label-name').first().innerText()).trim();
  const secondLabel = (await second.locator('.label-name').first().innerText()).trim();
  await selectTreeRowsBelow(page, [first, second]);
  await treeContextMenu(page, second, 'Add to Patch');
  // It asks which fields to copy: the resource group only.
  await pickFields(page, ['RuntimeResource.ResourceGroupId']);
  await page.locator('.tabs-container .tab.active[data-resource-name$=".dwtasks.json"]').waitFor({ state: 'visible', timeout: 60_000 });
  const lines = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await lines.filter({ hasText: firstLabel }).waitFor({ state: 'visible', timeout: 30_000 });
  const text = await lines.innerText();
  assert.ok(text.includes(firstLabel) && text.includes(secondLabel), text.slice(0, 400));
  assert.ok(/"EnvType":\s*"Prod"/.test(text.replace(/\u00a0/g, ' ')));
  assert.ok(text.includes('"ResourceGroupId"') && !text.includes('"Cron"'), 'only the picked field is copied');
  await wb.screenshot('tree-add-to-patch');

  // The list is virtual: End goes to the tree's last row, ArrowUp back to the environment's last, where
  // "Load more" says how many are shown of how many; Enter on it loads the next page, after which the
  // environment holds 200 tasks and a new "Load more".
  await focusTree(taskRows.first());
  assert.equal(await taskRows.first().getAttribute('aria-setsize'), '101', 'the first page: 100 tasks and Load more');
  await page.keyboard.press('End');
  const loadMore = (shown: number) => page.locator('.monaco-list-row[aria-level="4"]', { hasText: `Load more (${shown} of ${n} shown)` });
  await focusTreeRow(page, loadMore(100), 'ArrowUp');
  await page.keyboard.press('Enter');
  // Loaded once the environment's rows number 200 tasks and Load more (its row says "Loading more…" until then).
  await page.locator('.monaco-list-row[aria-level="4"][aria-setsize="201"]').first().waitFor({ state: 'visible', timeout: 60_000 });
  await page.keyboard.press('End');
  await focusTreeRow(page, loadMore(200), 'ArrowUp');
  await wb.screenshot('tree-load-more');
});
