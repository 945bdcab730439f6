// Every command goes through one wrapper (src/extension/util/command.ts): a command that throws shows
// ONE error message with "Show Log", and the DataWorks log holds the error with its stack. The
// message is caught by the scripted UI in place of the extension's (the host API cannot read
// notifications); the log by the lines the channel keeps.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { waitForActivation } from '../helpers';
import { scriptedUi } from '../support/scriptedUi';

suite('foundation: command errors', () => {
  test('a command that throws shows one message with Show Log, and the log holds the stack', async () => {
    const api = (await waitForActivation()).exports as ExtensionApi;
    const ui = scriptedUi(api);
    // A patch that does not exist: opening it throws inside the command, which catches nothing itself.
    const missing = vscode.Uri.file(path.join(os.tmpdir(), `dwtasks-no-such-dir-${process.pid}`, 'missing.dwtasks.json'));
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('dataworks.spreadStartMinutes', { uri: missing });
    } finally {
      ui.end();
    }
    const shown = ui.messages.map((m) => ({ severity: m.severity, modal: m.modal, message: m.message, actions: m.items }));
    assert.equal(result, undefined, 'the wrapper ends the command quietly (no second, generic error from VS Code)');
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.deepEqual([shown[0].severity, shown[0].modal, shown[0].actions], ['error', false, ['Show Log']]);
    assert.match(shown[0].message, /^DataWorks: .*missing\.dwtasks\.json/);
    const logged = api.connection.log.lines().filter((l) => l.startsWith('dataworks.spreadStartMinutes failed: '));
    assert.equal(logged.length, 1, api.connection.log.lines().slice(-5).join('\n'));
    assert.match(logged[0], /missing\.dwtasks\.json[\s\S]*\n\s+at /, 'the log line carries the stack');
  });
});
