// Seeded mutations of a valid patch, for fuzz tests of everything that reads patch text. A minimal
// generator (the "validation" work keeps a richer one with the same signature): structural mutations
// (wrong types, bad enum values, unknown and prototype keys, missing fields, duplicates, nesting) and
// textual ones (cut, inserted bytes, BOM, CRLF, NUL, comments). Same seed, same cases.
import { prng } from '../core/cron/generate';

/** A valid patch: tasks whose ids are bare int64 digits (above 2^53, so never a JS number). */
const BASE = {
  Comment: 'fuzz base',
  Tasks: [
    { Id: '8604388729279072813', RerunMode: 'FailureAllowed', RerunTimes: 3, RerunInterval: 60, Timeout: 7200 },
    { Id: '8604388734563336315', Description: 'nightly sync', RuntimeResource: { Cu: '0.5' } },
    {
      Id: '8604388740400693559', EnvType: 'Prod',
      Trigger: { Type: 'Scheduler', Recurrence: 'Normal', Cron: '00 00/30 09-18 ? * 2-6', StartTime: '2026-12-01 00:00:00', EndTime: '9999-01-01 00:00:00' },
    },
    { Id: '8604388736750400605', EnvType: 'Dev', Tags: [{ Key: 'team', Value: 'dw' }], Owner: '204000000000000001' },
  ],
};

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const VALUES: Json[] = [
  '7200', -1, 0, 1.5, 1e300, null, true, false, [], {}, 'Production', 'prod', '', ' ', '2024-01-01T00:00:00Z',
  '00 61 25 * * ?', '* * * * * *', 'x'.repeat(300), '\u0000', 'Ünïcødé 任务', 123, [123], [{}], { Key: 'k' }, { Value: 'v' },
  '9223372036854775808', '-5', 'Sometimes', 'Cron', 'Always', 'S_res_group_1',
];
const KEYS = ['Colour', '__proto__', 'constructor', 'prototype', 'envtype', 'Id', 'EnvType', 'Tasks', 'Trigger', 'Cron', 'Type', 'Key', ''];
const SNIPPETS = ['{', '}', '[', ']', ',', ':', '"', '\\', '0', '-', 'e', 'x', '\u0000', '\r\n', '\ufeff', '// c\n', '/*', '*/', '\u2028', 'null', ',,'];

/** Ids stay bare digits in the text, as a patch writes them. */
function write(v: Json, pretty: boolean): string {
  return JSON.stringify(v, null, pretty ? 2 : undefined).replace(/"Id": ?"(\d+)"/g, (m, d: string) => m.replace(`"${d}"`, d));
}

export function* mutatedPatches(seed: number, count: number): Iterable<{ name: string; text: string }> {
  const rnd = prng(seed);
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];

  /** Every object/array in the tree with its parent key path, to mutate one at random. */
  const containers = (v: Json, path: string, out: { node: Json[] | { [k: string]: Json }; path: string }[]) => {
    if (v && typeof v === 'object') {
      out.push({ node: v, path });
      for (const [k, c] of Object.entries(v)) containers(c, `${path}.${k}`, out);
    }
    return out;
  };

  const structural: ((doc: { [k: string]: Json }) => string)[] = [
    (doc) => { const c = pick(containers(doc, '$', [])); const keys = Object.keys(c.node); if (!keys.length) return 'none'; const k = pick(keys); (c.node as Record<string, Json>)[k] = pick(VALUES); return `value ${c.path}.${k}`; },
    (doc) => { const c = pick(containers(doc, '$', [])); if (Array.isArray(c.node)) return 'none'; const k = pick(KEYS); Object.defineProperty(c.node, k, { value: pick(VALUES), enumerable: true, writable: true, configurable: true }); return `key ${c.path}.${k}`; },
    (doc) => { const c = pick(containers(doc, '$', [])); const keys = Object.keys(c.node); if (!keys.length) return 'none'; const k = pick(keys); if (Array.isArray(c.node)) c.node.splice(Number(k), 1); else delete c.node[k]; return `delete ${c.path}.${k}`; },
    (doc) => { const tasks = doc.Tasks; if (!Array.isArray(tasks) || !tasks.length) return 'none'; tasks.push(structuredClone(pick(tasks))); return 'duplicate task'; },
    (doc) => { let v: Json = pick(VALUES); const depth = 1 + int(40); for (let i = 0; i < depth; i++) v = rnd() < 0.5 ? [v] : { a: v }; doc.Tasks = [{ Id: '8604388729279072813', Description: v }]; return `nested ${depth}`; },
  ];
  const textual: ((text: string) => [string, string])[] = [
    (t) => { const at = int(t.length); const n = 1 + int(8); return [t.slice(0, at) + t.slice(at + n), `cut ${n}@${at}`]; },
    (t) => { const at = int(t.length + 1); const s = pick(SNIPPETS); return [t.slice(0, at) + s + t.slice(at), `insert ${JSON.stringify(s)}@${at}`]; },
    (t) => [`\ufeff${t}`, 'bom'],
    (t) => [t.replace(/\n/g, '\r\n'), 'crlf'],
    (t) => { const at = int(t.length); return [t.slice(0, at), `truncate@${at}`]; },
  ];

  for (let i = 0; i < count; i++) {
    const doc = structuredClone(BASE) as unknown as { [k: string]: Json };
    const names: string[] = [];
    const steps = 1 + int(3);
    for (let s = 0; s < steps; s++) if (rnd() < 0.6) names.push(pick(structural)(doc));
    let text = write(doc, rnd() < 0.7);
    for (let s = 0; s < steps; s++) {
      if (rnd() < 0.35) {
        const [next, what] = pick(textual)(text);
        text = next;
        names.push(what);
      }
    }
    yield { name: `seed ${seed} #${i}: ${names.join(', ') || 'unchanged'}`, text };
  }
}
