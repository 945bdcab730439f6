// Core validation findings appear as "DataWorks" diagnostics at the exact spans, follow edits,
// and disappear with the document.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { fixtureUri, waitForActivation, waitForDiagnostics } from '../helpers';
import { codeOf, openPatch, ours, rangeOf, waitForOurs } from './support';

const BROKEN = `{
  // day-of-week 8 does not exist (0-7 in the DataWorks numbering, 1-7 in Quartz's); Id 101 appears twice
  "Tasks": [
    { "Id": 101, "Name": "load", "Trigger": { "Cron": "00 00 02 ? * 8" } },
    { "Id": 102, "Timeout": 7200 },
    { "Id": 101, "Description": "again" },
  ]
}
`;

suite('language: diagnostics', () => {
  test('a bad day-of-week token and a duplicate Id are flagged at their exact ranges', async () => {
    const doc = await openPatch(BROKEN);
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/duplicate-id') && ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    const cron = diags.find((d) => codeOf(d) === 'dwtasks/cron-invalid')!;
    const token = rangeOf(doc, '8" }').with({ end: rangeOf(doc, '8" }').start.translate(0, 1) });
    assert.ok(cron.range.isEqual(token), `cron range ${JSON.stringify(cron.range)} should be the "8" token`);
    assert.equal(cron.severity, vscode.DiagnosticSeverity.Error);
    assert.match(cron.message, /day-of-week/);
    assert.match(cron.message, /101/, 'the message names the task');

    const dup = diags.find((d) => codeOf(d) === 'dwtasks/duplicate-id')!;
    const secondId = rangeOf(doc, '"Id": 101', 1);
    assert.ok(dup.range.isEqual(secondId.with({ start: secondId.end.translate(0, -3) })), `duplicate Id range ${JSON.stringify(dup.range)} is the second Id's digits`);
    assert.equal(dup.source, 'DataWorks');
    // Our diagnostics never repeat the JSON server's syntax errors (trailing comma is allowed anyway).
    assert.equal(diags.filter((d) => codeOf(d) === 'dwtasks/syntax').length, 0);
  });

  test('a Latin-1 byte on disk (VS Code decodes it to U+FFFD) and a key written twice are errors', async () => {
    const uri = fixtureUri(`language/latin1-${Date.now()}.dwtasks.json`);
    const head = Buffer.from('{\n  "Tasks": [\n    { "Id": 101, "Name": "caf', 'latin1');
    await vscode.workspace.fs.writeFile(uri, Buffer.concat([head, Buffer.from([0xe9]), Buffer.from('", "Timeout": 7200,\n      "Timeout": 9000 }\n  ]\n}\n')]));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    await waitForActivation();
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/replacement-char') && ds.some((d) => codeOf(d) === 'dwtasks/duplicate-key'));
    const bad = diags.find((d) => codeOf(d) === 'dwtasks/replacement-char')!;
    assert.equal(bad.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(doc.getText(bad.range), '\ufffd');
    assert.match(bad.message, /not valid UTF-8/);
    const dup = diags.filter((d) => codeOf(d) === 'dwtasks/duplicate-key');
    assert.deepEqual(dup.map((d) => d.range.start.line), [2, 3]);
    assert.match(dup[0].message, /"Timeout" is written twice in this object \(lines 3 and 4\)/);
    assert.equal(dup[0].severity, vscode.DiagnosticSeverity.Error);
  });

  test('diagnostics follow edits: fixing the text removes the finding', async () => {
    const doc = await openPatch(BROKEN);
    await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/duplicate-id'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, '"Id": 101', 1), '"Id": 103');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await waitForOurs(doc, (ds) => !ds.some((d) => codeOf(d) === 'dwtasks/duplicate-id'));
    assert.ok(after.some((d) => codeOf(d) === 'dwtasks/cron-invalid'), 'the other finding stays');
  });

  test('a syntax error clears ours (the JSON server reports it); fixing it brings the rules back', async () => {
    const doc = await openPatch(BROKEN);
    await waitForOurs(doc, (ds) => ds.length > 0);
    const broken = new vscode.WorkspaceEdit();
    broken.replace(doc.uri, rangeOf(doc, '"Name": "load"'), '"Name": ');
    assert.ok(await vscode.workspace.applyEdit(broken));
    await waitForOurs(doc, (ds) => ds.length === 0);
    const json = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.source !== 'DataWorks' && d.severity === vscode.DiagnosticSeverity.Error));
    assert.ok(json.length > 0);
    const fixed = new vscode.WorkspaceEdit();
    fixed.replace(doc.uri, rangeOf(doc, '"Name": '), '"Name": "load"');
    assert.ok(await vscode.workspace.applyEdit(fixed));
    const back = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/duplicate-id'));
    assert.ok(back.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
  });

  test('a 5,000-task file (over 500 KB, the long-debounce size): the finding in the last task appears, and goes after an edit', async () => {
    const tasks = Array.from({ length: 5000 }, (_, i) =>
      `    { "Id": ${9000000 + i}, "Name": "task ${i}", "Timeout": 7200, "Trigger": { "Type": "Scheduler", "Cron": "00 ${String(i % 60).padStart(2, '0')} 02 * * ?" } }`);
    tasks[4999] = tasks[4999].replace('02 * * ?', '02 * * *');
    const doc = await openPatch(`{\n  "Tasks": [\n${tasks.join(',\n')}\n  ]\n}\n`, 'big');
    assert.ok(doc.getText().length > 500_000);
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    assert.equal(diags.length, 1, diags.map((d) => d.message).join('\n'));
    assert.equal(diags[0].range.start.line, doc.lineCount - 4, 'on the last task');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, '02 * * *'), '02 * * ?');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await waitForOurs(doc, (ds) => ds.length === 0);
  });

  test('closing the document clears its diagnostics', async () => {
    const doc = await openPatch(BROKEN);
    await waitForOurs(doc, (ds) => ds.length > 0);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await waitForOurs(doc, (ds) => ds.length === 0);
    assert.equal(ours(vscode.languages.getDiagnostics(doc.uri)).length, 0);
  });
});
