// Show Schedule in the real host against the emulator: the webview opens and its script renders;
// the model's counts (before from the service, after from the patch) match fire times worked out
// independently; a cell lists its tasks and selects them in the patch; Spread writes new start
// minutes into the patch (not sent) and the picture follows; a project environment from the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ShownSchedule, SpreadResult } from '@src/extension/schedule';
import { SEED_WEEK_FROM, seedWeekFires, type SeedTrigger } from '../../unit/core/schedule/seed-oracle';
import { withTimeout } from '../helpers';
import { batchCalls, patchText, writePatch } from '../apply/applyFixture';
import { envNode } from '../tree/treeWalk';
import { connectedSuite } from '../support/connectedSuite';

type FullTask = { Id: string; ProjectId: string; Trigger: SeedTrigger; RuntimeResource: { ResourceGroupId: string } };

suite('Show Schedule: the schedule picture', () => {
  // The pictures start where the seed's week does (counts known in advance), in China time.
  const ctx = connectedSuite({ tasks: 300, clockMs: SEED_WEEK_FROM * 1000, settings: { timeZone: 'Asia/Shanghai' } });

  async function show(arg: unknown): Promise<ShownSchedule> {
    const rendered = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRender((s) => { sub.dispose(); resolve(s); }); });
    const shown = await vscode.commands.executeCommand<ShownSchedule | undefined>('dataworks.showSchedule', arg);
    assert.ok(shown, 'the command returns what it shows');
    const seen = await withTimeout(rendered, 60_000, 'the schedule webview to render');
    assert.equal(seen, shown, 'the webview script ran over this model');
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('dataworks.schedule'));
    assert.ok(tab, 'a Show Schedule webview tab is open');
    return shown;
  }

  test('patch: before (current values) vs after (patched) counts, a cell\'s tasks selected in the patch, spread into the patch and nothing sent', async () => {
    const prod = (ctx.emu.tasks('Prod') as unknown as FullTask[]).filter((t) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal');
    const daily = prod.filter((t) => /^00 \d\d \d\d \* \* \?$/.test(t.Trigger.Cron!)).slice(0, 4);
    // A task that keeps its (daily, not in the 00:00 hour) cron: it shows the current value is used.
    const other = prod.find((t) => !daily.includes(t) && /^00 \d\d 0[1-7] \* \* \?$/.test(t.Trigger.Cron!))!;
    const doc = await writePatch('schedule.dwtasks.json', patchText([
      ...daily.map((t) => ({ Id: t.Id, EnvType: 'Prod', fields: { Trigger: { Cron: '00 00 00 * * ?' } } })),
      { Id: other.Id, EnvType: 'Prod', fields: { Description: 'keeps its cron' } },
    ]));
    const calls = batchCalls(ctx.api);
    const shown = await show({ uri: doc.uri });
    assert.equal(shown.model.sides.length, 2);
    const [before, after] = shown.pictures;
    const expectBefore = [...daily, other].map((t) => seedWeekFires(t.Trigger));
    assert.deepEqual(before!.tasks.map((t) => t.fires), expectBefore);
    assert.deepEqual(after!.tasks.map((t) => t.fires), [7, 7, 7, 7, seedWeekFires(other.Trigger)]);
    assert.equal(shown.model.sides[1]!.totalFires, 28 + seedWeekFires(other.Trigger));
    const midnight = shown.model.sides[1]!.heatmap.rows[0]!.cells[0]!;
    assert.equal(midnight.fires, 4);
    const perGroup = new Map<string, number>();
    for (const t of daily) perGroup.set(t.RuntimeResource.ResourceGroupId, (perGroup.get(t.RuntimeResource.ResourceGroupId) ?? 0) + 1);
    assert.deepEqual(new Map(midnight.groups.map((g) => [g.id, g.fires])), perGroup, 'per resource group, from the current values');
    assert.match(shown.model.sides[1]!.peaks[0]!.label, /^4 tasks start 00:00-00:05 every day, /);

    const listed = await ctx.api.schedule.panel.handle({ type: 'cell', side: 1, row: 0, col: 0 }) as { text: string }[];
    assert.ok(daily.every((t) => listed.some((x) => x.text.startsWith(t.Id))), 'the cell lists the patched tasks');
    const selected = await ctx.api.schedule.panel.handle({ type: 'selectAll', side: 1, row: 0, col: 0 });
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString())!;
    assert.equal(editor.selections.length, selected);
    assert.ok(editor.selections.filter((s) => editor.document.getText(s) === '"00 00 00 * * ?"').length >= 4, 'the Cron values are selected');

    const rerendered = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRender((s) => { sub.dispose(); resolve(s); }); });
    ctx.ui.pick((items) => items.find((i) => (i as { windowMinutes?: number }).windowMinutes === 15));
    const result = await vscode.commands.executeCommand<SpreadResult | undefined>('dataworks.spreadStartMinutes', { uri: doc.uri, start: SEED_WEEK_FROM });
    assert.ok(result && result.moved >= 2, JSON.stringify(result));
    const crons = daily.map((_, i) => /"Cron": "([^"]+)"/g.exec(doc.getText().split('"Id"')[i + 1]!)?.[1]);
    assert.deepEqual(crons, ['00 00 00 * * ?', '00 05 00 * * ?', '00 10 00 * * ?', '00 00 00 * * ?']);
    assert.ok(doc.isDirty, 'written into the patch for review, not saved');
    const again = await withTimeout(rerendered, 60_000, 'the picture after the spread');
    assert.equal(again.pictures[1]!.peaks[0]?.fires, 2, 'the midnight pile-up is spread: 2, 1, 1');
    assert.deepEqual([...again.pictures[1]!.slots.slice(0, 1)], [4], 'still 4 in the 00:00 hour (spread over 15 minutes)');
    assert.equal(batchCalls(ctx.api), calls, 'nothing sent');
  });

  test('refactoring on a Trigger.Cron in a peak: "Spread these tasks\' start minutes" spreads them from the patch alone', async () => {
    const ids = (ctx.emu.tasks('Prod') as unknown as FullTask[]).slice(0, 3).map((t) => t.Id);
    const doc = await writePatch('spread.dwtasks.json', patchText(ids.map((Id) => ({ Id, EnvType: 'Prod', fields: { Trigger: { Cron: '00 30 01 * * ?' } } }))));
    const at = doc.positionAt(doc.getText().indexOf('00 30 01') + 2);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
    const spread = actions.find((a) => a.title.startsWith('Spread these tasks\' start minutes'));
    assert.ok(spread?.command, actions.map((a) => a.title).join(' | '));
    assert.equal(spread.title, 'Spread these tasks\' start minutes (3 tasks start at 01:30)');
    const arg = (spread.command.arguments?.[0] ?? {}) as Record<string, unknown>;
    ctx.ui.pick((items) => items.find((i) => (i as { windowMinutes?: number }).windowMinutes === 60));
    const result = await vscode.commands.executeCommand<SpreadResult | undefined>(spread.command.command, arg);
    assert.deepEqual(result, { moved: 2, kept: 1, windowMinutes: 60 });
    assert.deepEqual([...doc.getText().matchAll(/"Cron": "([^"]+)"/g)].map((m) => m[1]), ['00 30 01 * * ?', '00 35 01 * * ?', '00 40 01 * * ?']);
  });

  test('project environment from the tree: every task of it, per-task fires as the seed says', async () => {
    const project = ctx.emu.projects()[0]!.Id;
    const node = await envNode(ctx.api, project, 'Dev');
    const shown = await show({ node });
    const tasks = (ctx.emu.tasks('Dev') as unknown as FullTask[]).filter((t) => t.ProjectId === project);
    assert.equal(shown.model.kind, 'project');
    assert.equal(shown.model.sides.length, 1);
    assert.deepEqual(new Map(shown.pictures[0]!.tasks.map((t) => [t.task.id, t.fires])), new Map(tasks.map((t) => [t.Id, seedWeekFires(t.Trigger)])));
    assert.equal(shown.model.sides[0]!.totalFires, tasks.reduce((a, t) => a + seedWeekFires(t.Trigger), 0));
    assert.equal(shown.model.sides[0]!.heatmap.rows.length, 7);
  });
});
