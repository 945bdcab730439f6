// The activity-bar container and the Tasks view are contributed and can be opened.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from '../helpers';

interface Contributes {
  viewsContainers?: { activitybar?: { id: string }[] };
  views?: Record<string, { id: string }[]>;
  viewsWelcome?: { view: string }[];
}

suite('foundation: Tasks view', () => {
  test('the manifest contributes the dataworks container with the Tasks view and a welcome text', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    const c = (ext.packageJSON as { contributes: Contributes }).contributes;
    assert.ok(c.viewsContainers?.activitybar?.some((v) => v.id === 'dataworks'));
    assert.deepEqual(c.views?.dataworks?.map((v) => v.id), ['dataworks.tasks']);
    assert.ok(c.viewsWelcome?.some((w) => w.view === 'dataworks.tasks'));
  });

  test('the workbench registered the view container and the view focus commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('workbench.view.extension.dataworks'), 'workbench.view.extension.dataworks is missing');
    assert.ok(commands.includes('dataworks.tasks.focus'), 'dataworks.tasks.focus is missing');
    await vscode.commands.executeCommand('workbench.view.extension.dataworks');
    await vscode.commands.executeCommand('dataworks.tasks.focus');
  });
});
