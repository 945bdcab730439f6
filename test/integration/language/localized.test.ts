// In the real host: cron diagnostics and quick-fix titles come in the UI language, the JSON language
// server reads the schema file the manifest names for that language, and a valid but non-canonical
// cron gets a refactoring (not a diagnostic). The host here runs in English; the same assertions
// expect Chinese when it runs in zh-cn (the zh-cn texts themselves are unit-tested).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkCron } from '@src/core/cron';
import { validateText } from '@src/core/validate';
import enSchema from '../../../schemas/dwtasks.schema.json';
import zhSchema from '../../../schemas/dwtasks.schema.zh-cn.json';
import { completionLabels, EXTENSION_ID, positionAfter, waitForDiagnostics } from '../helpers';
import { codeOf, hostLocale, openPatch, rangeOf, waitForOurs } from './support';

const CJK = /[\u4e00-\u9fff]/;
const SCHEMA_FILES = { en: './schemas/dwtasks.schema.json', 'zh-cn': './schemas/dwtasks.schema.zh-cn.json' } as const;

const PATCH = `{
  "Comment": "l10n",
  "Tasks": [
    { "Id": 501, "Trigger": { "Type": "Scheduler", "Cron": "00 00 00 ? * 8" } },
    { "Id": 502, "Trigger": { "Type": "Scheduler", "Cron": "0 0 2 * * ?", "StartTime": "2026-1-1" } },
    { "Id": 503, "RerunMode": "" }
  ]
}
`;

async function codeActions(doc: vscode.TextDocument, at: vscode.Position, kind: vscode.CodeActionKind): Promise<vscode.CodeAction[]> {
  return vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), kind.value);
}

suite('language: localized messages, schema per language, canonical cron refactoring', () => {
  test('a cron diagnostic and its quick fix title are the core\'s text in the UI language', async () => {
    const locale = hostLocale();
    const doc = await openPatch(PATCH, 'l10n');
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    const diag = diags.find((d) => codeOf(d) === 'dwtasks/cron-invalid')!;
    const expected = validateText(doc.getText(), { locale }).findings.find((f) => f.code === 'dwtasks/cron-invalid')!;
    assert.equal(diag.message, expected.message);
    if (locale === 'zh-cn') assert.match(diag.message, /星期：8 超出范围 0-7（0 或 7 = 星期日/);
    else assert.equal(diag.message, 'Task 501: Trigger.Cron: day-of-week: 8 is out of range 0-7 (0 or 7 = Sunday, 1 = Monday, or SUN-SAT)');
    assert.equal(locale === 'zh-cn', CJK.test(diag.message));
    // "00 00 00 ? * L" offers "Write Saturday as SAT": the title must be the locale's too.
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, '00 00 00 ? * 8'), '00 00 00 ? * L');
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The stale diagnostic's range now also covers the "L": wait for the one about the new text.
    const lMessage = validateText(doc.getText(), { locale }).findings.find((f) => f.code === 'dwtasks/cron-invalid')!.message;
    const after = await waitForOurs(doc, (ds) => ds.some((d) => d.message === lMessage));
    const atL = after.find((d) => d.message === lMessage)!;
    assert.equal(doc.getText(atL.range), 'L');
    const actions = await codeActions(doc, atL.range.start, vscode.CodeActionKind.QuickFix);
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes(checkCron('00 00 00 ? * L', locale).fixes[0].title), JSON.stringify(titles));
    assert.equal(titles.some((t) => CJK.test(t)), locale === 'zh-cn', JSON.stringify(titles));
  });

  test('the JSON language server uses the schema the manifest names for the UI language', async () => {
    const locale = hostLocale();
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const contributed = (ext.packageJSON as { contributes: { jsonValidation: { url: string }[] } }).contributes.jsonValidation;
    // The manifest says %dwtasks.schemaUrl%; VS Code hands extensions the value for the display language.
    assert.deepEqual(contributed.map((c) => c.url), [SCHEMA_FILES[locale]]);
    const schema = locale === 'zh-cn' ? zhSchema : enSchema;
    const doc = await openPatch(PATCH, 'l10n-schema');
    // Schema text that only the JSON language server shows: the StartTime pattern message...
    const startTime = schema.definitions.task.properties.Trigger.properties.StartTime.patternErrorMessage;
    const diags = await waitForDiagnostics(doc.uri, (ds) => ds.some((d) => d.message === startTime));
    assert.ok(diags.some((d) => d.message === startTime && d.source !== 'DataWorks'));
    // ...and the per-value descriptions of an enum in completion.
    const at = positionAfter(doc, '"RerunMode": "');
    const allDenied = schema.definitions.task.properties.RerunMode.markdownEnumDescriptions[0];
    // The server starts lazily: wait until it completes the enum, then read the documentation.
    await completionLabels(doc.uri, at, (l) => l.some((x) => x.includes('AllDenied')));
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
    const docs = list.items.map((i) => (typeof i.documentation === 'string' ? i.documentation : i.documentation?.value ?? ''));
    assert.ok(docs.includes(allDenied), `${allDenied} in ${JSON.stringify(docs)}`);
  });

  test('a valid non-canonical cron gets a canonical-form refactoring, no diagnostic; applying it gives the canonical form', async () => {
    const doc = await openPatch(PATCH, 'l10n-canonical');
    // Wait for our run (the invalid cron of task 501 is reported), then check 502's cron is not.
    const diags = await waitForOurs(doc, (ds) => ds.some((d) => codeOf(d) === 'dwtasks/cron-invalid'));
    const cronRange = rangeOf(doc, '0 0 2 * * ?');
    assert.deepEqual(diags.filter((d) => d.range.intersection(cronRange)).map((d) => d.message), []);
    const inside = cronRange.start.translate(0, 2);
    const actions = await codeActions(doc, inside, vscode.CodeActionKind.RefactorRewrite);
    const refactor = actions.find((a) => a.kind?.value.startsWith(vscode.CodeActionKind.RefactorRewrite.value) && a.title.includes('00 00 02 * * ?'));
    assert.ok(refactor?.edit, JSON.stringify(actions.map((a) => [a.title, a.kind?.value])));
    assert.equal(refactor.title, checkCron('0 0 2 * * ?', hostLocale()).fixes[0].title);
    // Not a quick fix: nothing is wrong with the expression.
    const quick = await codeActions(doc, inside, vscode.CodeActionKind.QuickFix);
    assert.deepEqual(quick.filter((a) => a.title === refactor.title).map((a) => a.title), []);
    assert.ok(await vscode.workspace.applyEdit(refactor.edit));
    assert.match(doc.lineAt(cronRange.start.line).text, /"Cron": "00 00 02 \* \* \?"/);
    // Canonical now: nothing more to offer.
    const again = await codeActions(doc, inside, vscode.CodeActionKind.RefactorRewrite);
    assert.deepEqual(again.filter((a) => a.kind?.value.includes('cronCanonical')).map((a) => a.title), []);
  });
});
