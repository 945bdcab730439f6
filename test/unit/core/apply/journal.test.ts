import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileJournal, defaultJournalPath, revertPathFor } from '@src/files/journal-file';
import { summarizeJournal } from '@src/core/apply/journal';

test('a journal cut after "sending" reads as: earlier chunks answered, that chunk unknown, later not sent', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dwj-'));
  const path = join(dir, 'sub', 'j.jsonl');
  const j = new FileJournal(path);
  const at = new Date().toISOString();
  j.append({
    type: 'plan', version: 1, at, target: { endpoint: 'http://127.0.0.1:1' }, batchSize: 2, rps: 4, envCounts: { Prod: 5, Dev: 0 },
    chunks: [
      { index: 0, tasks: [{ index: 0, id: '1', envType: 'Prod' }, { index: 1, id: '2', envType: 'Prod' }] },
      { index: 1, tasks: [{ index: 2, id: '3', envType: 'Prod' }, { index: 3, id: '4', envType: 'Prod' }] },
      { index: 2, tasks: [{ index: 4, id: '5', envType: 'Prod' }] },
    ],
  });
  j.append({ type: 'sending', at, chunk: 0, tasks: [{ Id: '1' }, { Id: '2' }] });
  j.append({
    type: 'result', at, chunk: 0, requestId: 'R0', durationMs: 3,
    results: [{ index: 0, id: '1', envType: 'Prod', status: 'succeeded', message: '' }, { index: 1, id: '2', envType: 'Prod', status: 'failed', message: 'no' }],
  });
  j.append({ type: 'sending', at, chunk: 1, tasks: [{ Id: '3' }, { Id: '4' }] });
  j.close();
  appendFileSync(path, '{"type":"res'); // a line cut short by a kill
  const s = summarizeJournal(readFileSync(path, 'utf8'));
  assert.deepEqual(s.tasks.map((t) => `${t.id}:${t.status}`), ['1:succeeded', '2:failed', '3:unknown', '4:unknown', '5:not-sent']);
  assert.deepEqual(s.inFlight, [1]);
  assert.equal(s.finished, false);
  assert.equal(s.badLines, 1);
  assert.deepEqual(s.counts, { succeeded: 1, failed: 1, unknown: 2, notSent: 1 });
});

test('default journal path sits next to the patch under .dwtasks/journal; revert next to the journal', () => {
  const p = defaultJournalPath('/w/patches/nightly.dwtasks.json', new Date('2026-11-28T12:00:01.234Z'));
  assert.equal(p, '/w/patches/.dwtasks/journal/20261128T120001234Z-nightly.jsonl');
  assert.equal(revertPathFor(p), '/w/patches/.dwtasks/journal/20261128T120001234Z-nightly.revert.dwtasks.json');
});
