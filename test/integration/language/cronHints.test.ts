// Inlay hints after Cron values, the setting that turns them off, and the cron snippets.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { checkCron, describeCron } from '@src/core/cron';
import { hostLocale, openPatch, rangeOf, withSetting } from './support';

const PATCH = `{
  "Tasks": [
    { "Id": 301, "Trigger": { "Cron": "00 */30 00-23 * * ?" } },
    { "Id": 302, "Trigger": { "Cron": "00 00 25 * * ?" } },
    { "Id": 303, "Trigger": { "Cron": "" } }
  ]
}
`;

async function hints(doc: vscode.TextDocument): Promise<vscode.InlayHint[]> {
  const all = new vscode.Range(0, 0, doc.lineCount, 0);
  return vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', doc.uri, all);
}

const labelOf = (h: vscode.InlayHint): string => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));

suite('language: cron inlay hints and completion', () => {
  test('a short description follows each valid Cron value, none after an invalid one', async () => {
    const doc = await openPatch(PATCH);
    const list = await hints(doc);
    const end = rangeOf(doc, '"00 */30 00-23 * * ?"').end;
    const mine = list.filter((h) => h.position.isEqual(end));
    assert.equal(mine.length, 1, `expected one hint at ${end.line}:${end.character}`);
    assert.equal(labelOf(mine[0]).trim(), describeCron('00 */30 00-23 * * ?', hostLocale(), { short: true }));
    const badEnd = rangeOf(doc, '"00 00 25 * * ?"').end;
    assert.equal(list.filter((h) => h.position.isEqual(badEnd)).length, 0);
  });

  test('dataworks.cron.inlayHints = false removes them', async () => {
    const doc = await openPatch(PATCH);
    const end = rangeOf(doc, '"00 */30 00-23 * * ?"').end;
    await withSetting('dataworks.cron.inlayHints', false, async () => {
      assert.equal((await hints(doc)).filter((h) => h.position.isEqual(end)).length, 0);
    });
    assert.equal((await hints(doc)).filter((h) => h.position.isEqual(end)).length, 1);
  });

  test('inside a Cron value: six schedule snippets with descriptions, each valid in the dialect', async () => {
    const doc = await openPatch(PATCH);
    const inside = rangeOf(doc, '"Cron": ""', 0).end.translate(0, -1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, inside);
    const snippets = list.items.filter((i) => i.kind === vscode.CompletionItemKind.Snippet && i.insertText instanceof vscode.SnippetString);
    assert.equal(snippets.length, 6, `got ${list.items.map((i) => JSON.stringify(i.label)).join(', ')}`);
    for (const s of snippets) {
      const example = typeof s.label === 'string' ? '' : s.label.description ?? '';
      assert.ok(checkCron(example).valid, `${example} should be valid`);
      assert.equal(s.detail, describeCron(example, hostLocale(), { short: true }));
      assert.ok(s.documentation, 'each snippet explains itself');
      const r = s.range as vscode.Range;
      assert.ok(r.start.isEqual(inside) && r.end.isEqual(inside), 'replaces the string content');
    }
  });

  test('no cron snippets outside a Cron value', async () => {
    const doc = await openPatch(PATCH);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, rangeOf(doc, '301').end);
    assert.equal(list.items.filter((i) => typeof i.label !== 'string' && checkCron(i.label.description ?? '').valid).length, 0);
  });
});
