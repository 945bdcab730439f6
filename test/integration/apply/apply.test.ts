// Apply Batch Update in the real host against the emulator: mixed results on the right Id ranges with
// exact int64 ids, results that follow edits, refusals (errors, untrusted) that send nothing, preview,
// revert, history, code lens, and no secrets in the log. The emulator's state file is the oracle.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { waitForDiagnostics } from '../helpers';
import { connectedSuite } from '../support/connectedSuite';
import { applyDiagnostics, applyWith, batchCalls, bigProdTasks, diagnosticOn, patchText, serviceTask, setApplySetting, writePatch } from './applyFixture';

const UNKNOWN_ID = '9223372036854775001';

/** The journal a Show Apply History item stands for. */
function pathOf(item: vscode.QuickPickItem): string | undefined {
  return (item as { entry?: { path: string } }).entry?.path;
}

suite('Apply: batch update against the emulator', () => {
  const ctx = connectedSuite({ tasks: 200 });
  let big: string[];
  let doc: vscode.TextDocument;
  /** big[0]'s Description before any apply, to check the revert. */
  let original0: unknown;
  /** The journals this suite's applies wrote, oldest first, with what each should list. */
  const journals: { path: string; file: string; counts: string }[] = [];
  const suiteStart = Date.now();

  suiteSetup(async () => {
    big = bigProdTasks(ctx.emu).map((t) => t.Id);
    assert.ok(big.length >= 3, `the seed has Prod tasks with ids above 2^53 (${big.length})`);
    original0 = (await serviceTask(ctx.api, 'Prod', big[0]!)).Description;
  });

  test('mixed success: failed, unknown-id, plan-error and succeeded results on the right Id ranges, exact int64 ids, state changed only where applied', async () => {
    const before2 = await serviceTask(ctx.api, 'Prod', big[2]!);
    doc = await writePatch('mixed.dwtasks.json', patchText([
      { Id: big[0]!, EnvType: 'Prod', fields: { Description: 'set by apply test 0' } },
      { Id: UNKNOWN_ID, EnvType: 'Prod', fields: { Description: 'no such task' } },
      { Id: big[2]!, EnvType: 'Prod', fields: { RuntimeResource: { ResourceGroupId: 'S_res_group_does_not_exist' } } },
      { Id: big[1]!, EnvType: 'Prod', fields: { Description: 'set by apply test 1' } },
    ]));
    ctx.ui.modal('warning', 'Apply');
    const out = await applyWith(doc);
    const label = ctx.api.connection.describe().label;
    const [confirm, summary] = ctx.ui.shown('warning');
    assert.ok(confirm?.modal && confirm.message.startsWith(`Apply mixed.dwtasks.json to ${label}? `), confirm?.message);
    assert.ok(confirm.detail?.includes(`Target: ${label}\n`) && confirm.detail.includes(`Endpoint: ${ctx.emu.endpoint}\n`), confirm.detail);
    assert.equal(summary?.message, 'DataWorks apply: 2 applied, 1 failed, 0 unknown, 1 not sent.', 'the summary after the run');
    assert.deepEqual(summary?.items, ['Show Log', 'Revert']);
    assert.equal(out.kind, 'applied');
    if (out.kind !== 'applied') return;
    assert.deepEqual(out.result.results.map((r) => [r.id, r.status]), [
      [big[0], 'succeeded'], [UNKNOWN_ID, 'failed'], [big[2], 'not-sent'], [big[1], 'succeeded'],
    ]);
    const diags = await waitForDiagnostics(doc.uri, (d) => d.filter((x) => x.source === 'DataWorks Apply').length === 4);
    assert.equal(diags.filter((d) => d.source === 'DataWorks Apply').length, 4);
    const ok0 = diagnosticOn(doc, big[0]!);
    assert.equal(ok0?.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(ok0?.message.includes(big[0]!), 'the message names the exact id');
    const unknown = diagnosticOn(doc, UNKNOWN_ID);
    assert.equal(unknown?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(unknown!.message, /does not exist/);
    assert.match(unknown!.message, /RequestId \S+/);
    const rg = diagnosticOn(doc, big[2]!);
    assert.equal(rg?.severity, vscode.DiagnosticSeverity.Error);
    assert.match(rg!.message, /was not sent: Error in the plan: RuntimeResource\.ResourceGroupId/, 'the plan caught it before any write');
    assert.equal((await serviceTask(ctx.api, 'Prod', big[0]!)).Description, 'set by apply test 0');
    assert.equal((await serviceTask(ctx.api, 'Prod', big[1]!)).Description, 'set by apply test 1');
    assert.deepEqual(await serviceTask(ctx.api, 'Prod', big[2]!), before2, 'a task not sent is unchanged');
    assert.ok(fs.existsSync(out.journalPath), 'the journal is in storage');
    assert.ok(out.journalPath.startsWith(ctx.api.apply.journalDir()));
    assert.ok(out.revertPath && fs.existsSync(out.revertPath), 'the revert patch sits next to the journal');
    const hist = ctx.api.apply.history().find((h) => h.entry.path === out.journalPath);
    assert.ok(hist, 'Apply history lists the journal');
    assert.deepEqual([hist.entry.summary.counts.succeeded, hist.entry.summary.counts.failed, hist.entry.summary.counts.notSent], [2, 1, 1]);
    journals.push({ path: out.journalPath, file: 'mixed.dwtasks.json', counts: '2 applied, 1 failed, 0 unknown, 1 not sent' });
  });

  test('results move with an edit above and vanish when the task itself changes', async () => {
    const editor = await vscode.window.showTextDocument(doc);
    const line0 = diagnosticOn(doc, big[1]!)!.range.start.line;
    await editor.edit((e) => e.insert(new vscode.Position(1, 0), '  // a note above the tasks\n'));
    await waitForDiagnostics(doc.uri, () => diagnosticOn(doc, big[1]!)?.range.start.line === line0 + 1);
    assert.equal(applyDiagnostics(doc.uri).length, 4, 'every result moved along');
    for (const id of [big[0]!, UNKNOWN_ID, big[2]!, big[1]!]) assert.ok(diagnosticOn(doc, id), `result still on ${id}`);
    const at = doc.getText().indexOf('set by apply test 0');
    await editor.edit((e) => e.replace(new vscode.Range(doc.positionAt(at), doc.positionAt(at + 3)), 'SET'));
    await waitForDiagnostics(doc.uri, () => applyDiagnostics(doc.uri).length === 3);
    assert.equal(diagnosticOn(doc, big[0]!), undefined, 'the edited task lost its result');
    assert.ok(diagnosticOn(doc, big[1]!), 'the other results stay');
  });

  test('a file with errors is refused: nothing sent, no journal', async () => {
    const callsBefore = batchCalls(ctx.api);
    const task0 = await serviceTask(ctx.api, 'Prod', big[0]!);
    const journals = ctx.api.apply.history().length;
    const bad = await writePatch('bad.dwtasks.json', patchText([
      { Id: big[0]!, EnvType: 'Prod', fields: { Description: 'never sent' } },
      { Id: big[1]!, EnvType: 'Prod', fields: { Trigger: { Type: 'Scheduler', Cron: '00 61 25 * * ?' } } },
    ]));
    await waitForDiagnostics(bad.uri, (d) => d.some((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const out = await applyWith(bad);
    assert.equal(out.kind, 'refused');
    if (out.kind === 'refused') {
      assert.equal(out.reason, 'errors');
      assert.match(out.message, /bad\.dwtasks\.json/);
      assert.match(out.message, new RegExp(big[1]!));
    }
    assert.equal(batchCalls(ctx.api), callsBefore, 'no BatchUpdateTasks sent');
    assert.deepEqual(await serviceTask(ctx.api, 'Prod', big[0]!), task0, 'emulator state unchanged');
    assert.equal(ctx.api.apply.history().length, journals, 'no journal written');
  });

  test('untrusted workspace: Apply refuses and sends nothing', async () => {
    const callsBefore = batchCalls(ctx.api);
    const task0 = await serviceTask(ctx.api, 'Prod', big[0]!);
    const p = await writePatch('untrusted.dwtasks.json', patchText([{ Id: big[0]!, EnvType: 'Prod', fields: { Description: 'untrusted' } }]));
    ctx.ui.trust(false);
    const out = await applyWith(p);
    assert.equal(out.kind, 'refused');
    if (out.kind === 'refused') {
      assert.equal(out.reason, 'untrusted');
      assert.match(out.message, /trusted workspace/);
    }
    assert.equal(batchCalls(ctx.api), callsBefore, 'no BatchUpdateTasks sent');
    assert.deepEqual(await serviceTask(ctx.api, 'Prod', big[0]!), task0, 'emulator state unchanged');
  });

  test('code lens names the task counts and the target', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    const label = ctx.api.connection.describe().label;
    assert.ok(titles.includes(`Apply 4 tasks (Prod: 4) to ${label}`), titles.join(' | '));
  });

  test('preview: the plan (changes, cron in words) opens; current vs patched documents for every task, ids as bare digits, nothing sent', async () => {
    const callsBefore = batchCalls(ctx.api);
    const task0 = await serviceTask(ctx.api, 'Prod', big[0]!);
    const p = await writePatch('preview.dwtasks.json', patchText([
      { Id: big[0]!, EnvType: 'Prod', fields: { Description: 'previewed value', Trigger: { Cron: '00 30 02 * * ?' } } },
    ]));
    const out = await vscode.commands.executeCommand<{ plan: vscode.Uri; text: string; current: vscode.Uri; patched: vscode.Uri; changes: number }>('dataworks.previewBatchUpdate', p.uri);
    assert.ok(out);
    // The plan opens (the text `dwtasks diff` prints): per task the changes, the cron also in words.
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), out.plan.toString(), 'the plan is what opens');
    assert.equal(vscode.window.activeTextEditor?.document.getText(), out.text);
    const planDoc = vscode.window.activeTextEditor!.document;
    assert.equal(planDoc.languageId, 'dwtasks-plan');
    assert.equal(vscode.workspace.getConfiguration('editor', planDoc).get('wordWrap'), 'on', 'long plan lines wrap');
    const cronNow = (task0.Trigger as { Cron?: string } | undefined)?.Cron;
    assert.ok(cronNow && cronNow !== '00 30 02 * * ?', `the seed's cron differs from the patched one: ${cronNow}`);
    assert.match(out.text, /^Plan for preview\.dwtasks\.json\n1 of 1 task would change, 2 fields in all\.\n/);
    assert.ok(out.text.includes(`  Task ${big[0]} (Prod)\n`), out.text);
    assert.ok(out.text.includes(`    Trigger.Cron: ${JSON.stringify(cronNow)} -> "00 30 02 * * ?"\n      `), out.text);
    assert.match(out.text, / -> At 02:30, every day\n/);
    assert.equal(out.changes, 2);
    const left = (await vscode.workspace.openTextDocument(out.current)).getText();
    const right = (await vscode.workspace.openTextDocument(out.patched)).getText();
    assert.ok(left.includes(`"Id": ${big[0]}`) && right.includes(`"Id": ${big[0]}`), 'ids as bare digits');
    assert.ok(left.includes('"Description": "SET by apply test 0"') || left.includes('"Description": "set by apply test 0"'), left);
    const cron = ((await serviceTask(ctx.api, 'Prod', big[0]!)).Trigger as { Cron?: string } | undefined)?.Cron;
    assert.ok(cron && left.includes(JSON.stringify(cron)), `current cron ${cron} on the left`);
    assert.ok(right.includes('"previewed value"') && right.includes('"00 30 02 * * ?"'));
    assert.equal(batchCalls(ctx.api), callsBefore, 'preview sends nothing');
    assert.deepEqual(await serviceTask(ctx.api, 'Prod', big[0]!), task0);
  });

  test('Revert Last Apply opens the revert patch; applying it restores the values', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('dataworks.revertLastApply');
    assert.ok(editor, 'an editor with the revert patch');
    const text = editor.document.getText();
    assert.ok(text.includes(`"Id": ${big[0]}`) && text.includes(`"Id": ${big[1]}`), 'the applied tasks, exact ids');
    assert.ok(!text.includes(UNKNOWN_ID), 'failed tasks are not reverted');
    ctx.ui.modal('warning', 'Apply');
    const out = await applyWith(editor.document);
    assert.equal(out.kind, 'applied');
    if (out.kind === 'applied') {
      assert.equal(out.result.counts.succeeded, 2);
      journals.push({ path: out.journalPath, file: path.basename(editor.document.uri.fsPath), counts: '2 applied, 0 failed, 0 unknown, 0 not sent' });
    }
    assert.equal((await serviceTask(ctx.api, 'Prod', big[0]!)).Description, original0, 'the original value is back');
  });

  test('showSucceededAs = decoration: success as a check after the Id, failures still diagnostics', async () => {
    await setApplySetting('showSucceededAs', 'decoration');
    try {
      const p = await writePatch('decorated.dwtasks.json', patchText([
        { Id: big[1]!, EnvType: 'Prod', fields: { Description: 'decorated' } },
        { Id: UNKNOWN_ID, EnvType: 'Prod', fields: { Description: 'no such task' } },
      ]));
      ctx.ui.modal('warning', 'Apply');
      const out = await applyWith(p);
      assert.equal(out.kind, 'applied');
      if (out.kind === 'applied') journals.push({ path: out.journalPath, file: 'decorated.dwtasks.json', counts: '1 applied, 1 failed, 0 unknown, 0 not sent' });
      const diags = await waitForDiagnostics(p.uri, () => applyDiagnostics(p.uri).length === 1);
      assert.equal(diags.filter((d) => d.source === 'DataWorks Apply')[0]!.severity, vscode.DiagnosticSeverity.Error);
      const checks = ctx.api.apply.results.decorations(p.uri);
      assert.deepEqual(checks.map((r) => p.getText(r)), [big[1]]);
    } finally {
      await setApplySetting('showSucceededAs', undefined);
    }
  });

  test('secrets never reach the DataWorks log or the journal', async () => {
    const lines = ctx.api.connection.log.lines().join('\n');
    assert.ok(lines.includes('BatchUpdateTasks'), 'the log has the apply requests');
    assert.ok(!lines.includes(ctx.emu.accessKeySecret), 'no AccessKey secret in the log');
    assert.ok(!lines.includes(ctx.emu.accessKeyId), 'no AccessKey id in the log');
    for (const h of ctx.api.apply.history()) {
      const journal = fs.readFileSync(h.entry.path, 'utf8');
      assert.ok(!journal.includes(ctx.emu.accessKeySecret) && !journal.includes(ctx.emu.accessKeyId), `no key in ${h.entry.path}`);
    }
  });

  test('Show Apply History lists every journal newest first with time, file and counts; picking one opens it', async () => {
    assert.equal(journals.length, 3, 'the mixed, revert and decorated applies each wrote a journal');
    let listed: readonly vscode.QuickPickItem[] = [];
    ctx.ui.pick((items) => ((listed = items), items.find((i) => pathOf(i) === journals[0]!.path)));
    const editor = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('dataworks.showApplyHistory');
    const onDisk = fs.readdirSync(ctx.api.apply.journalDir()).filter((n) => n.endsWith('.jsonl'));
    assert.equal(listed.length, 2 * onDisk.length, 'per journal in the workspace storage: the journal and its Revert');
    const ours = journals.map((j) => listed.findIndex((i) => pathOf(i) === j.path));
    assert.deepEqual(ours, [...ours].sort((a, b) => b - a), `newest first: ${listed.map((i) => i.label).join(' | ')}`);
    for (const [k, j] of journals.entries()) {
      const item = listed[ours[k]!]!;
      const plan = JSON.parse(fs.readFileSync(j.path, 'utf8').split('\n')[0]!) as { type: string; at: string };
      assert.equal(plan.type, 'plan');
      const at = Date.parse(plan.at);
      assert.ok(at >= suiteStart && at <= Date.now(), `the run's time ${plan.at}`);
      assert.equal(item.label, `${new Date(at).toLocaleString()}  ${j.file}`);
      assert.equal(item.description, j.counts);
      assert.ok(item.detail?.includes(ctx.emu.endpoint), `the target: ${item.detail}`);
    }
    assert.ok(editor, 'picking an entry opens an editor');
    assert.equal(editor.document.uri.fsPath, journals[0]!.path, 'the picked journal (the mixed apply) opens');
    assert.equal(editor.document.getText(), fs.readFileSync(journals[0]!.path, 'utf8'));
    // Every entry offers Revert: it writes the patch of that run from its journal and opens it.
    ctx.ui.pick((items) => items.find((i) => pathOf(i) === journals[0]!.path && (i as { action?: string }).action === 'revert'));
    const reverted = await vscode.commands.executeCommand<vscode.TextEditor | undefined>('dataworks.showApplyHistory');
    assert.ok(reverted, 'Revert opens the revert patch');
    assert.match(reverted.document.uri.fsPath, /\.revert\.dwtasks\.json$/);
    assert.match(reverted.document.getText(), /"Tasks"/);
  });
});
