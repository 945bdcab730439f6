// The hooks most host suites share: one emulator, the extension connected to it, a scripted UI per
// test (checked at the test's end), and afterwards no editor open, no setting changed, no emulator.
// Call it at the top of a suite; read its fields inside hooks and tests (they are set by then).
import * as vscode from 'vscode';
import type { ExtensionApi } from '@src/extension/extension';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { scriptedUi, type ScriptedUi } from './scriptedUi';

export interface ConnectedSuite {
  readonly emu: RunningEmulator;
  readonly api: ExtensionApi;
  /** This test's scripted UI. */
  readonly ui: ScriptedUi;
}

export interface ConnectedSuiteOptions {
  /** Tasks the emulator's seed holds. */
  tasks: number;
  /** More emulator options (faults, quotas). */
  args?: readonly string[];
  /** Where the UI's clock stands in every test (epoch ms); default: the real clock. */
  clockMs?: number;
  /** `dataworks.*` settings for the whole suite (e.g. `{ timeZone: 'Asia/Shanghai' }`), cleared after it. */
  settings?: Readonly<Record<string, unknown>>;
}

export function connectedSuite(opts: ConnectedSuiteOptions): ConnectedSuite {
  const s = {} as { emu: RunningEmulator; api: ExtensionApi; ui: ScriptedUi };
  const settings = Object.entries(opts.settings ?? {});
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('dataworks');

  suiteSetup(async () => {
    s.emu = await startEmulator(opts.tasks, opts.args ? [...opts.args] : undefined);
    s.api = await extensionApi();
    await connectTo(s.api, s.emu.endpoint);
    for (const [key, value] of settings) await config().update(key, value, vscode.ConfigurationTarget.Global);
  });

  setup(() => {
    s.ui = scriptedUi(s.api);
    if (opts.clockMs !== undefined) s.ui.clock(opts.clockMs);
  });

  teardown(() => s.ui.end());

  suiteTeardown(async () => {
    for (const [key] of settings) await config().update(key, undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await s.emu?.stop();
  });

  return s;
}
