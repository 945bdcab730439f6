// Progress of long reads: quiet under a second, a rewritten line on a terminal, a plain line every
// few seconds elsewhere, and an estimate that never promises faster than the quota allows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressLine, estimateLeftMs, formatDuration, formatReadProgress } from '@src/core/listing/progress';

function clocked(isTTY: boolean, rps = 4) {
  let t = 0;
  const out: string[] = [];
  const line = new ProgressLine({ write: (s) => out.push(s), isTTY, rps, now: () => t });
  return { line, out, at: (ms: number) => { t = ms; } };
}

test('the estimate: never faster than the quota (remaining / rps), nor than the pace so far', () => {
  assert.equal(estimateLeftMs({ callsDone: 1, callsTotal: 381, items: 100 }, 250, 4), 95_000);
  // Slower than the quota (retries, slow answers): the pace wins.
  assert.equal(estimateLeftMs({ callsDone: 10, callsTotal: 20, items: 0 }, 10_000, 4), 10_000);
  assert.equal(estimateLeftMs({ callsDone: 20, callsTotal: 20, items: 0 }, 10_000, 4), 0);
  assert.equal(estimateLeftMs({ callsDone: 1, items: 0 }, 10_000, 4), undefined, 'no total yet, no guess');
});

test('the line names pages done of total, tasks of total and the time left', () => {
  assert.equal(formatReadProgress({ callsDone: 12, callsTotal: 381, items: 1200, totalItems: 38006 }, 92_250),
    'page 12 of 381, 1,200 of 38,006 tasks, about 1 min 32 s left');
  assert.equal(formatReadProgress({ unit: 'call', callsDone: 5, callsTotal: 9, items: 400, totalItems: 400 }, 500),
    'call 5 of 9, 400 of 400 tasks, less than 1 s left');
  assert.equal(formatDuration(3_725_000), '1 h 02 min');
});

test('a read under a second prints nothing at all', () => {
  const { line, out, at } = clocked(true);
  line.update({ callsDone: 1, callsTotal: 3, items: 100, totalItems: 300 });
  at(400); line.update({ callsDone: 2, callsTotal: 3, items: 200, totalItems: 300 });
  at(900); line.update({ callsDone: 3, callsTotal: 3, items: 300, totalItems: 300 });
  line.finish();
  assert.deepEqual(out, []);
});

test('on a terminal: one line rewritten in place (at most every 200 ms), and a summary line at the end', () => {
  const { line, out, at } = clocked(true, 4);
  for (let i = 1; i <= 12; i++) { at(i * 250); line.update({ callsDone: i, callsTotal: 12, items: i * 100, totalItems: 1200 }); }
  line.finish();
  // Updates at 1000, 1250, ... 3000 ms (the first three fell in the quiet second), then the summary.
  assert.equal(out.length, 9 + 1);
  assert.ok(out.slice(0, -1).every((s) => s.startsWith('\r') && s.endsWith('\x1b[K') && !s.includes('\n')));
  assert.equal(out[0], '\rpage 4 of 12, 400 of 1,200 tasks, about 2 s left\x1b[K');
  assert.equal(out.at(-1), '\rpage 12 of 12, 1,200 of 1,200 tasks, done in 3.0 s\x1b[K\n');
});

test('not a terminal (CI logs): a plain line every 5 s, no carriage returns', () => {
  const { line, out, at } = clocked(false, 4);
  for (let i = 1; i <= 60; i++) { at(i * 250); line.update({ callsDone: i, callsTotal: 60, items: i * 100, totalItems: 6000 }); }
  line.finish();
  assert.deepEqual(out, [
    'page 4 of 60, 400 of 6,000 tasks, about 14 s left\n',
    'page 24 of 60, 2,400 of 6,000 tasks, about 9 s left\n',
    'page 44 of 60, 4,400 of 6,000 tasks, about 4 s left\n',
    'page 60 of 60, 6,000 of 6,000 tasks, done in 15.0 s\n',
  ]);
});
