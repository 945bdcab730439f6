// Day-of-week numbering in the real editor: the hover names the days and the numbering it used
// (with a link to the setting), a numeric weekday field gets an information diagnostic whose quick
// fix writes the days by name, and dataworks.cron.weekdayNumbering switches what hover, inlay hint
// and diagnostics say.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeCron } from '@src/core/cron';
import { codeOf, hostLocale, hoverText, openPatch, rangeOf, waitForOurs, withSetting } from './support';

const EXPR = '00 00 08 ? * 2-6';
const PATCH = `{
  "Tasks": [
    { "Id": 601, "Trigger": { "Cron": "${EXPR}" } }
  ]
}
`;
const NOTE = 'dwtasks/cron-weekday-numbers';
const SETTING = 'dataworks.cron.weekdayNumbering';

const zh = (): boolean => hostLocale() === 'zh-cn';
const labelOf = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

async function hintAfter(doc: vscode.TextDocument, text: string): Promise<string | undefined> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  const list = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
  const end = rangeOf(doc, `"${text}"`).end;
  const mine = list.find((h) => h.position.isEqual(end));
  return mine && labelOf(mine).trim();
}

suite('language: cron weekday numbering', () => {
  test('the hover names the days and the numbering it read them in, and links the setting', async () => {
    const doc = await openPatch(PATCH, 'weekdays');
    await withSetting(SETTING, undefined, async () => {
      const text = await hoverText(doc, rangeOf(doc, EXPR).start.translate(0, 14));
      assert.ok(text.includes(describeCron(EXPR, hostLocale())), `description missing:\n${text}`);
      assert.match(text, zh() ? /星期二至星期六/ : /Tuesday through Saturday/);
      assert.match(text, zh() ? /DataWorks 编号读取：0 或 7 = 星期日，1 = 星期一/ : /DataWorks numbering: 0 or 7 = Sunday, 1 = Monday/);
      const link = /\(command:workbench\.action\.openSettings\?([^)\s]+)\)/.exec(text);
      assert.ok(link, `links the setting:\n${text}`);
      assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), [SETTING]);
    });
  });

  test('a numeric weekday field: information diagnostic, and the names quick fix applied', async () => {
    const doc = await openPatch(PATCH, 'weekdays');
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === NOTE));
    const note = diags.find((d) => codeOf(d) === NOTE)!;
    assert.equal(note.severity, vscode.DiagnosticSeverity.Information);
    assert.equal(doc.getText(note.range), '2-6');
    assert.match(note.message, /TUE-SAT/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, note.range, vscode.CodeActionKind.QuickFix.value);
    const names = actions.find((a) => a.edit && /TUE-SAT/.test(a.title));
    assert.ok(names, `no names fix among ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.ok(await vscode.workspace.applyEdit(names.edit!));
    assert.ok(doc.getText().includes('"Cron": "00 00 08 ? * TUE-SAT"'), doc.getText());
    await waitForOurs(doc, (ds) => !ds.some((d) => codeOf(d) === NOTE));
    const text = await hoverText(doc, rangeOf(doc, 'TUE-SAT').start);
    assert.match(text, zh() ? /星期二至星期六/ : /Tuesday through Saturday/, 'the names mean the same days');
  });

  test('switching the setting to quartz switches the hover, the inlay hint and the diagnostics', async () => {
    const doc = await openPatch(PATCH, 'weekdays');
    await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === NOTE && /TUE-SAT/.test(d.message)));
    assert.equal(await hintAfter(doc, EXPR), describeCron(EXPR, hostLocale(), { short: true }));
    await withSetting(SETTING, 'quartz', async () => {
      const text = await hoverText(doc, rangeOf(doc, EXPR).start.translate(0, 14));
      assert.match(text, zh() ? /星期一至星期五/ : /Monday through Friday/);
      assert.match(text, zh() ? /Quartz 编号读取：1 = 星期日/ : /Quartz numbering: 1 = Sunday/);
      assert.doesNotMatch(text, zh() ? /星期二至星期六/ : /Tuesday through Saturday/);
      assert.equal(await hintAfter(doc, EXPR), describeCron(EXPR, hostLocale(), { short: true, weekdays: 'quartz' }));
      const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === NOTE && /MON-FRI/.test(d.message)));
      assert.match(diags.find((d) => codeOf(d) === NOTE)!.message, /Quartz/);
    });
    // Back to the default: the DataWorks reading again.
    await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === NOTE && /TUE-SAT/.test(d.message)));
    const text = await hoverText(doc, rangeOf(doc, EXPR).start.translate(0, 14));
    assert.match(text, zh() ? /星期二至星期六/ : /Tuesday through Saturday/);
  });
});
