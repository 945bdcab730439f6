// A 10,000-task patch (about 3.6 MB) is validated off the extension host's main thread: after an
// edit the diagnostics follow, identical to the in-thread core findings. The figures (edit to updated
// diagnostics, the longest main-thread stall meanwhile, and what validating in-thread costs on this
// same thread, and the outline request) go to test-results/perf/large-file.json for `npm run bench -- large-file`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as vscode from 'vscode';
import { ValidationCache, validateText } from '@src/core/validate/index';
import { currentLocale } from '@src/extension/util/settings';
import { generatePatch } from '../../../bench/generate-patch';
import { EXTENSION_ID, openNewFixture, waitForDiagnostics } from '../helpers';

const TASKS = 10_000;
const ours = (ds: readonly vscode.Diagnostic[]): vscode.Diagnostic[] => ds.filter((d) => d.source === 'DataWorks');
const key = (d: { code?: unknown; message: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }): string =>
  `${String(typeof d.code === 'object' && d.code && 'value' in d.code ? d.code.value : d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.message}`;

/**
 * The in-thread core findings for the document's text, as diagnostics would show them, and how long
 * that took on this (the extension host's main) thread: with a cache warmed by the text before the
 * edit, it is what the in-thread path blocked after every pause in typing.
 */
function expected(doc: vscode.TextDocument, cache: ValidationCache): { keys: string[]; ms: number } {
  const t0 = performance.now();
  const findings = validateText(doc.getText(), { locale: currentLocale(), cache }).findings.filter((f) => f.code !== 'dwtasks/syntax');
  return { keys: findings.map(key).sort(), ms: performance.now() - t0 };
}

suite('language: large files', () => {
  test('a 10,000-task patch: diagnostics follow an edit, equal to the in-thread findings', async function () {
    this.timeout(300_000); // opening and validating 3.6 MB on a loaded machine
    const text = generatePatch(TASKS);
    const editor = await openNewFixture('large-10000.dwtasks.json', text);
    const doc = editor.document;
    const first = await waitForDiagnostics(doc.uri, (ds) => ours(ds).length > 0, 120_000);
    const cache = new ValidationCache();
    assert.deepEqual(ours(first).map(key).sort(), expected(doc, cache).keys);

    // Fix one broken task (Timeout 600 is below the minimum): one error fewer.
    const before = ours(first).length;
    const at = doc.positionAt(text.indexOf('"Timeout": 600') + '"Timeout": '.length);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    await editor.edit((e) => e.replace(new vscode.Range(at, at.translate(0, 3)), '7200'));
    const after = await waitForDiagnostics(doc.uri, (ds) => ours(ds).length !== before, 120_000);
    const editToDiagnosticsMs = performance.now() - t0;
    delay.disable();
    const inThread = expected(doc, cache);
    assert.deepEqual(ours(after).map(key).sort(), inThread.keys);
    assert.equal(ours(after).length, before - 1);

    // The outline of a patch this large lists its tasks without their fields (src/extension/language/symbols.ts).
    const o0 = performance.now();
    const outline = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    const outlineMs = performance.now() - o0;
    const tasks = outline.filter((s) => s.kind === vscode.SymbolKind.Object && /^\d+ /.test(s.name));
    assert.equal(tasks.length, TASKS, 'one outline symbol per task');
    assert.deepEqual(tasks.filter((s) => s.children.length > 0).map((s) => s.name), [], 'no field children beyond the symbol budget');

    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const out = path.join(ext.extensionPath, 'test-results', 'perf');
    fs.mkdirSync(out, { recursive: true });
    const figure = {
      tasks: TASKS,
      megabytes: Number((text.length / 1e6).toFixed(2)),
      editToDiagnosticsMs,
      debounceMs: 1000,
      longestMainThreadStallMs: delay.max / 1e6,
      inThreadValidationMs: inThread.ms,
      outlineMs,
      vscodeVersion: vscode.version,
      at: new Date().toISOString(),
    };
    fs.writeFileSync(path.join(out, 'large-file.json'), `${JSON.stringify(figure, null, 2)}\n`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
