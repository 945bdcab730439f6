// The worker thread's entry, bundled as dist/validate-worker.js (validateOffThread.ts is the extension's side):
// validates large documents off the extension host's main thread with the core's public entry point, keeping one
// per-task cache per document as the in-thread path does. No vscode here.
import { parentPort } from 'node:worker_threads';
import { ValidationCache, validateText } from '../../core/validate';
import type { WorkerReply, WorkerRequest } from './validateOffThread';

const caches = new Map<string, ValidationCache>();

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.kind === 'forget') {
    caches.delete(req.key);
    return;
  }
  let cache = caches.get(req.key);
  if (!cache) caches.set(req.key, (cache = new ValidationCache()));
  let reply: WorkerReply;
  try {
    reply = { id: req.id, findings: validateText(req.text, { locale: req.locale, weekdays: req.weekdays, cache }).findings };
  } catch (e) {
    reply = { id: req.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
