// Connection in the real host: AccessKey kept out of settings and the request log, error states
// shown as tree nodes with their fixes, workspace settings unable to redirect requests, and Use
// Local Emulator starting our own CLI's emulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { fixtureUri, withTimeout } from '../helpers';
import { childrenOf, connectionNode, itemOf, kindOf, labelOf } from '../tree/treeWalk';
import { connectTo, extensionApi, startEmulator, typeAccessKey, type RunningEmulator } from './emulatorFixture';

const CONNECTION_KEYS = ['region', 'endpoint', 'credentialSource', 'profile'];

suite('connection', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;

  suiteSetup(async () => {
    emu = await startEmulator(200);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
  });

  suiteTeardown(async () => {
    await connectTo(api, emu.endpoint).catch(() => undefined);
    await emu?.stop();
  });

  test('Set Access Key: requests succeed, and neither the id nor the secret reaches settings or the DataWorks log', async () => {
    // A pair in the command's arguments (a keybinding, a link in a workspace file, another extension)
    // is ignored and logged: only what is typed into the prompts is stored.
    const fromArgs = { accessKeyId: 'LTAI-from-arguments', accessKeySecret: 'secret-from-arguments' };
    const logged = api.connection.log.lines().length;
    const ok = await typeAccessKey(api, emu.accessKeyId, emu.accessKeySecret, fromArgs);
    assert.equal(ok, true);
    assert.ok(api.connection.log.lines().slice(logged).some((l) => l.includes('Set Access Key ignored credentials passed as command arguments')));
    const target = api.connection.describe();
    assert.equal(target.credentialSource, 'accessKey');
    assert.equal(target.endpoint, emu.endpoint, 'the user-level endpoint still points at the emulator');
    const before = api.connection.log.lines().length;
    const projects = await childrenOf(api, await connectionNode(api));
    assert.deepEqual(projects.map((p) => kindOf(api, p)), emu.projects().map(() => 'dataworks.project'));
    const lines = api.connection.log.lines().slice(before);
    assert.ok(lines.some((l) => /^ListProjects ok \d+ms attempt=1 .*RequestId=\S+/.test(l)), lines.join('\n'));
    for (const l of api.connection.log.lines()) {
      assert.ok(!l.includes(fromArgs.accessKeyId) && !l.includes(fromArgs.accessKeySecret), `argument in log line: ${l}`);
      assert.ok(!l.includes(emu.accessKeySecret), `secret in log line: ${l}`);
      assert.ok(!l.includes(emu.accessKeyId), `AccessKey id in log line: ${l}`);
    }
    const config = vscode.workspace.getConfiguration('dataworks');
    for (const key of CONNECTION_KEYS) {
      const all = JSON.stringify(config.inspect(key));
      assert.ok(!all.includes(emu.accessKeySecret) && !all.includes(emu.accessKeyId), `dataworks.${key} holds a credential`);
    }
  });

  test('a wrong secret becomes a "Not authorized" node with the fixes, and the secret appears nowhere', async () => {
    const wrong = 'wrong-secret-0123456789abcdef';
    await typeAccessKey(api, emu.accessKeyId, wrong);
    const kids = await childrenOf(api, await connectionNode(api));
    const labels = kids.map((k) => labelOf(api, k));
    assert.match(labels[0]!, /^Not authorized \(SignatureDoesNotMatch\)/);
    assert.ok(labels.includes('Set Access Key…') && labels.includes('Use Local Emulator') && labels.includes('Retry'), labels.join(' | '));
    const setKey = kids.find((k) => labelOf(api, k) === 'Set Access Key…')!;
    assert.equal(itemOf(api, setKey).command?.command, 'dataworks.setAccessKey');
    for (const k of kids) {
      const item = itemOf(api, k);
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : String(item.tooltip ?? '');
      assert.ok(![String(item.label), String(item.description ?? ''), tooltip].some((t) => t.includes(wrong)));
    }
    for (const l of api.connection.log.lines()) assert.ok(!l.includes(wrong), `secret in log line: ${l}`);
  });

  test('network down: a node says the service cannot be reached and offers Retry', async () => {
    await connectTo(api, 'http://127.0.0.1:9');
    const kids = await childrenOf(api, await connectionNode(api));
    const labels = kids.map((k) => labelOf(api, k));
    assert.match(labels[0]!, /^Cannot reach DataWorks/);
    const retry = kids.find((k) => labelOf(api, k) === 'Retry');
    assert.ok(retry, labels.join(' | '));
    // Retry asks the service again (a new request in the log) and still says what is wrong.
    const cmd = itemOf(api, retry).command!;
    assert.equal(cmd.command, 'dataworks.refresh');
    const before = api.connection.log.lines().length;
    await vscode.commands.executeCommand(cmd.command, ...(cmd.arguments ?? []));
    const again = await childrenOf(api, await connectionNode(api));
    assert.match(labelOf(api, again[0]!), /^Cannot reach DataWorks/);
    assert.ok(api.connection.log.lines().slice(before).some((l) => l.startsWith('ListProjects ')), 'Retry sent a request');
    // Once the endpoint is right again, the tree lists projects.
    await connectTo(api, emu.endpoint);
    const projects = await childrenOf(api, await connectionNode(api));
    assert.ok(projects.length > 0 && projects.every((p) => kindOf(api, p) === 'dataworks.project'));
  });

  test('quota exhausted: the environment shows a node that says so, with Retry, instead of an empty list', async () => {
    // One request a day: ListProjects takes it, ListTasks gets 429 Throttling.Resource.
    const small = await startEmulator(50, ['--daily-quota', '1']);
    try {
      await connectTo(api, small.endpoint);
      const projects = await childrenOf(api, await connectionNode(api));
      assert.equal(kindOf(api, projects[0]!), 'dataworks.project');
      const envs = await childrenOf(api, projects[0]!);
      const kids = await childrenOf(api, envs[0]!);
      const labels = kids.map((k) => labelOf(api, k));
      assert.match(labels[0]!, /^API quota exhausted \(Throttling\.Resource\)/, labels.join(' | '));
      assert.ok(labels.includes('Retry') && labels.includes('Show Request Log'), labels.join(' | '));
      const retry = kids.find((k) => labelOf(api, k) === 'Retry')!;
      assert.equal(itemOf(api, retry).command?.arguments?.[0], envs[0], 'Retry reloads that environment');
    } finally {
      await connectTo(api, emu.endpoint);
      await small.stop();
    }
  });

  test('an endpoint, credential source, profile or region in the workspace settings file is ignored', async () => {
    await connectTo(api, emu.endpoint);
    const userRegion = vscode.workspace.getConfiguration('dataworks').inspect<string>('region')?.globalValue ?? 'cn-hangzhou';
    const settingsUri = fixtureUri('.vscode/settings.json');
    const seen = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dataworks.timeZone')) {
          sub.dispose();
          resolve();
        }
      });
    });
    // timeZone (window scope) proves the file was read; the connection settings must not count.
    await vscode.workspace.fs.writeFile(
      settingsUri,
      Buffer.from(JSON.stringify({
        'dataworks.endpoint': 'http://127.0.0.1:9',
        'dataworks.credentialSource': 'defaultChain',
        'dataworks.profile': 'from-workspace',
        'dataworks.region': 'ap-southeast-1',
        'dataworks.timeZone': 'Asia/Tokyo',
      })),
    );
    try {
      await withTimeout(seen, 20_000, 'VS Code to read the workspace settings file');
      assert.equal(vscode.workspace.getConfiguration('dataworks').get('timeZone'), 'Asia/Tokyo');
      const target = api.connection.describe();
      assert.equal(target.endpoint, emu.endpoint);
      assert.equal(target.isEmulator, true);
      assert.equal(target.region, userRegion);
      await vscode.commands.executeCommand('dataworks.refresh');
      const projects = await childrenOf(api, await connectionNode(api));
      assert.ok(projects.every((p) => kindOf(api, p) === 'dataworks.project'), projects.map((p) => labelOf(api, p)).join(' | '));
      // The signed requests above went to the user's emulator, with its key, in the user's region.
      const { client, target: used } = await api.connection.getConnection();
      assert.equal(client.endpoint, emu.endpoint);
      assert.equal(used.region, userRegion);
      // With the default chain chosen by the user, the workspace's profile is not the one used either.
      await vscode.commands.executeCommand('dataworks.selectProfile', '');
      const chain = api.connection.describe();
      assert.equal(chain.credentialSource, 'defaultChain');
      assert.equal(chain.profile, undefined);
      assert.equal(chain.label, `Default credentials · ${userRegion}`);
    } finally {
      await vscode.workspace.fs.delete(settingsUri);
      await connectTo(api, emu.endpoint);
    }
  });

  test('Use Local Emulator starts our own CLI emulator in the background and the tree lists its projects', async function () {
    this.timeout(120_000);
    const ok = await vscode.commands.executeCommand('dataworks.useLocalEmulator', { mode: 'start' });
    assert.equal(ok, true);
    const { target, client } = await api.connection.getConnection();
    assert.equal(target.isEmulator, true);
    assert.match(target.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(target.endpoint, emu.endpoint, 'a new emulator, not the test one');
    assert.equal(client.endpoint, target.endpoint);
    const projects = await childrenOf(api, await connectionNode(api));
    assert.ok(projects.length > 0 && projects.every((p) => kindOf(api, p) === 'dataworks.project'), projects.map((p) => labelOf(api, p)).join(' | '));
  });
});
