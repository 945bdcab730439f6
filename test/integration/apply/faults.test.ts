// Apply under faults: cancelling mid-run through the progress' Cancel reports the rest as not sent;
// throttled calls (emulator --throttle-rate) are retried until every task is applied.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { waitForDiagnostics } from '../helpers';
import { scriptedUi, type ScriptedUi } from '../support/scriptedUi';
import { applyDiagnostics, applyWith, patchText, serviceTask, setApplySetting, writePatch } from './applyFixture';

function prodPatch(emu: RunningEmulator, n: number, tag: string): string {
  const tasks = emu.tasks('Prod').slice(0, n);
  assert.equal(tasks.length, n);
  return patchText(tasks.map((t, i) => ({ Id: t.Id, EnvType: 'Prod', fields: { Description: `${tag} ${i}` } })));
}

suite('Apply: cancel and throttling', () => {
  let emu: RunningEmulator | undefined;
  let ui: ScriptedUi | undefined;

  suiteSetup(async () => {
    await setApplySetting('batchSize', 1);
  });

  teardown(async () => {
    ui?.end();
    ui = undefined;
    await emu?.stop();
    emu = undefined;
  });

  suiteTeardown(async () => {
    await setApplySetting('batchSize', undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('cancel mid-run: chunks already answered stay applied, the rest are reported not sent; a second apply meanwhile is refused', async () => {
    // Writes after the first are held by the emulator until their caller gives up (and then never
    // run): the run is still sending when it is cancelled, however slow this machine is.
    const em = (emu = await startEmulator(60, ['--stall-writes-after', '1']));
    const api = await extensionApi();
    await connectTo(api, em.endpoint);
    const doc = await writePatch('cancel.dwtasks.json', prodPatch(em, 8, 'cancel'));
    let started!: (cancel: () => void) => void;
    const firstAnswer = new Promise<() => void>((resolve) => (started = resolve));
    // "chunk N of 8" is reported once N chunks are answered; the cancel is the notification's Cancel.
    ui = scriptedUi(api).modal('warning', 'Apply').onProgress((r, cancel) => { if (/^chunk [1-9]\d* of 8$/.test(r.message ?? '')) started(cancel); });
    const running = applyWith(doc);
    const cancel = await firstAnswer;
    // While it runs, a second apply is refused rather than sharing the account's rate limit blindly.
    const second = await applyWith(doc);
    assert.equal(second.kind, 'refused');
    if (second.kind === 'refused') assert.equal(second.reason, 'busy');
    assert.deepEqual(ui.shown('warning', false).map((m) => m.message), ['An apply is already running; cancel.dwtasks.json was not sent.']);
    assert.deepEqual(ui.progress, [`Applying cancel.dwtasks.json to ${api.connection.describe().label}`], 'one progress, the first apply\'s');
    cancel();
    const out = await running;
    assert.equal(out.kind, 'applied');
    if (out.kind !== 'applied') return;
    assert.equal(out.result.status, 'cancelled');
    const c = out.result.counts;
    assert.equal(c.succeeded, 1, `the first chunk applied (${JSON.stringify(c)})`);
    // Cancelled once the first answer came: the next chunk was held by the emulator, or not sent yet.
    assert.ok(c.unknown <= 2, `at most the two chunks in flight have no result (${JSON.stringify(c)})`);
    assert.ok(c.notSent >= 1, `later chunks not sent (${JSON.stringify(c)})`);
    assert.equal(c.succeeded + c.failed + c.unknown + c.notSent, 8);
    for (const r of out.result.results) {
      const desc = (await serviceTask(api, 'Prod', r.id)).Description;
      if (r.status === 'succeeded') assert.equal(desc, `cancel ${r.index}`);
      // The emulator never runs a held call whose caller left: unknown ones are unchanged too.
      else assert.notEqual(desc, `cancel ${r.index}`, `task ${r.id} (${r.status}) was not changed`);
    }
    if (c.unknown > 0) {
      const log = await em.requests();
      assert.ok(log.some((l) => / stalled\(caller gave up, not run\)/.test(l)), `the cancel tore the held call down: ${log.join(' | ')}`);
    }
    const diags = await waitForDiagnostics(doc.uri, () => applyDiagnostics(doc.uri).length === 8);
    const warnings = diags.filter((d) => d.source === 'DataWorks Apply' && d.severity === vscode.DiagnosticSeverity.Warning);
    assert.equal(warnings.length, c.notSent + c.unknown);
    assert.ok(warnings.every((w) => /not sent|no result/.test(w.message)));
  });

  test('throttling (30% of calls answered 429) is retried: every task applied', async () => {
    // The emulator draws its faults from a seeded PRNG, one draw per admitted request. With fault
    // seed 1 the first draw is 0.19 (< 0.3), so the first request it gets is throttled on every run:
    // the retry below is certain, not likely.
    const em = (emu = await startEmulator(60, ['--throttle-rate', '0.3', '--fault-seed', '1']));
    const api = await extensionApi();
    // A hidden Tasks view sends nothing on the connection change: every request here is the apply's.
    await vscode.commands.executeCommand('workbench.view.explorer');
    const logBefore = api.connection.log.lines().length;
    await connectTo(api, em.endpoint);
    const doc = await writePatch('throttled.dwtasks.json', prodPatch(em, 12, 'throttled'));
    ui = scriptedUi(api).modal('warning', 'Apply');
    const out = await applyWith(doc);
    assert.equal(out.kind, 'applied');
    if (out.kind !== 'applied') return;
    assert.deepEqual(out.result.counts, { ...out.result.counts, succeeded: 12, failed: 0, unknown: 0, notSent: 0 });
    for (const r of out.result.results) assert.equal((await serviceTask(api, 'Prod', r.id)).Description, `throttled ${r.index}`);
    // Every attempt the client logged was answered by this emulator (it is the only one connected).
    const attempts = api.connection.log.lines().slice(logBefore).filter((l) => / attempt=\d+ /.test(l));
    const answered = await em.requests(attempts.length);
    assert.match(answered[0] ?? '', /^\w+ 429 Throttling\.Api /, `the first request was throttled (fault seed 1): ${answered.slice(0, 3).join(' | ')}`);
    // Every 429 the emulator answered came back to the client as a retry (none ended the call).
    const throttled = answered.filter((l) => / 429 Throttling\.Api /.test(l)).length;
    const retries = attempts.filter((l) => / retry .*code=Throttling\.Api/.test(l));
    assert.ok(throttled > 0);
    assert.equal(retries.length, throttled, `${throttled} throttled by the emulator, retried:\n${retries.join('\n')}`);
  });
});
