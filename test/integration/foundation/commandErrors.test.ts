// Every command goes through one wrapper (src/extension/util/command.ts): a command that throws shows
// ONE error message with "Show Log", and the DataWorks log holds the error with its stack. The
// message is caught by swapping the wrapper's injected `ui` for a recording double (the host API
// cannot read notifications); the log by the lines the channel keeps.
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import type { CommandUi } from '@src/extension/util/command';
import { waitForActivation } from '../helpers';

suite('foundation: command errors', () => {
  test('a command that throws shows one message with Show Log, and the log holds the stack', async () => {
    const api = (await waitForActivation()).exports as ExtensionApi;
    const shown: { message: string; actions: string[] }[] = [];
    const double: CommandUi = {
      showErrorMessage: (message, ...actions) => {
        shown.push({ message, actions });
        return Promise.resolve(undefined);
      },
    };
    const real = api.commands.ui;
    api.commands.ui = double;
    // A patch that does not exist: opening it throws inside the command, which catches nothing itself.
    const missing = vscode.Uri.file(path.join(os.tmpdir(), `dwtasks-no-such-dir-${process.pid}`, 'missing.dwtasks.json'));
    let result: unknown;
    try {
      result = await vscode.commands.executeCommand('dataworks.spreadStartMinutes', { uri: missing });
    } finally {
      api.commands.ui = real;
    }
    assert.equal(result, undefined, 'the wrapper ends the command quietly (no second, generic error from VS Code)');
    assert.equal(shown.length, 1, JSON.stringify(shown));
    assert.deepEqual(shown[0].actions, ['Show Log']);
    assert.match(shown[0].message, /^DataWorks: .*missing\.dwtasks\.json/);
    const logged = api.connection.log.lines().filter((l) => l.startsWith('dataworks.spreadStartMinutes failed: '));
    assert.equal(logged.length, 1, api.connection.log.lines().slice(-5).join('\n'));
    assert.match(logged[0], /missing\.dwtasks\.json[\s\S]*\n\s+at /, 'the log line carries the stack');
  });
});
