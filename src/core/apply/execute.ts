// The second phase of an apply: journal the plan with every before-value and write the revert patch,
// both before the first write; then send the plan's calls in order, exactly as planned. Every task
// ends with a status; what goes wrong on our side (journal, revert file) is a status with a reason.
import type { JournalSink } from './journal';
import {
  countOutcomes, isFatal, notSent, outcomesFromError, outcomesFromResponse, stopError, toServiceError,
  type OutcomeCounts, type TaskOutcome,
} from './outcome';
import { chunkRequest, type ApplyPlan, type Chunk } from './plan';
import { taskKey } from './fields';
import type { RateLimiter } from './rate-limit';
import { buildRevert, formatRevert, type RevertPlan } from './revert';
import type { ApplyTarget } from './journal';
import type { ServiceErrorLike, TaskService } from './service';

export interface ApplyProgress {
  phase: 'before-state' | 'apply';
  /** Chunks answered so far (apply phase) and in all. */
  chunk: number;
  chunks: number;
  counts: OutcomeCounts;
  calls: number;
}

/** A failure of our own (journal, revert file); the results still say what happened to each task. */
export interface LocalFailure {
  what: 'journal' | 'revert';
  message: string;
}

export interface ExecuteOptions {
  service: TaskService;
  limiter: RateLimiter;
  file?: string;
  target?: ApplyTarget;
  rps: number;
  journal?: JournalSink;
  /** Writes the revert patch (called before the first write, and again once the outcome is known); returns where. */
  writeRevert?(text: string): string;
  /** Removes the revert patch written before the run when nothing was sent after all. */
  discardRevert?(path: string): void;
  /** Calls in flight at once (default DEFAULT_MAX_IN_FLIGHT). */
  maxInFlight?: number;
  signal?: AbortSignal;
  onProgress?(p: ApplyProgress): void;
}

export interface ApplyResult {
  plan: ApplyPlan;
  /** One per task, in file order. */
  results: TaskOutcome[];
  counts: OutcomeCounts;
  /** How the run ended: all chunks attempted, cancelled, or stopped (an error every later call would hit, or our journal). */
  status: 'done' | 'cancelled' | 'stopped';
  error?: ServiceErrorLike;
  revert: RevertPlan | null;
  revertPath: string | null;
  /** BatchUpdateTasks calls made. */
  calls: number;
  failures: LocalFailure[];
}

/**
 * Two calls in flight: when a call takes longer than 1/rps, the next one still leaves on its slot,
 * so the run holds the rate limit. More would only widen what a killed process leaves unknown.
 */
export const DEFAULT_MAX_IN_FLIGHT = 2;

const now = () => new Date().toISOString();
const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function executePlan(plan: ApplyPlan, o: ExecuteOptions): Promise<ApplyResult> {
  const run = new Run(plan, o);
  if (await run.prepare()) await run.sendAll();
  return run.finish();
}

/** One execution's state: the results so far, how it ends, and what failed on our side. */
class Run {
  private readonly results: (TaskOutcome | undefined)[];
  private status: ApplyResult['status'] = 'done';
  private error: ServiceErrorLike | undefined;
  private readonly failures: LocalFailure[] = [];
  private revertPath: string | null = null;
  private calls = 0;
  private answered = 0;
  /** Why no further chunk is sent, once something said so. */
  private stopWhy: string | undefined;

  constructor(private readonly plan: ApplyPlan, private readonly o: ExecuteOptions) {
    this.results = new Array(plan.tasks.length);
    for (const [index, why] of plan.held) this.results[index] = notSent([plan.tasks[index]], why)[0];
  }

  /** Journal the plan and every before-value, write the revert patch: false if either failed (nothing is sent). */
  async prepare(): Promise<boolean> {
    const { plan, o } = this;
    const sending = plan.chunks.flatMap((c) => c.tasks);
    const revert = sending.length && plan.before.size
      ? buildRevert(plan.tasks.map((t) => t.task), sending.map((t) => ({ index: t.index, id: t.task.Id, envType: t.env, status: 'unknown', message: '' })), plan.before, this.revertComment())
      : null;
    let revertFailed = false;
    try {
      if (revert && o.writeRevert) this.revertPath = o.writeRevert(formatRevert(revert));
    } catch (e) {
      revertFailed = !this.refuse('revert', `The revert patch could not be written (${errorText(e)}); nothing was sent.`);
    }
    try {
      await o.journal?.append({
        type: 'plan', version: 2, at: now(), file: o.file, target: o.target ?? {}, batchSize: plan.batchSize, rps: o.rps,
        comment: plan.comment, envCounts: plan.envCounts, revert: this.revertPath,
        chunks: plan.chunks.map((c) => ({ index: c.index, tasks: c.tasks.map((t) => ({ index: t.index, id: t.task.Id, envType: t.env })) })),
        held: [...plan.held].map(([index, message]) => ({ index, id: plan.tasks[index].task.Id, envType: plan.tasks[index].env, message })),
      });
      await o.journal?.append({ type: 'before', at: now(), calls: plan.readCalls, ...(plan.before.size ? {} : { skipped: true }), tasks: [...plan.before.values()] });
    } catch (e) {
      if (this.revertPath) { o.discardRevert?.(this.revertPath); this.revertPath = null; }
      return this.refuse('journal', `The journal could not be written (${errorText(e)}); nothing was sent.`);
    }
    return !revertFailed;
  }

  private refuse(what: LocalFailure['what'], message: string): false {
    this.failures.push({ what, message });
    this.status = 'stopped';
    this.stopWhy = `Not sent: ${message}`;
    return false;
  }

  /** The chunks in plan order, at most maxInFlight at once; a chunk naming a task still in flight waits for it. */
  async sendAll(): Promise<void> {
    const max = Math.max(1, this.o.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    const inFlight = new Map<Promise<void>, Set<string>>();
    for (const chunk of this.plan.chunks) {
      const keys = new Set(chunk.tasks.map((t) => taskKey(t.task.Id, t.env)));
      while (inFlight.size >= max || [...inFlight.values()].some((k) => [...keys].some((x) => k.has(x)))) await Promise.race(inFlight.keys());
      if (!(await this.mayGo()) || !(await this.journalSending(chunk))) break;
      const p: Promise<void> = this.send(chunk).finally(() => inFlight.delete(p));
      inFlight.set(p, keys);
    }
    await Promise.all(inFlight.keys());
  }

  private async mayGo(): Promise<boolean> {
    if (this.stopWhy || this.o.signal?.aborted) return false;
    try {
      await this.o.limiter.acquire(this.o.signal);
    } catch {
      return false;
    }
    return !this.stopWhy && !this.o.signal?.aborted;
  }

  /** Durable before the request leaves: a kill from here on leaves this chunk unknown, never not-sent. */
  private async journalSending(chunk: Chunk): Promise<boolean> {
    try {
      await this.o.journal?.append({ type: 'sending', at: now(), chunk: chunk.index, tasks: chunkRequest(this.plan, chunk).Tasks });
      return true;
    } catch (e) {
      this.localStop(`The journal could not be written (${errorText(e)})`);
      return false;
    }
  }

  private async send(chunk: Chunk): Promise<void> {
    const { o } = this;
    const body = chunkRequest(this.plan, chunk);
    this.calls++;
    const started = Date.now();
    let outcomes: TaskOutcome[];
    let chunkError: ServiceErrorLike | undefined;
    try {
      outcomes = outcomesFromResponse(chunk.tasks, await o.service.batchUpdateTasks(body, { signal: o.signal, limiter: o.limiter }));
    } catch (e) {
      chunkError = toServiceError(e);
      if (o.signal?.aborted) {
        // The answer is lost to the abort; the request may well have been applied.
        chunkError = { ...chunkError, kind: 'cancelled', message: 'Cancelled while this call was in flight; it may have been applied' };
      } else if (isFatal(chunkError) && !this.error) {
        this.status = 'stopped';
        this.error = stopError(chunkError, this.answered);
        this.stopWhy = `Not sent: the run stopped after ${chunkError.code ?? chunkError.kind ?? 'an error'}.`;
      }
      outcomes = outcomesFromError(chunk.tasks, chunkError);
    }
    this.answered++;
    for (const r of outcomes) this.results[r.index] = r;
    try {
      await o.journal?.append({
        type: 'result', at: now(), chunk: chunk.index, requestId: outcomes[0]?.requestId, durationMs: Date.now() - started,
        error: chunkError && { message: chunkError.message, code: chunkError.code, kind: chunkError.kind, requestId: chunkError.requestId, statusCode: chunkError.statusCode },
        results: outcomes.map(({ index, id, envType, status, message, requestId }) => ({ index, id, envType, status, message, requestId })),
      });
    } catch (e) {
      this.localStop(`The journal could not record an answer (${errorText(e)})`);
    }
    o.onProgress?.({ phase: 'apply', chunk: this.answered, chunks: this.plan.chunks.length, counts: countOutcomes(this.results.filter(isSet)), calls: this.calls });
  }

  private localStop(what: string): void {
    if (this.stopWhy && this.failures.some((f) => f.what === 'journal')) return;
    this.failures.push({ what: 'journal', message: `${what}; no further chunk was sent.` });
    if (this.status === 'done') this.status = 'stopped';
    this.stopWhy ??= `Not sent: ${what}.`;
  }

  /** Statuses for the rest, the revert patch narrowed to what may have changed, the end record. */
  async finish(): Promise<ApplyResult> {
    const { plan, o } = this;
    const cancelled = o.signal?.aborted === true;
    if (cancelled && this.status === 'done') this.status = 'cancelled';
    const why = this.stopWhy ?? (cancelled ? (this.calls ? 'Not sent: cancelled.' : 'Cancelled before anything was sent.') : 'Not sent.');
    const results = plan.tasks.map((t, i) => this.results[i] ?? notSent([t], why)[0]);
    const counts = countOutcomes(results);
    const revert = plan.before.size ? buildRevert(plan.tasks.map((t) => t.task), results, plan.before, this.revertComment()) : null;
    if (this.revertPath) {
      try {
        if (revert && o.writeRevert) this.revertPath = o.writeRevert(formatRevert(revert));
        else if (!revert) { o.discardRevert?.(this.revertPath); this.revertPath = null; }
      } catch (e) {
        this.failures.push({ what: 'revert', message: `The revert patch could not be narrowed to the tasks sent (${errorText(e)}); ${this.revertPath} still reverts every task of the plan, which is safe.` });
      }
    }
    if (!this.failures.some((f) => f.what === 'journal')) {
      try {
        await o.journal?.append({ type: 'end', at: now(), status: this.status, reason: this.error?.message, counts, revert: this.revertPath });
      } catch (e) {
        this.failures.push({ what: 'journal', message: `The journal's end record could not be written (${errorText(e)}); the results above are complete.` });
      }
    }
    return { plan, results, counts, status: this.status, error: this.error, revert, revertPath: this.revertPath, calls: this.calls, failures: this.failures };
  }

  private revertComment(): string {
    return `Revert of ${this.o.file ?? 'a patch'} applied ${now()}`;
  }
}

function isSet<T>(v: T | undefined): v is T {
  return v !== undefined;
}
