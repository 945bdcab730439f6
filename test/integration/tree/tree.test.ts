// The Tasks tree against the emulator's seed data: levels, paging with Load more, the server-side
// filter, Show Task JSON, Add to Patch with exact int64 ids. The seed in the emulator's state file
// is the oracle.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parsePatch } from '@src/core/patch';
import type { ExtensionApi } from '@src/extension/extension';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { withTimeout } from '../helpers';
import { childrenOf, connectionNode, envNode, envOf, itemOf, kindOf, labelOf, loadAll, projectNode, taskOf, type Node } from './treeWalk';

const TWO_53 = 2n ** 53n;

suite('tree: browsing the emulator', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;
  /** The project/env with the most tasks (more than two pages in the 500-task seed). */
  let big: { projectId: string; env: 'Dev' | 'Prod'; count: number };

  suiteSetup(async () => {
    emu = await startEmulator(500, ['--latency', '200']);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
    await vscode.commands.executeCommand('dataworks.clearFilter');
    const counts = emu.projects().flatMap((p) => (['Dev', 'Prod'] as const).map((env) => ({ projectId: p.Id, env, count: emu.tasks(env, p.Id).length })));
    big = counts.sort((a, b) => b.count - a.count)[0]!;
    assert.ok(big.count > 200, `the seed has a project environment with more than two pages (${JSON.stringify(big)})`);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('dataworks.clearFilter');
    await emu?.stop();
  });

  test('levels: connection > projects > Dev, Prod > tasks', async () => {
    const root = await connectionNode(api);
    assert.equal(itemOf(api, root).collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const projects = await childrenOf(api, root);
    assert.deepEqual(
      projects.map((p) => labelOf(api, p)).sort(),
      emu.projects().map((p) => (p as { DisplayName?: string }).DisplayName || p.Name).sort(),
    );
    assert.ok(projects.every((p) => kindOf(api, p) === 'dataworks.project'));
    const envs = await childrenOf(api, projects[0]!);
    assert.deepEqual(envs.map((e) => labelOf(api, e)), ['Dev', 'Prod']);
    const tasks = (await childrenOf(api, envs[1]!)).filter((t) => kindOf(api, t) === 'dataworks.task');
    assert.ok(tasks.length > 0);
    const item = itemOf(api, tasks[0]!);
    const task = taskOf(tasks[0]!);
    assert.match(String(item.description), new RegExp(`^${task.Id} · `), 'description starts with the exact id');
    assert.ok(String(item.description).includes(task.Owner ?? '\u0000'), 'description names the owner');
    assert.ok(item.tooltip instanceof vscode.MarkdownString && item.tooltip.value.includes(task.Id));
  });

  test('paging: 100 per page, "Load more (shown of total)" locked while loading, the count on the environment, nothing truncated', async () => {
    const env = await envNode(api, big.projectId, big.env);
    // Reloaded, so this test sees its first page arrive (an earlier test may have loaded it).
    await vscode.commands.executeCommand('dataworks.refresh', env);
    assert.equal(itemOf(api, env).description, undefined, 'no count before the first page');
    let redrawn = false;
    const sub = api.tree.provider.onDidChangeTreeData((n) => (redrawn ||= n === env));
    let kids = await childrenOf(api, env);
    sub.dispose();
    // The view drew the environment before its count was known: it must be told to redraw it.
    assert.ok(redrawn, 'the environment is redrawn once the first page gives its count');
    const tasks = kids.filter((k) => kindOf(api, k) === 'dataworks.task');
    assert.equal(tasks.length, 100);
    const more = kids.find((k) => kindOf(api, k) === 'dataworks.loadMore');
    assert.ok(more, 'a Load more node follows the first page');
    assert.equal(labelOf(api, more), `Load more (100 of ${big.count} shown)`);
    assert.match(String(itemOf(api, env).description), new RegExp(`^${big.count}\\b`));

    // Click it: the change event for the environment arrives once the page is in.
    const changed = new Promise<void>((resolve) => {
      const sub = api.tree.provider.onDidChangeTreeData((n) => {
        if (n === env) {
          sub.dispose();
          resolve();
        }
      });
    });
    const click = itemOf(api, more).command!;
    const showsLoading = new Promise<void>((resolve) => {
      const sub = api.tree.provider.onDidChangeTreeData((n) => {
        if (n === more) {
          sub.dispose();
          resolve();
        }
      });
    });
    const running = vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    await withTimeout(showsLoading, 10_000, 'the Load more node to redraw as loading');
    // The emulator answers after 200 ms, so the page is still loading here.
    const locked = itemOf(api, more);
    assert.equal(locked.command, undefined, 'no command while loading');
    assert.equal(String(locked.label), `Loading more… (100 of ${big.count} shown)`);
    // Even a direct second invocation while loading sends no second request.
    const logBefore = api.connection.log.lines().length;
    await vscode.commands.executeCommand(click.command, ...(click.arguments ?? []));
    await running;
    const listCalls = api.connection.log.lines().slice(logBefore).filter((l) => l.startsWith('ListTasks '));
    assert.equal(listCalls.length, 1, listCalls.join('\n'));
    await withTimeout(changed, 30_000, 'the environment to redraw with page 2');
    kids = await childrenOf(api, env);
    assert.equal(kids.filter((k) => kindOf(api, k) === 'dataworks.task').length, 200);

    const all = await loadAll(api, env);
    const ids = all.map((n) => taskOf(n).Id);
    assert.equal(new Set(ids).size, ids.length, 'no task twice');
    assert.deepEqual([...ids].sort(), emu.tasks(big.env, big.projectId).map((t) => t.Id).sort(), 'exactly the seed tasks, ids exact');
    assert.ok(!(await childrenOf(api, env)).some((k) => kindOf(api, k) === 'dataworks.loadMore'), 'no Load more when all are shown');
  });

  test('filter by name is applied by the service and shown in the view description', async () => {
    const seed = emu.tasks(big.env, big.projectId);
    // A name fragment that matches some but not all tasks of the big environment.
    const word = mostCommonWord(seed.map((t) => t.Name));
    const expected = seed.filter((t) => t.Name.toLowerCase().includes(word.toLowerCase()));
    assert.ok(expected.length > 0 && expected.length < seed.length);
    const before = api.connection.log.lines().length;
    await vscode.commands.executeCommand('dataworks.filter', { Name: word });
    assert.equal(api.tree.view.description, `name: ${word}`);
    const env = await envNode(api, big.projectId, big.env);
    const first = await childrenOf(api, env);
    // The total on the first page comes from the service: a client-side filter could not know it.
    assert.match(String(itemOf(api, env).description), new RegExp(`^${expected.length} matching`));
    const more = first.find((k) => kindOf(api, k) === 'dataworks.loadMore');
    if (expected.length > 100) assert.ok(more);
    const shown = await loadAll(api, env);
    assert.deepEqual(shown.map((n) => taskOf(n).Id).sort(), expected.map((t) => t.Id).sort());
    assert.ok(api.connection.log.lines().slice(before).some((l) => l.startsWith('ListTasks ok')), 'ListTasks went to the service');
    await vscode.commands.executeCommand('dataworks.clearFilter');
    assert.equal(api.tree.view.description, undefined);
  });

  test('Show Task JSON opens a read-only virtual document with the exact int64 id', async () => {
    const bigTask = emu.tasks('Prod').find((t) => BigInt(t.Id) > TWO_53);
    assert.ok(bigTask, 'the seed has a Prod task with an id above 2^53');
    const node = await findTaskNode(api, bigTask.ProjectId, 'Prod', bigTask.Id);
    await vscode.commands.executeCommand('dataworks.showTaskJson', node);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.scheme, 'dataworks-task');
    assert.ok(editor.document.getText().includes(`"Id": ${bigTask.Id}`), editor.document.getText().slice(0, 200));
    assert.ok(editor.document.getText().includes(`"Name": ${JSON.stringify(bigTask.Name)}`));
  });

  test('Add to Patch: two tasks into a new patch, then one more into the active one; ids exact, duplicates skipped', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const bigTask = emu.tasks('Prod').find((t) => BigInt(t.Id) > TWO_53)!;
    const a = await findTaskNode(api, bigTask.ProjectId, 'Prod', bigTask.Id);
    const other = emu.tasks('Dev', bigTask.ProjectId).find((t) => t.Id !== bigTask.Id)!;
    const b = await findTaskNode(api, bigTask.ProjectId, 'Dev', other.Id);
    const first = await vscode.commands.executeCommand<{ uri: vscode.Uri; added: unknown[]; skipped: unknown[] }>(
      'dataworks.addToPatch', a, [a, b], { includeTags: true },
    );
    assert.ok(first);
    assert.equal(first.added.length, 2);
    assert.ok(first.uri.path.endsWith('.dwtasks.json'));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.toString() === first.uri.toString());
    const text = editor.document.getText();
    assert.ok(text.includes(`"Id": ${bigTask.Id},`), 'bare int64 digits, exactly as the service has them');
    assert.ok(text.includes(`"Id": ${other.Id},`));
    assert.ok(text.includes('"EnvType": "Prod"') && text.includes('"EnvType": "Dev"'));
    if (bigTask.Trigger?.Cron && bigTask.Trigger.Type !== 'Manual') assert.ok(text.includes(`"Cron": ${JSON.stringify(bigTask.Trigger.Cron)}`));
    assert.ok(text.includes('"Tags"'), 'GetTask supplied the Tags');
    assert.equal(editor.document.languageId, 'jsonc');

    const c = await findTaskNode(api, bigTask.ProjectId, 'Dev', emu.tasks('Dev', bigTask.ProjectId).find((t) => t.Id !== other.Id && t.Id !== bigTask.Id)!.Id);
    const second = await vscode.commands.executeCommand<{ added: { Id: string }[]; skipped: { Id: string }[] }>(
      'dataworks.addToPatch', c, [a, c], { includeTags: false },
    );
    assert.deepEqual(second.skipped.map((s) => s.Id), [bigTask.Id]);
    assert.deepEqual(second.added.map((s) => s.Id), [taskOf(c).Id]);
    const after = vscode.window.activeTextEditor!.document.getText();
    assert.equal(after.split(`"Id": ${bigTask.Id},`).length, 2, 'the big id appears once');
    assert.ok(after.includes(`"Id": ${taskOf(c).Id},`));
    // JSON with comments (each entry under its task's name): no syntax error, every id once.
    assert.deepEqual(parsePatch(after).syntaxErrors, [], 'still a valid patch');
    assert.ok(after.includes(`// ${taskOf(c).Name}`), 'the task name as a comment above its entry');
  });
});

async function findTaskNode(api: ExtensionApi, projectId: string, env: 'Dev' | 'Prod', id: string): Promise<Node> {
  await projectNode(api, projectId);
  const node = (await loadAll(api, await envNode(api, projectId, env))).find((n) => taskOf(n).Id === id && envOf(n) === env);
  assert.ok(node, `task ${id} (${env}) in project ${projectId}`);
  return node;
}

function mostCommonWord(names: string[]): string {
  const counts = new Map<string, number>();
  for (const n of names) for (const w of new Set(n.split('_'))) if (w.length > 2) counts.set(w, (counts.get(w) ?? 0) + 1);
  // The most common word that still leaves some tasks out.
  return [...counts.entries()].filter(([, c]) => c < names.length).sort((a, b) => b[1] - a[1])[0]![0];
}
