// The fast lossless parse (a quoting pass, then JSON.parse) against the reference (lossless-json and
// its walk): the same value, or the same SyntaxError, on the emulator's real answers and on a seeded
// fuzz of JSON texts built to trip it (big and small ints, floats, exponents, -0, digits and escaped
// quotes inside strings, escaped keys, nested arrays under id keys, repeated keys, broken texts).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { parseLossless, parseLosslessReference, quoteExactNumbers, type Json } from '@src/dataworks/lossless';
import { prng } from '../core/cron/generate';
import { emulator, type RunningEmulator } from './emulator-fixture';
import { rawAnswers } from './raw-answer';

type Outcome = { value: Json } | { error: string };

function outcome(parse: (t: string) => Json, text: string): Outcome {
  try {
    return { value: parse(text) };
  } catch (e) {
    assert.ok(e instanceof SyntaxError, `only SyntaxError is thrown, got ${String(e)}`);
    return { error: e.message };
  }
}

function assertSame(text: string, label: string): Outcome {
  const expected = outcome(parseLosslessReference, text);
  const actual = outcome(parseLossless, text);
  if (!isDeepStrictEqual(actual, expected)) {
    assert.fail(`${label}: differs from the reference on ${JSON.stringify(text.slice(0, 300))}\n`
      + `reference: ${JSON.stringify(expected).slice(0, 300)}\nfast:      ${JSON.stringify(actual).slice(0, 300)}`);
  }
  return expected;
}

const KEYS = ['Id', 'ProjectId', 'Ids', 'WorkflowIds', 'OwnerID', 'Name', 'Timeout', 'Big', 'Cu', 'idx', 'Idle', 'I\\u0064', 'Project\\u0049d',
  'a\\"Id', 'x\\\\', '', 'PagingInfo', 'Tasks', '__proto__', 'constructor', '12345678901234567890'];
const STRINGS = ['', 'plain', '8604388726201130001', '\\"8604388726201130001\\"', 'a\\\\', '\\\\\\"', '1e400', '-0', ', "Id": 123456789012345678901',
  '{\\"Id\\":1}', '\\u0022 99999999999999999999 \\u0022', '中文 12345678901234567', '\\ud800', '\\/\\b\\f\\n\\r\\t'];

function digits(r: () => number, n: number): string {
  let s = String(1 + Math.floor(r() * 9));
  while (s.length < n) s += String(Math.floor(r() * 10));
  return s;
}

function numberLiteral(r: () => number): string {
  const sign = r() < 0.2 ? '-' : '';
  const kind = Math.floor(r() * 9);
  switch (kind) {
    case 0: return `${sign}0`;
    case 1: return sign + digits(r, 1 + Math.floor(r() * 15));
    case 2: return sign + digits(r, 15 + Math.floor(r() * 6)); // around 2^53 and int64
    case 3: return sign + ['9007199254740991', '9007199254740992', '9007199254740993', '9223372036854775807', '18446744073709551616'][Math.floor(r() * 5)];
    case 4: return `${sign}${digits(r, 1 + Math.floor(r() * 4))}.${digits(r, 1 + Math.floor(r() * 20))}`;
    case 5: return `${sign}${digits(r, 1 + Math.floor(r() * 3))}${r() < 0.5 ? 'e' : 'E'}${['', '+', '-'][Math.floor(r() * 3)]}${Math.floor(r() * 400)}`;
    case 6: return `${sign}0.${'0'.repeat(Math.floor(r() * 5))}${digits(r, 1 + Math.floor(r() * 17))}`;
    case 7: return `${sign}${digits(r, 16)}.0`;
    default: return `${sign}${digits(r, 1 + Math.floor(r() * 2))}.${digits(r, 1)}e${Math.floor(r() * 30)}`;
  }
}

function ws(r: () => number): string {
  return r() < 0.8 ? '' : [' ', '\n', '\t', '\r\n  '][Math.floor(r() * 4)]!;
}

function value(r: () => number, depth: number): string {
  const x = r();
  if (depth > 5 || x < 0.45) {
    const y = r();
    if (y < 0.6) return numberLiteral(r);
    if (y < 0.85) return `"${STRINGS[Math.floor(r() * STRINGS.length)]}"`;
    return ['true', 'false', 'null'][Math.floor(r() * 3)]!;
  }
  const size = Math.floor(r() * 5);
  if (x < 0.7) return `[${ws(r)}${Array.from({ length: size }, () => value(r, depth + 1)).join(`${ws(r)},${ws(r)}`)}${ws(r)}]`;
  const keys = Array.from({ length: size }, () => KEYS[Math.floor(r() * KEYS.length)]!);
  return `{${ws(r)}${keys.map((k) => `"${k}"${ws(r)}:${ws(r)}${value(r, depth + 1)}`).join(`${ws(r)},${ws(r)}`)}${ws(r)}}`;
}

/** Breaks a text in one of the ways that could fool a pass that does not parse. */
function mutate(r: () => number, text: string): string {
  const at = Math.floor(r() * (text.length + 1));
  const ops = [
    () => text.slice(0, at),
    () => text.slice(0, at) + text.slice(at + 1),
    () => text.slice(0, at) + ['"', '\\', ',', ':', '{', '}', '[', ']', '0', '-', '.', 'e', '01', ' 1', '1 '][Math.floor(r() * 15)] + text.slice(at),
    () => `{${numberLiteral(r)}:1}`,
    () => `{"Id":${['01', '1.', '-', '.5', '1e', '1e+', '--1', '+1', '0x10', '1.5.2', 'NaN', '-Infinity'][Math.floor(r() * 12)]}}`,
    () => `[${numberLiteral(r)} ${numberLiteral(r)}]`,
    () => `{"Ids":[1,2],"Ids":[1,${r() < 0.5 ? '2' : '3'}]}`,
  ];
  return ops[Math.floor(r() * ops.length)]!();
}

test('fast parse equals the reference on a seeded fuzz of 6,000 JSON texts (valid and broken)', () => {
  const r = prng(20261201);
  let valid = 0;
  let quotedSome = 0;
  for (let k = 0; k < 6000; k++) {
    let text = value(r, 0);
    if (k % 3 === 2) text = mutate(r, text);
    const o = assertSame(text, `case ${k}`);
    if ('value' in o) valid++;
    if (quoteExactNumbers(text) !== text) quotedSome++;
  }
  // The corpus really exercises both paths: answers and errors, texts rewritten and left alone.
  assert.ok(valid > 3000 && valid < 6000, `valid texts: ${valid}`);
  assert.ok(quotedSome > 1000, `texts with quoted numbers: ${quotedSome}`);
});

test('hand-picked cases: ids exact, unsafe numbers as digits, strings untouched, broken texts rejected alike', () => {
  const cases: [string, Json | 'error'][] = [
    ['{"Id":8604388726201130001,"Timeout":3600}', { Id: '8604388726201130001', Timeout: 3600 }],
    ['{"Ids":[1,[8604388726201130003,2]]}', { Ids: ['1', ['8604388726201130003', '2']] }],
    ['{"Ids":[{"Timeout":12345678901234567890}]}', { Ids: [{ Timeout: '12345678901234567890' }] }],
    ['{"Big":9007199254740993,"Safe":9007199254740991,"F":1.5,"E":1e400,"N":-0}', { Big: '9007199254740993', Safe: 9007199254740991, F: 1.5, E: '1e400', N: -0 }],
    ['{"ProjectId":1.0,"WorkflowId":-12,"ID":1e3}', { ProjectId: '1.0', WorkflowId: '-12', ID: '1e3' }],
    ['{"I\\u0064":123,"Name":"\\"Id\\":99999999999999999999"}', { Id: '123', Name: '"Id":99999999999999999999' }],
    ['{"a\\\\":12345678901234567890}', { 'a\\': '12345678901234567890' }],
    ['[12345678901234567890, 1]', ['12345678901234567890', 1]],
    ['12345678901234567890', '12345678901234567890'],
    ['{"Id":1,"Id":1}', { Id: '1' }],
    ['{"Id":1,"Id":2}', 'error'],
    ['{12345678901234567890:1}', 'error'],
    ['{"Id":01}', 'error'],
    ['{"Id":1.}', 'error'],
    ['{"Id":-}', 'error'],
    ['{"Id":"unterminated}', 'error'],
    ['', 'error'],
    ['<html>', 'error'],
  ];
  for (const [text, expected] of cases) {
    const o = assertSame(text, text);
    if (expected === 'error') assert.ok('error' in o, `${text} is rejected`);
    else assert.deepEqual(o, { value: expected }, text);
  }
});

test('a "__proto__" key is an own property (as JSON.parse makes it), never the object\'s prototype', () => {
  const v = parseLossless('{"__proto__":{"Id":8604388726201130001},"Tasks":[]}') as Record<string, Json>;
  assert.equal(Object.getPrototypeOf(v), Object.prototype);
  assert.deepEqual(Object.keys(v), ['__proto__', 'Tasks']);
  assert.deepEqual(v['__proto__'], { Id: '8604388726201130001' });
  assert.equal(({} as Record<string, unknown>)['Id'], undefined, 'nothing leaked into Object.prototype');
});

let emu: RunningEmulator;
let raw: ReturnType<typeof rawAnswers>;
before(async () => {
  emu = await emulator({ tasks: 1500 });
  raw = rawAnswers(emu);
});
after(async () => { await emu.close(); });

test('fast parse equals the reference on the emulator\'s real answers (every list call, GetTask, BatchUpdateTasks, errors)', async () => {
  const projects = await raw('ListProjects', 'POST', { PageSize: '100' });
  const projectIds = (parseLossless(projects) as { PagingInfo: { Projects: { Id: string }[] } }).PagingInfo.Projects.map((p) => p.Id);
  const texts: string[] = [projects];
  let taskId = '';
  for (const ProjectId of projectIds.slice(0, 3)) {
    for (const PageNumber of ['1', '2']) {
      const page = await raw('ListTasks', 'POST', { ProjectId, ProjectEnv: 'Prod', PageNumber, PageSize: '100' });
      texts.push(page);
      taskId ||= (parseLossless(page) as { PagingInfo: { Tasks: { Id: string }[] } }).PagingInfo.Tasks[0]?.Id ?? '';
    }
    texts.push(await raw('ListDataSources', 'GET', { ProjectId }));
    texts.push(await raw('ListResourceGroups', 'GET', { ProjectId }));
  }
  assert.match(taskId, /^\d{16,}$/, 'the seeded ids are beyond 2^53');
  texts.push(await raw('GetTask', 'GET', { Id: taskId, ProjectEnv: 'Prod' }));
  texts.push(await raw('GetTask', 'GET', { Id: '1', ProjectEnv: 'Prod' }));
  texts.push(await raw('BatchUpdateTasks', 'POST', { Comment: 'lossless', Tasks: `[{"Id":${taskId},"EnvType":"Prod","Timeout":7200},{"Id":1,"EnvType":"Prod","Timeout":60}]` }));
  let ids = 0;
  for (const text of texts) {
    assert.ok(text.length > 0);
    const o = assertSame(text, 'emulator answer');
    assert.ok('value' in o, 'every answer is JSON');
    ids += (text.match(/"(?:\w*Id)":\d{16,}/g) ?? []).length;
  }
  assert.ok(ids >= 40, `ids beyond 2^53 in the answers: ${ids}`);
  const task = (parseLossless(texts[1]!) as { PagingInfo: { Tasks: Record<string, Json>[] } }).PagingInfo.Tasks[0]!;
  assert.equal(typeof task['Id'], 'string');
  assert.equal(typeof task['ProjectId'], 'string');
  assert.equal(typeof task['Timeout'], 'number');
});
