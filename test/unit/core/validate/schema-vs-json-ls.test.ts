// The CLI's schema checker against VS Code's JSON language service with the same schema, on
// generated documents full of schema mistakes: same ranges, same messages (ours add task and field).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parsePatch, stripBom } from '@src/core/patch/index';
import { mutatedPatches } from '../../fuzz/mutate-patch';
import { MAPPED_KEYWORDS, schemaFindings } from '@src/core/validate/schema';
import schema from '../../../../schemas/dwtasks.schema.json';
import { createJsonLsValidator } from '../../../../bench/json-ls';

/** Deterministic PRNG (mulberry32) so a failure names a reproducible seed. */
function rng(seed: number): () => number {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIELD_VALUES: Record<string, string[]> = {
  Id: ['8604388726201130001', '"8604388726201130001"', '1.5', '1e3', 'null', '-4', 'true'],
  EnvType: ['"Prod"', '"Dev"', '"prod"', '1', '["Prod"]'],
  Name: ['"n"', '12', 'null', '{}'],
  Description: ['"d"', 'false'],
  Owner: ['"207947397706614299"', '207947397706614299'],
  Timeout: ['7200', '"7200"', '3600.5', '-1'],
  RerunMode: ['"AllDenied"', '"FailureAllowed"', '"AllAllowed"', '"Always"', 'null'],
  RerunTimes: ['3', '"3"', '2.0'],
  RerunInterval: ['60', '[60]'],
  Trigger: [
    '{"Type": "Scheduler", "Cron": "00 00 02 * * ?"}',
    '{"Type": "Cron"}',
    '{"Type": "Manual", "Recurrence": "Sometimes"}',
    '{"StartTime": "2026-01-01T00:00:00", "EndTime": "2026-01-01 00:00"}',
    '{"StartTime": "2026-01-01 00:00:00", "Cron": 5, "When": "now"}',
    '"00 00 02 * * ?"',
  ],
  RuntimeResource: ['{"Cu": "0.25"}', '{"Cu": 0.25}', '{"Cu": "a lot", "Gpu": 1}', '{"ResourceGroupId": 7, "Image": "img"}', '[]'],
  DataSource: ['{"Name": "odps_first"}', '{"Name": 1}', '{"Type": "odps"}', '"odps_first"'],
  Tags: ['[{"Key": "k", "Value": "v"}]', '[{"Value": "v"}]', '[{"Key": ""}]', '[{"Key": "k", "Extra": 1}]', '["k"]', '{"Key": "k"}'],
  Unknown: ['1'],
  Name2: ['"dup"'],
};

function genTask(r: () => number): string {
  const fields = Object.keys(FIELD_VALUES).filter((f) => f !== 'Id' && r() < 0.35);
  const parts = fields.map((f) => {
    const values = FIELD_VALUES[f];
    const v = values[Math.floor(r() * values.length)];
    const key = f === 'Name2' ? 'Name' : f; // a duplicate key when Name is also picked
    return `"${key}": ${v}`;
  });
  if (r() < 0.8) parts.unshift(`"Id": ${FIELD_VALUES.Id[Math.floor(r() * 3)]}`);
  return `{${parts.join(', ')}}`;
}

function genDoc(r: () => number): string {
  const roll = r();
  const tasks = Array.from({ length: 1 + Math.floor(r() * 4) }, () => (r() < 0.05 ? '"not a task"' : genTask(r)));
  if (roll < 0.04) return `{"Comment": 5, "Tasks": {"Id": 1}}`;
  if (roll < 0.08) return `{"Comment": "no tasks", "Extra": true}`;
  if (roll < 0.1) return `[${tasks.join(', ')}]`;
  return `{\n  // generated\n  "Comment": "c",\n  "Tasks": [\n    ${tasks.join(',\n    ')},\n  ],\n}`;
}

test('schema checker agrees with vscode-json-languageservice on 400 generated documents', async () => {
  const jsonLs = createJsonLsValidator();
  const r = rng(20261128);
  let compared = 0;
  for (let i = 0; i < 400; i++) {
    const text = genDoc(r);
    const p = parsePatch(text);
    assert.deepEqual(p.parseErrors, [], text);
    const ours = schemaFindings(p).map((f) => ({ span: `${f.offset}+${f.length}`, message: f.message }));
    const theirs = (await jsonLs(text)).map((d) => {
      const start = p.offsetAt(d.range.start);
      return { span: `${start}+${p.offsetAt(d.range.end) - start}`, message: typeof d.message === 'string' ? d.message : d.message.value };
    });
    const key = (x: { span: string }) => x.span;
    const oursSorted = [...ours].sort((a, b) => key(a).localeCompare(key(b)) || a.message.localeCompare(b.message));
    const theirsSorted = [...theirs].sort((a, b) => key(a).localeCompare(key(b)) || a.message.localeCompare(b.message));
    const detail = `doc #${i}:\n${text}\nours: ${JSON.stringify(oursSorted, null, 1)}\njson-ls: ${JSON.stringify(theirsSorted, null, 1)}`;
    assert.deepEqual(oursSorted.map(key), theirsSorted.map(key), detail);
    for (let j = 0; j < oursSorted.length; j++) {
      // Ours: "Task 1: Tags.0: Missing property "Key"." — theirs: "Missing property "Key"."
      // JSON LS says "Duplicate object key"; ours names the key and what happens.
      const core = theirsSorted[j].message.replace(/\.$/, '');
      assert.ok(oursSorted[j].message.includes(core), `${detail}\n${oursSorted[j].message} vs ${theirsSorted[j].message}`);
    }
    compared += ours.length;
  }
  assert.ok(compared > 400, `only ${compared} findings compared`);
});

test('the ajv validator is generated from the current schema, and reports only keywords mapped to editor messages', () => {
  const r = spawnSync(process.execPath, ['scripts/schema-validator.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const generated = readFileSync('src/core/validate/schema-validator.generated.ts', 'utf8');
  const keywords = new Set([...generated.matchAll(/keyword:"(\w+)"/g)].map((m) => m[1]));
  assert.deepEqual([...keywords].filter((k) => !(MAPPED_KEYWORDS as readonly string[]).includes(k)), []);
  assert.ok(keywords.size >= 5, [...keywords].join());
  // ajv sees numbers through a stand-in where JavaScript and the editor disagree on integer-ness
  // (schema.ts toData): that holds only while the schema asks nothing else of a number.
  const numeric = /"(minimum|maximum|exclusiveMinimum|exclusiveMaximum|multipleOf|const)"|"enum":\s*\[[^\]]*\d/;
  assert.doesNotMatch(JSON.stringify(schema), numeric);
});

test('every field has a description', () => {
  const walk = (s: Record<string, unknown>, where: string): void => {
    for (const [name, sub] of Object.entries((s.properties ?? {}) as Record<string, Record<string, unknown>>)) {
      assert.ok(typeof sub.markdownDescription === 'string', `${where}.${name} has a markdownDescription`);
      if (Array.isArray(sub.enum)) assert.equal((sub.markdownEnumDescriptions as unknown[]).length, sub.enum.length, `${where}.${name}`);
      walk(sub, `${where}.${name}`);
      if (sub.items) walk(sub.items as Record<string, unknown>, `${where}.${name}[]`);
    }
    if (s.type === 'object' && s.properties) assert.equal(s.additionalProperties, false, `${where} closes its properties`);
  };
  const task = (schema as { definitions: { task: Record<string, unknown> } }).definitions.task;
  walk(task, 'task');
  walk(schema as Record<string, unknown>, '#');
  const fields = Object.keys(task.properties as object).sort();
  assert.deepEqual(fields, ['DataSource', 'Description', 'EnvType', 'Id', 'Name', 'Owner', 'RerunInterval', 'RerunMode', 'RerunTimes', 'RuntimeResource', 'Tags', 'Timeout', 'Trigger'].sort());
  assert.deepEqual(task.required, ['Id']);
  assert.deepEqual((schema as { required: string[] }).required, ['Tasks']);
});

test('on the fuzz corpus, every file that parses gets the editor\'s schema verdict: same spans, same messages', async () => {
  const jsonLs = createJsonLsValidator();
  let compared = 0;
  for (const { name, text: raw } of mutatedPatches(99, 1200)) {
    const text = stripBom(raw);
    const p = parsePatch(text);
    if (p.parseErrors.length) continue; // a syntax error: the CLI reports it alone, the editor adds partial checks
    const ours = schemaFindings(p).map((f) => ({ span: `${f.offset}+${f.length}`, message: f.message }));
    const theirs = (await jsonLs(text)).map((d) => {
      const start = p.offsetAt(d.range.start);
      return { span: `${start}+${p.offsetAt(d.range.end) - start}`, message: typeof d.message === 'string' ? d.message : d.message.value };
    });
    const order = (a: { span: string; message: string }, b: { span: string; message: string }) => a.span.localeCompare(b.span) || a.message.localeCompare(b.message);
    ours.sort(order);
    theirs.sort(order);
    const detail = `${name}:\n${text.slice(0, 3000)}\nours: ${JSON.stringify(ours.slice(0, 20), null, 1)}\njson-ls: ${JSON.stringify(theirs.slice(0, 20), null, 1)}`;
    assert.deepEqual(ours.map((x) => x.span), theirs.map((x) => x.span), detail);
    ours.forEach((o, j) => assert.ok(o.message.includes(theirs[j].message.replace(/\.$/, '')), `${detail}\n${o.message} vs ${theirs[j].message}`));
    compared++;
  }
  assert.ok(compared > 300, `only ${compared} documents compared`);
});

test('repeated keys are reported wherever they are nested, naming the object that repeats them', () => {
  const text = '{"Tasks": [{"Id": 1, "Trigger": {"Cron": "00 00 02 * * ?", "Cron": "00 00 03 * * ?"}, "Tags": [{"Key": "a", "//": 1, "//": 2, "Key": "b"}]}], "Comment": "x", "Comment": "y"}';
  const found = schemaFindings(parsePatch(text)).filter((f) => f.code === 'dwtasks/schema-duplicate-key');
  // The top-level pair first, then the task's: the "//" keys (a comment convention) are not reported.
  assert.deepEqual(found.map((f) => [f.field, text.slice(f.offset, f.offset + f.length)]), [
    [undefined, '"Comment"'], [undefined, '"Comment"'], ['Trigger', '"Cron"'], ['Trigger', '"Cron"'], ['Tags.0', '"Key"'], ['Tags.0', '"Key"'],
  ]);
  assert.match(found[2].message, /^Task 1: Trigger: Duplicate object key "Cron"/);
});
