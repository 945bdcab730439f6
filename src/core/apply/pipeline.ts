// The one apply pipeline: gate, plan, projects, before-state, run, results, revert patch, journal end.
// `dwtasks apply` and the editor's Apply only adapt it (prompt vs modal, stderr vs progress, table vs
// diagnostics); `dwtasks diff` and Preview use its reading half (`readCurrentValues`). Nothing else in
// the code base calls the engine, so no path can send a patch the gate refused.
import type { BatchUpdateRequest } from '../patch/model';
import type { BeforeEntry } from './before-state';
import { readBeforeState, type BeforeState } from './before-state';
import { checkBeforeSend, type GateOptions, type GateVerdict } from './gate';
import type { ApplyTarget, JournalRecord, JournalSink } from './journal';
import { taskKey } from './fields';
import { countOutcomes, notSent, outcomesFromError, outcomesFromResponse, toServiceError, type TaskOutcome } from './outcome';
import { DEFAULT_BATCH_SIZE, DEFAULT_RPS, MAX_BATCH_SIZE, planApply, type ApplyPlan, type PlannedTask } from './plan';
import { discoverProjectIds, type ProjectLister } from './projects';
import { TokenBucket, type RateLimiter } from './rate-limit';
import { buildRevert, formatRevert } from './revert';
import { finishJournal, runApply, type ApplyProgress, type ApplyResult } from './run';
import type { BatchUpdateResponse, CallArg, ServiceErrorLike, TaskService } from './service';

export type PipelineService = TaskService & ProjectLister;
export type OkVerdict = Extract<GateVerdict, { ok: true }>;
export type Refusal = Extract<GateVerdict, { ok: false }>;

/** The patch as the adapter read it: raw text (a BOM is fine) and the name findings are reported under. */
export interface PatchInput extends GateOptions {
  text: string;
  file: string;
}

export interface ReadOptions {
  /** Requests per second for the whole run, reads included (default DEFAULT_RPS). */
  rps?: number;
  /** Top-level task fields to read besides those the patch touches (the schedule picture needs Trigger). */
  alsoRead?: readonly string[];
  /** Reads counted apart at this rate (editions with separate read quotas); default: shared with writes. */
  readRps?: number;
  /** Projects the user named; undefined: every project of the account (ListProjects). */
  projectIds?: string[];
  signal?: AbortSignal;
}

export interface PipelineOptions extends ReadOptions {
  batchSize?: number;
  maxInFlight?: number;
  /** false: skip reading current values (no revert patch; no project listing either). */
  readBefore?: boolean;
  target?: ApplyTarget;
}

export type PipelineProgress = { phase: 'projects' } | ApplyProgress;

/** What the adapter provides: how to ask, where progress, the journal and the revert patch go. */
export interface ApplySink {
  /** After the gate and the plan, before any request: false stops here (declined, dry run). */
  confirm?(plan: ApplyPlan, verdict: OkVerdict): Promise<boolean> | boolean;
  progress?(p: PipelineProgress): void;
  /** The run's journal, asked for only once requests are about to start. */
  openJournal(): JournalSink & { close?(): void };
  /** Writes the revert patch; returns where it went. Runs before the outcome is returned. */
  writeRevert(text: string): Promise<string> | string;
}

/** A failure of our own after the run started (journal, revert file); the results still say what happened. */
export interface LocalFailure {
  what: 'journal' | 'revert';
  message: string;
}

export type ApplyOutcome =
  | { kind: 'refused'; verdict: Refusal }
  | { kind: 'declined'; verdict: OkVerdict; plan: ApplyPlan }
  /** Stopped before any request that changes anything: the project listing failed or was cancelled. */
  | { kind: 'not-sent'; verdict: OkVerdict; plan: ApplyPlan; cancelled: boolean; error: ServiceErrorLike; message: string; results: TaskOutcome[] }
  | { kind: 'ran'; verdict: OkVerdict; plan: ApplyPlan; result: ApplyResult; journalPath?: string; revertPath: string | null; failures: LocalFailure[] };

/** Gate and plan: the first step of every path, reading or sending. */
export function gateAndPlan(input: PatchInput, batchSize = DEFAULT_BATCH_SIZE): { kind: 'refused'; verdict: Refusal } | { kind: 'ok'; verdict: OkVerdict; plan: ApplyPlan } {
  const verdict = checkBeforeSend(input.text, input.file, input);
  if (!verdict.ok) return { kind: 'refused', verdict };
  return { kind: 'ok', verdict, plan: planApply(verdict.request, batchSize) };
}

/**
 * The one policy for a failed project listing, on every path: nothing is sent and nothing is read
 * task by task. A listing that fails (auth, network, quota) says the account's reads are failing; a
 * fallback to one GetTask per task would turn that into hundreds of slow calls that most likely fail
 * too, or quietly spend the quota. Each adapter adds its own ways on to the message: name the projects
 * (`--project`), or skip reading current values (`--no-revert`, the editor's "Apply Without Revert").
 */
export function projectListingFailure(e: unknown, signal?: AbortSignal): { cancelled: boolean; error: ServiceErrorLike; message: string } {
  const error = toServiceError(e);
  const cancelled = signal?.aborted === true || error.kind === 'cancelled';
  const message = cancelled
    ? 'Cancelled while listing projects; nothing was sent.'
    : `Listing the account's projects failed (${error.code ? `${error.code}: ` : ''}${error.message}); nothing was sent.`;
  return { cancelled, error, message };
}

interface Limiters { limiter: RateLimiter; readLimiter: RateLimiter }

function limitersFor(o: ReadOptions): Limiters {
  const limiter = new TokenBucket(o.rps ?? DEFAULT_RPS);
  return { limiter, readLimiter: o.readRps === undefined ? limiter : new TokenBucket(o.readRps) };
}

export async function applyPatch(input: PatchInput, service: PipelineService, options: PipelineOptions, sink: ApplySink): Promise<ApplyOutcome> {
  const gated = gateAndPlan(input, options.batchSize ?? DEFAULT_BATCH_SIZE);
  if (gated.kind === 'refused') return gated;
  const { verdict, plan } = gated;
  if (sink.confirm && !(await sink.confirm(plan, verdict))) return { kind: 'declined', verdict, plan };

  const { limiter, readLimiter } = limitersFor(options);
  const readBefore = options.readBefore !== false;
  let projectIds = options.projectIds ?? [];
  if (readBefore && options.projectIds === undefined) {
    sink.progress?.({ phase: 'projects' });
    try {
      projectIds = await discoverProjectIds(service, readLimiter, options.signal);
    } catch (e) {
      const f = projectListingFailure(e, options.signal);
      const why = f.cancelled ? 'Not sent: cancelled.' : `Not sent: listing projects failed (${f.error.code ?? 'error'}).`;
      return { kind: 'not-sent', verdict, plan, ...f, results: notSent(plan.tasks, why) };
    }
  }

  const recorder = new SendRecorder(service);
  const journal = sink.openJournal();
  const tap = new JournalTap(journal);
  const failures: LocalFailure[] = [];
  let result: ApplyResult;
  let revertPath: string | null = null;
  try {
    try {
      result = await runApply({
        service: recorder, request: verdict.request, file: input.file, target: options.target, batchSize: plan.batchSize,
        rps: options.rps ?? DEFAULT_RPS, limiter, readLimiter, maxInFlight: options.maxInFlight, readBefore, projectIds,
        journal: tap, signal: options.signal, onProgress: (p) => sink.progress?.(p),
      });
    } catch (e) {
      // The engine gave up part way (the journal could not be written): say what each task's fate was.
      const what = recorder.calls.length ? 'no further chunk was sent' : 'nothing was sent';
      failures.push({ what: 'journal', message: `The journal could not be written (${errorText(e)}); ${what}.` });
      result = await recorder.reconstruct(plan, verdict.request, tap.before, failures[0].message, input.file);
    }
    // The revert patch first: the outcome must never be reported while it is not on disk.
    if (result.revert) {
      try {
        revertPath = await sink.writeRevert(formatRevert(result.revert));
      } catch (e) {
        failures.push({ what: 'revert', message: `The revert patch could not be written (${errorText(e)}); the journal keeps the values read before the run${journal.path ? ` (${journal.path}, its "before" record)` : ''}.` });
      }
    }
    if (!tap.broken) {
      try {
        await finishJournal(tap, result, revertPath);
      } catch (e) {
        failures.push({ what: 'journal', message: `The journal's end record could not be written (${errorText(e)}); the results above are complete.` });
      }
    }
  } finally {
    journal.close?.();
  }
  return { kind: 'ran', verdict, plan, result, journalPath: journal.path, revertPath, failures };
}

export type ReadOutcome =
  | { kind: 'refused'; verdict: Refusal }
  | { kind: 'not-read'; verdict: OkVerdict; plan: ApplyPlan; cancelled: boolean; error: ServiceErrorLike; message: string }
  | { kind: 'read'; verdict: OkVerdict; plan: ApplyPlan; state: BeforeState };

/** The reading half, for diff and Preview: the same gate, the same project policy, the same before-state reader. */
export async function readCurrentValues(input: PatchInput, service: PipelineService, options: ReadOptions, onProgress?: (phase: 'projects' | 'before-state') => void): Promise<ReadOutcome> {
  const gated = gateAndPlan(input, MAX_BATCH_SIZE);
  if (gated.kind === 'refused') return gated;
  const { verdict, plan } = gated;
  const { readLimiter } = limitersFor(options);
  let projectIds = options.projectIds;
  if (projectIds === undefined) {
    onProgress?.('projects');
    try {
      projectIds = await discoverProjectIds(service, readLimiter, options.signal);
    } catch (e) {
      return { kind: 'not-read', verdict, plan, ...projectListingFailure(e, options.signal) };
    }
  }
  onProgress?.('before-state');
  try {
    // Asking for more fields widens what each task's before-state records; the reads stay the same calls.
    const probe = Object.fromEntries((options.alsoRead ?? []).map((f) => [f, {}]));
    const tasks = options.alsoRead?.length ? plan.tasks.map((t) => ({ ...t, task: { ...probe, ...t.task } })) : plan.tasks;
    const state = await readBeforeState(tasks, { service, limiter: readLimiter, projectIds, signal: options.signal });
    return { kind: 'read', verdict, plan, state };
  } catch (e) {
    const error = toServiceError(e);
    const cancelled = options.signal?.aborted === true;
    return { kind: 'not-read', verdict, plan, cancelled, error, message: cancelled ? 'Cancelled while reading current values.' : `Reading the current values failed: ${error.message}` };
  }
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Passes records through, remembering the before-state and whether the sink failed. */
class JournalTap implements JournalSink {
  before: BeforeEntry[] = [];
  broken = false;
  constructor(private readonly inner: JournalSink) {}
  get path(): string | undefined { return this.inner.path; }
  async append(record: JournalRecord): Promise<void> {
    // Read-ahead journals the before-state chunk by chunk: keep every record's tasks.
    if (record.type === 'before') this.before.push(...record.tasks);
    try {
      await this.inner.append(record);
    } catch (e) {
      this.broken = true;
      throw e;
    }
  }
}

type Settled = { ok: true; res: BatchUpdateResponse } | { ok: false; err: unknown };

/** The service as the engine sees it, recording every BatchUpdateTasks call and its answer. */
class SendRecorder implements TaskService {
  readonly calls: { body: BatchUpdateRequest; settled: Promise<Settled> }[] = [];
  readonly listTasks?: TaskService['listTasks'];

  constructor(private readonly inner: TaskService) {
    if (inner.listTasks) this.listTasks = inner.listTasks.bind(inner);
  }

  getTask(...args: Parameters<TaskService['getTask']>): ReturnType<TaskService['getTask']> {
    return this.inner.getTask(...args);
  }

  batchUpdateTasks(body: BatchUpdateRequest, call?: CallArg): Promise<BatchUpdateResponse> {
    const p = this.inner.batchUpdateTasks(body, call);
    this.calls.push({ body, settled: p.then((res): Settled => ({ ok: true, res }), (err: unknown): Settled => ({ ok: false, err })) });
    return p;
  }

  /** Per-task results from the calls actually made, once every one of them has answered. */
  async reconstruct(plan: ApplyPlan, request: BatchUpdateRequest, before: BeforeEntry[], why: string, file: string): Promise<ApplyResult> {
    const answers = await Promise.all(this.calls.map(async (c) => ({ body: c.body, settled: await c.settled })));
    // Let the engine's own handlers of those answers journal them before the caller closes the journal.
    await new Promise((resolve) => setTimeout(resolve, 0));
    // Matched task by task (the very objects of the request), not by chunk: with a read quota apart
    // the engine may have sent the tasks read first first, in other chunks than the plan's.
    const planned = new Map(plan.tasks.map((t) => [t.task, t]));
    const results: TaskOutcome[] = [];
    for (const a of answers) {
      const tasks = a.body.Tasks.map((t) => planned.get(t)).filter((t): t is PlannedTask => t !== undefined);
      const outcomes = a.settled.ok ? outcomesFromResponse(tasks, a.settled.res) : outcomesFromError(tasks, toServiceError(a.settled.err));
      for (const o of outcomes) results[o.index] = o;
    }
    for (const o of notSent(plan.tasks.filter((t) => !results[t.index]), `Not sent: ${why}`)) results[o.index] = o;
    const beforeMap = new Map(before.map((b) => [taskKey(b.id, b.envType), b]));
    const revert = beforeMap.size ? buildRevert(request.Tasks, results, beforeMap, `Revert of ${file} applied ${new Date().toISOString()}`) : null;
    return { plan, results, counts: countOutcomes(results), status: 'stopped', error: { message: why }, before: beforeMap, revert, calls: this.calls.length };
  }
}
