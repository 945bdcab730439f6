// The editor's send paths behind the one gate, in the real host against the emulator: Apply and Preview
// refuse every patch `dwtasks validate` rejects (the schema errors among them) and refuse while
// any source reports an error on the document; the emulator's own request log shows nothing reached it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import type { RunningEmulator } from '../connection/emulatorFixture';
import { invalidCases } from '../../unit/core/apply/support/invalid-cases';
import { waitForDiagnostics } from '../helpers';
import { connectedSuite } from '../support/connectedSuite';
import { applyWith, patchText, writePatch } from './applyFixture';

/**
 * The requests the emulator answered while `body` ran. A GetTask of a task that does not exist, made
 * afterwards, is the barrier: once its (refused) line is in the log, every earlier line is too.
 */
async function requestsDuring(emu: RunningEmulator, api: ExtensionApi, body: () => Promise<void>): Promise<string[]> {
  const before = (await emu.requests()).length;
  await body();
  const client = await api.connection.getClient();
  await assert.rejects(client.getTask('1', 'Prod'));
  const barrier = (l: string) => /^GetTask [45]\d\d /.test(l);
  let lines = await emu.requests(before + 1);
  while (!lines.slice(before).some(barrier)) lines = await emu.requests(lines.length + 1);
  const during = lines.slice(before);
  assert.ok(barrier(during.at(-1)!), `the barrier is the last line: ${during.join(' | ')}`);
  return during.slice(0, -1);
}

suite('Apply gate: nothing validate rejects reaches the emulator', () => {
  const ctx = connectedSuite({ tasks: 120 });
  let id: string;

  suiteSetup(async () => {
    const t = ctx.emu.tasks('Prod')[0]!;
    id = t.Id;
  });

  test('editor Apply refuses the issue\'s schema-invalid patch (EnvType "Production", Timeout "7200", Colour) and sends nothing', async () => {
    const doc = await writePatch('gate-schema.dwtasks.json', invalidCases(id)[0]!.text);
    const during = await requestsDuring(ctx.emu, ctx.api, async () => {
      const out = await applyWith(doc);
      assert.equal(out.kind, 'refused');
      if (out.kind === 'refused') {
        assert.equal(out.reason, 'errors');
        assert.match(out.message, /gate-schema\.dwtasks\.json has 3 errors; nothing was sent\. First: line 4/);
      }
    });
    assert.deepEqual(during, [], 'no request of any kind reached the emulator');
  });

  test('Preview refuses it too, before reading anything', async () => {
    const doc = await writePatch('gate-preview.dwtasks.json', invalidCases(id)[0]!.text);
    const during = await requestsDuring(ctx.emu, ctx.api, async () => {
      const out = await vscode.commands.executeCommand<unknown>('dataworks.previewBatchUpdate', doc.uri);
      assert.equal(out, undefined, 'no preview of a patch with errors');
    });
    assert.deepEqual(during, []);
  });

  test('every hand-written case of the issue is refused by editor Apply and Preview', async () => {
    const cases = invalidCases(id).filter((c) => !c.text.startsWith('\ufeff')); // an editor document never holds a BOM
    const during = await requestsDuring(ctx.emu, ctx.api, async () => {
      for (const [i, c] of cases.entries()) {
        const doc = await writePatch(`gate-case-${i}.dwtasks.json`, c.text);
        const out = await applyWith(doc);
        assert.equal(out.kind, 'refused', c.name);
        if (out.kind === 'refused') assert.equal(out.reason, 'errors', c.name);
        assert.equal(await vscode.commands.executeCommand<unknown>('dataworks.previewBatchUpdate', doc.uri), undefined, c.name);
      }
    });
    assert.deepEqual(during, []);
  });

  test('an error diagnostic from any other source refuses Apply and Preview; once it is gone, Preview reads', async () => {
    const doc = await writePatch('gate-other.dwtasks.json', patchText([{ Id: id, EnvType: 'Prod', fields: { Description: 'clean patch' } }]));
    const other = vscode.languages.createDiagnosticCollection('another-linter');
    try {
      const d = new vscode.Diagnostic(new vscode.Range(3, 0, 3, 10), 'policy: Prod changes need a ticket', vscode.DiagnosticSeverity.Error);
      d.source = 'another-linter';
      other.set(doc.uri, [d]);
      await waitForDiagnostics(doc.uri, (ds) => ds.some((x) => x.source === 'another-linter'));
      const during = await requestsDuring(ctx.emu, ctx.api, async () => {
        const out = await applyWith(doc);
        assert.equal(out.kind, 'refused');
        if (out.kind === 'refused') {
          assert.equal(out.reason, 'problems');
          assert.match(out.message, /1 problem reported by another-linter; nothing was sent\. First: line 4: policy: Prod changes need a ticket/);
        }
        assert.equal(await vscode.commands.executeCommand<unknown>('dataworks.previewBatchUpdate', doc.uri), undefined);
      });
      assert.deepEqual(during, []);
    } finally {
      other.dispose();
    }
    await waitForDiagnostics(doc.uri, (ds) => !ds.some((x) => x.source === 'another-linter'));
    const during = await requestsDuring(ctx.emu, ctx.api, async () => {
      const out = await vscode.commands.executeCommand<{ text: string } | undefined>('dataworks.previewBatchUpdate', { uri: doc.uri });
      assert.ok(out, 'Preview runs once the problem is gone');
      assert.match(out.text, new RegExp(`Task ${id} \\(Prod\\)`));
      assert.match(out.text, /Description: .* -> "clean patch"/);
    });
    assert.ok(during.some((l) => l.startsWith('ListProjects ')) && !during.some((l) => l.startsWith('BatchUpdateTasks ')), during.join(' | '));
  });
});

suite('Apply gate: a failed project listing sends nothing', () => {
  // Every request is refused (daily quota used up): ListProjects fails first.
  const ctx = connectedSuite({ tasks: 50, args: ['--daily-quota', '0'] });
  let id: string;

  suiteSetup(() => {
    id = ctx.emu.tasks('Prod')[0]!.Id;
  });

  test('Apply stops after the listing, nothing sent; "Apply Without Revert Patch" sends without reading; Preview says why', async () => {
    const doc = await writePatch('gate-listing.dwtasks.json', patchText([{ Id: id, EnvType: 'Prod', fields: { Description: 'listing fails' } }]));
    let during = await requestsDuring(ctx.emu, ctx.api, async () => {
      // The error offers "Apply Without Revert Patch"; the user closes it.
      ctx.ui.notification('error', undefined);
      const out = await applyWith(doc);
      assert.equal(out.kind, 'refused');
      if (out.kind === 'refused') {
        assert.equal(out.reason, 'projects');
        assert.match(out.message, /listing the account's projects failed \(.*Throttling\.Resource.*\); nothing was sent\. Apply without a revert patch/);
      }
      assert.deepEqual(ctx.ui.shown('error').map((m) => [m.message, m.items]), [[out.kind === 'refused' ? out.message : '', ['Apply Without Revert Patch']]]);
      assert.equal(await vscode.commands.executeCommand<unknown>('dataworks.previewBatchUpdate', doc.uri), undefined, 'Preview: the same policy');
    });
    assert.ok(during.length > 0 && during.every((l) => l.startsWith('ListProjects ')), during.join(' | '));

    during = await requestsDuring(ctx.emu, ctx.api, async () => {
      ctx.ui.notification('error', 'Apply Without Revert Patch').modal('warning', 'Apply');
      const out = await applyWith(doc);
      assert.equal(out.kind, 'applied', 'the user chose to apply without a revert patch');
      if (out.kind === 'applied') {
        assert.equal(out.revertPath, undefined);
        // The quota refuses the call: a per-task result (failed, or unknown after the client's retries), never "stopped before sending".
        assert.ok(['failed', 'unknown'].includes(out.result.results[0]!.status), out.result.results[0]!.status);
        assert.match(out.result.results[0]!.message, /Throttling\.Resource/);
      }
    });
    assert.ok(during.some((l) => l.startsWith('BatchUpdateTasks 429')), during.join(' | '));
    assert.ok(!during.some((l) => l.startsWith('GetTask ') || l.startsWith('ListTasks ')), 'no current values read');
  });
});
