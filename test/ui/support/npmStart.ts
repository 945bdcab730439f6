// `npm start` (scripts/start.mjs) in a fresh --home, as a newcomer runs it, with Chromium on the
// address it prints: for the UI tests that follow the README end to end. The emulator's state file
// (written when it starts) is the seed; `dwtasks list` through its API says what it holds now.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '@src/core/emulator-defaults';
import { captureOnFailure } from './failures';
import { ROOT } from './workbench';

export interface NpmStart {
  home: string;
  /** The workspace code-server opened (start.mjs puts it under --home). */
  workspace: string;
  browser: Browser;
  page: Page;
  /** Everything start.mjs printed so far (its emulator logs one line per request). */
  output(): string;
  /** The state file as the emulator wrote it when it started. */
  seed<T>(): T;
  /** `dwtasks list --project ID --json` against npm start's emulator. */
  list<T>(projectId: string): T[];
  /** Ctrl+C; resolves with start.mjs's exit code. */
  interrupt(): Promise<number | null>;
  close(): Promise<void>;
}

export async function npmStart(prefix: string): Promise<NpmStart> {
  const home = mkdtempSync(join(tmpdir(), prefix));
  let output = '';
  const start: ChildProcess = spawn(process.execPath, [join(ROOT, 'scripts/start.mjs'), '--port', '0', '--home', home], {
    cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
  });
  start.stderr!.setEncoding('utf8').on('data', (d: string) => (output += d));
  const address = await new Promise<string>((resolve, reject) => {
    start.stdout!.setEncoding('utf8').on('data', (d: string) => {
      output += d;
      const m = /Open (http:\/\/\S+)/.exec(output);
      if (m) resolve(m[1]!);
    });
    start.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
  });
  const host = await import('../../../scripts/lib/code-server-host.mjs');
  const browser = await host.launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.setDefaultTimeout(60_000);
  const uncapture = captureOnFailure(page);
  await page.goto(address, { waitUntil: 'domcontentloaded', timeout: 180_000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 120_000 });
  const interrupt = async () => {
    if (start.exitCode !== null || !start.pid) return start.exitCode;
    const exited = new Promise<number | null>((resolve) => start.once('exit', resolve));
    process.kill(-start.pid, 'SIGINT');
    return exited;
  };
  return {
    home, workspace: join(home, 'workspace'), browser, page,
    output: () => output,
    seed: <T>() => JSON.parse(readFileSync(join(home, 'emulator-state.json'), 'utf8')) as T,
    list: <T>(projectId: string): T[] => {
      const endpoint = /\[start\] emulator: (http:\/\/\S+)/.exec(output)?.[1];
      assert.ok(endpoint, 'npm start printed its emulator');
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'list', '--project', projectId, '--json', '--endpoint', endpoint], {
        encoding: 'utf8', env: { ...process.env, ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET },
      });
      assert.equal(r.status, 0, r.stderr);
      return JSON.parse(r.stdout) as T[];
    },
    interrupt,
    close: async () => {
      uncapture();
      await browser.close().catch(() => undefined);
      // Ctrl+C first (start.mjs stops code-server and the emulator it started), then force.
      if (start.exitCode === null && start.pid) {
        await Promise.race([interrupt().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 30_000))]);
        try { process.kill(-start.pid, 'SIGKILL'); } catch { /* already gone */ }
      }
      // code-server's last writes can race the removal right after it stops: retry, then leave it to the OS.
      for (let i = 0; i < 5; i++) {
        try { rmSync(home, { recursive: true, force: true }); break; } catch { await new Promise((r) => setTimeout(r, 1000)); }
      }
    },
  };
}

/** Widens the side bar (drags its right edge) so names, ids and schedules are readable in screenshots. */
export async function widenSideBar(page: Page): Promise<void> {
  for (const sash of await page.locator('.monaco-sash.vertical').all()) {
    const box = await sash.boundingBox();
    if (!box || box.x < 250 || box.x > 450) continue; // the side bar's right edge
    await page.mouse.move(box.x + box.width / 2, 450);
    await page.mouse.down();
    await page.mouse.move(box.x + 260, 450, { steps: 5 });
    await page.mouse.up();
    break;
  }
}

/** The Apply modal: checks its text, optionally screenshots it, presses Apply. */
export async function confirmApply(page: Page, expectText: RegExp, onShown?: () => Promise<unknown>): Promise<void> {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 60_000 });
  assert.match(await dialog.innerText(), expectText);
  await onShown?.();
  await dialog.locator('.monaco-button', { hasText: /^Apply$/ }).first().click();
  await dialog.waitFor({ state: 'hidden' });
}

/**
 * Opens Find in the active editor in regex mode with `regex`, from the top, and waits until it
 * reports `1 of N` matches (N = `count` when given); returns N. Find stays open.
 */
export async function findRegex(page: Page, regex: string, count?: number): Promise<number> {
  await page.keyboard.press('Control+Home'); // Find starts at the cursor: count matches from the top
  await page.keyboard.press('Control+F');
  const find = page.locator('.find-widget.visible');
  await find.waitFor({ state: 'visible' });
  const regexToggle = find.locator('.codicon-regex').first();
  if ((await regexToggle.getAttribute('aria-checked')) !== 'true') await page.keyboard.press('Alt+R');
  await find.locator('.codicon-regex[aria-checked="true"]').waitFor({ state: 'visible' });
  const input = find.locator('textarea').first();
  await input.fill(''); // the same text again would not start a new search from the cursor
  await input.fill(regex);
  const counter = find.locator('.matchesCount', { hasText: count === undefined ? /^1 of \d/ : new RegExp(`^1 of ${count}$`) });
  await counter.waitFor({ state: 'visible', timeout: 30_000 }).catch(async (e: unknown) => {
    const seen = await find.locator('.matchesCount').innerText().catch(() => '(no count)');
    throw new Error(`Find ${regex}: expected ${count ?? 'a first match'}, the widget says ${JSON.stringify(seen)}: ${(e as Error).message}`);
  });
  return Number(/of (\d+)/.exec(await counter.innerText())![1]);
}
