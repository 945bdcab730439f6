// Preview is the plan, Apply sends the plan that was previewed, Save Plan / Apply Plan work on plan files: in the real host against the
// emulator, a task changed through the API between Preview and Apply is held back (named, not sent),
// the others are sent; a task already at its patched value is not sent.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { EditorApplyReport, PreviewOutcome } from '@src/extension/apply';
import { applyWith, batchCalls, patchText, serviceTask, writePatch } from './applyFixture';
import { connectedSuite } from '../support/connectedSuite';
import { waitForDiagnostics } from '../helpers';

suite('Apply: the previewed plan', () => {
  const ctx = connectedSuite({ tasks: 200 });


  test('Preview, a change made through the API, Apply: that task is held back and named; the rest sent; unchanged not sent', async () => {
    const [a, b, c] = ctx.emu.tasks('Prod').slice(20, 23).map((t) => t.Id);
    const cNow = (await serviceTask(ctx.api, 'Prod', c!)).Description;
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
    const client = await ctx.api.connection.getClient();
    await client.batchUpdateTasks({ Tasks: [{ Id: a!, EnvType: 'Prod', Description: 'changed behind the editor' }] });
    const calls = batchCalls(ctx.api);

    // The drift step names a's change (and only a's); "Keep Them Back" sends the rest.
    ctx.ui.modal('warning', 'Keep Them Back').modal('warning', 'Apply');
    const out = await applyWith(doc);
    const drift = ctx.ui.shown('warning', true)[0];
    assert.equal(drift?.message, '1 value in previewed.dwtasks.json was changed in DataWorks since it was read. Applying overwrites it.');
    assert.deepEqual(drift.items, ['Apply anyway', 'Keep Them Back']);
    const line = `Task ${a} (Prod) Description: ${aThen === undefined ? '(not set)' : JSON.stringify(aThen)} `;
    assert.ok(drift.detail?.startsWith(line) && drift.detail.endsWith(', now "changed behind the editor"; the patch sets "previewed a"') && !drift.detail.includes('\n'), drift.detail);
    assert.equal(out.kind, 'applied');
    if (out.kind !== 'applied') return;
    assert.deepEqual(out.result.results.map((r) => r.status), ['not-sent', 'succeeded', 'not-sent']);
    assert.ok(out.result.results[0]!.message.startsWith(`Held back: changed in DataWorks since the plan (Description: ${JSON.stringify(aThen)} in the saved plan`), out.result.results[0]!.message);
    assert.match(out.result.results[0]!.message, /now "changed behind the editor"/);
    assert.match(out.result.results[2]!.message, /^Not in the plan: Unchanged/);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => x.source === 'DataWorks Apply').length === 3);
    const onA = diags.find((d) => d.source === 'DataWorks Apply' && doc.getText(d.range) === a);
    assert.ok(onA, 'a result on the held-back task');
    assert.ok(onA.message.startsWith(`Task ${a} (Prod) held back, not sent: changed in DataWorks since the plan (Description: ${aThen === undefined ? '(not set)' : JSON.stringify(aThen)} in the saved plan (`), onA.message);
    assert.ok(onA.message.endsWith('), now "changed behind the editor"; the patch sets "previewed a").'), onA.message);
    assert.equal(onA.severity, vscode.DiagnosticSeverity.Warning);
    const onC = diags.find((d) => d.source === 'DataWorks Apply' && doc.getText(d.range) === c);
    assert.equal(onC?.message, `Task ${c} (Prod) unchanged, not sent: it is already at the patched values.`);
    assert.equal(onC?.severity, vscode.DiagnosticSeverity.Information, 'unchanged is not a warning');
    assert.equal(batchCalls(ctx.api) - calls, 1, 'one call, with b only');
    assert.equal((await serviceTask(ctx.api, 'Prod', a!)).Description, 'changed behind the editor', 'their change kept');
    assert.equal((await serviceTask(ctx.api, 'Prod', b!)).Description, 'previewed b');
  });

  test('Save Plan writes the previewed plan; Apply Plan sends it, holding back a task changed since; a plan for another endpoint is refused', async () => {
    const [a, b] = ctx.emu.tasks('Prod').slice(30, 32).map((t) => t.Id);
    const doc = await writePatch('saved.dwtasks.json', patchText([
      { Id: a!, EnvType: 'Prod', fields: { Description: 'saved a' } },
      { Id: b!, EnvType: 'Prod', fields: { Description: 'saved b' } },
    ]));
    const target = vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), 'saved.plan.json'));
    ctx.ui.saveDialog(target);
    const saved = await vscode.commands.executeCommand<vscode.Uri>('dataworks.savePlan', { uri: doc.uri });
    assert.equal(saved?.fsPath, target.fsPath);
    const plan = JSON.parse(fs.readFileSync(target.fsPath, 'utf8')) as { format: string; target: { endpoint: string } };
    assert.equal(plan.format, 'dwtasks-plan');
    assert.equal(plan.target.endpoint, ctx.emu.endpoint);

    const elsewhere = vscode.Uri.file(path.join(path.dirname(doc.uri.fsPath), 'elsewhere.plan.json'));
    fs.writeFileSync(elsewhere.fsPath, JSON.stringify({ ...plan, target: { endpoint: 'http://127.0.0.2:9' } }));
    const calls0 = batchCalls(ctx.api);
    const refused = await vscode.commands.executeCommand<EditorApplyReport>('dataworks.applyPlan', { plan: elsewhere });
    assert.equal(refused?.kind, 'refused');
    assert.match(refused?.kind === 'refused' ? refused.message : '', /the plan was made for http:\/\/127\.0\.0\.2:9/);
    assert.equal(batchCalls(ctx.api), calls0, 'nothing sent');

    const client = await ctx.api.connection.getClient();
    await client.batchUpdateTasks({ Tasks: [{ Id: b!, EnvType: 'Prod', Description: 'changed after saving' }] });
    const calls = batchCalls(ctx.api);
    ctx.ui.modal('warning', 'Keep Them Back').modal('warning', 'Apply');
    const out = await vscode.commands.executeCommand<EditorApplyReport>('dataworks.applyPlan', { plan: target });
    assert.equal(out?.kind, 'applied');
    if (out?.kind !== 'applied') return;
    assert.deepEqual(out.result.results.map((r) => r.status), ['succeeded', 'not-sent']);
    assert.match(out.result.results[1]!.message, /^Held back: .*now "changed after saving"/);
    assert.equal(batchCalls(ctx.api) - calls, 1);
    assert.equal((await serviceTask(ctx.api, 'Prod', b!)).Description, 'changed after saving');
  });
});
