// A layer's counts from its output, for scripts/test-all.mjs. A test that did not run (skipped,
// todo, pending) counts as failed: a suite passes only when every test in it ran and passed.

/** node:test summary: `# pass N` (tap) or `ℹ pass N` (spec); undefined when there is none. */
export function nodeTestCounts(out) {
  const num = (key) => {
    const all = [...out.matchAll(new RegExp(`^(?:#|ℹ) ${key} (\\d+)\\s*$`, 'gm'))];
    return all.length ? Number(all.at(-1)[1]) : undefined;
  };
  const passed = num('pass');
  const failed = num('fail');
  if (passed === undefined || failed === undefined) return undefined;
  const notRun = (num('skipped') ?? 0) + (num('todo') ?? 0);
  return { passed, failed: failed + (num('cancelled') ?? 0) + notRun, notRun };
}

/** Mocha in the extension host: `INTEGRATION-RESULT {"passed":N,"failed":M,"pending":P}` (last one wins). */
export function integrationCounts(out) {
  const all = [...out.matchAll(/^INTEGRATION-RESULT (\{.*\})\s*$/gm)];
  if (!all.length) return undefined;
  const r = JSON.parse(all.at(-1)[1]);
  const notRun = Number(r.pending ?? 0);
  return { passed: r.passed, failed: r.failed + notRun, notRun };
}
