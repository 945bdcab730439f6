// Preview is the plan, and Apply sends the plan that was previewed: in the real host against the
// emulator, a task changed through the API between Preview and Apply is held back (named, not sent),
// the others are sent; a task already at its patched value is not sent.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../../src/extension/extension';
import type { PreviewOutcome } from '../../../src/extension/apply';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { applyWith, batchCalls, patchText, serviceTask, writePatch } from './applyFixture';

suite('Apply: the previewed plan', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;

  suiteSetup(async () => {
    emu = await startEmulator(200);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await emu?.stop();
  });

  test('Preview, a change made through the API, Apply: that task is held back and named; the rest sent; unchanged not sent', async () => {
    const [a, b, c] = emu.tasks('Prod').slice(20, 23).map((t) => t.Id);
    const cNow = (await serviceTask(api, 'Prod', c!)).Description;
    const doc = await writePatch('previewed.dwtasks.json', patchText([
      { Id: a!, EnvType: 'Prod', fields: { Description: 'previewed a' } },
      { Id: b!, EnvType: 'Prod', fields: { Description: 'previewed b' } },
      { Id: c!, EnvType: 'Prod', fields: { Description: cNow } },
    ]));
    const preview = await vscode.commands.executeCommand<PreviewOutcome>('dataworks.previewBatchUpdate', doc.uri);
    assert.ok(preview);
    assert.deepEqual(preview.saved.tasks.map((t) => t.send), [true, true, false], 'c is already at its patched value');
    const aThen = preview.saved.tasks[0]!.before?.Description;

    // Someone changes a in DataWorks after the preview.
    const client = await api.connection.getClient();
    await client.batchUpdateTasks({ Tasks: [{ Id: a!, EnvType: 'Prod', Description: 'changed behind the editor' }] });
    const calls = batchCalls(api);

    const out = await applyWith(doc);
    assert.equal(out.kind, 'applied');
    if (out.kind !== 'applied') return;
    assert.deepEqual(out.result.results.map((r) => r.status), ['not-sent', 'succeeded', 'not-sent']);
    assert.ok(out.result.results[0]!.message.startsWith(`Held back: changed in DataWorks since the plan (Description: ${JSON.stringify(aThen)} in the saved plan`), out.result.results[0]!.message);
    assert.match(out.result.results[0]!.message, /now "changed behind the editor"/);
    assert.match(out.result.results[2]!.message, /^Not in the plan: Unchanged/);
    assert.equal(batchCalls(api) - calls, 1, 'one call, with b only');
    assert.equal((await serviceTask(api, 'Prod', a!)).Description, 'changed behind the editor', 'their change kept');
    assert.equal((await serviceTask(api, 'Prod', b!)).Description, 'previewed b');
  });
});
