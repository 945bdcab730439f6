// The one apply pipeline against the real emulator through the real client over HTTP: the gate sends
// nothing it refuses (the emulator's request log is the witness), one policy for a failed project
// listing, and true outcomes when our own journal or revert file fails after chunks went out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJournal, revertPathFor } from '@src/files/journal-file';
import { MemoryJournal, summarizeJournal, type JournalRecord } from '@src/core/apply/journal';
import { applyPatch, readCurrentValues, type ApplySink, type PipelineOptions } from '@src/core/apply/pipeline';
import { DataWorksClient } from '@src/dataworks/client';
import { startFixture, requestsOf, tasksOf, type Fixture } from './support/emulator-fixture';
import { invalidCases } from './support/invalid-cases';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 300 }); });
after(async () => { await fx.emu.close(); });

const FAST: PipelineOptions = { rps: 500 };

/** A sink that keeps the journal in memory, can fail on a chosen record, and records the order of events. */
function memorySink(opts: { failOn?: (r: JournalRecord) => boolean; failRevert?: boolean } = {}) {
  const journal = new MemoryJournal();
  const events: string[] = [];
  let opened = 0;
  let revert: string | undefined;
  const sink: ApplySink = {
    openJournal: () => {
      opened++;
      return {
        append: (r: JournalRecord) => {
          if (opts.failOn?.(r)) throw new Error(`disk full at ${r.type}`);
          events.push(r.type === 'sending' || r.type === 'result' ? `${r.type}:${r.chunk}` : r.type);
          journal.append(r);
        },
      };
    },
    writeRevert: (text) => {
      events.push('revert-written');
      if (opts.failRevert) throw new Error('EACCES: permission denied');
      revert = text;
      return '/somewhere/revert.dwtasks.json';
    },
  };
  return { sink, journal, events, opened: () => opened, revert: () => revert };
}

const patch = (tasks: { Id: string; fields: string }[], bom = false) =>
  `${bom ? '\ufeff' : ''}{\n  "Comment": "pipeline test",\n  "Tasks": [\n${tasks.map((t) => `    { "Id": ${t.Id}, ${t.fields} }`).join(',\n')}\n  ]\n}\n`;

test('every hand-written invalid case is refused by apply and by the reading half; not one request reaches the emulator', async () => {
  const id = tasksOf(fx.emu, 'Prod')[0].Id;
  for (const c of invalidCases(id)) {
    const seen = fx.requests.length;
    const m = memorySink();
    const out = await applyPatch({ text: c.text, file: 'bad.dwtasks.json' }, fx.client, FAST, m.sink);
    assert.equal(out.kind, 'refused', c.name);
    if (out.kind === 'refused') for (const code of c.codes) assert.ok(out.verdict.errors.some((f) => f.code === code), `${c.name}: ${code}`);
    const read = await readCurrentValues({ text: c.text, file: 'bad.dwtasks.json' }, fx.client, FAST);
    assert.equal(read.kind, 'refused', c.name);
    assert.deepEqual(fx.requests.slice(seen), [], `${c.name}: no request at all`);
    assert.equal(m.opened(), 0, 'no journal opened');
  }
});

test('a file with a BOM that validates clean applies: revert and before-values written before the first write, narrowed at the end', async () => {
  const [a, b] = tasksOf(fx.emu, 'Prod').slice(10, 12);
  const m = memorySink();
  const out = await applyPatch({ text: patch([{ Id: a.Id, fields: '"Description": "bom a"' }, { Id: b.Id, fields: '"Timeout": 4321' }], true), file: 'bom.dwtasks.json' }, fx.client, FAST, m.sink);
  assert.equal(out.kind, 'ran');
  if (out.kind !== 'ran') return;
  assert.deepEqual(out.result.results.map((r) => r.status), ['succeeded', 'succeeded']);
  assert.equal(fx.emu.snapshot().tasks.Prod[a.Id].Description, 'bom a');
  assert.equal(fx.emu.snapshot().tasks.Prod[b.Id].Timeout, 4321);
  assert.deepEqual(out.failures, []);
  assert.equal(out.revertPath, '/somewhere/revert.dwtasks.json');
  assert.deepEqual(m.events, ['revert-written', 'plan', 'before', 'sending:0', 'result:0', 'revert-written', 'end']);
  const end = m.journal.records.at(-1);
  assert.ok(end?.type === 'end' && end.revert === out.revertPath, 'the end record names the revert patch');
  assert.ok(m.revert()?.includes(JSON.stringify(a.Description)), 'the revert holds the value read before');
});

test('one policy for a failed project listing: nothing is sent, nothing read task by task, no journal; both halves say so', async () => {
  const wrong = new DataWorksClient({ endpoint: fx.emu.endpoint, credentials: { kind: 'accessKey', accessKeyId: fx.emu.accessKeyId, accessKeySecret: 'wrong-secret' } });
  const t = tasksOf(fx.emu, 'Prod')[20];
  const text = patch([{ Id: t.Id, fields: '"Description": "never"' }]);
  const seen = fx.requests.length;
  const m = memorySink();
  const out = await applyPatch({ text, file: 'p.dwtasks.json' }, wrong, FAST, m.sink);
  assert.equal(out.kind, 'not-sent');
  if (out.kind !== 'not-sent') return;
  assert.equal(out.cancelled, false);
  assert.equal(out.error.kind, 'auth');
  assert.match(out.message, /^Listing the account's projects failed \(.*SignatureDoesNotMatch.*\); nothing was sent\.$/);
  assert.deepEqual(out.results.map((r) => [r.id, r.status]), [[t.Id, 'not-sent']]);
  assert.equal(m.opened(), 0, 'no journal: nothing was about to be sent');
  const read = await readCurrentValues({ text, file: 'p.dwtasks.json' }, wrong, FAST);
  assert.equal(read.kind, 'not-read');
  const sameCall = (m: string) => m.replace(/[0-9A-F]{8}-[0-9A-F-]{27}|[0-9a-f]{64}/g, 'ID'); // request ids and string-to-sign hashes differ per call
  if (read.kind === 'not-read') assert.equal(sameCall(read.message), sameCall(out.message), 'the same message on the reading half');
  const lines = fx.requests.slice(seen);
  assert.ok(lines.length >= 2 && lines.every((l) => l.startsWith('ListProjects ')), lines.join(' | '));
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);

  // The ways on: named projects (no listing) or no before-state (no listing, no revert).
  const named = await applyPatch({ text, file: 'p.dwtasks.json' }, fx.client, { ...FAST, projectIds: [t.ProjectId] }, memorySink().sink);
  assert.equal(named.kind, 'ran');
  const noRevert = await applyPatch({ text: patch([{ Id: t.Id, fields: '"Description": "no revert"' }]), file: 'p.dwtasks.json' }, fx.client, { ...FAST, readBefore: false }, memorySink().sink);
  assert.ok(noRevert.kind === 'ran' && noRevert.revertPath === null);
  assert.equal(requestsOf({ ...fx, requests: fx.requests.slice(seen) }, 'ListProjects').length, lines.length, `neither listed projects: ${fx.requests.slice(seen).join(' | ')}`);
});

test('the journal fails after the first chunk went out: results say applied / not sent, the emulator agrees, never "stopped before sending"', async () => {
  const prod = tasksOf(fx.emu, 'Prod').slice(40, 46);
  const seen = requestsOf(fx, 'BatchUpdateTasks').length;
  const m = memorySink({ failOn: (r) => r.type === 'sending' && r.chunk === 1 });
  const out = await applyPatch({ text: patch(prod.map((t) => ({ Id: t.Id, fields: '"Description": "journal dies"' }))), file: 'j.dwtasks.json' }, fx.client, { ...FAST, batchSize: 2, projectIds: [...new Set(prod.map((t) => t.ProjectId))] }, m.sink);
  assert.equal(out.kind, 'ran');
  if (out.kind !== 'ran') return;
  assert.deepEqual(out.result.results.map((r) => r.status), ['succeeded', 'succeeded', 'not-sent', 'not-sent', 'not-sent', 'not-sent']);
  assert.equal(out.result.status, 'stopped');
  assert.match(out.result.results[2].message, /^Not sent: The journal could not be written \(disk full at sending\)/);
  assert.deepEqual(out.failures.map((f) => f.what), ['journal']);
  assert.ok(!JSON.stringify([out.result.results, out.result.error, out.failures]).includes('before sending'), 'no "stopped before sending" anywhere');
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').length - seen, 1, 'exactly one call reached the emulator');
  const state = fx.emu.snapshot().tasks.Prod;
  prod.forEach((t, i) => assert.equal(state[t.Id].Description, i < 2 ? 'journal dies' : t.Description, t.Id));
  // The revert covers what was applied, from the before-state the journal did record.
  assert.deepEqual(out.result.revert?.request.Tasks.map((t) => [t.Id, t.Description]), prod.slice(0, 2).map((t) => [t.Id, t.Description]));
  assert.ok(m.events.indexOf('revert-written') < m.events.indexOf('sending:0'), 'a revert patch before the first write');
  assert.ok(m.events.lastIndexOf('revert-written') > m.events.indexOf('result:0'), 'narrowed to what was sent at the end');
});

test('reads apart: every before-value is journaled before the first write, and the calls go in file order as planned', async () => {
  const prod = Object.values(fx.emu.snapshot().tasks.Prod).slice(0, 120);
  const m = memorySink();
  const out = await applyPatch({ text: patch(prod.map((t) => ({ Id: t.Id, fields: '"Description": "in order"' }))), file: 'k.dwtasks.json' }, fx.client, { ...FAST, readRps: 500, batchSize: 50, projectIds: fx.projectIds }, m.sink);
  assert.ok(out.kind === 'ran');
  const planRec = m.journal.records.find((r) => r.type === 'plan');
  assert.ok(planRec?.type === 'plan');
  assert.deepEqual(planRec.chunks.flatMap((c) => c.tasks.map((t) => t.index)), prod.map((_, i) => i), 'file order, as planned');
  const sendingAt = m.journal.records.findIndex((r) => r.type === 'sending');
  const before = m.journal.records.slice(0, sendingAt).flatMap((r) => (r.type === 'before' ? r.tasks.map((e) => e.id) : []));
  assert.deepEqual(before.sort(), prod.map((t) => t.Id).sort(), 'every before-value journaled before the first write');
  assert.deepEqual(m.journal.records.filter((r) => r.type === 'sending').map((r) => r.type === 'sending' && r.chunk), [0, 1, 2], 'sent in plan order');
});

test('a result record that cannot be written: every chunk already sent is reported from its answer, the rest not sent', async () => {
  const prod = tasksOf(fx.emu, 'Prod').slice(60, 68);
  const seen = requestsOf(fx, 'BatchUpdateTasks').length;
  const m = memorySink({ failOn: (r) => r.type === 'result' && r.chunk === 0 });
  const out = await applyPatch({ text: patch(prod.map((t) => ({ Id: t.Id, fields: '"Description": "result lost"' }))), file: 'r.dwtasks.json' }, fx.client, { ...FAST, batchSize: 2, readBefore: false }, m.sink);
  assert.equal(out.kind, 'ran');
  if (out.kind !== 'ran') return;
  const statuses = out.result.results.map((r) => r.status);
  assert.ok(statuses.every((s) => s === 'succeeded' || s === 'not-sent'), statuses.join(','));
  assert.deepEqual(statuses.slice(0, 2), ['succeeded', 'succeeded']);
  const sentChunks = new Set(out.result.results.filter((r) => r.status !== 'not-sent').map((r) => Math.floor(r.index / 2)));
  assert.equal(requestsOf(fx, 'BatchUpdateTasks').length - seen, sentChunks.size, 'one call per chunk reported as sent');
  const state = fx.emu.snapshot().tasks.Prod;
  out.result.results.forEach((r, i) => assert.equal(state[r.id].Description, r.status === 'succeeded' ? 'result lost' : prod[i].Description, `${r.id} ${r.status}`));
  assert.deepEqual(out.failures.map((f) => f.what), ['journal']);
});

test('the revert patch cannot be written before the first write: nothing is sent; the journal says so and is finished', async () => {
  const t = tasksOf(fx.emu, 'Prod')[80];
  const m = memorySink({ failRevert: true });
  const out = await applyPatch({ text: patch([{ Id: t.Id, fields: '"Description": "revert fails"' }]), file: 'rv.dwtasks.json' }, fx.client, { ...FAST, projectIds: [t.ProjectId] }, m.sink);
  assert.ok(out.kind === 'ran');
  assert.deepEqual(out.result.results.map((r) => r.status), ['not-sent']);
  assert.equal(fx.emu.snapshot().tasks.Prod[t.Id].Description, t.Description);
  assert.equal(out.revertPath, null);
  assert.deepEqual(out.failures.map((f) => f.what), ['revert']);
  assert.match(out.failures[0].message, /EACCES.*nothing was sent/);
  const summary = summarizeJournal(m.journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.equal(summary.finished, true);
  assert.equal(summary.end?.revert, null);
  assert.equal(summary.before?.tasks[0].values?.Description, t.Description, 'the journal keeps the before-state');
});

test('with a file journal: the revert patch is on disk next to the journal when the outcome arrives', async () => {
  const t = tasksOf(fx.emu, 'Prod')[90];
  const dir = mkdtempSync(join(tmpdir(), 'dwpipe-'));
  const journalPath = join(dir, 'run.jsonl');
  const out = await applyPatch({ text: patch([{ Id: t.Id, fields: '"Description": "on disk"' }]), file: 'd.dwtasks.json' }, fx.client, { ...FAST, projectIds: [t.ProjectId] }, {
    openJournal: () => new FileJournal(journalPath),
    writeRevert: (text) => { const p = revertPathFor(journalPath); writeFileSync(p, text); return p; },
  });
  assert.ok(out.kind === 'ran' && out.revertPath);
  assert.ok(existsSync(out.revertPath));
  assert.equal(out.journalPath, journalPath);
  assert.equal(summarizeJournal(readFileSync(journalPath, 'utf8')).end?.revert, out.revertPath);
});
