// Issue 12's "Done when", as a newcomer does it after `npm start` (fresh home): filter the Tasks view
// by one owner, "Add All Matching to Patch..." on a sample project's Prod with only
// RuntimeResource.ResourceGroupId, change every group id with one multi-cursor edit, Show Schedule
// (before and after), Spread the midnight peak, Preview (the plan), Apply, and check the emulator
// through its API (`dwtasks list`). Screenshots bulk-*.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { parsePatch } from '@src/core/patch/index';
import { confirmApply, findRegex, npmStart, widenSideBar, type NpmStart } from '../support/npmStart';
import { chooseQuickPickItem, chooseQuickPickRow, pickCommand, pickFields, quickInputBox, runCommand, selectTreeRow, treeContextMenu } from '../support/keyboard';
import { screenshot } from '../support/workbench';

interface TaskRecord {
  Id: string; Name: string; ProjectId: string; Owner: string;
  RuntimeResource?: { ResourceGroupId?: string };
  Trigger: { Type: string; Recurrence?: string; Cron?: string };
}
interface State {
  projects: { Id: string; Name: string; DisplayName: string }[];
  tasks: Record<'Dev' | 'Prod', Record<string, TaskRecord>>;
  resourceGroups: { Id: string; ResourceGroupType: string }[];
}

const PATCH = 'tasks.dwtasks.json';
let app: NpmStart;
let page: Page;

const shot = (name: string) => screenshot(page, `bulk-${name}`);
const webview = (): FrameLocator => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
const dailyAtMidnight = (t: TaskRecord) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal' && t.Trigger.Cron === '00 00 00 * * ?';

before(async () => {
  app = await npmStart('dwtasks-bulk-');
  page = app.page;
});
after(async () => { await app?.close(); });

/**
 * Saves the patch (an untitled file with its path, so no dialog) and returns its text on disk once
 * `saved` accepts it (the save, or an auto save, lands asynchronously; polled, with a deadline).
 */
async function savePatch(saved: (text: string) => boolean): Promise<string> {
  await page.locator(`.tabs-container .tab[data-resource-name="${PATCH}"]`).first().click();
  await page.locator(`.tabs-container .tab.active[data-resource-name="${PATCH}"]`).waitFor({ state: 'visible' });
  await page.keyboard.press('Control+S');
  const file = join(app.workspace, PATCH);
  let text = '';
  for (const deadline = Date.now() + 30_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 200))) {
    text = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (text && saved(text)) return text;
  }
  throw new Error(`${PATCH} on disk is not as expected after saving:\n${text.slice(0, 600)}`);
}

test('npm start -> filter by owner -> Add All Matching (ResourceGroupId) -> multi-cursor -> Show Schedule -> Spread -> Preview -> Apply', async () => {
  const seed = app.seed<State>();
  const prod = Object.values(seed.tasks.Prod);
  // The owner of a project's Prod tasks with at least two daily midnight tasks (a peak to spread),
  // fewest tasks first so the patch stays readable; any owner of five or more otherwise.
  const byOwner = new Map<string, TaskRecord[]>();
  for (const t of prod) byOwner.set(`${t.ProjectId}/${t.Owner}`, [...(byOwner.get(`${t.ProjectId}/${t.Owner}`) ?? []), t]);
  const groupsOf = [...byOwner.values()].filter((ts) => ts.length >= 5).sort((a, b) => a.length - b.length);
  const owned = groupsOf.find((ts) => ts.filter(dailyAtMidnight).length >= 2) ?? groupsOf[0]!;
  const { ProjectId: projectId, Owner: owner } = owned[0]!;
  const project = seed.projects.find((p) => p.Id === projectId)!;
  const ids = owned.map((t) => t.Id).sort();
  const midnight = owned.filter(dailyAtMidnight).length >= 2;
  const commonV2 = seed.resourceGroups.filter((g) => g.ResourceGroupType === 'CommonV2').map((g) => g.Id);
  const target = commonV2.map((g) => ({ g, n: owned.filter((t) => t.RuntimeResource?.ResourceGroupId === g).length })).sort((a, b) => a.n - b.n)[0]!.g;

  // 1. The Tasks view, filtered by the owner (applied by the service), then Add All Matching on Prod.
  await page.locator('.statusbar-item', { hasText: 'Local emulator' }).first().waitFor({ state: 'visible', timeout: 120_000 });
  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const row = (text: string, level: number) => page.locator(`.monaco-list-row[aria-level="${level}"]`, { hasText: text }).first();
  await row(project.DisplayName, 2).waitFor({ state: 'visible', timeout: 60_000 });
  await widenSideBar(page);
  await pickCommand(page, 'DataWorks: Filter Tasks…');
  await page.locator('.quick-input-list .label-name', { hasText: /^owner/ }).first().waitFor({ state: 'visible' });
  const input = await quickInputBox(page);
  await input.fill('owner');
  await chooseQuickPickItem(page, /^owner/);
  await page.locator('.quick-input-widget', { hasText: 'Owner account id' }).waitFor({ state: 'visible' });
  await input.fill(owner);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: `owner: ${owner}` }).first().waitFor({ state: 'visible' });
  await input.fill('Apply filter');
  await chooseQuickPickItem(page, 'Apply filter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.part.sidebar', { hasText: `owner: ${owner}` }).first().waitFor({ state: 'visible' });
  await selectTreeRow(row(project.DisplayName, 2));
  await selectTreeRow(row('Prod', 3));
  const taskRows = page.locator('.monaco-list-row[aria-level="4"]');
  await taskRows.first().waitFor({ state: 'visible', timeout: 60_000 });
  let shown = 0;
  for (let i = 0; i < Math.min(10, await taskRows.count()); i++) {
    const text = (await taskRows.nth(i).locator('.label-description').first().innerText()).replace(/\u00a0/g, ' ');
    const id = /^(\d+) · /.exec(text.trim())?.[1]; // the description: id · schedule · owner
    if (id) assert.ok(ids.includes(id), `the filtered tree shows only ${owner}'s tasks: ${text}`);
    if (id) shown++;
  }
  assert.ok(shown >= Math.min(5, ids.length), `task rows with ids: ${shown}`);
  await shot('1-filtered');
  await treeContextMenu(page, row('Prod', 3), 'Add All Matching to Patch...');
  await pickFields(page, ['RuntimeResource.ResourceGroupId']);
  await page.locator(`.tabs-container .tab.active[data-resource-name="${PATCH}"]`).waitFor({ state: 'visible', timeout: 120_000 });
  const pulled = parsePatch(await savePatch((t) => parsePatch(t).tasks.length === ids.length)).tasks;
  assert.deepEqual(pulled.map((t) => t.id).sort(), ids, 'exactly the owner\'s Prod tasks of the project');
  for (const t of pulled) {
    assert.deepEqual(Object.keys(t.value).sort(), ['EnvType', 'Id', 'RuntimeResource'], JSON.stringify(t.value));
    assert.deepEqual(t.value.RuntimeResource, { ResourceGroupId: seed.tasks.Prod[t.id!]!.RuntimeResource!.ResourceGroupId });
  }
  await shot('2-pulled');

  // 2. One multi-cursor edit: Find (regex) every group id value, Alt+Enter selects all matches, type.
  await runCommand(page, 'View: Toggle Primary Side Bar Visibility'); // room for the whole ids
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await findRegex(page, '(?<="ResourceGroupId": ")[^"]+', ids.length).catch(async (e: unknown) => {
    await shot('failure');
    throw e;
  });
  await page.keyboard.press('Alt+Enter');
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible' });
  await page.keyboard.type(target);
  await shot('3-multicursor');
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  const edited = parsePatch(await savePatch((t) => t.split(target).length - 1 === ids.length)).tasks;
  assert.deepEqual(edited.map((t) => t.value.RuntimeResource?.ResourceGroupId), ids.map(() => target), 'every entry has the new group');

  // 3. Show Schedule for the patch: before (current) and after (patched) side by side.
  await runCommand(page, 'DataWorks: Show Schedule');
  const view = webview();
  await view.locator('#grid-1 td.cell').first().waitFor({ state: 'visible', timeout: 120_000 });
  await runCommand(page, 'View: Join All Editor Groups'); // the whole width: before and after side by side
  await view.locator('#grid-1 td.cell').first().waitFor({ state: 'visible', timeout: 60_000 });
  assert.equal(await view.locator('table.grid').count(), 2, 'before and after');
  assert.match(await view.locator('#side-1 .sub').innerText(), new RegExp(`^${ids.length} tasks, \\d+ fires$`));
  await shot('4-schedule');
  let moved: { id: string; from: string; to: string }[] = [];
  if (midnight) {
    const peak = view.locator('#side-1 .peaks li', { hasText: /start 00:00-00:05/ }).first();
    const peakText = await peak.innerText();
    const peakCount = Number(/^(\d+) tasks start 00:00-00:05/.exec(peakText)?.[1]);
    assert.ok(peakCount >= 2, peakText);
    await peak.locator('button', { hasText: 'Spread' }).click();
    const over = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Over 30 minutes' }).first();
    await over.waitFor({ state: 'visible' });
    assert.match(await over.innerText(), /6 start times: 00:00 … 00:25/);
    await chooseQuickPickRow(page, over);
    await page.locator('.notification-toast', { hasText: /got (?:a )?new start minutes?/ }).first().waitFor({ state: 'visible', timeout: 60_000 });
    // The after side is drawn again from the edited patch: the midnight window holds fewer starts.
    await view.locator('#side-1 .peaks li', { hasText: new RegExp(`^${peakCount} tasks start 00:00-00:05`) }).waitFor({ state: 'detached', timeout: 60_000 });
    await shot('5-spread');
    const spread = parsePatch(await savePatch((t) => t.includes('"Cron"'))).tasks;
    moved = spread.filter((t) => t.value.Trigger?.Cron).map((t) => ({ id: t.id!, from: seed.tasks.Prod[t.id!]!.Trigger.Cron!, to: t.value.Trigger!.Cron! }));
    assert.ok(moved.length >= 1, 'spreading wrote Trigger.Cron entries into the patch');
    for (const m of moved) {
      const [f, to] = [m.from.split(' '), m.to.split(' ')];
      assert.deepEqual([f[0], ...f.slice(3)], [to[0], ...to.slice(3)], `only the minute and hour change: ${m.from} -> ${m.to}`);
      assert.ok(Number(f[1]) < 5, `${m.id} started in the 00:00 peak (${m.from})`);
      assert.equal(Number(to[1]) % 5, 0, `on the 5-minute grid: ${m.to}`);
      assert.ok(Number(to[1]) < 30 && (!/^\d+$/.test(to[2]!) || Number(to[2]) === 0), `within 30 minutes of midnight: ${m.to}`);
    }
    const daily = moved.filter((m) => /^\d+$/.test(m.to.split(' ')[2]!)).map((m) => m.to);
    assert.equal(new Set(daily).size, daily.length, `each moved daily task on its own slot: ${daily.join(', ')}`);
  }

  // 4. Preview: the plan names the fields that change. Then Apply through the modal.
  await page.locator(`.tabs-container .tab[data-resource-name="${PATCH}"]`).first().click();
  await runCommand(page, 'DataWorks: Preview Batch Update');
  const plan = page.locator('.editor-instance .view-lines', { hasText: 'Plan for' }).first();
  await plan.waitFor({ state: 'visible', timeout: 60_000 });
  await plan.locator('.view-line', { hasText: 'RuntimeResource.ResourceGroupId' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  const regrouped = owned.filter((t) => t.RuntimeResource?.ResourceGroupId !== target).length;
  const changing = new Set([...owned.filter((t) => t.RuntimeResource?.ResourceGroupId !== target).map((t) => t.Id), ...moved.map((m) => m.id)]).size;
  assert.match((await plan.locator('.view-line').first().innerText()).replace(/\u00a0/g, ' '), /^Plan for /);
  assert.match((await plan.innerText()).replace(/\u00a0/g, ' '), new RegExp(`${changing} of ${ids.length} tasks? would change, ${regrouped + moved.length} fields? in all`));
  // One `current -> patched` line per changed field: every group that moves, every spread start
  // (Find counts them; the fields already at the patched value are listed apart, without an arrow).
  await page.locator('.editor-instance .monaco-editor .view-lines', { hasText: 'Plan for' }).first().click();
  await findRegex(page, 'RuntimeResource\\.ResourceGroupId: "[^"]*" -> "', regrouped).catch(async (e: unknown) => {
    await shot('failure');
    throw e;
  });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await shot('6-preview');
  if (moved.length) {
    await findRegex(page, 'Trigger\\.Cron: "[^"]*" -> "', moved.length);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Home'); // the line from its start, not scrolled to the selection's end
    await shot('7-preview-cron');
  }
  await runCommand(page, 'View: Close Editor');
  await page.locator(`.tabs-container .tab[data-resource-name="${PATCH}"]`).first().click();
  await runCommand(page, 'DataWorks: Apply Batch Update');
  // Tasks already on the target group whose start did not move are at their patched values: not sent.
  await confirmApply(page, new RegExp(`Local emulator[\\s\\S]*Prod: ${changing}\\)`));
  await page.locator('.notification-toast', { hasText: `DataWorks apply: ${changing} applied, 0 failed, 0 unknown, ${ids.length - changing} not sent.` }).first().waitFor({ state: 'visible', timeout: 180_000 });
  await shot('8-applied');

  const now = new Map(app.list<TaskRecord>(projectId).map((t) => [t.Id, t]));
  for (const id of ids) assert.equal(now.get(id)?.RuntimeResource?.ResourceGroupId, target, `task ${id} is on the new group`);
  for (const m of moved) assert.equal(now.get(m.id)?.Trigger.Cron, m.to, `task ${m.id} has its spread start`);
  for (const t of prod.filter((x) => x.ProjectId === projectId && !ids.includes(x.Id))) {
    assert.equal(now.get(t.Id)?.RuntimeResource?.ResourceGroupId, t.RuntimeResource?.ResourceGroupId, `task ${t.Id} (another owner) untouched`);
  }
  assert.equal(await app.interrupt(), 0, app.output());
});
