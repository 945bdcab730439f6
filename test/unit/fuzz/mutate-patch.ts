// A seeded generator of mutated patches for fuzz tests: valid patches (the examples, generated ones,
// one with every field) with one to three mutations each, from wrong types and enum typos to deep
// nesting, truncation, NUL bytes and `__proto__` keys. Case i of a seed is the same on every run and
// on its own (`mutatedPatches(seed, i + 1)` ends with it), so a failure names a reproducible case.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePatch } from '../../../bench/generate-patch';

type Rng = () => number;

/** mulberry32: small, fast, good enough to spread mutations. */
function rng(seed: number): Rng {
  let s = seed | 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
const int = (r: Rng, n: number): number => Math.floor(r() * n);

const EVERY_FIELD = `{
  "$schema": "../schemas/dwtasks.schema.json",
  "Comment": "every field",
  "Tasks": [
    {
      "Id": 8604388726201130001,
      "EnvType": "Prod",
      "Name": "ods_orders",
      "Description": "orders from MySQL",
      "Owner": "207947397706614299",
      "Timeout": 7200,
      "RerunMode": "FailureAllowed",
      "RerunTimes": 3,
      "RerunInterval": 60,
      "Trigger": { "Type": "Scheduler", "Recurrence": "Normal", "Cron": "00 00 02 * * ?", "StartTime": "1970-01-01 00:00:00", "EndTime": "9999-01-01 00:00:00" },
      "RuntimeResource": { "ResourceGroupId": "S_res_group_1", "Image": "img-1", "Cu": "0.25" },
      "DataSource": { "Name": "odps_first" },
      "Tags": [{ "Key": "team", "Value": "dp" }, { "Key": "tier" }]
    },
    { "Id": 8604388726201130002, "EnvType": "Dev", "Trigger": { "Type": "Manual" } }
  ]
}
`;

const examples = ['nightly-owner-handover', 'rerun-policy'].map((n) => readFileSync(join(__dirname, `../../../examples/${n}.dwtasks.json`), 'utf8'));
const BASES: readonly { name: string; text: string }[] = [
  { name: 'every-field', text: EVERY_FIELD },
  { name: 'nightly-owner-handover', text: examples[0] },
  { name: 'rerun-policy', text: examples[1] },
  { name: 'generated-3', text: generatePatch(3) },
  { name: 'minimal', text: '{"Tasks":[{"Id":1,"Name":"a"}]}' },
];

/** Offsets of every match of `re` in `text` (start of the match). */
function spots(text: string, re: RegExp): { at: number; match: RegExpExecArray }[] {
  const out: { at: number; match: RegExpExecArray }[] = [];
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : re.flags + 'g');
  for (let m = g.exec(text); m; m = g.exec(text)) {
    out.push({ at: m.index, match: m });
    if (m[0] === '') g.lastIndex++;
  }
  return out;
}

const insertAt = (text: string, at: number, s: string): string => text.slice(0, at) + s + text.slice(at);

/** Replaces the value of a random `"Key": value` (a scalar value) with `value`. */
function replaceScalar(text: string, r: Rng, keys: RegExp, values: readonly string[]): string {
  const found = spots(text, new RegExp(`"(${keys.source})"\\s*:\\s*("(?:[^"\\\\\\n]|\\\\.)*"|-?\\d[\\d.eE+-]*|true|false|null)`));
  if (!found.length) return text;
  const { at, match } = pick(r, found);
  const valueAt = at + match[0].length - match[2].length;
  return text.slice(0, valueAt) + pick(r, values) + text.slice(valueAt + match[2].length);
}

const FIELDS = /Id|EnvType|Name|Description|Owner|Timeout|RerunMode|RerunTimes|RerunInterval|Type|Recurrence|Cron|StartTime|EndTime|ResourceGroupId|Image|Cu|Key|Value|Comment/;

type Mutation = (text: string, r: Rng) => string;

const MUTATIONS: Record<string, Mutation> = {
  'wrong-type': (t, r) => replaceScalar(t, r, FIELDS, ['"7200"', '7200', 'true', 'null', '[]', '{}', '1.5', '"x"', '[1, 2]', '{"a": 1}', '""']),
  'enum-typo': (t, r) => replaceScalar(t, r, /EnvType|RerunMode|Type|Recurrence/, ['"prod"', '"Production"', '"FailureAlowed"', '"Schedular"', '"normal"', '"Pause "', '"Dev\\u0000"', '"Ｐrod"']),
  'unknown-key': (t, r) => {
    const s = spots(t, /\{/);
    return s.length ? insertAt(t, pick(r, s).at + 1, pick(r, ['"Colour": "red",', '"Nmae": "x",', '"Tasks": [],', '"Id": 2,', '"": 0,', '"$ref": "#",'])) : t;
  },
  'deep-nesting': (t, r) => {
    const depth = pick(r, [3, 10, 58, 59, 60, 61, 64, 65, 200, 5000]);
    const open = pick(r, ['[', '{"a":']);
    const close = open === '[' ? ']' : '}';
    const closed = r() < 0.7;
    const nest = open.repeat(depth) + '1' + (closed ? close.repeat(depth) : '');
    return replaceScalar(t, r, FIELDS, [nest]);
  },
  truncate: (t, r) => t.slice(0, int(r, t.length)),
  'huge-number': (t, r) => replaceScalar(t, r, FIELDS, ['1e400', '-1e400', '123456789012345678901234567890', '0.0000001', '-0', '1E3', '2.0', '1e-3', '-5', '4294967296', '9'.repeat(400), '9223372036854775807', '9007199254740993', '-9223372036854775808', '1.5e1']),
  'int64-id': (t, r) => replaceScalar(t, r, /Id/, ['9223372036854775807', '9223372036854775808', '8604388726201130001', '"8604388726201130001"', '-1', '0', '00012', '18446744073709551616', '1.0', '8604388726201130001e0']),
  'awkward-text': (t, r) => replaceScalar(t, r, /Name|Description|Owner|Comment|Value/, [
    '"数据同步 日报"', '"😀 emoji 👍🏽"', '"line\u2028separator\u2029"', '"\\"quoted\\" and \\\\backslash"', '"007"', '"\\u2028 escaped"', '"tab\\tand\\nnewline"', '"é \\u00e9"',
  ]),
  bom: (t) => '\ufeff' + t,
  crlf: (t, r) => (r() < 0.8 ? t.replace(/\n/g, '\r\n') : t.replace(/\n/g, '\r')),
  nul: (t, r) => {
    if (r() < 0.5) return insertAt(t, int(r, t.length + 1), '\u0000');
    const s = spots(t, /"[A-Za-z]/);
    return s.length ? insertAt(t, pick(r, s).at + 1, '\u0000') : t;
  },
  proto: (t, r) => {
    const s = spots(t, /\{/);
    const key = pick(r, ['"__proto__": {"Name": "polluted"},', '"__proto__": 1,', '"constructor": 1,', '"constructor": {"prototype": {}},', '"toString": "x",', '"hasOwnProperty": 0,', '"prototype": [],']);
    return s.length ? insertAt(t, pick(r, s).at + 1, key) : t;
  },
  'duplicate-key': (t, r) => {
    const found = spots(t, /"(Name|Owner|Timeout|Cron|Type|Key|Id|Tasks|Comment)"\s*:\s*("[^"\n]*"|\d+)/);
    if (!found.length) return t;
    const { at, match } = pick(r, found);
    return insertAt(t, at, `${match[0]}, `);
  },
  comments: (t, r) => {
    const s = spots(t, /[,{[]/);
    return s.length ? insertAt(t, pick(r, s).at + 1, pick(r, [' // line\n', ' /* block */ ', ' /* unterminated', ' /**/', ' // ', '\n// x\r\n'])) : t;
  },
  'trailing-comma': (t, r) => {
    const s = spots(t, r() < 0.7 ? /\s*[}\]]/ : /,/);
    return s.length ? insertAt(t, pick(r, s).at, pick(r, [',', ',,', ' , '])) : t;
  },
  'long-string': (t, r) => replaceScalar(t, r, FIELDS, [`"${'x'.repeat(pick(r, [300, 70_000, 200_000]))}"`, `"${'中'.repeat(50_000)}"`, `"${'\\u0041'.repeat(20_000)}"`]),
  'bad-escape': (t, r) => replaceScalar(t, r, FIELDS, ['"\\x41"', '"\\u12G4"', '"\\ud800"', '"\\udc00\\ud800"', '"a\\', '"tab\there"', '"😀"', '"\ud800"', '"line\nbreak"']),
  'random-char': (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + pick(r, ['{', '}', '[', ']', '"', ':', ',', '\\', '/', '*', 'x', '0', '-', '.', ' ', '\u00a0', '\u2028', "'"]) + t.slice(at + 1);
  },
  'delete-char': (t, r) => {
    const at = int(r, t.length);
    return t.slice(0, at) + t.slice(at + 1);
  },
  'tasks-shape': (t, r) => t.replace(/"Tasks"\s*:\s*\[/, pick(r, ['"Tasks": {', '"Tasks": [[', '"Tasks": "[', '"Tasks": [123, ', '"Tasks": [null, ', '"Tasks": [], "X": [', '"tasks": ['])),
  'empty-tasks': (t) => t.replace(/"Tasks"\s*:\s*\[[\s\S]*\]\s*(,?)\s*\}\s*$/, '"Tasks": []$1}\n'),
  'not-an-object': (t, r) => pick(r, [`[${t}]`, '"just a string"', '42', '', '   ', 'null', '// nothing\n', `${t}${t}`]),
  'many-members': (t, r) => {
    const n = pick(r, [100, 1_000, 5_000]);
    const s = spots(t, /"Tags"\s*:\s*\[/);
    if (s.length && r() < 0.5) return insertAt(t, pick(r, s).at + s[0].match[0].length, Array.from({ length: n }, (_, i) => `{"Key": "k${i % 50}"}`).join(',') + ',');
    const o = spots(t, /\{/);
    return o.length ? insertAt(t, pick(r, o).at + 1, Array.from({ length: n }, (_, i) => `"k${i}": ${i},`).join('')) : t;
  },
};

const NAMES = Object.keys(MUTATIONS);

/** `count` mutated patches for `seed`; case i depends only on (seed, i). */
export function* mutatedPatches(seed: number, count: number): Iterable<{ name: string; text: string }> {
  for (let i = 0; i < count; i++) {
    const r = rng(Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35));
    const base = pick(r, BASES);
    let text = base.text;
    const applied: string[] = [];
    const n = 1 + (r() < 0.35 ? 1 : 0) + (r() < 0.1 ? 1 : 0);
    for (let k = 0; k < n; k++) {
      const m = pick(r, NAMES);
      text = MUTATIONS[m](text, r);
      applied.push(m);
    }
    yield { name: `seed ${seed} case ${i}: ${applied.join('+')} of ${base.name}`, text };
  }
}
