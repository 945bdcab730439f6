// What a failed UI or host test leaves behind: a screenshot of the workbench and its DOM (the page's
// text, then its HTML), so a failure on a busy machine can be read after the run. Shared by the UI
// tests (test/ui/failures.ts) and the host-test launcher (scripts/vscode-launcher.mjs).
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The line a failed host test prints to ask the launcher for a capture: `<marker> <name>`. */
export const FAILURE_CAPTURE_MARKER = 'DWTASKS-CAPTURE-FAILURE';

/** A file name for a test title: letters, digits, dots and dashes, at most 120 characters. */
export function artifactName(title) {
  return title.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 120) || 'test';
}

/**
 * Writes <dir>/<name>.png, <name>.html and, last and whole (by rename), <name>.txt; returns the paths
 * written. Never throws: a step that fails (a closed page) is noted in the text file instead.
 */
export async function saveFailureArtifacts(page, dir, name) {
  mkdirSync(dir, { recursive: true });
  const base = join(dir, artifactName(name));
  const written = [];
  const notes = [];
  try {
    await page.screenshot({ path: `${base}.png`, timeout: 30_000 });
    written.push(`${base}.png`);
  } catch (e) {
    notes.push(`screenshot failed: ${e instanceof Error ? e.message : e}`);
  }
  try {
    writeFileSync(`${base}.html`, await page.content());
    written.push(`${base}.html`);
  } catch (e) {
    notes.push(`HTML failed: ${e instanceof Error ? e.message : e}`);
  }
  let text = '';
  try {
    text = await page.evaluate(() => document.body.innerText);
  } catch (e) {
    notes.push(`text failed: ${e instanceof Error ? e.message : e}`);
  }
  writeFileSync(`${base}.txt.part`, [`${page.url()}`, ...notes, '', text].join('\n'));
  renameSync(`${base}.txt.part`, `${base}.txt`);
  written.push(`${base}.txt`);
  return written;
}
