// Completion and hover that need the service: Id from the tasks loaded in the tree (id with name and
// environment), RuntimeResource.ResourceGroupId from the account, and the Id hover's current values.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { openNewFixture, positionAfter } from '../helpers';
import { envNode, loadAll } from './treeWalk';

const TWO_53 = 2n ** 53n;

interface Item {
  label: string;
  description?: string;
  insertText?: string;
}

async function completions(uri: vscode.Uri, position: vscode.Position): Promise<Item[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position);
  return list.items.map((i) => ({
    label: typeof i.label === 'string' ? i.label : i.label.label,
    description: typeof i.label === 'string' ? undefined : i.label.description,
    insertText: typeof i.insertText === 'string' ? i.insertText : i.insertText?.value,
  }));
}

suite('service completion and hover', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;
  let projectId: string;

  suiteSetup(async () => {
    emu = await startEmulator(300);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
    // A project with a Dev task whose id is above 2^53, loaded completely in the tree.
    const bigDev = emu.tasks('Dev').find((t) => BigInt(t.Id) > TWO_53);
    assert.ok(bigDev, 'the seed has a Dev task with an id above 2^53');
    projectId = bigDev.ProjectId;
    await loadAll(api, await envNode(api, projectId, 'Dev'));
  });

  suiteTeardown(async () => {
    await emu?.stop();
  });

  test('Id completion offers the loaded tasks: exact id, name and environment', async () => {
    const editor = await openNewFixture('svc-ids.dwtasks.json', '{\n  "Tasks": [\n    { "EnvType": "Dev", "Id": 1 }\n  ]\n}\n');
    const items = await completions(editor.document.uri, positionAfter(editor.document, '"Id": '));
    const seed = emu.tasks('Dev', projectId);
    for (const t of seed) {
      const item = items.find((i) => i.label === t.Id);
      assert.ok(item, `task ${t.Id} offered`);
      assert.equal(item.description, `${t.Name} · Dev`);
      assert.equal(item.insertText, t.Id, 'bare digits inserted');
    }
    assert.ok(items.some((i) => BigInt(i.label) > TWO_53), 'an int64 id above 2^53 is offered exactly');
    assert.ok(!items.some((i) => i.description?.endsWith('· Prod')), 'EnvType Dev narrows the list to Dev tasks');
  });

  test('ResourceGroupId completion lists the account\'s resource groups that run tasks', async () => {
    const editor = await openNewFixture(
      'svc-rg.dwtasks.json',
      '{\n  "Tasks": [\n    { "Id": 1, "RuntimeResource": { "ResourceGroupId": "" } }\n  ]\n}\n',
    );
    const pos = positionAfter(editor.document, '"ResourceGroupId": "');
    const labels = (await completions(editor.document.uri, pos)).map((i) => i.label);
    const runTasks = emu.resourceGroupIds(['CommonV2', 'ExclusiveScheduler']);
    assert.ok(runTasks.some((id) => !id.startsWith('Serverless_')), 'an exclusive scheduling group is among them');
    for (const id of runTasks) assert.ok(labels.includes(id), `${id} in ${labels.join(', ')}`);
    for (const id of emu.resourceGroupIds(['ExclusiveDataIntegration', 'ExclusiveDataService'])) assert.ok(!labels.includes(id), `${id} cannot run a task`);
  });

  test('DataSource.Name completion lists the data sources of the task\'s project', async () => {
    const t = emu.tasks('Dev', projectId)[0]!;
    const editor = await openNewFixture(
      'svc-ds.dwtasks.json',
      `{\n  "Tasks": [\n    { "Id": ${t.Id}, "EnvType": "Dev", "DataSource": { "Name": "" } }\n  ]\n}\n`,
    );
    const labels = (await completions(editor.document.uri, positionAfter(editor.document, '"Name": "'))).map((i) => i.label);
    const expected = [...new Set(emu.dataSourceNames(projectId))].sort();
    assert.ok(expected.length > 0);
    assert.deepEqual(labels.filter((l) => expected.includes(l)).sort(), expected, labels.join(', '));
  });

  test('hover on an Id shows the task\'s current values', async () => {
    const t = emu.tasks('Dev', projectId).find((x) => BigInt(x.Id) > TWO_53)!;
    const editor = await openNewFixture('svc-hover.dwtasks.json', `{\n  "Tasks": [\n    { "Id": ${t.Id}, "EnvType": "Dev" }\n  ]\n}\n`);
    const pos = positionAfter(editor.document, '"Id": 86');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.ok(text.includes(t.Id), text);
    assert.ok(text.includes(t.Name.replace(/_/g, '\\_')), text);
  });
});
