// A failed UI test leaves the workbench as the failure left it: a screenshot and the DOM (text and
// HTML) of every page its file opened, under test-results/ui/failures/, the paths printed. Every UI
// test file gets this hook by importing workbench.ts, whose pages (and npm start's) register here.
import { afterEach } from 'node:test';
import { basename, resolve } from 'node:path';
import type { Page } from 'playwright-core';

export const FAILURES_DIR = resolve(__dirname, '../../../test-results/ui/failures');
const pages = new Set<Page>();

/** Captures `page` when a test of this file fails; returns the function that stops it (on close). */
export function captureOnFailure(page: Page): () => void {
  pages.add(page);
  return () => pages.delete(page);
}

/** Saves every registered page now, as `<test file>-<what>`; prints and returns the paths. */
export async function captureFailure(what: string): Promise<string[]> {
  const { saveFailureArtifacts } = await import('../../../scripts/lib/failure-artifacts.mjs');
  const file = basename(process.argv[1] ?? 'ui').replace(/\.test\.ts$/, '');
  const written: string[] = [];
  let n = 0;
  for (const page of pages) written.push(...(await saveFailureArtifacts(page, FAILURES_DIR, `${file}-${what}${n++ ? `-${n}` : ''}`)));
  console.log(`failure artifacts of "${what}": ${written.length ? written.join(', ') : 'none, no workbench page was open'}`);
  return written;
}

afterEach(async (t) => {
  // `passed` is there from Node 20.12 (its types are not yet): false for a failed test or before hook.
  if ('passed' in t && t.passed === false) await captureFailure(t.name);
});
