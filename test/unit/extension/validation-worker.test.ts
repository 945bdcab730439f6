// Large documents are validated on a worker thread; its findings must be exactly the in-thread
// path's (validateText with a per-document cache), for a first run, after edits and in Chinese.
// The worker is bundled here as scripts/build.mjs bundles dist/validate-worker.js.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { ValidationCache, validateText } from '@src/core/validate/index';
import { ValidationWorker } from '@src/extension/language/validateOffThread';
import { generatePatch } from '../../../bench/generate-patch';

const dir = mkdtempSync(join(tmpdir(), 'dwtasks-worker-'));
const script = join(dir, 'validate-worker.js');
let worker: ValidationWorker;

before(() => {
  esbuild.buildSync({ entryPoints: ['src/extension/language/validateWorkerEntry.ts'], bundle: true, platform: 'node', format: 'cjs', mainFields: ['module', 'main'], outfile: script, logLevel: 'warning' });
  worker = new ValidationWorker(script);
});
after(() => {
  worker.dispose();
  rmSync(dir, { recursive: true, force: true });
});

test('findings from the worker equal the in-thread ones: first run, edits (cached), zh-cn', async () => {
  const text = generatePatch(2000);
  const at = text.indexOf('"Timeout": 600'); // a broken task: fixing it removes a finding
  const edits = [text, `${text.slice(0, at)}"Timeout": 7200${text.slice(at + '"Timeout": 600'.length)}`, text.replace('"0 0 2 * * 8"', '"0 0 2 * * 9"'), text];
  const caches = { en: new ValidationCache(), 'zh-cn': new ValidationCache() };
  const seen = new Set<string>();
  for (const edited of edits) {
    for (const locale of ['en', 'zh-cn'] as const) {
      const expected = validateText(edited, { locale, cache: caches[locale] }).findings;
      const got = await worker.validate(`doc-${locale}`, edited, locale);
      assert.deepEqual(got, expected);
      assert.ok(expected.length > 0);
      seen.add(JSON.stringify(expected));
    }
  }
  assert.equal(seen.size, 6, 'three different texts in two languages: six different answers, so equality is not vacuous');
});

test('texts that arrive while one runs are coalesced: the waiting callers get the newest text\'s findings', async () => {
  const base = generatePatch(300);
  const clean = base.replace(/"Timeout": 600/g, '"Timeout": 7200').replace(/"0 0 2 \* \* 8"/g, '"00 00 02 * * ?"');
  const [first, second, third] = await Promise.all([worker.validate('c', base, 'en'), worker.validate('c', base, 'en'), worker.validate('c', clean, 'en')]);
  assert.deepEqual(first, validateText(base, { locale: 'en' }).findings);
  // The clean text keeps only info notes (numeric weekdays named); the base text has errors too.
  const newest = validateText(clean, { locale: 'en' }).findings;
  assert.ok(newest.every((f) => f.severity === 'info'));
  assert.notDeepEqual(first, newest);
  assert.deepEqual(second, newest);
  assert.deepEqual(third, newest);
});

test('a worker that cannot run rejects (the editor then validates in-thread)', async () => {
  const broken = join(dir, 'broken.js');
  writeFileSync(broken, 'throw new Error("no worker here")');
  const w = new ValidationWorker(broken);
  await assert.rejects(w.validate('x', '{}', 'en'), /no worker here/);
  await assert.rejects(w.validate('x', '{}', 'en'), /no worker here/);
  w.dispose();
});
