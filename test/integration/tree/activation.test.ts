// No API call during activation: scripts/test-integration.mjs starts an emulator before the host and
// points the user settings at it, so the extension activates (workspaceContains *.dwtasks.json)
// already connected to it. Its own request log, one line per request, is the oracle: empty through
// activation, every suite before this one, a connection change and opening a patch; the first
// request comes when the Tasks view opens.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { connectTo, extensionApi, requestLines } from '../connection/emulatorFixture';
import { openFixture, withTimeout } from '../helpers';

const endpoint = process.env.DWTASKS_ACTIVATION_ENDPOINT;
const logFile = process.env.DWTASKS_ACTIVATION_LOG;

function answered(): string[] {
  return requestLines(fs.readFileSync(logFile!, 'utf8'));
}

function viewVisible(view: vscode.TreeView<unknown>, visible: boolean): Promise<void> {
  if (view.visible === visible) return Promise.resolve();
  const changed = new Promise<void>((resolve) => {
    const sub = view.onDidChangeVisibility((e) => {
      if (e.visible === visible) {
        sub.dispose();
        resolve();
      }
    });
  });
  return withTimeout(changed, 20_000, `the Tasks view to become ${visible ? 'visible' : 'hidden'}`);
}

suite('tree: no API call during activation', () => {
  test('activating, a connection change and opening a patch send nothing; opening the Tasks view sends ListProjects', async () => {
    assert.ok(endpoint && logFile, 'scripts/test-integration.mjs starts the activation emulator (DWTASKS_ACTIVATION_ENDPOINT/LOG)');
    assert.deepEqual(answered(), [], 'no request from activation (or any earlier suite) reached the emulator the host started with');
    const api = await extensionApi();
    // Other suites may have left the view open or pointed the extension elsewhere: close the view,
    // then switch back (a connection change redraws the tree, which must not load while hidden).
    await vscode.commands.executeCommand('workbench.view.explorer');
    await viewVisible(api.tree.view, false);
    if (api.connection.describe().endpoint !== endpoint) await connectTo(api, endpoint);
    assert.match(api.statusBar.text, new RegExp(`Local emulator \\(${new URL(endpoint).host}\\)`));

    const editor = await openFixture('valid.dwtasks.json');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    assert.ok(titles.some((t) => t.endsWith(`to ${api.connection.describe().label}`)), titles.join(' | '));
    assert.deepEqual(answered(), [], 'opening a patch (diagnostics, code lens naming the target) sends nothing');

    await vscode.commands.executeCommand('dataworks.tasks.focus');
    await viewVisible(api.tree.view, true);
    const deadline = Date.now() + 30_000;
    while (!answered().some((l) => l.startsWith('ListProjects 200 ')) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100)); // back-off between reads of the log, not a wait for a result
    }
    assert.ok(answered().some((l) => l.startsWith('ListProjects 200 ')), `the view asked for projects: ${answered().join(' | ')}`);
    // Nothing came in late from opening the patch either: the view's request was the first.
    assert.match(answered()[0]!, /^ListProjects /);
    await vscode.commands.executeCommand('workbench.view.explorer');
  });
});
