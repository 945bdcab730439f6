// The core gate: exactly what `dwtasks validate` runs, on the text with its BOM stripped; any error or
// no task refuses; a clean file gives the request to send.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkBeforeSend } from '@src/core/apply/gate';
import { stripBom } from '@src/core/patch/limits';
import { validateText } from '@src/core/validate/index';
import { invalidCases } from './support/invalid-cases';

const ID = '8604388726201130001';

for (const c of invalidCases(ID)) {
  test(`refuses: ${c.name}`, () => {
    const v = checkBeforeSend(c.text, 'case.dwtasks.json');
    assert.equal(v.ok, false);
    if (v.ok) return;
    assert.equal(v.reason, 'errors');
    const codes = v.errors.map((f) => f.code);
    for (const code of c.codes) assert.ok(codes.includes(code), `${code} among ${codes.join(', ')}`);
    assert.deepEqual(v.findings, validateText(stripBom(c.text), { schema: true }).findings, 'the same findings, codes and ranges validate reports');
    assert.match(v.message, /^case\.dwtasks\.json: \d+ errors?; nothing was sent\.$/);
  });
}

test('the issue\'s patch gives its 3 schema errors (EnvType, Timeout, Colour), on the lines validate shows', () => {
  const v = checkBeforeSend(invalidCases(ID)[0].text, 'p.dwtasks.json');
  assert.ok(!v.ok);
  assert.deepEqual(v.errors.map((f) => [f.code, f.range.start.line]), [
    ['dwtasks/schema-enum', 3], ['dwtasks/schema-type', 3], ['dwtasks/schema-additional-property', 3],
  ]);
});

test('a BOM is stripped: a clean file with a BOM passes with the same findings and request as without', () => {
  const clean = `{\n  "Tasks": [ { "Id": ${ID}, "Description": "with a BOM" } ]\n}\n`;
  const withBom = checkBeforeSend(`\ufeff${clean}`, 'bom.dwtasks.json');
  const without = checkBeforeSend(clean, 'bom.dwtasks.json');
  assert.ok(withBom.ok && without.ok, withBom.ok ? '' : withBom.message);
  assert.equal(withBom.text, clean);
  assert.deepEqual(withBom.findings, without.findings);
  assert.deepEqual(withBom.request, { Tasks: [{ Id: ID, Description: 'with a BOM' }] });
  assert.equal(stripBom('\ufeff\ufeffx'), '\ufeffx', 'one BOM only, as editors do');
});

test('no tasks, not an object, a syntax error: refused with validate\'s findings', () => {
  for (const text of ['{"Tasks": []}', '[]', '', '{"Tasks": [{"Id": 1,}', '{}']) {
    const v = checkBeforeSend(text, 'e.dwtasks.json');
    assert.equal(v.ok, false, text);
    if (!v.ok) assert.ok(v.errors.length > 0, `${JSON.stringify(text)} refused with an error finding, as validate reports it`);
  }
});

test('warnings do not refuse; they come back for the adapter to print', () => {
  const v = checkBeforeSend(`{"Tasks": [{"Id": ${ID}}]}`, 'w.dwtasks.json');
  assert.ok(v.ok);
  assert.deepEqual(v.warnings.map((f) => f.code), ['dwtasks/task-no-changes']);
  assert.deepEqual(v.request.Tasks, [{ Id: ID }]);
});
