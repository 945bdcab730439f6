// The apply engine: read before-state, then send chunks in order through the TaskService, journaling
// each step before and after it happens. Retries of throttling, 5xx and dropped connections are the
// client's job (one retry policy); whatever still fails here is mapped onto the chunk's tasks.
import type { BatchUpdateRequest } from '../patch/model';
import { readBeforeState, type BeforeEntry } from './before-state';
import type { ApplyTarget, JournalSink } from './journal';
import {
  countOutcomes, isFatal, notSent, outcomesFromError, outcomesFromResponse, toServiceError,
  type OutcomeCounts, type TaskOutcome,
} from './outcome';
import { chunkRequest, DEFAULT_BATCH_SIZE, DEFAULT_RPS, knownFirst, planApply, type ApplyPlan, type Chunk } from './plan';
import { taskKey } from './fields';
import { TokenBucket, type RateLimiter } from './rate-limit';
import { buildRevert, type RevertPlan } from './revert';
import { WriteFrontier } from './write-frontier';
import type { ServiceErrorLike, TaskService } from './service';

export interface ApplyProgress {
  phase: 'before-state' | 'apply';
  /** Chunks answered so far (apply phase) and in all. */
  chunk: number;
  chunks: number;
  counts: OutcomeCounts;
  calls: number;
}

export interface ApplyOptions {
  service: TaskService;
  /** A validated request (validate first: the engine assumes ids are valid int64 digits). */
  request: BatchUpdateRequest;
  file?: string;
  target?: ApplyTarget;
  batchSize?: number;
  rps?: number;
  /** Share a limiter with other work of the same account; default: a new bucket at `rps`. */
  limiter?: RateLimiter;
  /**
   * Limiter for the before-state reads when the account's read quota is counted apart from its write
   * quota (DataWorks Enterprise: 50 reads/s, 20 writes/s). Default: `limiter`, so reads and writes
   * share one rate, which is safe on every edition. A limiter of its own (with readAhead) also reads
   * page 1 of every candidate project at once, at most one extra call per project (read-projects-at-once.ts).
   */
  readLimiter?: RateLimiter;
  /** Read before-state (for the revert patch). Default true. */
  readBefore?: boolean;
  /**
   * Send a chunk as soon as its own tasks' before-state is read and journaled, while later tasks are
   * still being read (default true). The reads are the same calls either way. false: read everything
   * first, so a failing read leaves nothing sent.
   */
  readAhead?: boolean;
  /** Candidate projects for batched before-state reads (see before-state.ts). */
  projectIds?: string[];
  journal?: JournalSink;
  /** Calls in flight at once (default DEFAULT_MAX_IN_FLIGHT). 1 = strictly one after the other. */
  maxInFlight?: number;
  signal?: AbortSignal;
  onProgress?(p: ApplyProgress): void;
}

export interface ApplyResult {
  plan: ApplyPlan;
  /** One per task, in file order. */
  results: TaskOutcome[];
  counts: OutcomeCounts;
  /** How the run ended: all chunks attempted, cancelled, or stopped by an error every later call would hit. */
  status: 'done' | 'cancelled' | 'stopped';
  /** The error that stopped the run (auth, quota, network), or that made before-state reads fail. */
  error?: ServiceErrorLike;
  before: Map<string, BeforeEntry>;
  revert: RevertPlan | null;
  /** Requests made by the engine (each may be retried inside the client). */
  calls: number;
  /**
   * Before-state read calls made, and what the strict in-order rule makes for the same tasks (more
   * made than that: page 1 of every project read at once, with a read quota apart). Absent when the
   * reading did not finish.
   */
  reads?: { calls: number; inOrderCalls: number };
}

const now = () => new Date().toISOString();

/**
 * Two calls in flight: when a call takes longer than 1/rps (the real service often answers in
 * 100-300 ms), the next one still leaves on its slot, so the run holds the rate limit. More would only
 * widen what a killed process leaves 'unknown' (at most this many chunks) without going faster.
 */
export const DEFAULT_MAX_IN_FLIGHT = 2;

export async function runApply(opts: ApplyOptions): Promise<ApplyResult> {
  const rps = opts.rps ?? DEFAULT_RPS;
  let plan = planApply(opts.request, opts.batchSize ?? DEFAULT_BATCH_SIZE);
  const limiter = opts.limiter ?? new TokenBucket(rps);
  const journal = opts.journal;
  const results: (TaskOutcome | undefined)[] = new Array(plan.tasks.length);
  let calls = 0;
  let status: ApplyResult['status'] = 'done';
  let error: ServiceErrorLike | undefined;
  const progress = (phase: ApplyProgress['phase'], chunk: number) =>
    opts.onProgress?.({ phase, chunk, chunks: plan.chunks.length, counts: countOutcomes(results.filter(isSet)), calls });

  const startedAt = now();
  const journalPlan = async (afterReads: boolean) => journal?.append({
    type: 'plan', version: 1, at: now(), ...(afterReads ? { startedAt } : {}), file: opts.file, target: opts.target ?? {}, batchSize: plan.batchSize, rps,
    comment: plan.comment, envCounts: plan.envCounts,
    chunks: plan.chunks.map((c) => ({ index: c.index, tasks: c.tasks.map((t) => ({ index: t.index, id: t.task.Id, envType: t.env })) })),
  });

  // 1. Before-state: a chunk is sent only once its tasks' current values are read and journaled.
  // With readAhead the reads go on in the background and each chunk waits for its own tasks only.
  const readBefore = opts.readBefore !== false;
  const readAhead = readBefore && opts.readAhead !== false;
  // A read quota apart from writes: a read delays no write, so read every project at once (a few
  // extra calls) for the chunks' before-state to arrive early. Shared: every read delays a write.
  const separate = readAhead && opts.readLimiter !== undefined && opts.readLimiter !== limiter;
  // The plan is journaled before any request; read apart, once the first pages are in (reads change nothing).
  if (!separate) await journalPlan(false);
  const reads = new BeforeReads(journal);
  const frontier = new WriteFrontier(plan.batchSize);
  let readError: unknown;
  let readCalls: ApplyResult['reads'];
  let reading: Promise<void> = Promise.resolve();
  if (readBefore) {
    progress('before-state', 0);
    let firstRound = () => {};
    const firstPages = new Promise<void>((resolve) => { firstRound = resolve; });
    const stopReads = new AbortController(); // if the plan cannot be journaled
    reading = readBeforeState(plan.tasks, {
      service: opts.service, limiter: opts.readLimiter ?? limiter, projectIds: opts.projectIds,
      signal: separate ? (opts.signal ? AbortSignal.any([opts.signal, stopReads.signal]) : stopReads.signal) : opts.signal,
      ...(separate ? { atOnce: true, demand: frontier, onFirstRound: () => firstRound() } : {}),
      onCall: () => { calls++; reads.calls++; },
      onEntry: (key, entry) => reads.add(key, entry),
    }).then(
      (state) => { readCalls = { calls: state.calls, inOrderCalls: state.inOrderCalls ?? state.calls }; reads.finish(); },
      (e: unknown) => { readError = e; reads.fail(); },
    );
    if (separate) {
      await Promise.race([firstPages, reading]);
      // Whole chunks of the tasks the first pages brought go first: the same tasks in as many calls.
      plan = knownFirst(plan, (t) => reads.entries.has(taskKey(t.task.Id, t.env)));
      try {
        await journalPlan(true);
      } catch (e) {
        stopReads.abort(e);
        await reading;
        throw e;
      }
    }
    if (!readAhead) {
      await reading;
      if (readError === undefined) await reads.journalRest(); // one record, before anything is sent
    }
  } else {
    await journal?.append({ type: 'before', at: now(), calls: 0, skipped: true, tasks: [] });
  }
  const readFailure = () => {
    const err = toServiceError(readError);
    if (status === 'done') {
      status = opts.signal?.aborted ? 'cancelled' : 'stopped';
      error = status === 'stopped' ? err : undefined;
    }
    return err;
  };

  if (readError !== undefined && !readAhead) {
    const err = readFailure();
    const why = (status as ApplyResult['status']) === 'cancelled' ? 'Cancelled before anything was sent.' : `Not sent: reading the current values failed: ${err.message}`;
    for (const o of notSent(plan.tasks, why)) results[o.index] = o;
  } else {
    // 2. Chunks sent in file order, at most `maxInFlight` at a time (see DEFAULT_MAX_IN_FLIGHT).
    const maxInFlight = Math.max(1, opts.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT);
    const inFlight = new Map<Promise<void>, Set<string>>();
    let answered = 0;
    let sent = 0;
    let sinkError: unknown;
    const skip = (chunk: Chunk) => {
      const cancelled = status === 'cancelled' || opts.signal?.aborted === true;
      let why = cancelled ? (sent === 0 && readBefore ? 'Cancelled before anything was sent.' : 'Not sent: cancelled.') : `Not sent: the run stopped after ${error?.code ?? 'an error'}.`;
      if (opts.signal?.aborted && status === 'done') status = 'cancelled';
      if (readError !== undefined) {
        const err = readFailure();
        why = status === 'cancelled'
          ? (sent === 0 ? 'Cancelled before anything was sent.' : 'Not sent: cancelled.')
          : `Not sent: reading the current values failed: ${err.message}`;
      }
      for (const o of notSent(chunk.tasks, why)) results[o.index] = o;
    };
    const send = async (chunk: Chunk, body: BatchUpdateRequest) => {
      const started = Date.now();
      let outcomes: TaskOutcome[];
      let requestId: string | undefined;
      let chunkError: ServiceErrorLike | undefined;
      try {
        const res = await opts.service.batchUpdateTasks(body, { signal: opts.signal, limiter });
        requestId = res.requestId;
        outcomes = outcomesFromResponse(chunk.tasks, res);
      } catch (e) {
        chunkError = toServiceError(e);
        if (opts.signal?.aborted) {
          // The answer is lost to the abort; the request may well have been applied.
          chunkError = { ...chunkError, kind: 'cancelled', message: 'Cancelled while this call was in flight; it may have been applied' };
          if (status === 'done') status = 'cancelled';
        } else if (isFatal(chunkError) && status === 'done') {
          status = 'stopped';
          error = chunkError;
        }
        outcomes = outcomesFromError(chunk.tasks, chunkError);
        requestId = chunkError.requestId;
      }
      for (const o of outcomes) results[o.index] = o;
      try {
        await journal?.append({
          type: 'result', at: now(), chunk: chunk.index, requestId, durationMs: Date.now() - started,
          error: chunkError && { message: chunkError.message, code: chunkError.code, kind: chunkError.kind, requestId: chunkError.requestId, statusCode: chunkError.statusCode },
          results: outcomes.map(({ index, id, envType, status: s, message, requestId: r }) => ({ index, id, envType, status: s, message, requestId: r })),
        });
      } catch (e) {
        sinkError ??= e;
      }
      progress('apply', ++answered);
    };
    // The frontier: the first file index of any chunk not sent yet (chunks read first may hold later tasks).
    const firstUnsent: number[] = [];
    for (let k = plan.chunks.length - 1, min = Infinity; k >= 0; k--) {
      for (const t of plan.chunks[k].tasks) min = Math.min(min, t.index);
      firstUnsent[k] = min;
    }
    for (const chunk of plan.chunks) {
      frontier.moveTo(firstUnsent[chunk.index]);
      const keys = new Set(chunk.tasks.map((t) => taskKey(t.task.Id, t.env)));
      // Wait for room; a chunk that touches a task still in flight waits for it, so a later value can't land first.
      while (inFlight.size >= maxInFlight || [...inFlight.values()].some((k) => [...keys].some((x) => k.has(x)))) {
        await Promise.race(inFlight.keys());
      }
      // Its tasks' current values: read (or the reading ended), whichever comes first.
      if (readBefore && !reads.isReady(keys, opts.signal)) {
        frontier.wait(true); // the reader may go past its read-ahead for these
        await reads.ready(keys, opts.signal);
        frontier.wait(false);
      }
      if (status !== 'done' || opts.signal?.aborted || sinkError || readError !== undefined) { skip(chunk); continue; }
      try {
        await limiter.acquire(opts.signal);
      } catch {
        skip(chunk);
        continue;
      }
      if (status !== 'done' || sinkError) { skip(chunk); continue; }
      const body = chunkRequest(plan, chunk);
      try {
        // Durable before the request leaves: the revert of this chunk never depends on a later read.
        if (readBefore) await reads.journalFor(keys);
        // Durable before the request leaves: a kill from here on leaves this chunk 'unknown', never 'not sent'.
        await journal?.append({ type: 'sending', at: now(), chunk: chunk.index, tasks: body.Tasks });
      } catch (e) {
        sinkError ??= e;
        skip(chunk);
        continue;
      }
      calls++;
      sent++;
      const p: Promise<void> = send(chunk, body).finally(() => inFlight.delete(p));
      inFlight.set(p, keys);
    }
    frontier.moveTo(Infinity); // nothing more to send: read the rest at the quota
    await Promise.all(inFlight.keys());
    // What is left of the reading (tasks of chunks not sent) is journaled too, then the run ends.
    await reading;
    if (readError === undefined && readBefore) {
      try { await reads.journalRest(); } catch (e) { sinkError ??= e; }
    }
    if (sinkError) throw sinkError;
  }
  const before = reads.entries;

  const final = results.map((r, i) => r ?? notSent([plan.tasks[i]], 'Not sent.')[0]);
  const counts = countOutcomes(final);
  const revert = before.size ? buildRevert(opts.request.Tasks, final, before, `Revert of ${opts.file ?? 'a patch'} applied ${now()}`) : null;
  return { plan, results: final, counts, status, error, before, revert, calls, ...(readCalls ? { reads: readCalls } : {}) };
}

/**
 * The before-state as it arrives: who waits for which tasks, and which entries and read calls are in
 * the journal already. Entries are journaled in 'before' records, each just before the first chunk
 * that needs them is sent; the last record takes the rest when the reading ends.
 */
class BeforeReads {
  readonly entries = new Map<string, BeforeEntry>();
  calls = 0;
  private done = false;
  private journaledCalls = 0;
  private readonly journaled = new Set<string>();
  private waiters: (() => void)[] = [];

  constructor(private readonly journal: JournalSink | undefined) {}

  add(key: string, entry: BeforeEntry): void {
    this.entries.set(key, entry);
    this.wake();
  }

  finish(): void { this.done = true; this.wake(); }
  fail(): void { this.done = true; this.wake(); }

  /** Every key has its entry, the reading ended (either way), or the signal aborted. */
  isReady(keys: Set<string>, signal?: AbortSignal): boolean {
    return this.done || signal?.aborted === true || [...keys].every((k) => this.entries.has(k));
  }

  /** Resolves once isReady. */
  async ready(keys: Set<string>, signal?: AbortSignal): Promise<void> {
    const has = () => this.isReady(keys, signal);
    if (has()) return;
    const onAbort = () => this.wake();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      while (!has()) await new Promise<void>((resolve) => this.waiters.push(resolve));
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }

  /** Journals the entries of `keys` not journaled yet, with the read calls made since the last record. */
  async journalFor(keys: Iterable<string>): Promise<void> {
    const tasks: BeforeEntry[] = [];
    for (const k of keys) {
      const e = this.entries.get(k);
      if (e && !this.journaled.has(k)) { this.journaled.add(k); tasks.push(e); }
    }
    const calls = this.calls - this.journaledCalls;
    if (!tasks.length && !calls) return;
    this.journaledCalls += calls;
    await this.journal?.append({ type: 'before', at: now(), calls, tasks });
  }

  async journalRest(): Promise<void> {
    await this.journalFor([...this.entries.keys()]);
  }

  private wake(): void {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }
}

function isSet<T>(v: T | undefined): v is T {
  return v !== undefined;
}

/** Writes the end record once the caller knows where the revert patch went. */
export async function finishJournal(journal: JournalSink | undefined, result: ApplyResult, revertPath: string | null): Promise<void> {
  await journal?.append({
    type: 'end', at: now(), status: result.status, reason: result.error?.message, counts: result.counts, revert: revertPath,
    ...(result.reads ? { reads: result.reads } : {}),
  });
}
