// Reading ahead: chunks are sent while later tasks' before-state is still being read. Over real HTTP
// against the emulator; a thin wrapper around the real client records when each call left and answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { runApply, finishJournal } from '../../../../src/core/apply/run';
import { MemoryJournal, summarizeJournal, type JournalRecord } from '../../../../src/core/apply/journal';
import { LIST_IDS_PER_CALL } from '../../../../src/core/apply/before-state';
import { TokenBucket } from '../../../../src/core/apply/rate-limit';
import { recordingService, type CallEvent } from './recording-service';
import { startFixture, tasksOf, type Fixture } from './emulator-fixture';
import { assertCancelledExactly } from './cancel-checks';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 2000 }); });
after(async () => { await fx.emu.close(); });

type Event = CallEvent;
const recording = (log: Event[]) => recordingService(fx.client, log);

/** 300 tasks of the first project, spread over it: fewer than its pages, so read 100 ids per call. */
function pickTasks(offset: number) {
  const projectId = fx.projectIds[0];
  const all = tasksOf(fx.emu, 'Prod').filter((t) => t.ProjectId === projectId);
  assert.ok(all.length > 700, `project ${projectId} has ${all.length} tasks`);
  const picked = all.filter((_, i) => i % 2 === offset).slice(0, 300);
  // Page 1 of ListTasks (Id Desc) gives the 100 largest ids; the rest cost one call per 100 ids.
  const page1 = new Set([...all].sort((a, b) => (BigInt(b.Id) > BigInt(a.Id) ? 1 : -1)).slice(0, LIST_IDS_PER_CALL).map((t) => t.Id));
  const fewest = 1 + Math.ceil(picked.filter((t) => !page1.has(t.Id)).length / LIST_IDS_PER_CALL);
  return { projectId, picked, fewest };
}

const sentChunks = (records: JournalRecord[]) => records.filter((r) => r.type === 'sending').length;

test('read ahead: each chunk is written only after its tasks are read and journaled, writes overlap the reads, and the reads are the fewest', async () => {
  const { projectId, picked, fewest } = pickTasks(0);
  const log: Event[] = [];
  const journal = new MemoryJournal();
  const res = await runApply({
    service: recording(log), request: { Tasks: picked.map((t, i) => ({ Id: t.Id, Description: `ahead ${i}` })) }, batchSize: 10,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(4), projectIds: [projectId], journal,
  });
  await finishJournal(journal, res, null);
  assert.equal(res.status, 'done');
  assert.equal(res.counts.succeeded, 300);

  // Every write leaves after the reads that returned its tasks.
  const seen = new Set<string>();
  let writesBeforeLastRead = 0;
  const lastRead = log.map((e) => e.kind).lastIndexOf('read');
  log.forEach((e, i) => {
    if (e.kind === 'read') e.ids.forEach((id) => seen.add(id));
    else {
      for (const id of e.ids) assert.ok(seen.has(id), `task ${id} written before its current values were read`);
      if (i < lastRead) writesBeforeLastRead++;
    }
  });
  assert.ok(writesBeforeLastRead >= 3, `only ${writesBeforeLastRead} writes left while reads were still going`);

  // Fewest reads: page 1, then 100 ids per call; and no more than reading everything first.
  const reads = log.filter((e) => e.kind === 'read').length;
  assert.equal(reads, fewest);

  // Journal: each 'sending' comes after 'before' records holding all of its tasks.
  const journaled = new Set<string>();
  for (const r of journal.records) {
    if (r.type === 'before') r.tasks.forEach((t) => journaled.add(t.id));
    if (r.type === 'sending') for (const t of r.tasks) assert.ok(journaled.has(t.Id), `chunk ${r.chunk}: task ${t.Id} sent before its before-state was journaled`);
  }
  const summary = summarizeJournal(journal.records.map((r) => JSON.stringify(r)).join('\n'));
  assert.equal(summary.before?.calls, fewest, 'the before records together count every read call');
  assert.equal(summary.before?.tasks.length, 300);
  assert.ok(journal.records.filter((r) => r.type === 'before').length > 1, 'before-state journaled in steps');
  assert.deepEqual(res.revert?.request.Tasks.map((t) => t.Description), picked.map((t) => t.Description));

  // The same patch read all first (readAhead: false) makes exactly as many read calls.
  const log2: Event[] = [];
  const again = await runApply({
    service: recording(log2), request: { Tasks: picked.map((t, i) => ({ Id: t.Id, Description: `again ${i}` })) }, batchSize: 10,
    rps: 500, projectIds: [projectId], readAhead: false,
  });
  assert.equal(again.counts.succeeded, 300);
  assert.equal(log2.filter((e) => e.kind === 'read').length, fewest);
  assert.ok(log2.findIndex((e) => e.kind === 'write') > log2.map((e) => e.kind).lastIndexOf('read'), 'readAhead: false reads everything first');
});

test('read ahead: cancelled while reads are still going, the journal tells sent, unknown and not-sent apart and the revert covers what was sent', async () => {
  const { projectId, picked } = pickTasks(1);
  const log: Event[] = [];
  const journal = new MemoryJournal();
  const ac = new AbortController();
  const res = await runApply({
    service: recording(log), request: { Tasks: picked.map((t) => ({ Id: t.Id, Timeout: t.Timeout + 5 })) }, batchSize: 10,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(3), projectIds: [projectId], journal, signal: ac.signal,
    onProgress: (p) => { if (p.phase === 'apply' && p.chunk === 2) ac.abort(new Error('user cancelled')); },
  });
  await finishJournal(journal, res, null);
  const statuses = res.results.map((r) => r.status);
  assert.ok(statuses.filter((s) => s === 'succeeded').length >= 20, statuses.join(','));
  assert.ok(statuses.slice(-10).every((s) => s === 'not-sent'), 'the last chunk was never sent');
  assert.ok(log.some((e) => e.kind === 'read') && sentChunks(journal.records) < 30);
  assertCancelledExactly(res, journal, fx.emu, picked.map((t) => t.Timeout), 5);
});

test('a whole-project walk reads the pages holding the first chunks first: the first write leaves after page 1 and the last pages, still one call per page', async () => {
  const projectId = fx.projectIds[0];
  // Every Prod task of the project, in ascending id order: the first chunk's tasks sit on the last
  // pages of ListTasks' Id Desc order, which a walk in page order would read last.
  const all = tasksOf(fx.emu, 'Prod').filter((t) => t.ProjectId === projectId);
  const pages = Math.ceil(all.length / LIST_IDS_PER_CALL);
  assert.ok(pages >= 6, `${pages} pages`);
  const log: Event[] = [];
  const res = await runApply({
    service: recording(log), request: { Tasks: all.map((t, i) => ({ Id: t.Id, Description: `walk ${i}` })) }, batchSize: 50,
    limiter: new TokenBucket(500), readLimiter: new TokenBucket(20), projectIds: [projectId],
  });
  assert.equal(res.status, 'done');
  assert.equal(res.counts.succeeded, all.length);
  const reads = log.filter((e) => e.kind === 'read');
  assert.equal(reads.length, pages, 'one ListTasks per page: the fewest calls');
  const firstWrite = log.findIndex((e) => e.kind === 'write');
  const readsBefore = log.slice(0, firstWrite).filter((e) => e.kind === 'read').length;
  // Page 1 (it tells the size), then the two last pages (the first 50 ids), give or take the reads
  // already in flight (four at a time); in page order it would be every page.
  assert.ok(readsBefore <= 1 + 2 + 3 && readsBefore < pages, `first write after ${readsBefore} of ${pages} reads`);
  const seen = new Set<string>();
  for (const e of log) {
    if (e.kind === 'read') e.ids.forEach((id) => seen.add(id));
    else for (const id of e.ids) assert.ok(seen.has(id), `task ${id} written before it was read`);
  }
});
