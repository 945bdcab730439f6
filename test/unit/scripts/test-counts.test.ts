// scripts/test-all.mjs's counting (scripts/lib/test-counts.mjs): a skipped, todo or pending test is
// a failure, in node:test's summary (tap and spec) and in the integration host's result line.
import { test } from 'node:test';
import assert from 'node:assert/strict';

const tap = (counts: Record<string, number>): string =>
  ['TAP version 13', 'ok 1 - a', ...Object.entries(counts).map(([k, v]) => `# ${k} ${v}`), ''].join('\n');

test('node:test: skipped and todo count as failed, with cancelled; a clean run fails nothing', async () => {
  const { nodeTestCounts } = await import('../../../scripts/lib/test-counts.mjs');
  assert.deepEqual(nodeTestCounts(tap({ tests: 10, pass: 10, fail: 0, cancelled: 0, skipped: 0, todo: 0 })), { passed: 10, failed: 0, notRun: 0 });
  assert.deepEqual(nodeTestCounts(tap({ tests: 10, pass: 8, fail: 0, cancelled: 0, skipped: 1, todo: 1 })), { passed: 8, failed: 2, notRun: 2 });
  assert.deepEqual(nodeTestCounts(tap({ tests: 10, pass: 6, fail: 1, cancelled: 1, skipped: 2, todo: 0 })), { passed: 6, failed: 4, notRun: 2 });
  // The spec reporter's summary, and only the last summary counts (a file's own output may look alike).
  const spec = ['# pass 99', 'ℹ tests 3', 'ℹ pass 2', 'ℹ fail 0', 'ℹ cancelled 0', 'ℹ skipped 1', 'ℹ todo 0'].join('\n');
  assert.deepEqual(nodeTestCounts(spec), { passed: 2, failed: 1, notRun: 1 });
  assert.equal(nodeTestCounts('no summary at all'), undefined);
});

test('integration: pending counts as failed; the last result line wins; an old line without pending still reads', async () => {
  const { integrationCounts } = await import('../../../scripts/lib/test-counts.mjs');
  const out = 'INTEGRATION-RESULT {"passed":1,"failed":0,"pending":0}\nsome output\nINTEGRATION-RESULT {"passed":70,"failed":1,"pending":3}\n';
  assert.deepEqual(integrationCounts(out), { passed: 70, failed: 4, notRun: 3 });
  assert.deepEqual(integrationCounts('INTEGRATION-RESULT {"passed":5,"failed":0}\n'), { passed: 5, failed: 0, notRun: 0 });
  assert.equal(integrationCounts('crashed'), undefined);
});
