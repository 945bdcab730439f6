// Preview as a plan: unreadable tasks first, per task the fields that change (crons in words), the
// fields already at the patched value apart and counted; English and Simplified Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BeforeEntry } from '@src/core/apply/before-state';
import { planApply } from '@src/core/apply/plan';
import { buildPreview, renderPreview } from '@src/core/apply/preview-plan';

const A = '8604388726201130001';
const B = '8604388726201130002';
const MISSING = '9223372036854775001';

function fixture() {
  const plan = planApply({ Tasks: [
    { Id: A, Trigger: { Cron: '00 30 04 * * ?' }, Owner: '2', Description: 'same' },
    { Id: MISSING, Description: 'x' },
    { Id: B, EnvType: 'Dev', Timeout: 3600 },
  ] });
  const entries = new Map<string, BeforeEntry>([
    [`Prod:${A}`, { id: A, envType: 'Prod', values: { Trigger: { Cron: '00 35 02 ? * 5', Type: 'Scheduler' }, Owner: '1', Description: 'same' } }],
    [`Prod:${MISSING}`, { id: MISSING, envType: 'Prod', error: `The task ${MISSING} does not exist in the Prod environment.` }],
    [`Dev:${B}`, { id: B, envType: 'Dev', values: { Timeout: 3600 } }],
  ]);
  return buildPreview(plan, { entries, calls: 3 });
}

test('counts: changing tasks and fields, unreadable tasks, fields already at the patched value', () => {
  const p = fixture();
  assert.deepEqual(p.changing.map((t) => t.id), [A]);
  assert.deepEqual(p.unreadable.map((t) => t.id), [MISSING]);
  assert.equal(p.fieldsChanging, 2);
  assert.equal(p.fieldsSame, 2);
  assert.deepEqual(p.tasks[0].fields.map((c) => c.path), ['Trigger.Cron', 'Owner', 'Description'], 'patch order kept');
});

test('the text: unreadable first, current -> patched with the cron in words, unchanged apart', () => {
  assert.equal(renderPreview(fixture(), { file: 'p.dwtasks.json' }), [
    'Plan for p.dwtasks.json',
    '1 of 3 tasks would change, 2 fields in all; 1 task cannot be read; 2 fields already have the patched value.',
    '',
    'Cannot be read (1 task):',
    `  ! Task ${MISSING} (Prod): cannot read: The task ${MISSING} does not exist in the Prod environment.`,
    '      Description: the patch would set "x"',
    '',
    'Changes (1 task, 2 fields):',
    `  Task ${A} (Prod)`,
    '    Trigger.Cron: "00 35 02 ? * 5" -> "00 30 04 * * ?"',
    '      At 02:35, only on Friday -> At 04:30, every day',
    '    Owner: "1" -> "2"',
    '',
    'Would not change (2 fields already at the patched value):',
    `  Task ${A} (Prod)`,
    '    Description: "same"',
    `  Task ${B} (Dev)`,
    '    Timeout: 3600',
    '',
  ].join('\n'));
});

test('Simplified Chinese, crons described in Chinese too', () => {
  const text = renderPreview(fixture(), { file: 'p.dwtasks.json', locale: 'zh-cn' });
  assert.match(text, /^p\.dwtasks\.json 的计划\n3 个任务中 1 个将变更，共 2 个字段；1 个任务无法读取；2 个字段已是补丁中的值。\n/);
  assert.match(text, /无法读取（1 个任务）：/);
  assert.match(text, new RegExp(`  ! 任务 ${MISSING}（Prod）无法读取：`));
  assert.match(text, /星期五.* -> /);
});

test('nothing to change says so', () => {
  const plan = planApply({ Tasks: [{ Id: B, EnvType: 'Dev', Timeout: 3600 }] });
  const p = buildPreview(plan, { entries: new Map([[`Dev:${B}`, { id: B, envType: 'Dev', values: { Timeout: 3600 } }]]), calls: 1 });
  assert.match(renderPreview(p, { file: 'n.dwtasks.json' }), /\n\nNothing would change\.\n\nWould not change \(1 field already/);
  // One of each: singular words (and verb), never "1 tasks" or "1 field(s)".
  assert.match(renderPreview(p, { file: 'n.dwtasks.json' }), /\n0 of 1 task would change, 0 fields in all; 1 field already has the patched value\.\n/);
});
