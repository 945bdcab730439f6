// UI: what a person sees about weekday numbers. The hover on `? * 2-6` names the days (Tuesday
// through Saturday in the DataWorks numbering) and the numbering, and its link opens the Settings
// editor at dataworks.cron.weekdayNumbering (last: the Settings editor stays open); the Problems
// panel shows the information note.
import { after, before, test } from 'node:test';
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { lineColumnAfter, startWorkbench, type Workbench } from '../support/workbench';

const FILE = 'weekdays.dwtasks.json';
const TEXT = `{
  "Tasks": [
    { "Id": 8604388726201130301, "Trigger": { "Type": "Scheduler", "Cron": "00 00 08 ? * 2-6" } }
  ]
}
`;
let wb: Workbench;

before(async () => {
  wb = await startWorkbench({
    settings: { 'dataworks.region': 'cn-hangzhou', 'dataworks.timeZone': '' },
    prepare: (workspace) => writeFileSync(join(workspace, FILE), TEXT),
  });
  await wb.openFile(FILE);
});

after(async () => {
  await wb?.close();
});

test('the Problems panel shows the numeric weekday note naming the days', async () => {
  await wb.runCommand('View: Focus Problems');
  const row = wb.page.locator('.markers-panel .monaco-list-row', { hasText: 'TUE-SAT' }).first();
  await row.waitFor({ state: 'visible', timeout: 60_000 });
  await wb.screenshot('cron-weekdays-problems');
  assert.match(await row.innerText(), /"2-6" means TUE-SAT in the DataWorks numbering/);
});

test('the cron hover names the days and the numbering, and links the setting', async () => {
  const { line, column } = lineColumnAfter(TEXT, '"Cron": "00 00 08');
  await wb.goTo(line, column + 2);
  const hover = await wb.hover('Next 5 fire times');
  await wb.screenshot('cron-weekdays-hover');
  const shown = (await hover.innerText()).replace(/\u00a0/g, ' ');
  assert.match(shown, /At 08:00, Tuesday through Saturday/);
  assert.match(shown, /DataWorks numbering: 0 or 7 = Sunday, 1 = Monday/);
  const times = shown.match(/\d{4}-\d\d-\d\d 08:00:00 (\w{3}) UTC\+08:00/g) ?? [];
  assert.equal(times.length, 5, shown);
  for (const t of times) assert.match(t, /(Tue|Wed|Thu|Fri|Sat) UTC/, `fires Tuesday-Saturday only: ${t}`);

  await hover.getByRole('link', { name: 'Change the weekday numbering' }).click();
  const settings = wb.page.locator('.settings-editor .setting-item-contents', { hasText: 'How day-of-week numbers' }).first();
  await settings.waitFor({ state: 'visible', timeout: 60_000 });
  await wb.screenshot('cron-weekdays-setting');
  assert.match(await settings.innerText(), /dataworks/);
});
