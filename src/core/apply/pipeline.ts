// The one apply pipeline: gate, projects, plan (read current values, decide what to send; a task
// changed since its pulled or planned values is held back), drift (the adapter may send those anyway),
// confirm, execute (journal and revert patch before the first write, the calls as planned). `dwtasks apply`
// and the editor's Apply only adapt it (prompt vs modal, stderr vs progress, table vs diagnostics);
// `dwtasks diff` and Preview use its reading half (`readCurrentValues`). Nothing else in the code
// base calls the engine, so no path can send a patch the gate refused.
import type { BeforeState } from './before-state';
import { readBeforeState } from './before-state';
import { executePlan, type ApplyProgress, type ApplyResult, type LocalFailure } from './execute';
import { checkBeforeSend, type GateOptions, type GateVerdict } from './gate';
import type { ApplyTarget, JournalSink } from './journal';
import { forceDrifted, heldForDrift, makePlan, type ExpectedValues } from './make-plan';
import { notSent, toServiceError, type TaskOutcome } from './outcome';
import { DEFAULT_BATCH_SIZE, DEFAULT_RPS, MAX_BATCH_SIZE, planApply, type ApplyPlan } from './plan';
import { discoverProjectIds, type ProjectLister } from './projects';
import { TokenBucket, type RateLimiter } from './rate-limit';
import { readFailureMessage } from './run';
import type { ServiceErrorLike, TaskService } from './service';

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
  /** Send tasks already at their patched values too. */
  sendUnchanged?: boolean;
  /** Before-values recorded earlier (at pull time, or in a saved plan), by core's task key: a task changed since is held back. */
  expected?: Map<string, ExpectedValues>;
  /** Send held-back tasks anyway. */
  force?: boolean;
  /** Tasks a saved plan did not send, by file index, with why: not sent now either. */
  planHeld?: Map<number, string>;
  /** The limiter of the reads, when the caller shares one (default: a new one at readRps or rps). */
  readLimiter?: RateLimiter;
}

export type PipelineProgress = { phase: 'projects' } | ApplyProgress;
export type { LocalFailure };

/** What the adapter provides: how to ask, where progress, the journal and the revert patch go. */
export interface ApplySink {
  /**
   * After the plan, when it holds back tasks changed in DataWorks since their values were recorded:
   * 'force' sends them too, 'hold' keeps them back, 'stop' sends nothing. Without it they stay held
   * back unless the `force` option said otherwise before the plan (the CLI's --force).
   */
  drift?(plan: ApplyPlan): Promise<DriftDecision> | DriftDecision;
  /** After the plan (current values read), before any write: false stops here (declined, dry run). */
  confirm?(plan: ApplyPlan, verdict: OkVerdict): Promise<boolean> | boolean;
  progress?(p: PipelineProgress): void;
  /** The run's journal, a new file, asked for once the plan is confirmed. */
  openJournal(): JournalSink & { close?(): void };
  /** Writes the revert patch (before the first write, and again narrowed at the end); returns where it went. */
  writeRevert(text: string): string;
  /** Removes the revert patch when nothing was sent after all. */
  discardRevert?(path: string): void;
}

export type DriftDecision = 'force' | 'hold' | 'stop';

export type ApplyOutcome =
  | { kind: 'refused'; verdict: Refusal }
  | { kind: 'declined'; verdict: OkVerdict; plan: ApplyPlan }
  /** Stopped before any write: the project listing or the reading failed or was cancelled, or the journal could not be opened. */
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

export type PlanOutcome =
  | { kind: 'refused'; verdict: Refusal }
  | Extract<ApplyOutcome, { kind: 'not-sent' }>
  | { kind: 'planned'; verdict: OkVerdict; plan: ApplyPlan };

/** The first phase, on its own for `dwtasks plan` and Preview: gate, projects, current values, the plan. Sends nothing. */
export async function planPatch(input: PatchInput, service: PipelineService, options: PipelineOptions, progress?: (p: PipelineProgress) => void): Promise<PlanOutcome> {
  const gated = gateAndPlan(input, options.batchSize ?? DEFAULT_BATCH_SIZE);
  if (gated.kind === 'refused') return gated;
  const { verdict } = gated;
  // The plan's reads end before the first write: with a read quota apart, they go at its rate.
  const limiter = options.readLimiter ?? new TokenBucket(options.readRps ?? options.rps ?? DEFAULT_RPS);
  const readBefore = options.readBefore !== false;
  const notRead = (f: { cancelled: boolean; error: ServiceErrorLike; message: string }): PlanOutcome => {
    const why = f.cancelled ? 'Cancelled before anything was sent.' : `Not sent: ${f.message}`;
    return { kind: 'not-sent', verdict, plan: gated.plan, ...f, results: notSent(gated.plan.tasks, why) };
  };
  let projectIds = options.projectIds;
  if (readBefore && projectIds === undefined) {
    progress?.({ phase: 'projects' });
    try {
      projectIds = await discoverProjectIds(service, limiter, options.signal);
    } catch (e) {
      return notRead(projectListingFailure(e, options.signal));
    }
  }
  try {
    progress?.({ phase: 'before-state', chunk: 0, chunks: 0, counts: { succeeded: 0, failed: 0, unknown: 0, notSent: 0 }, calls: 0 });
    const plan = await makePlan(verdict.request, { ...options, service, limiter, batchSize: gated.plan.batchSize, readBefore, projectIds });
    return { kind: 'planned', verdict, plan };
  } catch (e) {
    const error = toServiceError(e);
    const cancelled = options.signal?.aborted === true;
    return notRead({ cancelled, error, message: cancelled ? 'Cancelled while reading current values; nothing was sent.' : readFailureMessage(error) });
  }
}

/** Both phases: plan, the drift decision, confirm, then execute exactly that plan. */
export async function applyPatch(input: PatchInput, service: PipelineService, options: PipelineOptions, sink: ApplySink): Promise<ApplyOutcome> {
  const rps = options.rps ?? DEFAULT_RPS;
  const limiter = new TokenBucket(rps);
  const planned = await planPatch(input, service, { ...options, ...(options.readRps === undefined ? { readLimiter: limiter } : {}) }, sink.progress);
  if (planned.kind !== 'planned') return planned;
  const { verdict } = planned;
  let { plan } = planned;
  if (sink.drift && heldForDrift(plan).length) {
    const decision = await sink.drift(plan);
    if (decision === 'stop') return { kind: 'declined', verdict, plan };
    if (decision === 'force') plan = forceDrifted(plan);
  }
  if (sink.confirm && !(await sink.confirm(plan, verdict))) return { kind: 'declined', verdict, plan };

  let journal: JournalSink & { close?(): void };
  try {
    journal = sink.openJournal();
  } catch (e) {
    const error = toServiceError(e);
    const message = `the journal could not be created (${error.message}); nothing was sent.`;
    return { kind: 'not-sent', verdict, plan, cancelled: false, error, message, results: notSent(plan.tasks, `Not sent: ${message}`) };
  }
  try {
    const result = await executePlan(plan, {
      service, limiter, rps, file: input.file, target: options.target, journal, maxInFlight: options.maxInFlight, signal: options.signal,
      writeRevert: (text) => sink.writeRevert(text), discardRevert: sink.discardRevert ? (p) => sink.discardRevert?.(p) : undefined,
      onProgress: (p) => sink.progress?.(p),
    });
    return { kind: 'ran', verdict, plan, result, journalPath: journal.path, revertPath: result.revertPath, failures: result.failures };
  } finally {
    journal.close?.();
  }
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
  const readLimiter = new TokenBucket(options.readRps ?? options.rps ?? DEFAULT_RPS);
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
