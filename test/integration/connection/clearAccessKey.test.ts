// Clear Access Key in the real host: a stored pair is removed from SecretStorage; the status bar,
// the connection and the Tasks tree then say no AccessKey is stored, and the picker stops offering
// Clear. The pair is typed into Set Access Key's prompts through the scripted UI.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { withTimeout } from '../helpers';
import { childrenOf, connectionNode, itemOf, kindOf, labelOf } from '../tree/treeWalk';
import { connectTo, extensionApi, startEmulator, typeAccessKey, type RunningEmulator } from './emulatorFixture';
import { scriptedUi } from '../support/scriptedUi';

/** Resolves once the status bar item's text is `text` (it redraws on every connection change). */
function statusText(api: ExtensionApi, text: string): Promise<void> {
  let sub: vscode.Disposable | undefined;
  const done = new Promise<void>((resolve) => {
    const check = (): void => { if (api.statusBar.text === text) resolve(); };
    sub = api.connection.onDidChangeConnection(check);
    check();
  });
  return withTimeout(done, 20_000, `the status bar to show ${JSON.stringify(text)} (it shows ${JSON.stringify(api.statusBar.text)})`).finally(() => sub?.dispose());
}

/** The connection picker's labels (icons stripped); the pick is dismissed. */
async function pickerLabels(api: ExtensionApi): Promise<string[]> {
  const ui = scriptedUi(api).pick(() => undefined);
  try {
    await vscode.commands.executeCommand('dataworks.pickConnection');
  } finally {
    ui.end();
  }
  assert.equal(ui.picks.length, 1);
  return ui.picks[0]!.items.map((i) => i.label.replace(/^\$\([\w-]+\) /, ''));
}

suite('connection: Clear Access Key', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;

  suiteSetup(async () => {
    emu = await startEmulator(20);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
  });

  suiteTeardown(async () => {
    await connectTo(api, emu.endpoint).catch(() => undefined);
    await emu?.stop();
  });

  test('stored, then cleared: status bar, connection, tree and picker all say no AccessKey is stored', async function () {
    this.timeout(120_000);
    const region = api.connection.describe().region;
    assert.equal(await typeAccessKey(api, emu.accessKeyId, emu.accessKeySecret), true);
    await statusText(api, `$(cloud) AccessKey · ${region}`);
    assert.equal((await api.connection.getConnection()).target.credentialSource, 'accessKey');
    const projects = await childrenOf(api, await connectionNode(api));
    assert.ok(projects.length > 0 && projects.every((p) => kindOf(api, p) === 'dataworks.project'), 'the stored pair works');
    assert.ok((await pickerLabels(api)).includes('Clear Access Key'), 'offered while a pair is stored');

    assert.equal(await vscode.commands.executeCommand('dataworks.clearAccessKey'), true);
    await statusText(api, `$(cloud) No AccessKey · ${region}`);
    const target = api.connection.describe();
    assert.equal(target.credentialSource, 'accessKey', 'the source is kept: nothing falls back to other credentials');
    assert.equal(target.accessKeyStored, false);
    await assert.rejects(api.connection.getConnection(), (e: unknown) => (e as { reason?: string }).reason === 'accessKeyMissing');
    const kids = await childrenOf(api, await connectionNode(api));
    const labels = kids.map((k) => labelOf(api, k));
    assert.equal(labels[0], 'No AccessKey stored', labels.join(' | '));
    const setKey = kids.find((k) => labelOf(api, k) === 'Set Access Key…');
    assert.equal(setKey && itemOf(api, setKey).command?.command, 'dataworks.setAccessKey');
    assert.ok(!(await pickerLabels(api)).includes('Clear Access Key'), 'not offered once nothing is stored');
    for (const l of api.connection.log.lines()) assert.ok(!l.includes(emu.accessKeySecret) && !l.includes(emu.accessKeyId), `credential in log line: ${l}`);

    // Nothing left to clear.
    assert.equal(await vscode.commands.executeCommand('dataworks.clearAccessKey'), false);
  });
});
