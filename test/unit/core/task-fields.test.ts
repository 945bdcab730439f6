// The one list of task fields (src/core/task-fields.ts) and everything that repeats it: the JSON
// schema says the same field for field, the Tasks view's patch entries copy every field, and the
// emulator applies and shows every field. A field added to the table and forgotten elsewhere fails here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import schema from '../../../schemas/dwtasks.schema.json';
import { TASK_FIELDS, TASK_FIELD_NAMES, type FieldSpec } from '@src/core/task-fields';
import { EDITABLE_FIELDS, serializeTasksParam, type TaskPatch } from '@src/core/patch/index';
import { PULL_LEAVES, buildPullEntry } from '@src/core/pull/index';
import { batchUpdateTasks } from '@src/emulator/actions/batch-update-tasks';
import { detail } from '@src/emulator/actions/task-view';
import { Params } from '@src/emulator/params';
import { seedState } from '@src/emulator/seed';

type Json = Record<string, unknown>;

function sameAsSchema(spec: FieldSpec, s: Json, where: string): void {
  switch (spec.type) {
    case 'string':
    case 'integer':
      assert.equal(s.type, spec.type, where);
      assert.equal(s.enum, undefined, where);
      return;
    case 'enum':
      assert.equal(s.type, 'string', where);
      assert.deepEqual(s.enum, spec.values, where);
      return;
    case 'array':
      assert.equal(s.type, 'array', where);
      return sameAsSchema(spec.items, s.items as Json, `${where}[]`);
    case 'object': {
      assert.equal(s.type, 'object', where);
      assert.equal(s.additionalProperties, false, where);
      const props = s.properties as Record<string, Json>;
      assert.deepEqual(Object.keys(props), Object.keys(spec.fields), `${where}: the same fields in the same order`);
      const required = Object.entries(spec.fields).filter(([, f]) => 'required' in f && f.required).map(([k]) => k);
      assert.deepEqual((s.required as string[] | undefined) ?? [], required, `${where} required`);
      for (const [k, f] of Object.entries(spec.fields)) sameAsSchema(f, props[k], `${where}.${k}`);
    }
  }
}

test('the schema\'s task is the table: the same fields, order, types, enums and required keys', () => {
  const task = (schema as { definitions: { task: Json } }).definitions.task;
  const props = task.properties as Record<string, Json>;
  assert.deepEqual(Object.keys(props), ['Id', ...TASK_FIELD_NAMES]);
  assert.equal(props.Id.type, 'integer');
  assert.deepEqual(task.required, ['Id']);
  sameAsSchema({ type: 'object', fields: TASK_FIELDS }, { ...task, properties: Object.fromEntries(Object.entries(props).filter(([k]) => k !== 'Id')), required: [] }, 'task');
  assert.deepEqual(EDITABLE_FIELDS, TASK_FIELD_NAMES);
});

/** Dotted paths of every leaf the table describes (arrays as their first element). */
function leaves(fields: Readonly<Record<string, FieldSpec>>, prefix = ''): string[] {
  return Object.entries(fields).flatMap(([k, f]) => {
    const path = `${prefix}${k}`;
    if (f.type === 'object') return leaves(f.fields, `${path}.`);
    if (f.type === 'array' && f.items.type === 'object') return leaves(f.items.fields, `${path}.0.`);
    return [path];
  });
}

const at = (v: unknown, path: string): unknown => path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Json)[k] : undefined), v);

/** A full patch with a valid value for every field of the table (values the emulator accepts). */
function everyField(resourceGroup: string, dataSource: string): TaskPatch {
  return {
    Id: '1', EnvType: 'Prod', Name: 'renamed', Description: 'described', Owner: '207947397706614299', Timeout: 7201,
    RerunMode: 'AllAllowed', RerunTimes: 5, RerunInterval: 90,
    Trigger: { Type: 'Scheduler', Recurrence: 'Skip', Cron: '00 15 04 * * ?', StartTime: '2026-01-02 00:00:00', EndTime: '2099-01-01 00:00:00' },
    RuntimeResource: { ResourceGroupId: resourceGroup, Image: 'img-2', Cu: '0.75' },
    DataSource: { Name: dataSource },
    Tags: [{ Key: 'team', Value: 'dp2' }],
  };
}

test('a patch with every field of the table sets each of them (the sample covers the whole table)', () => {
  const patch = everyField('rg', 'ds');
  for (const path of leaves(TASK_FIELDS)) assert.notEqual(at(patch, path), undefined, path);
});

test('a pull (CLI and Tasks view) can copy every field of the table from the service\'s task', () => {
  const task = everyField('rg', 'ds');
  const { entry, leftOut } = buildPullEntry(task, 'Prod', PULL_LEAVES);
  assert.deepEqual(leftOut, []);
  for (const path of leaves(TASK_FIELDS)) assert.deepEqual(at(entry, path), at(task, path), path);
});

test('the emulator applies every field of the table, and GetTask shows each of them', () => {
  const state = seedState(20);
  const current = Object.values(state.tasks.Prod)[0];
  const group = state.resourceGroups.find((g) => g.Id !== current.RuntimeResource.ResourceGroupId) ?? state.resourceGroups[0];
  const source = (state.dataSources[current.ProjectId] ?? []).find((s) => s.EnvType === 'Prod');
  assert.ok(source, 'the seed has a Prod data source in the project');
  const patch = { ...everyField(group.Id, source.Name), Id: current.Id };
  const params = new Params(new Map([['Tasks', serializeTasksParam([patch])]]));
  const out = batchUpdateTasks({ state, params, now: Date.now(), maxTasksPerCall: 20 });
  assert.deepEqual((out.body.SuccessInfo as Record<string, unknown>)[current.Id], { Success: true, Message: '' });
  const shown = detail(state.tasks.Prod[current.Id]);
  for (const path of leaves(TASK_FIELDS)) assert.deepEqual(at(shown, path), at(patch, path), path);
});
