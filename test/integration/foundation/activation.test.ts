// The extension activates when a *.dwtasks.json opens, and the file is JSON with comments.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openFixture, waitForActivation } from '../helpers';

suite('foundation: activation', () => {
  test('opening a .dwtasks.json activates the extension', async () => {
    await openFixture('completion.dwtasks.json');
    const ext = await waitForActivation();
    assert.equal(ext.id, EXTENSION_ID);
    assert.equal(ext.isActive, true);
  });

  test('a .dwtasks.json gets the language id jsonc', async () => {
    const editor = await openFixture('valid.dwtasks.json');
    assert.equal(editor.document.languageId, 'jsonc');
  });

  test('activation is declared only on events that need it (never "*")', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const events = (ext.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
    assert.ok(!events.includes('*'), `activationEvents must not contain "*": ${JSON.stringify(events)}`);
    assert.ok(events.includes('onLanguage:jsonc'), `activationEvents: ${JSON.stringify(events)}`);
  });
});
