// Every string a user sees exists in English and Simplified Chinese: runtime strings under
// src/extension (vscode.l10n.t) in the zh-cn bundle, manifest strings (%key%) in both package.nls files,
// always with the same {n} placeholders.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../..');
const readJson = (rel: string) => JSON.parse(readFileSync(join(root, rel), 'utf8')) as Record<string, string>;
const bundle = readJson('l10n/bundle.l10n.zh-cn.json');
const placeholders = (s: string) => (s.match(/\{\d+\}/g) ?? []).sort().join();

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : n.endsWith('.ts') ? [p] : [];
  });
}

/** Every l10n.t key under src/extension, with the file it is in. */
function l10nKeys(): { file: string; key: string }[] {
  return tsFiles(join(root, 'src/extension')).flatMap((f) =>
    [...readFileSync(f, 'utf8').matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].map((m) => ({ file: f.slice(root.length + 1), key: m[1]!.replace(/\\'/g, "'") })));
}

test('every l10n.t string under src/extension has a zh-cn entry with the same placeholders', () => {
  const missing: string[] = [];
  const wrong: string[] = [];
  let calls = 0;
  let literals = 0;
  for (const f of tsFiles(join(root, 'src/extension'))) {
    const src = readFileSync(f, 'utf8');
    calls += src.match(/\bl10n\.t\(/g)?.length ?? 0;
    for (const m of src.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
      literals++;
      const key = m[1]!.replace(/\\'/g, "'");
      const zh = bundle[key];
      if (!zh) missing.push(`${f.slice(root.length + 1)}: ${key}`);
      else if (placeholders(zh) !== placeholders(key)) wrong.push(key);
    }
  }
  assert.ok(literals >= 150, `found only ${literals} l10n strings`);
  // A key that is not a plain literal would escape this check (and the bundle).
  assert.equal(calls, literals, 'every l10n.t call takes a single-quoted literal');
  assert.deepEqual(missing, []);
  assert.deepEqual(wrong, [], 'placeholders differ');
});

test('every %key% of package.json exists in package.nls.json and package.nls.zh-cn.json', () => {
  const en = readJson('package.nls.json');
  const zh = readJson('package.nls.zh-cn.json');
  const keys = [...readFileSync(join(root, 'package.json'), 'utf8').matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]!);
  assert.ok(keys.length >= 30, `found only ${keys.length} manifest keys`);
  const missing = keys.filter((k) => !en[k] || !zh[k]);
  assert.deepEqual(missing, []);
  assert.deepEqual(keys.filter((k) => placeholders(en[k]!) !== placeholders(zh[k]!)), []);
  // Translated, not copied: a zh-cn value equal to the English one is a forgotten translation
  // (names such as "DataWorks" alone are the exception).
  assert.deepEqual(keys.filter((k) => zh[k] === en[k] && /[a-z]{3,}\s+[a-z]{3,}/i.test(en[k]!)), []);
});

test('the zh-cn bundle holds each key once (keys.test.ts checks that every key is used)', () => {
  // JSON.parse keeps the last of two equal keys, so a repeat would hide one translation.
  const written = [...readFileSync(join(root, 'l10n/bundle.l10n.zh-cn.json'), 'utf8').matchAll(/^ {2}"((?:[^"\\]|\\.)*)":/gm)].map((m) => m[1]!);
  assert.ok(written.length >= 550, `read only ${written.length} keys`);
  assert.deepEqual(written.filter((k, i) => written.indexOf(k) !== i), [], 'keys written twice');
});

// English counts: a key never says "task(s)", and where a key says "{n} tasks" the lines just above
// it hold a key with "1 task" (the code picks it when the count is 1), so no one reads "1 tasks".
const COUNTED = /\{\d+\} ((?:[A-Z][a-z]+ |more |paused )?)(tasks|fields|values|errors|problems|changes|requests|fires|days|start times)\b/;
const SINGULAR: Record<string, string> = { tasks: 'task', fields: 'field', values: 'value', errors: 'error', problems: 'problem', changes: 'change', requests: 'request', fires: 'fire', days: 'day', 'start times': 'start time' };
/** Keys whose number cannot be 1, each with why. */
const NEVER_ONE: Record<string, string> = {
  'Spread {0} tasks starting at {1}': 'a spread is offered for two tasks or more',
  '{0} tasks start {1} every day, {2} of them on group {3}': 'a group holds some of the tasks, so there are two or more',
  '{0} tasks start {1} on {2}, {3} of them on group {4}': 'a group holds some of the tasks, so there are two or more',
  '{0} tasks of {1}, filtered by the service: {2}': '{0} is the environment (Prod tasks of ...), not a count',
  '{0} tasks of {1}': '{0} is the environment (Prod tasks of ...), not a count',
};

test('English counts are pluralized: no "(s)", and every "{n} tasks" key has its "1 task" sibling', () => {
  const problems: string[] = [];
  let counted = 0;
  for (const f of tsFiles(join(root, 'src/extension'))) {
    const lines = readFileSync(f, 'utf8').split('\n');
    lines.forEach((line, i) => {
      for (const m of line.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        const key = m[1]!.replace(/\\'/g, "'");
        const where = `${f.slice(root.length + 1)}:${i + 1}`;
        if (/[a-z]\(s\)/.test(key)) problems.push(`${where}: "(s)" in ${key}`);
        const c = COUNTED.exec(key);
        if (!c || key in NEVER_ONE) continue;
        counted++;
        const one = `1 ${c[1]}${SINGULAR[c[2]!]!}`;
        const above = lines.slice(Math.max(0, i - 3), i + 1).join('\n');
        if (![...above.matchAll(/\bl10n\.t\(\s*'((?:[^'\\]|\\.)*)'/g)].some((n) => new RegExp(`(^|[^\\d])${one}\\b`).test(n[1]!))) problems.push(`${where}: no "${one}" key beside ${key}`);
      }
    });
  }
  assert.ok(counted >= 20, `found only ${counted} counted keys`);
  assert.deepEqual(problems, []);
  const all = new Set(l10nKeys().map((k) => k.key));
  for (const k of Object.keys(NEVER_ONE)) assert.ok(all.has(k), `${k} is no longer used: drop it from NEVER_ONE`);
});
