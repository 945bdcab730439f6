// The pull builder: which names --fields accepts, the entry a task becomes, and its text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PULL_FIELDS, PULL_LEAVES, UnknownFieldError, buildPullEntry, entryComment, formatPulledPatch, resolveFields } from '@src/core/pull/index';
import type { TaskState } from '@src/core/apply/service';
import { parsePatch } from '@src/core/patch/index';
import { validateText } from '@src/core/validate/index';
import schema from '../../../../schemas/dwtasks.schema.json';

const BIG = '8604388726201130001';
const task = (over: Partial<TaskState> = {}): TaskState => ({
  Id: BIG, Name: 'ods_trade_detail_di', ProjectId: '312601', Owner: '201234567890123456', Timeout: 7200,
  RerunMode: 'FailureAllowed', RerunTimes: 2, RerunInterval: 120,
  Trigger: { Type: 'Scheduler', Recurrence: 'Normal', Cron: '00 35 02 * * ?', StartTime: '1970-01-01 00:00:00', EndTime: '9999-01-01 00:00:00' },
  RuntimeResource: { ResourceGroupId: 'Serverless_res_group_1', Cu: '0.5' }, DataSource: { Name: 'odps_first' },
  ...over,
});

test('the field list is the schema: every task property and each object property, Id and EnvType excepted', () => {
  const props = (schema as { definitions: { task: { properties: Record<string, { properties?: Record<string, unknown> }> } } }).definitions.task.properties;
  const expected = Object.entries(props).filter(([k]) => k !== 'Id' && k !== 'EnvType')
    .flatMap(([k, v]) => (v.properties ? [k, ...Object.keys(v.properties).map((s) => `${k}.${s}`)] : [k]));
  assert.deepEqual([...PULL_FIELDS], expected);
  assert.ok(PULL_LEAVES.includes('Trigger.Cron') && PULL_LEAVES.includes('RuntimeResource.ResourceGroupId') && !PULL_LEAVES.includes('Trigger'));
});

test('resolveFields: dotted paths and whole objects, schema order, no repeats; a typo names itself and the valid fields', () => {
  assert.deepEqual(resolveFields(['RuntimeResource.ResourceGroupId', 'Owner', 'Trigger.Cron', 'Trigger']),
    ['Owner', 'Trigger.Type', 'Trigger.Recurrence', 'Trigger.Cron', 'Trigger.StartTime', 'Trigger.EndTime', 'RuntimeResource.ResourceGroupId']);
  assert.deepEqual(resolveFields([]), []);
  assert.throws(() => resolveFields(['Trigger.Corn', 'Owner', 'cron']), (e: unknown) => {
    assert.ok(e instanceof UnknownFieldError);
    assert.deepEqual(e.unknown, ['Trigger.Corn', 'cron']);
    assert.match(e.message, /'Trigger\.Corn', 'cron'/);
    assert.match(e.message, /Trigger\.Cron/);
    assert.match(e.message, /RuntimeResource\.ResourceGroupId/);
    return true;
  });
  assert.throws(() => resolveFields(['Id']), UnknownFieldError, 'Id selects the task: it is always there, never chosen');
});

test('an entry has Id, EnvType and exactly the chosen fields, with the current values', () => {
  const p = buildPullEntry(task(), 'Prod', resolveFields(['RuntimeResource.ResourceGroupId']));
  assert.deepEqual(p.entry, { Id: BIG, EnvType: 'Prod', RuntimeResource: { ResourceGroupId: 'Serverless_res_group_1' } });
  assert.deepEqual(p.values, { 'RuntimeResource.ResourceGroupId': 'Serverless_res_group_1' });
  assert.equal(p.name, 'ods_trade_detail_di');
  assert.equal(p.projectId, '312601');
  assert.deepEqual(buildPullEntry(task(), 'Dev', []).entry, { Id: BIG, EnvType: 'Dev' });
  // Cu stays a decimal string even when an answer carried a number.
  const cu = buildPullEntry(task({ RuntimeResource: { Cu: 0.25 as unknown as string } }), 'Prod', resolveFields(['RuntimeResource']));
  assert.deepEqual(cu.entry.RuntimeResource, { Cu: '0.25' });
  assert.deepEqual(cu.leftOut.map((l) => `${l.path}:${l.why}`), ['RuntimeResource.ResourceGroupId:no-value', 'RuntimeResource.Image:no-value']);
});

test('values that would mean nothing on the task are left out and said so, not written to draw warnings', () => {
  const manual = task({ Trigger: { Type: 'Manual', Cron: '00 00 00 * * ?', StartTime: '1970-01-01 00:00:00', EndTime: '9999-01-01 00:00:00' } });
  const cronOnly = buildPullEntry(manual, 'Prod', resolveFields(['Trigger.Cron']));
  assert.deepEqual(cronOnly.entry, { Id: BIG, EnvType: 'Prod' });
  assert.deepEqual(cronOnly.leftOut, [{ path: 'Trigger.Cron', why: 'manual' }]);
  const whole = buildPullEntry(manual, 'Prod', resolveFields(['Trigger']));
  assert.deepEqual(whole.entry.Trigger, { Type: 'Manual' });
  const denied = buildPullEntry(task({ RerunMode: 'AllDenied' }), 'Prod', resolveFields(['RerunMode', 'RerunTimes', 'RerunInterval']));
  assert.deepEqual(denied.entry, { Id: BIG, EnvType: 'Prod', RerunMode: 'AllDenied' });
  assert.match(entryComment(denied), /^ods_trade_detail_di \(RerunTimes, RerunInterval not pulled: RerunMode AllDenied\)$/);
  // Without RerunMode in the entry nothing warns, so the chosen value is kept.
  assert.equal(buildPullEntry(task({ RerunMode: 'AllDenied' }), 'Prod', ['RerunTimes']).entry.RerunTimes, 2);
  // For each of these, the text validates without the warnings the issue names.
  for (const p of [cronOnly, whole, denied]) {
    const { findings } = validateText(formatPulledPatch([p]), { schema: true });
    assert.deepEqual(findings.filter((f) => f.code !== 'dwtasks/task-no-changes').map((f) => f.code), []);
  }
});

test('the text: names as comments above entries, int64 ids as bare digits, valid as written', () => {
  const entries = [
    buildPullEntry(task(), 'Prod', resolveFields(['Trigger.Cron', 'RuntimeResource.ResourceGroupId', 'Owner'])),
    buildPullEntry(task({ Id: '700000012345', Name: 'two\nlines' }), 'Prod', resolveFields(['Trigger.Cron', 'RuntimeResource.ResourceGroupId', 'Owner'])),
  ];
  const text = formatPulledPatch(entries, { header: ['Pulled from project 312601 (Prod)'] });
  assert.equal(text, [
    '// Pulled from project 312601 (Prod)',
    '{',
    '  "Tasks": [',
    '    // ods_trade_detail_di',
    '    {',
    `      "Id": ${BIG},`,
    '      "EnvType": "Prod",',
    '      "Owner": "201234567890123456",',
    '      "Trigger": {',
    '        "Cron": "00 35 02 * * ?"',
    '      },',
    '      "RuntimeResource": {',
    '        "ResourceGroupId": "Serverless_res_group_1"',
    '      }',
    '    },',
    '    // two lines',
    '    {',
    '      "Id": 700000012345,',
    '      "EnvType": "Prod",',
    '      "Owner": "201234567890123456",',
    '      "Trigger": {',
    '        "Cron": "00 35 02 * * ?"',
    '      },',
    '      "RuntimeResource": {',
    '        "ResourceGroupId": "Serverless_res_group_1"',
    '      }',
    '    }',
    '  ]',
    '}',
    '',
  ].join('\n'));
  const parsed = parsePatch(text);
  assert.deepEqual(parsed.tasks.map((t) => t.id), [BIG, '700000012345']);
  assert.deepEqual(validateText(text, { schema: true }).findings, []);
  // Id and EnvType only: the one warning is the no-op one.
  const bare = formatPulledPatch([buildPullEntry(task(), 'Prod', [])]);
  assert.deepEqual(validateText(bare, { schema: true }).findings.map((f) => f.code), ['dwtasks/task-no-changes']);
  assert.match(bare, new RegExp(`"Id": ${BIG},\\n`));
});
