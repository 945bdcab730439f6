// The README's walkthrough, exactly as a newcomer does it: `npm start` (in a fresh home), open the
// printed address, browse the seeded tasks, add two to a new patch, change a schedule (with the cron
// hover) and look at a task's current values (Id hover), preview, apply (one task has a typo in its
// id, so it fails and shows in Problems), then revert the applied task and check the emulator is
// back where it started. Ctrl+C stops everything. Screenshots walkthrough-*.png are the README's
// images (`npm run docs:screenshots` copies them to docs/images/).
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { confirmApply, findRegex, npmStart, widenSideBar, type NpmStart } from '../support/npmStart';
import { chooseQuickPickRow, pickCommand, pickFields, runCommand, selectTreeRow, treeContextMenu } from '../support/keyboard';
import { openFile, screenshot } from '../support/workbench';

interface TaskRecord { Id: string; Name: string; ProjectId: string; Trigger: { Type: string; Cron?: string } }
interface State { projects: { Id: string; Name: string; DisplayName: string }[]; tasks: Record<'Dev' | 'Prod', Record<string, TaskRecord>> }

const NEW_CRON = '00 30 04 * * ?';
const TYPO_ID = '700099999999';

let ns: NpmStart;
let page: Page;

/** The seed data as `npm start`'s emulator wrote it when it started (before any change). */
const seedState = (): State => ns.seed<State>();

/** A task's trigger as the emulator reports it now, read through its API with the CLI (`dwtasks list`). */
function currentTrigger(projectId: string, id: string): TaskRecord['Trigger'] | undefined {
  return ns.list<TaskRecord>(projectId).find((t) => t.Id === id)?.Trigger;
}
const shot = (name: string) => screenshot(page, `walkthrough-${name}`);

const palette = (title: string) => runCommand(page, title);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Selects the first match of a regular expression in the active editor (Find in regex mode, then closed). */
async function selectMatch(regex: string): Promise<void> {
  await findRegex(page, regex);
  await page.keyboard.press('Escape'); // closes Find, keeps the match selected in the editor
  await page.locator('.find-widget.visible').waitFor({ state: 'hidden' });
}

/** The hover at the cursor once it shows `expect` and not `stale` (a diagnostic of the text before an edit, until the debounced re-check lands). */
async function hoverAtCursor(expect: RegExp, stale?: RegExp): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)').filter(stale ? { hasText: expect, hasNotText: stale } : { hasText: expect }).first();
  for (let attempt = 0; attempt < 8; attempt++) {
    if (attempt > 0) await page.keyboard.press('Escape'); // a hover shown before the re-check keeps its markers: ask again
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    if (await hover.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) return hover;
  }
  await shot('failure');
  const seen = await page.locator('.monaco-hover:not(.hidden)').allInnerTexts();
  throw new Error(`no hover matching ${expect}; visible hovers: ${JSON.stringify(seen)}`);
}

before(async () => {
  ns = await npmStart('dwtasks-walkthrough-');
  page = ns.page;
});

after(async () => { await ns?.close(); });

test('npm start -> browse -> Add to Patch -> edit cron -> preview -> apply (one failure) -> revert -> Ctrl+C', async () => {
  const seeded = seedState();
  const project = seeded.projects.find((p) => p.Name === 'data_ingestion')!;

  // 1. npm start already points the extension at its emulator: the status bar says so. Activating
  // and opening a patch cost no API call (the emulator logs one line per request); the view does.
  const status = page.locator('.statusbar-item', { hasText: 'Local emulator' }).first();
  await status.waitFor({ state: 'visible', timeout: 120_000 });
  // The status bar item opens the connection picker, which names the region requests go to.
  await status.click();
  const picker = page.locator('.quick-input-widget');
  await picker.locator('.monaco-list-row', { hasText: 'Select Region' }).filter({ hasText: 'cn-hangzhou' }).first().waitFor({ state: 'visible' });
  for (const choice of ['Use Local Emulator', 'Select Profile', 'Set Access Key', 'Show Request Log']) {
    assert.equal(await picker.locator('.monaco-list-row', { hasText: choice }).count(), 1, choice);
  }
  await page.keyboard.press('Escape');
  await picker.waitFor({ state: 'hidden' });
  await openFile(page, 'nightly-owner-handover.dwtasks.json');
  await page.locator('.codelens-decoration', { hasText: 'Apply 3 tasks (Prod: 3) to Local emulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  const apiCalls = () => ns.output().split('\n').filter((l) => /^(List\w+|GetTask|BatchUpdateTasks) \d{3} /.test(l));
  assert.deepEqual(apiCalls(), [], 'no request before the user asks for data');
  await palette('View: Close Editor');
  await page.locator('.activitybar .action-item a[aria-label^="DataWorks"]').first().click();
  const row = (text: string, level: number) => page.locator(`.monaco-list-row[aria-level="${level}"]`, { hasText: text }).first();
  await selectTreeRow(row(project.DisplayName, 2));
  await selectTreeRow(row('Prod', 3));
  const taskRows = page.locator('.monaco-list-row[aria-level="4"]');
  await taskRows.nth(1).waitFor({ state: 'visible', timeout: 60_000 });
  assert.ok(apiCalls().some((l) => l.startsWith('ListProjects 200')), apiCalls().join('\n'));
  await widenSideBar(page); // names, ids and schedules readable in the screenshots
  // Two scheduled tasks (not Manual ones), the first two of the list that are.
  const picked: { row: Locator; id: string }[] = [];
  const seen: string[] = [];
  for (let i = 0; picked.length < 2 && i < Math.min(20, await taskRows.count()); i++) {
    const text = (await taskRows.nth(i).innerText()).replace(/\u00a0/g, ' ');
    seen.push(text);
    const id = /(\d{9,19}) · /.exec(text)?.[1]; // the description: id · schedule · owner
    if (id && seeded.tasks.Prod[id]?.Trigger.Cron) picked.push({ row: taskRows.nth(i), id });
  }
  if (picked.length < 2) await shot('failure');
  assert.equal(picked.length, 2, `two scheduled tasks in the first rows:\n${seen.join('\n')}`);
  const [first, second] = picked.map((p) => seeded.tasks.Prod[p.id]!);
  assert.equal(first!.ProjectId, project.Id);
  await selectTreeRow(picked[0]!.row);
  await selectTreeRow(picked[1]!.row, { add: true });
  await shot('1-tree');

  // 2. Add to Patch: both tasks, with the current value of the one field picked (the schedule), in a new patch.
  await treeContextMenu(page, picked[1]!.row, 'Add to Patch');
  await pickFields(page, ['Trigger.Cron']);
  await page.locator('.tabs-container .tab.active[data-resource-name$=".dwtasks.json"]').waitFor({ state: 'visible', timeout: 60_000 });
  const editorText = page.locator('.editor-instance .monaco-editor .view-lines').first();
  await editorText.filter({ hasText: first!.Id }).waitFor({ state: 'visible' });
  await shot('2-patch');

  // 3. Change the first task's schedule and read the cron hover: in words, with the next runs.
  await selectMatch(`(?<="Cron": ")${escapeRegex(first!.Trigger.Cron!)}(?=")`);
  await page.keyboard.type(NEW_CRON);
  // NEW_CRON has no weekday numbers: the old cron's weekday note must have gone from the hover.
  const cronHover = await hoverAtCursor(/At 04:30/, /day-of-week: "/);
  assert.match(await cronHover.innerText(), /Next \d+ fire times in Asia\/Shanghai/);
  await shot('3-cron-hover');
  await page.keyboard.press('Escape');

  // 4. Hover the second task's Id: its current values in DataWorks. Then "mistype" that id, so the
  // service rejects it on apply (and only it).
  await selectMatch(`(?<="Id": )${second!.Id}`);
  await page.keyboard.press('ArrowLeft'); // collapse the selection to the id's start, then step inside it
  await page.keyboard.press('ArrowRight');
  const idHover = await hoverAtCursor(new RegExp(second!.Name));
  const idHoverText = await idHover.innerText();
  assert.ok(idHoverText.includes('Prod') && idHoverText.includes(second!.Trigger.Cron!), idHoverText);
  await shot('4-id-hover');
  await page.keyboard.press('Escape');
  await selectMatch(`(?<="Id": )${second!.Id}`);
  await page.keyboard.type(TYPO_ID);

  // 5. Preview: the plan (current -> patched, the cron in words), before anything is sent.
  await palette('DataWorks: Preview Batch Update');
  const plan = page.locator('.editor-instance .view-lines', { hasText: 'Plan for' }).first();
  await plan.waitFor({ state: 'visible', timeout: 60_000 });
  await plan.locator('.view-line', { hasText: NEW_CRON }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await shot('5-preview');
  await palette('View: Close Editor');

  // 6. Apply: the modal names the target and the Prod count; results land on the tasks.
  await page.locator('.tabs-container .tab[data-resource-name$=".dwtasks.json"]').first().click();
  await page.locator('.tabs-container .tab.active[data-resource-name$=".dwtasks.json"]').waitFor({ state: 'visible' });
  await palette('DataWorks: Apply Batch Update');
  await confirmApply(page, /Local emulator[\s\S]*Prod: 2/, () => shot('6-confirm'));
  const summary = page.locator('.notifications-toasts .notification-toast', { hasText: 'DataWorks apply: 1 applied, 1 failed' }).first();
  await summary.waitFor({ state: 'visible', timeout: 90_000 });
  assert.equal(currentTrigger(project.Id, first!.Id)?.Cron, NEW_CRON, 'the emulator has the new schedule');
  await palette('View: Focus Problems');
  await page.locator('.markers-panel .monaco-list-row', { hasText: `Task ${TYPO_ID} (Prod) failed` }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await page.locator('.markers-panel .monaco-list-row', { hasText: `Task ${first!.Id} (Prod) applied` }).first().waitFor({ state: 'visible' });
  if (!(await summary.isVisible())) await palette('Notifications: Show Notifications');
  await shot('7-results');

  // 8. Revert: the summary's button opens the revert patch (the applied task's previous values) to review.
  await page.locator('.notification-toast, .notification-list-item', { hasText: 'DataWorks apply: 1 applied' }).first()
    .locator('.monaco-button', { hasText: /^Revert$/ }).first().click();
  await page.locator('.tabs-container .tab.active[data-resource-name$=".revert.dwtasks.json"]').waitFor({ state: 'visible', timeout: 60_000 });
  const revertText = (await page.locator('.editor-instance .monaco-editor .view-lines').first().innerText()).replace(/\u00a0/g, ' ');
  assert.ok(revertText.includes(first!.Id) && revertText.includes(first!.Trigger.Cron!), revertText);
  assert.ok(!revertText.includes(TYPO_ID), 'only applied tasks are reverted');
  await shot('8-revert');
  await palette('DataWorks: Apply Batch Update');
  await confirmApply(page, /Prod: 1/);
  await page.locator('.notification-toast', { hasText: 'DataWorks apply: 1 applied, 0 failed' }).first().waitFor({ state: 'visible', timeout: 90_000 });
  assert.equal(currentTrigger(project.Id, first!.Id)?.Cron, first!.Trigger.Cron, 'the schedule is back');

  // 9. Apply history lists both runs, newest first, with their counts; picking one opens its journal.
  await pickCommand(page, 'DataWorks: Show Apply History'); // opens its own quick pick
  await page.locator('.quick-input-widget input[placeholder^="Apply history"]').waitFor({ state: 'visible' });
  const runs = page.locator('.quick-input-widget .monaco-list-row', { hasText: 'applied' });
  await runs.nth(1).waitFor({ state: 'visible' });
  assert.equal(await runs.count(), 2);
  assert.match(await runs.nth(0).innerText(), /tasks\.revert\.dwtasks\.json[\s\S]*1 applied, 0 failed, 0 unknown, 0 not sent/);
  assert.match(await runs.nth(1).innerText(), /tasks\.dwtasks\.json[\s\S]*1 applied, 1 failed, 0 unknown, 0 not sent/);
  await shot('9-history');
  await chooseQuickPickRow(page, runs.nth(1));
  await page.locator('.tabs-container .tab.active[data-resource-name$="-tasks.jsonl"]').waitFor({ state: 'visible' });

  // 10. Ctrl+C on npm start stops everything.
  assert.equal(await ns.interrupt(), 0, ns.output());
});
