// Quick fixes from the core's fixes, applied through the code action API; outline symbols per task.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, openPatch, rangeOf, waitForOurs } from './support';

const PATCH = `{
  "Comment": "fix me",
  "Tasks": [
    { "Id": 401, "EnvType": "Prod", "Name": "Daily load", "Trigger": { "Type": "Manual", "Cron": "00 00 02 * * ?" } },
    { "Id": 402, "Trigger": { "Cron": "00 00 02 * * *" } },
    { "Id": 8604388726201130001, "EnvType": "Dev", "Timeout": 7200 }
  ]
}
`;

async function applyFixFor(doc: vscode.TextDocument, diag: vscode.Diagnostic, title: RegExp): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
  // The command drops CodeAction.diagnostics; ours are the plain `quickfix` actions with an edit.
  const fix = actions.find((a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && a.edit);
  assert.ok(fix?.edit, `a quick fix for ${codeOf(diag)} at ${JSON.stringify(diag.range)}; got ${JSON.stringify(actions.map((a) => ({ t: a.title, k: a.kind?.value, e: !!a.edit, d: a.diagnostics?.map((d) => [codeOf(d), d.range]) })))}`);
  assert.match(fix.title, title);
  assert.ok(await vscode.workspace.applyEdit(fix.edit));
  return fix;
}

suite('language: quick fixes and outline', () => {
  test('removing a Cron a Manual trigger ignores: the fix applies and the diagnostic goes', async () => {
    const doc = await openPatch(PATCH);
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/manual-trigger-field'));
    await applyFixFor(doc, diags.find((d) => codeOf(d) === 'dwtasks/manual-trigger-field')!, /Remove Trigger\.Cron|删除/);
    await waitForOurs(doc, (ds) => !ds.some((d) => codeOf(d) === 'dwtasks/manual-trigger-field'));
    assert.ok(!doc.getText().includes('"Type": "Manual", "Cron"'), 'the Cron property is gone');
    assert.ok(doc.getText().includes('"Type": "Manual" }'), `got ${doc.lineAt(3).text}`);
  });

  test('a cron fix from the dialect check (day-of-week * -> ?) applies and the diagnostic goes', async () => {
    const doc = await openPatch(PATCH);
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    const diag = diags.find((d) => codeOf(d) === 'dwtasks/cron-invalid')!;
    await applyFixFor(doc, diag, /\?|？/);
    await waitForOurs(doc, (ds) => !ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    assert.match(doc.lineAt(rangeOf(doc, '402').start.line).text, /"Cron": "00 00 02 \* \* \?"/);
  });

  test('one outline symbol per task, named <Id> <Name>, detail EnvType, spanning the task', async () => {
    const doc = await openPatch(PATCH);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const names = symbols.map((s) => s.name);
    for (const expected of ['401 Daily load', '402', '8604388726201130001']) assert.ok(names.includes(expected), `${expected} in ${names.join(', ')}`);
    const first = symbols.find((s) => s.name === '401 Daily load')!;
    assert.equal(first.detail, 'Prod');
    const line = rangeOf(doc, '"Id": 401').start.line;
    assert.equal(first.range.start.line, line);
    assert.equal(first.range.start.character, doc.lineAt(line).text.indexOf('{'));
    assert.equal(first.range.end.character, doc.lineAt(line).text.lastIndexOf('}') + 1);
    assert.ok(first.children.some((c) => c.name === 'Trigger' && c.children.some((g) => g.name === 'Cron')), 'fields are children');
    assert.equal(symbols.find((s) => s.name === '8604388726201130001')!.detail, 'Dev');
  });
});
