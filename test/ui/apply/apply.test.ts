// UI: a patch with one task the emulator accepts and one it rejects; Preview shows the plan, Apply from
// F1 asks the modal naming the target, then the Problems panel shows the failure on its task and a
// summary notification appears. Screenshots: preview-plan.png, apply-results.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connectToEmulator, startUiEmulator, type UiEmulator } from '../support/emulator';
import { startWorkbench, type Workbench } from '../support/workbench';

const UNKNOWN_ID = '9223372036854775001';
const PATCH = 'apply-ui.dwtasks.json';

let wb: Workbench;
let emu: UiEmulator;
let endpoint: string;
let okId: string;

before(async () => {
  emu = await startUiEmulator(100);
  endpoint = emu.endpoint;
  const seed = emu.seed<{ tasks: Record<'Prod', Record<string, { Id: string }>> }>();
  okId = Object.keys(seed.tasks.Prod).find((id) => BigInt(id) > 2n ** 53n)!;
  assert.ok(okId, 'a Prod task with an id above 2^53');
  const patch = `{\n  "Comment": "UI apply",\n  "Tasks": [\n    {\n      "Id": ${okId},\n      "EnvType": "Prod",\n      "Description": "changed from the UI test"\n    },\n    {\n      "Id": ${UNKNOWN_ID},\n      "EnvType": "Prod",\n      "Description": "this task does not exist"\n    }\n  ]\n}\n`;
  wb = await startWorkbench({ prepare: (ws) => writeFileSync(join(ws, PATCH), patch) });
  await connectToEmulator(wb.page, endpoint);
});

after(async () => {
  await wb?.close();
  await emu?.stop();
});

test('preview the patch, apply it from F1 through the modal, see the failure in Problems and the summary', async () => {
  const page = wb.page;
  await wb.openFile(PATCH);
  // The code lens names the counts and the target.
  await page.locator('.codelens-decoration', { hasText: 'Apply 2 tasks (Prod: 2) to Local emulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });

  // Preview opens the plan: unreadable tasks first, then per task what changes, what already matches.
  await wb.runCommand('DataWorks: Preview Batch Update');
  const plan = page.locator('.editor-instance .view-lines', { hasText: 'Plan for' }).first();
  await plan.waitFor({ state: 'visible', timeout: 60_000 });
  // The plan wraps (dwtasks-plan): a long line may be several view lines, so match the rendered text as a whole.
  for (const text of ['changed from the UI test', 'Cannot be read (1 task):']) {
    await page.locator('.editor-instance .view-lines').filter({ hasText: 'Plan for' }).filter({ hasText: text }).first().waitFor({ state: 'visible', timeout: 30_000 });
  }
  await page.locator('.tabs-container .tab', { hasText: '.plan.txt' }).first().waitFor({ state: 'visible' });
  await wb.screenshot('preview-plan');

  await wb.runCommand('View: Close Editor');
  await wb.openFile(PATCH);
  await wb.runCommand('DataWorks: Apply Batch Update');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  const dialogText = await dialog.innerText();
  assert.ok(dialogText.includes('Local emulator') && dialogText.includes(endpoint) && dialogText.includes('Prod: 2'), dialogText);
  await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
  await dialog.waitFor({ state: 'hidden' });

  const summary = page.locator('.notifications-toasts .notification-toast, .notifications-center .notification-list-item', { hasText: 'DataWorks apply: 1 applied, 1 failed' }).first();
  await summary.waitFor({ state: 'visible', timeout: 60_000 }).catch(async (e: unknown) => {
    await wb.screenshot('apply-failure');
    throw e;
  });
  await wb.runCommand('View: Focus Problems');
  const failure = page.locator('.markers-panel .monaco-list-row', { hasText: `Task ${UNKNOWN_ID} (Prod) failed` }).first();
  await failure.waitFor({ state: 'visible', timeout: 30_000 });
  assert.match(await failure.innerText(), /does not exist/);
  // The results sit on the patch file itself, not on the preview documents.
  assert.equal(await page.locator('.markers-panel .monaco-list-row', { hasText: '.patched.json' }).count(), 0);
  await page.locator('.markers-panel .monaco-list-row', { hasText: `Task ${okId} (Prod) applied` }).first().waitFor({ state: 'visible' });
  await summary.waitFor({ state: 'visible' }).catch(() => wb.runCommand('Notifications: Show Notifications'));
  await wb.screenshot('apply-results');
});
