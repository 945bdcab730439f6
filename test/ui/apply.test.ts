// UI: a patch with one task the emulator accepts and one it rejects; Preview shows the diff, Apply from
// F1 asks the modal naming the target, then the Problems panel shows the failure on its task and a
// summary notification appears. Screenshots: preview-diff.png, apply-results.png.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, startWorkbench, type Workbench } from './workbench';

const UNKNOWN_ID = '9223372036854775001';
const PATCH = 'apply-ui.dwtasks.json';

let wb: Workbench;
let emulator: ChildProcess;
let dir: string;
let endpoint: string;
let okId: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dwtasks-ui-apply-'));
  const state = join(dir, 'state.json');
  emulator = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'emulator', '--json', '--port', '0', '--tasks', '100', '--state', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    emulator.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve((JSON.parse(out.slice(0, nl)) as { endpoint: string }).endpoint);
    });
    emulator.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  const seed = JSON.parse(readFileSync(state, 'utf8')) as { tasks: Record<'Prod', Record<string, { Id: string }>> };
  okId = Object.keys(seed.tasks.Prod).find((id) => BigInt(id) > 2n ** 53n)!;
  assert.ok(okId, 'a Prod task with an id above 2^53');
  const patch = `{\n  "Comment": "UI apply",\n  "Tasks": [\n    {\n      "Id": ${okId},\n      "EnvType": "Prod",\n      "Description": "changed from the UI test"\n    },\n    {\n      "Id": ${UNKNOWN_ID},\n      "EnvType": "Prod",\n      "Description": "this task does not exist"\n    }\n  ]\n}\n`;
  wb = await startWorkbench({ prepare: (ws) => writeFileSync(join(ws, PATCH), patch) });
  const page = wb.page;
  await page.locator('.statusbar-item', { hasText: 'cn-hangzhou' }).first().waitFor({ state: 'visible', timeout: 120_000 });
  await page.keyboard.press('F1');
  await page.locator('.quick-input-widget input').fill('>DataWorks: Use Local Emulator');
  await page.locator('.quick-input-list .monaco-list-row', { hasText: 'DataWorks: Use Local Emulator' }).first().click();
  const connectRow = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Connect to a running emulator' }).first();
  await connectRow.waitFor({ state: 'visible' });
  await connectRow.click();
  await page.locator('.quick-input-widget', { hasText: 'Connect to a running emulator' }).waitFor({ state: 'visible' });
  await page.locator('.quick-input-widget input').fill(endpoint);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: `Local emulator (${new URL(endpoint).host})` }).first().waitFor({ state: 'visible', timeout: 30_000 });
});

after(async () => {
  await wb?.close();
  if (emulator && emulator.exitCode === null) {
    const exited = new Promise((r) => emulator.once('exit', r));
    emulator.kill('SIGTERM');
    await exited;
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('preview the patch, apply it from F1 through the modal, see the failure in Problems and the summary', async () => {
  const page = wb.page;
  await wb.openFile(PATCH);
  // The code lens names the counts and the target.
  await page.locator('.codelens-decoration', { hasText: 'Apply 2 tasks (Prod: 2) to Local emulator' }).first().waitFor({ state: 'visible', timeout: 60_000 });

  await wb.runCommand('DataWorks: Preview Batch Update');
  const diff = page.locator('.monaco-diff-editor').first();
  await diff.waitFor({ state: 'visible', timeout: 60_000 });
  await diff.locator('.view-lines', { hasText: 'changed from the UI test' }).first().waitFor({ state: 'visible', timeout: 30_000 });
  await wb.screenshot('preview-diff');

  await wb.runCommand('View: Close Editor');
  await wb.openFile(PATCH);
  await wb.runCommand('DataWorks: Apply Batch Update');
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  const dialogText = await dialog.innerText();
  assert.ok(dialogText.includes('Local emulator') && dialogText.includes(endpoint) && dialogText.includes('Prod: 2'), dialogText);
  await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();

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
