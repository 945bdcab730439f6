// Shared UI-test harness: real VS Code workbench (code-server) in headless Chromium, with the
// packaged .vsix installed (no smoke-test driver, so the UI behaves as for a user).
//
// Contract for UI tests (test/ui/**/*.test.ts, node:test, run by `npm run test:ui`):
//   const wb = await startWorkbench();          // one workbench per file: before(...)/after(() => wb.close())
//   await wb.openFile('completion.dwtasks.json');  // path relative to the workspace copy
//   await wb.goTo(line, column);                // 1-based, like the status bar
//   await wb.runCommand('View: Focus Problems');
//   const hover = await wb.hover('Next 5 fire times');  // Ctrl+K Ctrl+I at the cursor
//   await wb.screenshot('my-feature');          // test-results/ui/my-feature.png
//   startWorkbench({ locale: 'zh-cn' })         // the workbench in Chinese (./languagePack.ts)
// The workspace is a throwaway copy of test/fixtures/workspace plus examples/ (under examples/).
// Wait on selectors (wb.page.waitForSelector), never on fixed sleeps; drive menus and quick picks with
// the keyboard (./keyboard.ts). A failed test leaves a screenshot and the DOM (./failures.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { CodeServer } from '../../../scripts/lib/code-server-host.mjs' with { 'resolution-mode': 'import' };
import { captureFailure, captureOnFailure } from './failures';
import { PACK_LOCALE, assertChineseFont, buildLanguagePack, registerLanguagePack } from './languagePack';
import { chooseQuickPickItem, exactly, quickInputBox, runCommand } from './keyboard';

export const ROOT = resolve(__dirname, '../../..');
export const RESULTS_DIR = join(ROOT, 'test-results', 'ui');

/** The .vsix under test: DWTASKS_UI_VSIX (set by scripts/test-ui.mjs) or packaged on demand. */
export function vsixPath(): string {
  const given = process.env.DWTASKS_UI_VSIX;
  if (given && existsSync(given)) return given;
  const out = join(tmpdir(), `dwtasks-ui-${process.pid}.vsix`);
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--out', out], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('packaging the .vsix for the UI tests failed');
  process.env.DWTASKS_UI_VSIX = out;
  return out;
}

export interface Workbench {
  page: Page;
  browser: Browser;
  server: CodeServer;
  /** Absolute path of the workspace copy on disk. */
  workspace: string;
  openFile(relativePath: string): Promise<void>;
  goTo(line: number, column: number): Promise<void>;
  runCommand(title: string): Promise<void>;
  /** Ctrl+Space at the cursor until the list satisfies accept (language servers start lazily); returns labels. */
  suggest(accept?: (labels: string[]) => boolean, timeoutMs?: number): Promise<string[]>;
  /** Ctrl+K Ctrl+I at the cursor until a hover containing mustContain shows; returns it. */
  hover(mustContain: string): Promise<Locator>;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface WorkbenchOptions {
  /** Prepare the workspace copy (e.g. write files) before the workbench opens it. */
  prepare?: (workspace: string) => void;
  /** Extra machine settings written to the user-data-dir's User/settings.json. */
  settings?: Record<string, unknown>;
  /** 'zh-cn': a workbench in Chinese (a minimal language pack built and installed, `--locale zh-cn`). */
  locale?: typeof PACK_LOCALE;
}

export async function startWorkbench(options: WorkbenchOptions = {}): Promise<Workbench> {
  const host = await import('../../../scripts/lib/code-server-host.mjs');
  const scratch = mkdtempSync(join(tmpdir(), 'dwtasks-ui-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
  if (existsSync(join(ROOT, 'examples'))) cpSync(join(ROOT, 'examples'), join(workspace, 'examples'), { recursive: true });
  options.prepare?.(workspace);

  const userDataDir = join(scratch, 'user-data');
  const extensionsDir = join(scratch, 'extensions');
  host.installVsix(vsixPath(), { userDataDir, extensionsDir });
  if (options.locale) {
    assertChineseFont();
    host.installVsix(buildLanguagePack(ROOT, scratch), { userDataDir, extensionsDir });
    registerLanguagePack(userDataDir, extensionsDir);
  }
  const settingsDir = join(userDataDir, 'User');
  mkdirSync(settingsDir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    // Only language-server suggestions, so a list read from the widget is the provider's answer.
    'editor.wordBasedSuggestions': 'off',
    ...options.settings,
  };
  (await import('node:fs')).writeFileSync(join(settingsDir, 'settings.json'), JSON.stringify(settings, null, 2));

  const server = await host.startCodeServer({ userDataDir, extensionsDir, extraArgs: options.locale ? ['--locale', options.locale] : [] });
  let browser: Browser | undefined;
  let uncapture = (): void => undefined;
  try {
    browser = await host.launchChromium();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.setDefaultTimeout(60_000);
    uncapture = captureOnFailure(page);
    await page.goto(host.workbenchUrl(server.url, workspace), { waitUntil: 'domcontentloaded', timeout: 180_000 });
    await page.waitForSelector('.monaco-workbench .part.editor', { timeout: 120_000 });
    // The explorer shows the folder once the remote connection is up.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
    const b = browser;
    return {
      page,
      browser: b,
      server,
      workspace,
      openFile: (rel) => openFile(page, rel),
      goTo: (line, column) => goTo(page, line, column),
      runCommand: (title) => runCommand(page, title),
      suggest: (accept, timeoutMs) => suggest(page, accept, timeoutMs),
      hover: (mustContain) => showHover(page, mustContain),
      screenshot: (name) => screenshot(page, name),
      close: async () => {
        uncapture();
        await b.close().catch(() => undefined);
        await server.stop();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
  } catch (e) {
    const shown = (await captureFailure('workbench-start')).join(', ');
    uncapture();
    await browser?.close().catch(() => undefined);
    await server.stop();
    throw new Error(`workbench did not start (${shown}) (server log ${server.logFile}): ${(e as Error).message}`);
  }
}

/** Opens a file of the workspace through Quick Open: Enter once the page shows its row active, then waits for its editor tab. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  const name = relativePath.split('/').pop() ?? relativePath;
  await page.keyboard.press('Control+P');
  await (await quickInputBox(page)).fill(relativePath);
  await chooseQuickPickItem(page, exactly(name));
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor({ state: 'visible' });
}

/** Moves the cursor of the active editor to line:column (1-based) through Quick Open's ':' mode; resolves once the status bar shows it there. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+P');
  await (await quickInputBox(page)).fill(`:${line}:${column}`);
  await chooseQuickPickItem(page, new RegExp(`line ${line}.*${column}`));
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: exactly(`Ln ${line}, Col ${column}`) }).first().waitFor({ state: 'visible' });
  await page.locator('.editor-instance .monaco-editor.focused').first().waitFor({ state: 'visible' });
}

/**
 * Triggers suggestions at the cursor and returns the labels shown (quotes kept as shown). Retries
 * while the list is empty or accept() rejects it, because the JSON language server starts after the
 * editor opens; after the deadline returns the last labels seen so the caller's assertion reports them.
 */
export async function suggest(page: Page, accept: (labels: string[]) => boolean = (l) => l.length > 0, timeoutMs = 60_000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  const widget = page.locator('.suggest-widget.visible');
  let labels: string[] = [];
  for (;;) {
    await page.keyboard.press('Control+Space');
    await widget.waitFor({ state: 'visible', timeout: 15_000 }).catch(() => undefined);
    // Either rows or the "No suggestions." message appear once the providers answered.
    await page
      .locator('.suggest-widget.visible .monaco-list-row, .suggest-widget.visible .message:not([aria-hidden="true"])')
      .first()
      .waitFor({ state: 'visible', timeout: 15_000 })
      .catch(() => undefined);
    labels = await page.locator('.suggest-widget.visible .monaco-list-row .label-name').allInnerTexts();
    if (accept(labels) || Date.now() > deadline) return labels;
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await page.waitForTimeout(500); // back-off between retries of a lazily started server, not a wait for a result
  }
}

/** Shows the hover at the cursor until one containing mustContain is visible (see Workbench.hover). */
export async function showHover(page: Page, mustContain: string): Promise<Locator> {
  const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: mustContain }).first();
  for (let attempt = 0; ; attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // Providers answer after the extension activates; a retry re-asks, it does not wait for time.
    if (await hover.waitFor({ state: 'visible', timeout: 15_000 }).then(() => true, () => false)) return hover;
    if (attempt >= 5) throw new Error(`no hover containing ${JSON.stringify(mustContain)} at the cursor`);
    await page.keyboard.press('Escape');
  }
}

/** PNG of the whole workbench under test-results/ui/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const path = join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** 1-based line and column just after the first occurrence of marker in text. */
export function lineColumnAfter(text: string, marker: string): { line: number; column: number } {
  const at = text.indexOf(marker);
  if (at < 0) throw new Error(`marker ${JSON.stringify(marker)} not found`);
  const before = text.slice(0, at + marker.length).split('\n');
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 };
}
