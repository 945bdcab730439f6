// Add All Matching to Patch and pulled values in the real host against the emulator: the
// view's filter goes to the service, every page is read, only the picked fields are written (the
// pick answered by the scripted UI), and Apply's plan holds back and names a task someone changed since
// the pull and sends nothing when cancelled (the emulator's own request log is the oracle).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parsePatch } from '@src/core/patch';
import { PULL_LEAVES } from '@src/core/pull/fields';
import { validateText } from '@src/core/validate';
import type { ExtensionApi } from '@src/extension/extension';
import type { AddAllMatchingResult } from '@src/extension/tree';
import { connectTo, extensionApi, startEmulator, type RunningEmulator, type SeedTask } from '../connection/emulatorFixture';
import { fixtureUri } from '../helpers';
import { scriptedUi, type ScriptedUi } from '../support/scriptedUi';
import { childrenOf, envNode, kindOf, loadAll, taskOf } from './treeWalk';

const TWO_53 = 2n ** 53n;
type Added = Exclude<AddAllMatchingResult, { cancelled: true }>;

suite('tree: Add All Matching and pulled values', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;
  let big: { projectId: string; env: 'Dev' | 'Prod'; tasks: SeedTask[] };
  let ui: ScriptedUi;

  suiteSetup(async () => {
    emu = await startEmulator(600);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
    await vscode.commands.executeCommand('dataworks.clearFilter');
    await vscode.workspace.getConfiguration('dataworks.apply').update('requestsPerSecond', 50, vscode.ConfigurationTarget.Global);
    const all = emu.projects().map((p) => ({ projectId: p.Id, env: 'Prod' as const, tasks: emu.tasks('Prod', p.Id) }));
    big = all.sort((a, b) => b.tasks.length - a.tasks.length)[0]!;
  });

  setup(() => {
    ui = scriptedUi(api);
  });

  teardown(() => ui.end());

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('dataworks.clearFilter');
    await vscode.workspace.getConfiguration('dataworks.apply').update('requestsPerSecond', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emu?.stop();
  });

  test('Add All Matching with a filter: every page of it, only the picked fields, names above entries, ids exact; the pick is remembered', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const word = 'dw';
    const expected = big.tasks.filter((t) => t.Name.toLowerCase().includes(word));
    assert.ok(expected.length > 100, `more than one page matches (${expected.length})`);
    await vscode.commands.executeCommand('dataworks.filter', { Name: word });
    const env = await envNode(api, big.projectId, big.env);
    const logBefore = api.connection.log.lines().length;
    const offered: string[][] = [];
    ui.pickMany((items) => {
      offered.push(items.map((i) => `${i.label}${i.picked ? '*' : ''}`));
      return items.filter((i) => i.label === 'Trigger.Cron' || i.label === 'RuntimeResource.ResourceGroupId');
    });
    const result = await vscode.commands.executeCommand<Added>('dataworks.addAllMatching', env);
    assert.ok(result && 'added' in result, 'the command returns what it added');
    assert.equal(result.total, expected.length);
    assert.deepEqual(result.added.map((e) => e.Id).sort(), expected.map((t) => t.Id).sort());
    assert.deepEqual(offered[0], [...PULL_LEAVES], 'every editable field is offered, none picked the first time');
    // Exactly the pages of the filter were read: ListTasks calls, nothing else.
    const calls = api.connection.log.lines().slice(logBefore);
    assert.equal(calls.filter((l) => l.startsWith('ListTasks ok')).length, Math.ceil(expected.length / 100), calls.join('\n'));
    assert.ok(calls.every((l) => l.startsWith('ListTasks')), calls.join('\n'));

    const text = vscode.window.activeTextEditor!.document.getText();
    const parsed = parsePatch(text);
    for (const t of parsed.tasks) {
      const seed = expected.find((s) => s.Id === t.id)!;
      const keys = Object.keys(t.value).join();
      assert.ok(keys === 'Id,EnvType,Trigger,RuntimeResource' || keys === 'Id,EnvType,RuntimeResource', `${t.id}: ${keys}`);
      assert.ok(text.includes(`// ${seed.Name}`), `name of ${t.id} above its entry`);
      if (seed.Trigger?.Type !== 'Manual') assert.equal((t.value.Trigger as { Cron?: string }).Cron, seed.Trigger?.Cron);
    }
    const bigIds = expected.filter((t) => BigInt(t.Id) > TWO_53);
    assert.ok(bigIds.length > 0);
    for (const t of bigIds) assert.ok(text.includes(`"Id": ${t.Id},`), `id ${t.Id} digit for digit`);
    assert.deepEqual(validateText(text, { schema: true }).findings.filter((f) => f.severity !== 'info'), []);

    // Add to Patch on selected tasks asks the same question, with the last choice picked.
    await vscode.commands.executeCommand('dataworks.clearFilter');
    const nodes = (await loadAll(api, await envNode(api, big.projectId, big.env))).slice(0, 2);
    ui.pickMany((items) => { offered.push(items.map((i) => `${i.label}${i.picked ? '*' : ''}`)); return items.filter((i) => i.picked); });
    const again = await vscode.commands.executeCommand<{ added: unknown[]; skipped: unknown[] }>('dataworks.addToPatch', nodes[0], nodes);
    assert.ok(offered[1]!.includes('Trigger.Cron*') && offered[1]!.includes('RuntimeResource.ResourceGroupId*'), offered[1]!.join(' '));
    assert.equal(offered[1]!.filter((l) => l.endsWith('*')).length, 2);
    assert.equal(again.added.length + again.skipped.length, 2);
    const now = vscode.window.activeTextEditor!.document.getText();
    for (const n of nodes) assert.ok(now.includes(`"Id": ${taskOf(n).Id},`), `task ${taskOf(n).Id} in the patch`);
  });

  test('Load All Tasks: every task of the environment at once, one ListTasks per page, no Load more left', async () => {
    await vscode.commands.executeCommand('dataworks.clearFilter');
    const env = await envNode(api, big.projectId, big.env);
    const logBefore = api.connection.log.lines().length;
    await vscode.commands.executeCommand('dataworks.loadAll', env);
    const kids = await childrenOf(api, env);
    assert.ok(!kids.some((k) => kindOf(api, k) === 'dataworks.loadMore'), 'nothing left to load');
    assert.deepEqual(kids.filter((k) => kindOf(api, k) === 'dataworks.task').map((k) => taskOf(k).Id).sort(), big.tasks.map((t) => t.Id).sort());
    const calls = api.connection.log.lines().slice(logBefore).filter((l) => l.startsWith('ListTasks ok'));
    assert.equal(calls.length, Math.ceil(big.tasks.length / 100));
  });

  test('pulled values in the plan: a value changed behind the editor\'s back holds its task back and is named; Cancel sends nothing; Apply anyway sends', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const uri = fixtureUri('pulled.dwtasks.json');
    await vscode.workspace.fs.writeFile(uri, Buffer.from('', 'utf8'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const scheduled = big.tasks.filter((t) => t.Trigger?.Type === 'Scheduler' && t.Name.startsWith('ads_'));
    await vscode.commands.executeCommand('dataworks.filter', { Name: 'ads_' });
    const env = await envNode(api, big.projectId, big.env);
    const pulled = await vscode.commands.executeCommand<Added>('dataworks.addAllMatching', env, { fields: ['Trigger.Cron'] });
    assert.ok(pulled && 'added' in pulled && pulled.added.length >= scheduled.length);
    // The user moves every pulled cron to 04:30 in the patch...
    const edited = doc.getText().replace(/"Cron": "[^"]*"/g, '"Cron": "00 30 04 * * ?"');
    const edit = new vscode.WorkspaceEdit();
    edit.replace(uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), edited);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await doc.save();
    // ...while someone changes one of them in DataWorks.
    const victim = scheduled[0]!;
    const client = await api.connection.getClient();
    const changed = await client.batchUpdateTasks({ Tasks: [{ Id: victim.Id, EnvType: 'Prod', Trigger: { Cron: '00 10 03 * * ?' } }] });
    assert.equal(changed.successInfo[victim.Id]?.Success, true);

    // That change is the only write so far: wait until the emulator has logged it.
    const writes = async (): Promise<number> => (await emu.requests()).filter((l) => l.startsWith('BatchUpdateTasks')).length;
    for (let lines = await emu.requests(); (await writes()) < 1; lines = await emu.requests(lines.length + 1));
    const writesBefore = await writes();
    assert.equal(writesBefore, 1);
    // The drift modal names the one value changed since the pull; Cancel sends nothing.
    ui.modal('warning', undefined);
    const cancelled = await vscode.commands.executeCommand<{ kind: string }>('dataworks.applyBatchUpdate', { uri });
    assert.equal(cancelled?.kind, 'declined');
    const [drift] = ui.shown('warning', true);
    assert.equal(drift?.message, '1 value in pulled.dwtasks.json was changed in DataWorks since it was pulled. Applying overwrites it.');
    assert.equal(drift.detail, `Task ${victim.Id} ${victim.Name} (Prod) Trigger.Cron: pulled ${JSON.stringify(victim.Trigger!.Cron)}, now "00 10 03 * * ?"; the patch sets "00 30 04 * * ?"`);
    // A later read is logged after anything sent before it: then count the writes.
    assert.equal((await client.getTask(victim.Id, 'Prod')).Trigger?.Cron, '00 10 03 * * ?');
    for (let lines = await emu.requests(); !lines.some((l, i) => i > 0 && l.startsWith('GetTask') && lines.slice(0, i).some((x) => x.startsWith('BatchUpdateTasks'))); lines = await emu.requests(lines.length + 1));
    assert.equal(await writes(), writesBefore, 'nothing was sent');

    ui.modal('warning', 'Apply anyway').modal('warning', 'Apply');
    const applied = await vscode.commands.executeCommand<{ kind: string }>('dataworks.applyBatchUpdate', { uri });
    assert.equal(applied?.kind, 'applied');
    assert.equal((await client.getTask(victim.Id, 'Prod')).Trigger?.Cron, '00 30 04 * * ?');
    // Applied: current equals patched everywhere, so applying again warns about nothing: the one
    // modal is the confirmation (a drift modal would get "Apply", which it does not offer, and fail).
    const modals = ui.shown('warning', true).length;
    ui.modal('warning', 'Apply');
    const again = await vscode.commands.executeCommand<{ kind: string }>('dataworks.applyBatchUpdate', { uri });
    assert.equal(again?.kind, 'applied');
    assert.deepEqual(ui.shown('warning', true).slice(modals).map((m) => m.items), [['Apply']]);
  });
});
