import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { FIELD_EXTRAS, FieldDocs, fieldPathOf } from '@src/extension/language/fieldDocs';
import schemaJson from '../../../schemas/dwtasks.schema.json';
import schemaZhJson from '../../../schemas/dwtasks.schema.zh-cn.json';

const schema = schemaJson as Record<string, unknown>;
const schemaZh = schemaZhJson as Record<string, unknown>;

test('JSON location paths map to field paths', () => {
  assert.equal(fieldPathOf(['Comment']), 'Comment');
  assert.equal(fieldPathOf(['Tasks']), 'Tasks');
  assert.equal(fieldPathOf(['Tasks', 3, 'Timeout']), 'Timeout');
  assert.equal(fieldPathOf(['Tasks', 0, 'Trigger', 'Cron']), 'Trigger.Cron');
  assert.equal(fieldPathOf(['Tasks', 0, 'Tags', 2, 'Key']), 'Tags.Key');
  assert.equal(fieldPathOf(['Tasks', 0]), undefined);
  assert.equal(fieldPathOf(['Other', 0, 'X']), undefined);
});

test('units and conflicts are kept only for fields the schema has; the zh-cn schema describes the same fields', () => {
  const docs = new FieldDocs(schema, schemaZh);
  const inSchema = docs.paths().sort();
  assert.deepEqual(Object.keys(FIELD_EXTRAS).filter((p) => !inSchema.includes(p)), [], 'documented fields the schema lacks');
  assert.deepEqual(new FieldDocs(schemaZh).paths().sort(), inSchema);
});

test('English and Chinese come from the two schemas\' markdownDescription; units and doc conflicts in both languages', () => {
  const docs = new FieldDocs(schema, schemaZh);
  for (const path of docs.paths()) {
    const en = docs.get(path, 'en');
    const zh = docs.get(path, 'zh-cn');
    assert.ok(en && zh, path);
    assert.ok(en.description.length > 0, `${path}: schema has no markdownDescription`);
    assert.match(zh.description, /[\u4e00-\u9fff]/, `${path}: zh-cn text is not Chinese`);
  }
  const timeout = docs.get('Timeout', 'en')!;
  assert.equal(timeout.unit, 'seconds');
  assert.match(timeout.conflicts.join(), /greater than 3600/);
  const interval = docs.get('RerunInterval', 'en')!;
  assert.match(interval.unit!, /seconds/);
  assert.match(interval.conflicts.join(), /milliseconds/);
  assert.match(docs.get('RerunInterval', 'zh-cn')!.conflicts.join(), /毫秒/);
  assert.equal(docs.get('Timeout', 'zh-cn')!.unit, '秒');
});

test('local $refs, items and nested properties are followed; the referring description wins', () => {
  const docs = new FieldDocs({
    properties: {
      Tasks: { type: 'array', items: { $ref: '#/definitions/task' } },
    },
    definitions: {
      task: { type: 'object', properties: { Trigger: { $ref: '#/definitions/trigger', markdownDescription: 'When it runs.' }, Tags: { type: 'array', items: { properties: { Key: { type: 'string', description: 'The key.' } } } } } },
      trigger: { type: 'object', markdownDescription: 'generic', properties: { Cron: { type: 'string', markdownDescription: 'The cron.' } } },
    },
  });
  assert.deepEqual(docs.paths().sort(), ['Tags', 'Tags.Key', 'Tasks', 'Trigger', 'Trigger.Cron']);
  assert.equal(docs.get('Trigger', 'en')!.description, 'When it runs.');
  assert.equal(docs.get('Trigger.Cron', 'en')!.description, 'The cron.');
  assert.equal(docs.get('Tags.Key', 'en')!.description, 'The key.');
  assert.equal(docs.get('Tags.Key', 'en')!.type, 'string');
});
