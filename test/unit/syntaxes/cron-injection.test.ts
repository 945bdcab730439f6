// The cron injection grammar (syntaxes/dwtasks-cron.injection.tmLanguage.json) tokenized with
// vscode-textmate + oniguruma over VS Code's own JSONC grammar, as the editor does.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as vsctm from 'vscode-textmate';

const ROOT = join(__dirname, '../../..');
const INJECTION = 'source.dwtasks.cron-injection';
const files: Record<string, string> = {
  'source.json.comments': join(ROOT, 'test/fixtures/grammars/JSONC.tmLanguage.json'),
  [INJECTION]: join(ROOT, 'syntaxes/dwtasks-cron.injection.tmLanguage.json'),
};

async function loadJsonc(): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources: string[]) => new oniguruma.OnigScanner(sources),
      createOnigString: (s: string) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scope) => (files[scope] ? vsctm.parseRawGrammar(readFileSync(files[scope], 'utf8'), files[scope]) : null),
    // As package.json's "injectTo": the injection applies inside the JSONC grammar.
    getInjections: (scope) => (scope === 'source.json.comments' ? [INJECTION] : undefined),
  });
  const g = await registry.loadGrammar('source.json.comments');
  assert.ok(g, 'JSONC grammar did not load');
  return g;
}

interface Token { text: string; scopes: string[] }

function tokenize(grammar: vsctm.IGrammar, text: string): Token[] {
  let state = vsctm.INITIAL;
  const out: Token[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) out.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    state = r.ruleStack;
  }
  return out;
}

const has = (t: Token, scope: string): boolean => t.scopes.some((s) => s.split(' ').includes(scope) || s === scope);
const grammarPromise = loadJsonc();

test('the string value of "Cron" is a cron string with numeric, wildcard and operator fields', async () => {
  const tokens = tokenize(await grammarPromise, '{\n  "Trigger": { "Type": "Scheduler", "Cron": "00 30 */2 1-5 * ?" }\n}');
  const inCron = tokens.filter((t) => has(t, 'string.quoted.double.cron.dwtasks'));
  assert.equal(inCron.map((t) => t.text).join(''), '"00 30 */2 1-5 * ?"');
  const numbers = inCron.filter((t) => has(t, 'constant.numeric.cron.dwtasks')).map((t) => t.text);
  assert.deepEqual(numbers, ['00', '30', '2', '1', '5']);
  const wildcards = inCron.filter((t) => has(t, 'keyword.operator.wildcard.cron.dwtasks')).map((t) => t.text);
  assert.deepEqual(wildcards, ['*', '*', '?']);
  const operators = inCron.filter((t) => has(t, 'keyword.operator.cron.dwtasks')).map((t) => t.text);
  assert.deepEqual(operators, ['/', '-']);
});

test('the "Cron" key keeps the property-name scope and the JSON after it still tokenizes', async () => {
  const tokens = tokenize(await grammarPromise, '{ "Cron": "0 0 1 * * ?", "Name": "x" // note\n}');
  const key = tokens.find((t) => t.text === 'Cron');
  // The deepest scope decides the theme colour: the key must look like every other key.
  assert.equal(key?.scopes.at(-1), 'support.type.property-name.json.comments', JSON.stringify(key));
  const name = tokens.find((t) => t.text === 'Name');
  assert.ok(name && has(name, 'support.type.property-name.json.comments'), JSON.stringify(name));
  const comment = tokens.find((t) => t.text.includes('note'));
  assert.ok(comment && comment.scopes.some((s) => s.startsWith('comment.')), JSON.stringify(comment));
});

test('other strings, even cron-like ones, are not marked as cron', async () => {
  const tokens = tokenize(await grammarPromise, '{ "Name": "00 30 * * * ?", "Description": "Cron" }');
  assert.equal(tokens.filter((t) => has(t, 'string.quoted.double.cron.dwtasks')).length, 0);
});

test('month and weekday names are constants; stray characters are flagged', async () => {
  const tokens = tokenize(await grammarPromise, '{"Cron": "0 0 8 ? JAN MON-FRI %"}');
  const names = tokens.filter((t) => has(t, 'constant.language.cron.dwtasks')).map((t) => t.text);
  assert.deepEqual(names, ['JAN', 'MON', 'FRI']);
  const bad = tokens.filter((t) => has(t, 'invalid.illegal.cron.dwtasks')).map((t) => t.text);
  assert.deepEqual(bad, ['%']);
});
