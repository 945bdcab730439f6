// Validation of large documents on a worker thread (dist/validate-worker.js): a 10,000-task patch
// takes hundreds of milliseconds to parse and check, which on the main thread would block every
// extension after each pause in typing. One worker for all documents; per document at most one
// job runs and one waits (a newer text replaces the waiting one, whose callers get the newer result).
// The extension's side of validateWorkerEntry.ts; no vscode here, so unit tests drive it as the extension does.
import { Worker } from 'node:worker_threads';
import type { WeekdayNumbering } from '../../core/cron/weekdays';
import type { Locale } from '../../core/validate';
import type { Finding } from '../../core/types';

export type WorkerRequest =
  | { kind: 'validate'; id: number; key: string; text: string; locale: Locale; weekdays: WeekdayNumbering }
  | { kind: 'forget'; key: string };
export type WorkerReply = { id: number; findings: Finding[] } | { id: number; error: string };

interface Job {
  text: string;
  locale: Locale;
  weekdays: WeekdayNumbering;
  waiters: { resolve: (f: Finding[]) => void; reject: (e: Error) => void }[];
}

export class ValidationWorker {
  private worker: Worker | undefined;
  private nextId = 1;
  /** Per document: the job on the worker (by request id) and the one waiting for it. */
  private readonly running = new Map<string, { id: number; job: Job }>();
  private readonly waiting = new Map<string, Job>();
  private failed: Error | undefined;

  constructor(private readonly script: string) {}

  /** Findings for `text`, as validateText(text, { locale, weekdays, cache }) gives them in-thread. */
  validate(key: string, text: string, locale: Locale, weekdays: WeekdayNumbering = 'dataworks'): Promise<Finding[]> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise<Finding[]>((resolve, reject) => {
      const waiter = { resolve, reject };
      const queued = this.waiting.get(key);
      if (queued) {
        // Superseded before it started: its callers take the newer text's findings.
        this.waiting.set(key, { text, locale, weekdays, waiters: [...queued.waiters, waiter] });
      } else {
        this.waiting.set(key, { text, locale, weekdays, waiters: [waiter] });
      }
      this.pump(key);
    });
  }

  /** Drops the document's cache in the worker (closed documents). */
  forget(key: string): void {
    this.waiting.delete(key);
    this.worker?.postMessage({ kind: 'forget', key } satisfies WorkerRequest);
  }

  dispose(): void {
    this.fail(new Error('validation worker disposed'));
  }

  private pump(key: string): void {
    if (this.running.has(key)) return;
    const job = this.waiting.get(key);
    if (!job) return;
    this.waiting.delete(key);
    const id = this.nextId++;
    this.running.set(key, { id, job });
    this.start().postMessage({ kind: 'validate', id, key, text: job.text, locale: job.locale, weekdays: job.weekdays } satisfies WorkerRequest);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script);
    worker.unref(); // never keeps a process alive
    worker.on('message', (reply: WorkerReply) => this.onReply(reply));
    worker.on('error', (e) => this.fail(e));
    worker.on('exit', (code) => this.fail(new Error(`validation worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private onReply(reply: WorkerReply): void {
    for (const [key, run] of this.running) {
      if (run.id !== reply.id) continue;
      this.running.delete(key);
      for (const w of run.job.waiters) {
        if ('findings' in reply) w.resolve(reply.findings);
        else w.reject(new Error(reply.error));
      }
      this.pump(key);
      return;
    }
  }

  /** Rejects everything pending; later calls reject at once (callers validate in-thread instead). */
  private fail(e: Error): void {
    if (this.failed) return;
    this.failed = e;
    const jobs = [...[...this.running.values()].map((r) => r.job), ...this.waiting.values()];
    this.running.clear();
    this.waiting.clear();
    for (const job of jobs) for (const w of job.waiters) w.reject(e);
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
