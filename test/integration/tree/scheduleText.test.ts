// The Tasks tree's schedule in words follows dataworks.cron.weekdayNumbering: a weekly seed task
// (`? * n`, DataWorks numbering in the seed) is described with its day, and switching the setting
// redraws the tree (no request) with the Quartz reading.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { describeCron } from '@src/core/cron';
import type { ExtensionApi } from '@src/extension/extension';
import { connectTo, extensionApi, startEmulator, type RunningEmulator } from '../connection/emulatorFixture';
import { withTimeout } from '../helpers';
import { hostLocale, withSetting } from '../language/support';
import { envNode, itemOf, loadAll, taskOf } from './treeWalk';

const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

suite('tree: schedule text follows the weekday numbering', () => {
  let emu: RunningEmulator;
  let api: ExtensionApi;

  suiteSetup(async () => {
    emu = await startEmulator(300);
    api = await extensionApi();
    await connectTo(api, emu.endpoint);
    await vscode.commands.executeCommand('dataworks.clearFilter');
  });

  suiteTeardown(async () => {
    await emu?.stop();
  });

  test('a weekly task names its day in the DataWorks numbering, and in Quartz\'s after the setting changes', async () => {
    const weekly = emu.projects().flatMap((p) => (['Prod', 'Dev'] as const).flatMap((env) =>
      emu.tasks(env, p.Id).filter((t) => /\? \* [1-5]$/.test(t.Trigger?.Cron ?? '')).map((t) => ({ t, env, projectId: p.Id }))))[0];
    assert.ok(weekly, 'the seed has a weekly task with a weekday number 1-5');
    const cron = weekly.t.Trigger!.Cron!;
    const n = Number(cron.slice(-1));
    const nodes = await loadAll(api, await envNode(api, weekly.projectId, weekly.env));
    const node = nodes.find((x) => taskOf(x).Id === weekly.t.Id)!;
    assert.ok(node, `task ${weekly.t.Id} in the tree`);
    const description = (): string => String(itemOf(api, node).description);
    await withSetting('dataworks.cron.weekdayNumbering', undefined, async () => {
      assert.ok(description().includes(describeCron(cron, hostLocale(), { short: true })), description());
      if (hostLocale() === 'en') assert.ok(description().includes(EN_DAYS[n]), `${cron} is ${EN_DAYS[n]}: ${description()}`);
    });
    const redrawn = new Promise<void>((resolve) => {
      const sub = api.tree.provider.onDidChangeTreeData(() => {
        sub.dispose();
        resolve();
      });
    });
    await withSetting('dataworks.cron.weekdayNumbering', 'quartz', async () => {
      await withTimeout(redrawn, 30_000, 'the tree redraws when the weekday numbering changes');
      const quartz = describeCron(cron, hostLocale(), { short: true, weekdays: 'quartz' });
      assert.notEqual(quartz, describeCron(cron, hostLocale(), { short: true }));
      assert.ok(description().includes(quartz), description());
      if (hostLocale() === 'en') assert.ok(description().includes(EN_DAYS[n - 1]), `${cron} is ${EN_DAYS[n - 1]} in Quartz: ${description()}`);
    });
  });
});
