// Show Schedule's Load (CU) in the real host against the emulator: nothing is read until asked; a
// read above dataworks.capacity.maxHistoryCalls is refused without a call; asked, the modal says the
// calls, the webview draws the view, the model lists the patch's groups with the capacity from the
// setting or the group's spec, and names the first slot over; a second look costs no call. Spread
// this peak: the runs overlapping a group's peak get new start minutes in the patch and the view is
// drawn again with a lower peak, without a call.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { LoadModel, LoadSpreadResult, ShownSchedule } from '@src/extension/schedule';
import { cu, specCapacity } from '@src/core/capacity';
import { SEED_WEEK_FROM, type SeedTrigger } from '../../unit/core/schedule/seed-oracle';
import { withTimeout } from '../helpers';
import { batchCalls, patchText, writePatch } from '../apply/applyFixture';
import { connectedSuite } from '../support/connectedSuite';

type FullTask = { Id: string; ProjectId: string; Trigger: SeedTrigger; RuntimeResource: { ResourceGroupId: string; Cu?: string } };
type SeedGroup = { Id: string; Spec?: unknown };

suite('Show Schedule: the Load (CU) view', () => {
  // The pictures start where the seed's week does (counts known in advance), in China time.
  const ctx = connectedSuite({ tasks: 300, clockMs: SEED_WEEK_FROM * 1000, settings: { timeZone: 'Asia/Shanghai' } });
  const capacity = vscode.workspace.getConfiguration('dataworks.capacity');

  suiteTeardown(async () => {
    await capacity.update('groups', undefined, vscode.ConfigurationTarget.Global);
    await capacity.update('maxHistoryCalls', undefined, vscode.ConfigurationTarget.Global);
  });

  /** The emulator's log once it holds `atLeast` request lines: its ListTaskInstances lines and all lines. */
  const log = async (atLeast = 0): Promise<{ history: number; lines: number }> => {
    const lines = await ctx.emu.requests(atLeast);
    return { history: lines.filter((l) => l.startsWith('ListTaskInstances ')).length, lines: lines.length };
  };

  /**
   * A patch moving `count` daily Prod tasks with a CU (of the first such task's project; from other
   * groups only, or any) to 00:00 on that task's group, shown once the webview has rendered.
   */
  const showMovedToMidnight = async (file: string, count: number, otherGroupsOnly: boolean): Promise<{ target: string; moved: FullTask[]; doc: vscode.TextDocument; shown: ShownSchedule }> => {
    const prod = (ctx.emu.tasks('Prod') as unknown as FullTask[]).filter((t) => t.Trigger.Type === 'Scheduler' && t.Trigger.Recurrence === 'Normal' && t.RuntimeResource.Cu);
    const target = prod[0]!.RuntimeResource.ResourceGroupId;
    const moved = prod.filter((t) => t.ProjectId === prod[0]!.ProjectId && !(otherGroupsOnly && t.RuntimeResource.ResourceGroupId === target) && /^00 \d\d \d\d \* \* \?$/.test(t.Trigger.Cron!)).slice(0, count);
    assert.equal(moved.length, count, 'the seed has daily tasks in one project');
    const doc = await writePatch(file, patchText(moved.map((t) => ({ Id: t.Id, EnvType: 'Prod', fields: { Trigger: { Cron: '00 00 00 * * ?' }, RuntimeResource: { ResourceGroupId: target } } }))));
    const rendered = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRender((s) => { sub.dispose(); resolve(s); }); });
    const shown = await vscode.commands.executeCommand<ShownSchedule | undefined>('dataworks.showSchedule', { uri: doc.uri });
    assert.ok(shown);
    await withTimeout(rendered, 60_000, 'the schedule webview to render');
    return { target, moved, doc, shown };
  };

  test('patch moving daily tasks onto one group: refused above the limit, then read once, capacity from the setting and the spec, first slot over named', async () => {
    const { target, moved, shown } = await showMovedToMidnight('load.dwtasks.json', 4, true);
    assert.equal(shown.load, undefined, 'no load before the user asks');
    const before = await log();

    await capacity.update('maxHistoryCalls', 0, vscode.ConfigurationTarget.Global);
    assert.equal(await ctx.api.schedule.panel.handle({ type: 'load' }), undefined, 'refused above the limit');
    assert.deepEqual(ctx.ui.shown('warning', true), [], 'refused before asking');
    assert.match(ctx.ui.shown('error', false).at(-1)?.message ?? '', /the limit is 0\. Raise the setting dataworks\.capacity\.maxHistoryCalls/, 'the refusal says why');
    assert.equal((await log()).history, before.history, 'refused without a call');

    await capacity.update('maxHistoryCalls', undefined, vscode.ConfigurationTarget.Global);
    await capacity.update('groups', { [target]: 0.001 }, vscode.ConfigurationTarget.Global);
    const drawn = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRenderLoad((s) => { sub.dispose(); resolve(s); }); });
    ctx.ui.modal('warning', 'Read');
    const load = await ctx.api.schedule.panel.handle({ type: 'load' }) as LoadModel | undefined;
    assert.ok(load, 'the load is read');
    const asked = ctx.ui.shown('warning', true).map((m) => ({ message: m.message, calls: Number(/takes at least (\d+) ListTaskInstances calls/.exec(m.message)?.[1]) }));
    assert.equal((await withTimeout(drawn, 60_000, 'the Load (CU) view to render')).load, load, 'the webview script drew this model');
    assert.equal(asked.length, 1);
    assert.ok(asked[0]!.calls >= 1 && load.calls >= asked[0]!.calls, `said ${asked[0]!.calls}, made ${load.calls}`);
    assert.deepEqual([ctx.ui.shown('warning', true)[0]!.items, ctx.ui.shown('warning', true)[0]!.detail], [['Read'], 'Limit: 100 calls (dataworks.capacity.maxHistoryCalls).']);
    // One ListResourceGroups page, then the history pages: the emulator saw exactly the calls said made.
    const read = await log(before.lines + 1 + load.calls);
    assert.equal(read.history - before.history, load.calls);

    const groups = new Set([target, ...moved.map((t) => t.RuntimeResource.ResourceGroupId)]);
    assert.deepEqual(new Set(load.groups.map((g) => g.id)), groups, 'the groups of the patch\'s tasks, before and after');
    const byId = new Map(load.groups.map((g) => [g.id, g]));
    assert.deepEqual([byId.get(target)!.capacityCu, byId.get(target)!.capacitySource], [0.001, 'user'], 'the setting names the target\'s capacity');
    const seedGroups = (JSON.parse(fs.readFileSync(ctx.emu.stateFile, 'utf8')) as { resourceGroups: SeedGroup[] }).resourceGroups;
    for (const id of groups) {
      if (id === target) continue;
      const spec = specCapacity(seedGroups.find((g) => g.Id === id)?.Spec);
      assert.deepEqual([byId.get(id)!.capacityCu, byId.get(id)!.capacitySource], spec === undefined ? [null, null] : [spec, 'spec'], `group ${id}: capacity from its spec`);
    }
    const [b, a] = byId.get(target)!.sides;
    assert.deepEqual([b!.firstOver, b!.peakCu], [null, 0], 'before: no task of the patch on the target group');
    assert.equal(a!.firstOver, SEED_WEEK_FROM, 'after: four tasks at 00:00 go above 0.001 CU in the first slot');
    assert.ok(a!.rows[0]!.cells[0]!.over && /above capacity/.test(a!.rows[0]!.cells[0]!.label), 'the cell says so to a screen reader');

    // A second look: from the cache, no modal, no call.
    const again = await ctx.api.schedule.panel.handle({ type: 'load' }) as LoadModel | undefined;
    assert.deepEqual(again?.groups, load.groups);
    assert.equal(ctx.ui.shown('warning', true).length, 1, 'nothing to ask');
    assert.equal(again.calls, 0);
    assert.equal((await log(read.lines + 1)).history, read.history, 'no call');
  });

  test('Spread this peak: the patched runs on the crowded group get new start minutes in the patch, the Load view is drawn again with a lower peak, no call', async () => {
    const { target, moved, doc } = await showMovedToMidnight('load-spread.dwtasks.json', 8, false);
    const pre = await log();
    ctx.ui.modal('warning', 'Read');
    const first = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRenderLoad((s) => { sub.dispose(); resolve(s); }); });
    const load = await ctx.api.schedule.panel.handle({ type: 'load' }) as LoadModel | undefined;
    assert.ok(load, 'the load is read');
    await withTimeout(first, 60_000, 'the Load (CU) view to render');
    const { history } = await log(pre.lines + 1 + load.calls); // ListResourceGroups, then the history pages
    const group = load.groups.find((g) => g.id === target)!;
    const peak = group.sides[1]!.peakCu;
    assert.ok(peak > 0, 'after: the eight runs at 00:00 load the group');
    assert.match(group.spread ?? '', new RegExp(`^Spread the peak of group ${target} \\(`), 'the button\'s accessible name');
    assert.equal(group.sides.length, 2);
    const sent = batchCalls(ctx.api);
    const crons = (): string[] => [...doc.getText().matchAll(/"Cron": "([^"]+)"/g)].map((m) => m[1]!);
    assert.deepEqual(crons(), moved.map(() => '00 00 00 * * ?'));

    const drawn = new Promise<ShownSchedule>((resolve) => { const sub = ctx.api.schedule.panel.onDidRenderLoad((s) => { sub.dispose(); resolve(s); }); });
    ctx.ui.pick((items) => items.find((i) => (i as { windowMinutes?: number }).windowMinutes === 120));
    const result = await ctx.api.schedule.panel.handle({ type: 'spreadLoad', group: target }) as LoadSpreadResult | undefined;
    assert.ok(result && result.moved >= 1, JSON.stringify(result));
    const picks = ctx.ui.picks.at(-1)!.items.map((i) => `${i.label} | ${i.detail ?? ''}`);
    assert.equal(picks.length, 4, 'one window each: 30, 60, 120, 240 minutes');
    assert.match(picks[2]!, /^Over 120 minutes \| Peak [\d.]+ → [\d.]+ CU; \d+ tasks? moves?$/);
    assert.equal(result.peakBefore, peak, 'the plan starts from the peak the view shows');
    assert.ok(result.peakAfter < peak, `the peak drops: ${peak} -> ${result.peakAfter}`);
    const now = crons();
    assert.equal(now.filter((c) => c !== '00 00 00 * * ?').length, result.moved, 'the moves are in the patch');
    assert.ok(now.every((c) => /^00 [0-5][05] 0[01] \* \* \?$/.test(c)), `on the 5-minute grid within 00:00-01:55: ${now.join(', ')}`);
    assert.ok(doc.isDirty, 'written into the patch for review, not saved');
    const said = ctx.ui.shown('info', false).at(-1)?.message ?? '';
    assert.ok(said.startsWith(`${result.moved} tasks of load-spread.dwtasks.json got new start minutes: the peak of group ${target} goes from ${cu(peak)} to ${cu(result.peakAfter)} CU.`), said);
    assert.ok(said.endsWith('Review the edits, then save; nothing was sent.'), said);

    const again = await withTimeout(drawn, 60_000, 'the Load view drawn again');
    assert.equal(again.tab, 'load', 'it opens on the Load tab');
    const after = again.load!.groups.find((g) => g.id === target)!;
    assert.equal(after.sides[1]!.peakCu, result.peakAfter, 'the view shows the lower peak');
    assert.equal(after.sides[0]!.peakCu, group.sides[0]!.peakCu, 'the before side stays');
    assert.equal(again.pictures[1]!.tasks.filter((t) => t.task.cron === '00 00 00 * * ?').length, moved.length - result.moved, 'the starts follow the patch');
    assert.equal(batchCalls(ctx.api), sent, 'nothing sent');
    assert.equal((await log()).history, history, 'no history call');
  });
});
