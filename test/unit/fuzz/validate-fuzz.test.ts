// Fuzz: thousands of mutated patches through validateText (what `dwtasks validate` and the send gate
// run). No exception escapes, and every finding is well formed: a known code, a short message, a
// range (and quick-fix edits) inside the text, consistent with the text's own line structure.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stripBom } from '@src/core/patch/index';
import { ValidationCache, validateText } from '@src/core/validate/index';
import type { Range } from '@src/core/types';
import { mutatedPatches } from './mutate-patch';

const CASES = 2000;

/** 0-based line starts as VS Code counts lines (LF, CR LF, lone CR). */
function lines(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    if (text[i] === '\n' || text[i] === '\r') starts.push(i + 1);
  }
  return starts;
}

function offsetOf(text: string, starts: number[], p: Range['start'], what: string): number {
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} of ${starts.length}`);
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  const at = starts[p.line] + p.character;
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && at <= lineEnd, `${what}: character ${p.character} past the line`);
  return at;
}

function checkRange(text: string, starts: number[], r: Range, what: string): void {
  const s = offsetOf(text, starts, r.start, `${what} start`);
  const e = offsetOf(text, starts, r.end, `${what} end`);
  assert.ok(s <= e && e <= text.length, `${what}: ${s}..${e} in ${text.length}`);
}

test(`validateText on ${CASES} mutated patches: nothing thrown, every finding well formed`, () => {
  const seen = new Set<string>();
  const codes = new Map<string, number>();
  const cache = new ValidationCache();
  let findings = 0;
  let i = 0;
  for (const { name, text: raw } of mutatedPatches(20261201, CASES)) {
    const zh = i++ % 4 === 0;
    for (const m of name.replace(/^.*: | of .*$/g, '').split('+')) seen.add(m);
    // As every reader does (dwtasks validate, apply, the editor): the BOM goes first. Raw text too,
    // as a caller that forgot it would pass: still no exception.
    for (const [text, locale] of zh ? [[stripBom(raw), 'en'], [raw, 'zh-cn']] as const : [[stripBom(raw), 'en']] as const) {
      let result: ReturnType<typeof validateText>;
      try {
        result = validateText(text, { schema: true, locale, cache: locale === 'en' ? cache : undefined });
      } catch (e) {
        assert.fail(`${name} (${locale}) threw: ${(e as Error).stack}\n${JSON.stringify(text.slice(0, 500))}`);
      }
      const starts = lines(text);
      for (const f of result.findings) {
        const what = `${name} (${locale}) ${f.code}`;
        assert.match(f.code, /^dwtasks\/[a-z0-9-]+$/, what);
        assert.ok(['error', 'warning', 'info'].includes(f.severity), what);
        assert.ok(f.message.length > 0 && f.message.length < 1000, `${what}: message of ${f.message.length} characters`);
        checkRange(text, starts, f.range, what);
        for (const fix of f.fixes ?? []) for (const e of fix.edits) checkRange(text, starts, e.range, `${what} fix`);
        codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
        findings++;
      }
      if (text.length > 0 && result.findings.length === 0) assert.ok(result.patch.tasks.length > 0, `${name}: clean but no task`);
    }
  }
  // The corpus really exercised what it claims: every mutation, and the limits and schema findings.
  assert.equal(seen.size, 23, [...seen].join());
  for (const code of ['dwtasks/syntax', 'dwtasks/too-deep', 'dwtasks/schema-type', 'dwtasks/schema-enum', 'dwtasks/schema-additional-property',
    'dwtasks/duplicate-key', 'dwtasks/int-not-plain', 'dwtasks/int-out-of-range', 'dwtasks/id-out-of-range', 'dwtasks/not-an-object']) {
    assert.ok((codes.get(code) ?? 0) > 0, `no ${code} in ${JSON.stringify([...codes])}`);
  }
  assert.ok(findings > CASES, `${findings} findings`);
});
