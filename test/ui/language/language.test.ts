// UI: the broken example in the real workbench with the packaged extension: the cron hover (meaning
// and next fire times; problems for an invalid one) and the Problems panel with our diagnostics.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, lineColumnAfter, startWorkbench, type Workbench } from '../support/workbench';

const PATCH = 'examples/broken.dwtasks.json';
const text = readFileSync(join(ROOT, PATCH), 'utf8');
let wb: Workbench;

before(async () => {
  wb = await startWorkbench({ settings: { 'dataworks.region': 'cn-hangzhou', 'dataworks.timeZone': '' } });
  await wb.openFile(PATCH);
});

after(async () => {
  await wb?.close();
});

/** Puts the cursor inside the first string after marker and shows the hover (Ctrl+K Ctrl+I). */
async function hoverAfter(marker: string, mustContain: string): Promise<string> {
  const { line, column } = lineColumnAfter(text, marker);
  await wb.goTo(line, column + 2);
  const hover = await wb.hover(mustContain);
  return (await hover.innerText()).replace(/\u00a0/g, ' ');
}

test('hover on a valid cron shows its meaning and the next 5 fire times in Asia/Shanghai', async () => {
  const shown = await hoverAfter('"Cron": "00 00 03', 'Next 5 fire times');
  await wb.screenshot('cron-hover');
  assert.match(shown, /03:00/);
  assert.match(shown, /Asia\/Shanghai/);
  const times = shown.match(/\d{4}-\d\d-\d\d 03:00:00 \w{3} UTC\+08:00/g) ?? [];
  assert.equal(times.length, 5, shown);
  assert.match(shown, /DataWorks cron rules/);
  await wb.page.keyboard.press('Escape');
});

test('hover on an invalid cron lists its problems', async () => {
  const shown = await hoverAfter('"Cron": "0 0 2', 'Not a valid DataWorks cron expression');
  await wb.screenshot('cron-hover-invalid');
  assert.match(shown, /day-of-week: 8 is out of range/);
  await wb.page.keyboard.press('Escape');
});

test('the Problems panel lists the DataWorks findings of the broken example', async () => {
  await wb.runCommand('View: Focus Problems');
  const rows = wb.page.locator('.markers-panel .monaco-list-row');
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'day-of-week' }).first().waitFor({ state: 'visible', timeout: 60_000 });
  await wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'DataWorks' }).first().waitFor({ state: 'visible' });
  await wb.screenshot('problems');
  const all = (await rows.allInnerTexts()).join('\n');
  assert.match(all, /day-of-week: 8 is out of range/);
  assert.match(all, /DataWorks/);
});
