// Hover on a Cron value: description in the UI language and the next 5 fire times in the configured
// zone, computed here through the same core so the test checks the adapter's wiring and formatting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeCron, nextFireTimes } from '@src/core/cron';
import { formatFireTime } from '@src/extension/util/fireTimes';
import { hostLocale, hoverText, openPatch, rangeOf, withSetting } from './support';

const EXPR = '00 30 02 * * ?';
const PATCH = `{
  "Tasks": [
    { "Id": 201, "Timeout": 7200, "RerunInterval": 60, "Trigger": { "Cron": "${EXPR}" } },
    { "Id": 202, "Trigger": { "Cron": "00 00 02 * * 9" } }
  ]
}
`;

/** The formatted times for `from` minus/plus a minute: a fire time may pass while the test runs. */
function expectedTimes(zone: string): string[][] {
  const locale = hostLocale();
  const now = Date.now();
  return [now - 60_000, now].map((t) => nextFireTimes(EXPR, new Date(t), zone, 5).map((d) => formatFireTime(d, zone, locale)));
}

function assertTimes(text: string, zone: string): void {
  const candidates = expectedTimes(zone);
  assert.ok(candidates.some((times) => times.every((t) => text.includes(t))),
    `hover should list the next 5 times in ${zone}:\n${candidates[1].join('\n')}\n--- hover ---\n${text}`);
  assert.ok(text.includes(zone), 'the zone is named');
}

suite('language: cron hover', () => {
  test('description and the next 5 fire times in Asia/Shanghai for a cn-* region', async () => {
    const doc = await openPatch(PATCH);
    await withSetting('dataworks.timeZone', '', () => withSetting('dataworks.region', 'cn-hangzhou', async () => {
      const text = await hoverText(doc, rangeOf(doc, EXPR).start.translate(0, 4));
      assert.ok(text.includes(describeCron(EXPR, hostLocale())), `description missing:\n${text}`);
      assertTimes(text, 'Asia/Shanghai');
      const link = /command:markdown\.showPreview\?([^)\s]+)/.exec(text);
      assert.ok(link, 'links the dialect rules');
      const [target] = JSON.parse(decodeURIComponent(link[1])) as vscode.Uri[];
      const uri = vscode.Uri.from(target);
      assert.match(uri.path, /\/docs\/cron\.md$/);
      const rules = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      assert.match(rules, /`0` or `7` =\s+Sunday, `1` = Monday/, 'the linked document states the dialect rules (DataWorks weekday numbering)');
    }));
  });

  test('outside China the region\'s own zone, shown as an assumption; never the computer\'s', async () => {
    const doc = await openPatch(PATCH);
    await withSetting('dataworks.timeZone', '', () => withSetting('dataworks.region', 'eu-central-1', async () => {
      const text = await hoverText(doc, rangeOf(doc, EXPR).start.translate(0, 4));
      assertTimes(text, 'Europe/Berlin');
      assert.match(text, /assumed for region eu-central-1|按地域 eu-central-1 推定/, `the assumption is shown:\n${text}`);
    }));
  });

  test('dataworks.timeZone changes the zone of the listed times', async () => {
    const doc = await openPatch(PATCH);
    await withSetting('dataworks.timeZone', 'America/New_York', async () => {
      const text = await hoverText(doc, rangeOf(doc, EXPR).end);
      assertTimes(text, 'America/New_York');
    });
  });

  test('an invalid expression shows its problems instead of times', async () => {
    const doc = await openPatch(PATCH);
    const text = await hoverText(doc, rangeOf(doc, '00 00 02 * * 9').start.translate(0, 2));
    assert.match(text, /day-of-week/);
    assert.doesNotMatch(text, /UTC[+-]\d\d:\d\d/);
  });

  test('field keys show documentation, unit and the known doc conflicts', async () => {
    const doc = await openPatch(PATCH);
    const timeout = await hoverText(doc, rangeOf(doc, '"Timeout"').start.translate(0, 2));
    assert.match(timeout, /Timeout/);
    assert.match(timeout, hostLocale() === 'zh-cn' ? /秒/ : /seconds/);
    assert.match(timeout, /3600/);
    const interval = await hoverText(doc, rangeOf(doc, '"RerunInterval"').start.translate(0, 3));
    assert.match(interval, hostLocale() === 'zh-cn' ? /毫秒/ : /milliseconds/);
    const cronKey = await hoverText(doc, rangeOf(doc, '"Cron"').start.translate(0, 2));
    assert.match(cronKey, /Trigger\.Cron/);
  });

  test('a Cron value cannot leave its code span, and the part showing it runs no command', async () => {
    // A blank line, a backtick fence and a command link inside the value (JSON escapes in the file).
    const hostile = '00 00 02 * * ?\\n\\n[run](command:workbench.action.terminal.new) ``` \\u202e';
    const doc = await openPatch(`{ "Tasks": [ { "Id": 203, "Trigger": { "Cron": "${hostile}" } } ] }\n`);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, rangeOf(doc, '00 00 02').start.translate(0, 2));
    const parts = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => c instanceof vscode.MarkdownString);
    const showing = parts.filter((p) => p.value.includes('terminal.new'));
    assert.equal(showing.length, 1, 'one part shows the value');
    assert.ok(!showing[0]!.isTrusted, 'the part with the file\'s text is not trusted');
    const span = /(`{4,})(.*?)\1/.exec(showing[0]!.value);
    assert.ok(span, `a fence longer than the value's backtick run:\n${showing[0]!.value}`);
    assert.ok(span[2]!.includes('\\u000a\\u000a[run](command:workbench.action.terminal.new)'), 'the line breaks shown as escapes, inside the span');
    assert.ok(span[2]!.includes('\\u202e'), 'the bidi override as an escape');
    for (const p of parts.filter((x) => x.isTrusted)) assert.ok(!p.value.includes('terminal.new'), 'a trusted part holds none of the file\'s text');
  });
});
