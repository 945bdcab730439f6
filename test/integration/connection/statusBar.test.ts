// The connection status bar item in the real host: after each kind of connection change its text
// and tooltip name where commands go (emulator or profile/credentials, region, endpoint), and its
// command is the connection picker, titled with that target. (The click itself is covered by the UI
// walkthrough; here the picker's items reach the test through the scripted UI.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { withTimeout } from '../helpers';
import { connectTo, extensionApi, startEmulator, typeAccessKey, type RunningEmulator } from './emulatorFixture';
import { scriptedUi } from '../support/scriptedUi';

interface Shown {
  text: string;
  /** The tooltip's markdown with its escapes removed. */
  tooltip: string;
}

function shown(api: ExtensionApi): Shown {
  const tip = api.statusBar.tooltip;
  const md = tip instanceof vscode.MarkdownString ? tip.value : String(tip ?? '');
  return { text: api.statusBar.text, tooltip: md.replace(/\\(.)/g, '$1') };
}

/** Resolves once the item shows `text` (and `tip` in its tooltip); it redraws on every connection change. */
function statusShows(api: ExtensionApi, text: string, tip = ''): Promise<Shown> {
  let sub: vscode.Disposable | undefined;
  const done = new Promise<Shown>((resolve) => {
    const check = (): void => {
      const now = shown(api);
      if (now.text === text && now.tooltip.includes(tip)) resolve(now);
    };
    sub = api.connection.onDidChangeConnection(check);
    check();
  });
  const what = `the status bar to show ${JSON.stringify(text)} ${JSON.stringify(tip)} (it shows ${JSON.stringify(shown(api))})`;
  return withTimeout(done, 20_000, what).finally(() => sub?.dispose());
}

function assertTooltip(s: Shown, target: string, region: string, endpoint: string): void {
  assert.ok(s.tooltip.includes(`Target: ${target}`), s.tooltip);
  assert.ok(s.tooltip.includes(`Region: ${region}`), s.tooltip);
  assert.ok(s.tooltip.includes(`Endpoint: ${endpoint}`), s.tooltip);
}

async function setUser(key: string, value: string | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('dataworks').update(key, value, vscode.ConfigurationTarget.Global);
}

suite('connection: status bar', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;
  let host: string;

  suiteSetup(async () => {
    emu = await startEmulator(20);
    api = await extensionApi();
    host = new URL(emu.endpoint).host;
    await setUser('profile', undefined);
    await setUser('region', undefined);
    await connectTo(api, emu.endpoint);
  });

  suiteTeardown(async () => {
    await setUser('profile', undefined);
    await setUser('region', undefined);
    await connectTo(api, emu.endpoint).catch(() => undefined);
    await emu?.stop();
  });

  test('after each kind of connection change the item names the target, region and endpoint', async function () {
    this.timeout(120_000);
    const emulatorText = `$(vm) Local emulator (${host})`;
    assertTooltip(await statusShows(api, emulatorText), `Local emulator (${host})`, 'cn-hangzhou', emu.endpoint);

    await vscode.commands.executeCommand('dataworks.selectRegion', 'cn-shanghai');
    assertTooltip(await statusShows(api, emulatorText, 'Region: cn-shanghai'), `Local emulator (${host})`, 'cn-shanghai', emu.endpoint);

    await vscode.commands.executeCommand('dataworks.selectProfile', 'analytics');
    assertTooltip(await statusShows(api, '$(cloud) Profile analytics · cn-shanghai'), 'Profile analytics · cn-shanghai', 'cn-shanghai', emu.endpoint);

    await vscode.commands.executeCommand('dataworks.selectProfile', '');
    assertTooltip(await statusShows(api, '$(cloud) Default credentials · cn-shanghai'), 'Default credentials · cn-shanghai', 'cn-shanghai', emu.endpoint);

    assert.equal(await typeAccessKey(api, emu.accessKeyId, emu.accessKeySecret), true);
    const key = await statusShows(api, '$(cloud) AccessKey · cn-shanghai');
    assertTooltip(key, 'AccessKey · cn-shanghai', 'cn-shanghai', emu.endpoint);
    for (const secret of [emu.accessKeyId, emu.accessKeySecret]) assert.ok(!key.text.includes(secret) && !key.tooltip.includes(secret), 'no credential shown');

    await connectTo(api, emu.endpoint);
    assertTooltip(await statusShows(api, emulatorText), `Local emulator (${host})`, 'cn-shanghai', emu.endpoint);

    // Start our own: the item names the emulator the extension started, not the one configured before.
    assert.equal(await vscode.commands.executeCommand('dataworks.useLocalEmulator', { mode: 'start' }), true);
    const started = api.connection.describe().endpoint;
    assert.match(started, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(started, emu.endpoint);
    const own = new URL(started).host;
    assertTooltip(await statusShows(api, `$(vm) Local emulator (${own})`), `Local emulator (${own})`, 'cn-shanghai', started);
  });

  test('its command opens the connection picker, titled with the target and showing the region', async () => {
    await connectTo(api, emu.endpoint);
    await setUser('region', 'cn-beijing');
    await statusShows(api, `$(vm) Local emulator (${host})`, 'Region: cn-beijing');
    assert.equal(api.statusBar.command, 'dataworks.pickConnection');
    // Dismissed (Escape).
    const ui = scriptedUi(api).pick(() => undefined);
    try {
      await vscode.commands.executeCommand(api.statusBar.command);
    } finally {
      ui.end();
    }
    const [seen] = ui.picks;
    assert.ok(seen && ui.picks.length === 1, 'the command showed one pick');
    assert.equal(seen.options.title, `DataWorks: Local emulator (${host})`);
    assert.equal(seen.options.placeHolder, emu.endpoint);
    const labels = seen.items.map((i) => i.label.replace(/^\$\([\w-]+\) /, ''));
    // Clear Access Key is listed while a pair is stored (the first test stored one).
    const stored = await api.connection.refreshStoredAccessKey();
    assert.deepEqual(labels, ['Use Local Emulator', 'Select Profile…', 'Set Access Key…', ...(stored ? ['Clear Access Key'] : []), 'Select Region…', 'Show Request Log']);
    assert.equal(seen.items.find((i) => i.label.endsWith('Select Region…'))!.description, 'cn-beijing', 'the region item shows the current region');
    // Dismissed: nothing changed.
    assert.equal(api.connection.describe().endpoint, emu.endpoint);
  });
});
