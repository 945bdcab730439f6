// The API client (dist/client.js: @alicloud/openapi-client, @alicloud/credentials, the emulator
// launcher) loads on the first request, not at activation nor while a patch is open and edited.
// Runs before every other suite (index.ts adds *.first.test files first): later suites use the client.
// Writes the activation figure to test-results/perf/activation.json for `npm run bench -- activation`.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { EXTENSION_ID, openNewFixture, positionAfter, waitForActivation, waitForDiagnostics } from '../helpers';

const PATCH = `{
  "Comment": "lazy loading",
  "Tasks": [
    { "Id": 700000000000000011, "Trigger": { "Type": "Scheduler", "Cron": "00 00 02 * * 8" } }
  ]
}
`;

suite('foundation: lazy loading', () => {
  test('activation, opening and editing a patch, hover and code lens load no client code; the first request does', async () => {
    const editor = await openNewFixture('lazy-loading.dwtasks.json', PATCH);
    const ext = (await waitForActivation()) as vscode.Extension<ExtensionApi>;
    const api = ext.exports;
    assert.equal(ext.id, EXTENSION_ID);
    const clientBundle = path.join(ext.extensionPath, 'dist', 'client.js');
    const inModuleCache = (): boolean => Object.keys(require.cache).includes(clientBundle);
    const doc = editor.document;
    const ours = (d: readonly vscode.Diagnostic[]): boolean => d.some((x) => x.source === 'DataWorks');

    // Language features: our diagnostics, after an edit too; cron hover; the Apply code lens naming the target.
    await waitForDiagnostics(doc.uri, ours);
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(PATCH.indexOf('* 8')), doc.positionAt(PATCH.indexOf('* 8') + 3)), '* ?'));
    await waitForDiagnostics(doc.uri, (d) => !ours(d));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionAfter(doc, '"Cron": "00'));
    const hoverText = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(hoverText, /02:00/, 'the cron hover describes the expression');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    assert.ok(lenses.length > 0, 'the Apply code lens is there');

    assert.equal(api.clientLoaded(), false, 'the extension loaded its client bundle before any request');
    assert.equal(inModuleCache(), false, `${clientBundle} is in the module cache before any request`);
    // Recorded, not bounded: how fast it activates is bench/activation.bench.ts's figure.
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0, `activationMs ${api.activationMs}`);

    const out = path.join(ext.extensionPath, 'test-results', 'perf');
    fs.mkdirSync(out, { recursive: true });
    const figure = { activationMs: api.activationMs, clientLoaded: api.clientLoaded(), vscodeVersion: vscode.version, at: new Date().toISOString() };
    fs.writeFileSync(path.join(out, 'activation.json'), `${JSON.stringify(figure, null, 2)}\n`);

    // The first request for a client loads the bundle (and nothing is sent: building a client is local).
    await api.connection.getClient();
    assert.equal(api.clientLoaded(), true);
    assert.equal(inModuleCache(), true, `${clientBundle} is in the module cache after the first request`);
  });
});
