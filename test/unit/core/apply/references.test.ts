// The plan checks what a patch points to, against the emulator over HTTP: a resource group the account
// lacks, a data source the task's project lacks, are errors in the plan (not sent); the lists are read
// once (resource groups) and once per project (data sources).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { MemoryJournal } from '@src/core/apply/journal';
import { runApply } from '@src/core/apply/run';
import { startFixture, requestsOf, tasksOf, type Fixture } from './support/emulator-fixture';

let fx: Fixture;
before(async () => { fx = await startFixture({ tasks: 300 }); });
after(async () => { await fx.emu.close(); });

test('a resource group or data source the task\'s project does not have: an error in the plan, not sent; each list read once', async () => {
  const snap = fx.emu.snapshot();
  const group = snap.resourceGroups.find((g) => g.ResourceGroupType === 'CommonV2')!.Id;
  const [a, b, c, d] = tasksOf(fx.emu, 'Prod').filter((t) => (snap.dataSources[t.ProjectId] ?? []).some((s) => s.EnvType === 'Prod')).slice(0, 4);
  const source = snap.dataSources[c.ProjectId].find((s) => s.EnvType === 'Prod')!.Name;
  const seen = fx.requests.length;
  const res = await runApply({
    service: fx.client, rps: 500, projectIds: fx.projectIds, journal: new MemoryJournal(),
    request: { Tasks: [
      { Id: a.Id, RuntimeResource: { ResourceGroupId: 'S_res_group_nowhere' } },
      { Id: b.Id, RuntimeResource: { ResourceGroupId: group }, Description: 'group ok' },
      { Id: c.Id, DataSource: { Name: source }, Description: 'source ok' },
      { Id: d.Id, DataSource: { Name: 'no_such_source' } },
    ] },
  });
  assert.deepEqual(res.results.map((r) => r.status), ['not-sent', 'succeeded', 'succeeded', 'not-sent']);
  assert.match(res.results[0].message, /^Error in the plan: RuntimeResource\.ResourceGroupId: the account has no resource group "S_res_group_nowhere"/);
  assert.match(res.results[3].message, new RegExp(`^Error in the plan: DataSource\\.Name: project ${d.ProjectId} has no data source "no_such_source"`));
  const lines = { ...fx, requests: fx.requests.slice(seen) };
  assert.equal(requestsOf(lines, 'ListResourceGroups').length, 1, 'resource groups listed once');
  assert.equal(requestsOf(lines, 'ListDataSources').length, new Set([c.ProjectId, d.ProjectId]).size, 'data sources listed once per project');
  const state = fx.emu.snapshot().tasks.Prod;
  assert.equal(state[a.Id].RuntimeResource.ResourceGroupId, a.RuntimeResource.ResourceGroupId);
  assert.equal(state[b.Id].Description, 'group ok');
});
