// Shared by the UI tests that need DataWorks: our CLI's emulator as a child process (its seed read
// from the state file as the oracle), and connecting the workbench to it the way a user does.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { chooseQuickPickItem, pickCommand, quickInputBox } from './keyboard';
import { ROOT } from './workbench';

export interface UiEmulator {
  endpoint: string;
  /** The state file as written at start: the seed data. */
  seed<T>(): T;
  stop(): Promise<void>;
}

export async function startUiEmulator(tasks: number): Promise<UiEmulator> {
  const dir = mkdtempSync(join(tmpdir(), 'dwtasks-ui-emu-'));
  const state = join(dir, 'state.json');
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist/cli.js'), 'emulator', '--json', '--port', '0', '--tasks', String(tasks), '--state', state], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve((JSON.parse(out.slice(0, nl)) as { endpoint: string }).endpoint);
    });
    child.once('exit', (code) => reject(new Error(`emulator exited with ${code}`)));
  });
  return {
    endpoint,
    seed: <T>() => JSON.parse(readFileSync(state, 'utf8')) as T,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What connectToEmulator types and waits for: the English UI's texts, or another language's. */
export interface ConnectTexts {
  command: string;
  connect: string;
  inputTitle: string;
  /** The status bar's (and the tree root's) label of the emulator at host:port. */
  connected: (host: string) => string;
}

export const ENGLISH_CONNECT_TEXTS: ConnectTexts = {
  command: 'DataWorks: Use Local Emulator',
  connect: 'Connect to a running emulator',
  inputTitle: 'DataWorks: Connect to a running emulator',
  connected: (host) => `Local emulator (${host})`,
};

/**
 * "DataWorks: Use Local Emulator" > "Connect to a running emulator" > endpoint, as a user does it (the
 * command writes the machine-scoped settings where the remote host reads them); resolves once the
 * status bar names the emulator.
 */
export async function connectToEmulator(page: Page, endpoint: string, texts: ConnectTexts = ENGLISH_CONNECT_TEXTS): Promise<void> {
  // The connection's status bar item means the extension is active and its commands are in the palette.
  await page.locator('.statusbar-item', { hasText: 'cn-hangzhou' }).first().waitFor({ state: 'visible', timeout: 120_000 });
  await pickCommand(page, texts.command); // opens its own quick pick
  await chooseQuickPickItem(page, texts.connect);
  await page.locator('.quick-input-widget .quick-input-title', { hasText: texts.inputTitle }).waitFor({ state: 'visible' });
  await (await quickInputBox(page)).fill(endpoint);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item', { hasText: texts.connected(new URL(endpoint).host) }).first().waitFor({ state: 'visible', timeout: 30_000 });
}
