// Typing in a 10,000-task patch (~3.6 MB): what one re-validation after an edit costs the extension
// host's main thread, in-thread (parse + rules with the per-task cache, the old path) against the
// worker (dist/validate-worker.js: the main thread only hands over the text), as a ratio; plus the
// real host's figures from the integration suite "language: large files"
// (test-results/perf/large-file.json: edit to updated diagnostics, longest main-thread stall).
// Run: npm run bench -- large-file [--runs N] [--host]  (--host runs that host suite first: minutes).
import { resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ValidationCache, validateText } from '@src/core/validate/index';
import { ValidationWorker } from '@src/extension/language/validateOffThread';
import { generatePatch } from './generate-patch';
import { build, hostFigure, median, ms, runsArg } from './load-time';

const RUNS = runsArg(7);

async function main(): Promise<void> {
  build();
  const text = generatePatch(10_000);
  const at = text.indexOf('"Timeout": 7200', text.indexOf('"ods_sync_5000"')) + 14;
  const edits = [text.slice(0, at) + text.slice(at + 1), text];

  const cache = new ValidationCache();
  validateText(text, { cache });
  const worker = new ValidationWorker(resolve('dist/validate-worker.js'));
  await worker.validate('bench', text, 'en');

  const inThread: number[] = [];
  const stall: number[] = [];
  const latency: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const edited = edits[r % 2];
    const t0 = performance.now();
    const expected = validateText(edited, { cache }).findings;
    inThread.push(performance.now() - t0);
    // The worker path: the longest the main thread is unavailable while the worker validates.
    const delay = monitorEventLoopDelay({ resolution: 5 });
    delay.enable();
    const t1 = performance.now();
    const got = await worker.validate('bench', edited, 'en');
    latency.push(performance.now() - t1);
    delay.disable();
    stall.push(delay.max / 1e6);
    if (JSON.stringify(got) !== JSON.stringify(expected)) throw new Error('worker findings differ from the in-thread ones');
  }
  worker.dispose();
  console.log(`\nOne re-validation after a one-character edit, ${(text.length / 1e6).toFixed(2)} MB, median of ${RUNS}:`);
  console.log(`  in-thread (main thread busy)                 ${ms(median(inThread)).padStart(10)}`);
  console.log(`  worker: longest main-thread stall            ${ms(median(stall)).padStart(10)}   (findings ready after ${ms(median(latency))})`);
  console.log(`  ratio of main-thread time ${(median(stall) / median(inThread)).toFixed(2)}`);

  const f = hostFigure<{ editToDiagnosticsMs: number; debounceMs: number; longestMainThreadStallMs: number; inThreadValidationMs: number; vscodeVersion: string }>('large-file', 'language: large files');
  if (!f) return;
  console.log(`    VS Code ${f.vscodeVersion}: edit to updated diagnostics ${ms(f.editToDiagnosticsMs)} (of which ${f.debounceMs} ms is the typing pause we wait for);`);
  console.log(`    longest main-thread stall meanwhile ${ms(f.longestMainThreadStallMs)}; validating in-thread on that thread takes ${ms(f.inThreadValidationMs)}`);
}

void main();
