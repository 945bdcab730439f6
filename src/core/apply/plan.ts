// The plan's shape, and splitting the tasks to send into BatchUpdateTasks calls.
import type { BatchUpdateRequest, EnvType } from '../patch/model';
import type { BeforeEntry } from './before-state';
import { canonicalId, effectiveEnv } from './fields';
import type { PlannedTask } from './planned-task';

export type { PlannedTask };

/**
 * 20 tasks per call by default: the API's maximum per call is unconfirmed, and a small chunk keeps
 * the blast radius of a whole-call failure (or an unknown outcome after a dropped answer) small,
 * while 20x fewer calls than one-per-task keeps us far below daily quotas. `dataworks.apply.batchSize`
 * / `--batch-size` change it (1..100).
 */
export const DEFAULT_BATCH_SIZE = 20;
/** Below the smallest documented per-account limit (Basic edition: 5 requests/s). */
export const DEFAULT_RPS = 4;
export const MAX_BATCH_SIZE = 100;


export interface Chunk {
  index: number;
  tasks: PlannedTask[];
}

/** The calls of a patch: every task in file order, and the chunks of those to send. */
export interface ApplyPlan {
  comment?: string;
  /** Only the tasks to send, in file order. */
  chunks: Chunk[];
  /** Every task of the patch, in file order. */
  tasks: PlannedTask[];
  batchSize: number;
  /** Tasks to send per environment. */
  envCounts: Record<EnvType, number>;
  /** Tasks not sent, by file index, with why (e.g. "Unchanged, not sent."). */
  held: Map<number, string>;
  /** What was read before: the before-values (none when not read) and the calls it took. */
  before: Map<string, BeforeEntry>;
  readCalls: number;
  /** Fields whose current value is not the one expected (pulled, or read when a saved plan was made). */
  drifts: Drift[];
}

/** A field someone changed since its value was recorded (at pull time, or in a saved plan). */
export interface Drift {
  index: number;
  id: string;
  env: EnvType;
  path: string;
  /** The value recorded then, and when and where it was recorded. */
  then: unknown;
  at: string;
  source: string;
  now: unknown;
  patched: unknown;
  /** The task's name when its values were recorded (pulled tasks have one). */
  name?: string;
}

/** What the reading phase adds to the plain chunking. */
export interface PlanFacts {
  held?: Map<number, string>;
  before?: Map<string, BeforeEntry>;
  readCalls?: number;
  drifts?: Drift[];
}

/**
 * Chunks follow the file order and may mix environments: EnvType is a per-task field of the request,
 * so one call can carry both, and keeping file order makes results and the journal read like the file.
 * One exception: SuccessInfo is keyed by task id only, so the same Id (for Dev and Prod) never shares
 * a call; a repeated Id starts a new chunk.
 */
export function planApply(request: BatchUpdateRequest, batchSize = DEFAULT_BATCH_SIZE, facts: PlanFacts = {}): ApplyPlan {
  const held = facts.held ?? new Map<number, string>();
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batch size must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`);
  }
  const tasks = request.Tasks.map((task, index) => ({ index, task, env: effectiveEnv(task) }));
  const chunks: Chunk[] = [];
  let current: PlannedTask[] = [];
  let ids = new Set<string>();
  const sending = tasks.filter((t) => !held.has(t.index));
  for (const t of sending) {
    const id = canonicalId(t.task.Id);
    if (current.length >= batchSize || ids.has(id)) {
      chunks.push({ index: chunks.length, tasks: current });
      current = [];
      ids = new Set();
    }
    current.push(t);
    ids.add(id);
  }
  if (current.length) chunks.push({ index: chunks.length, tasks: current });
  const envCounts: Record<EnvType, number> = { Prod: 0, Dev: 0 };
  for (const t of sending) envCounts[t.env]++;
  return { comment: request.Comment, chunks, tasks, batchSize, envCounts, held, before: facts.before ?? new Map(), readCalls: facts.readCalls ?? 0, drifts: facts.drifts ?? [] };
}

/** The request body of one chunk, tasks exactly as written in the file. */
export function chunkRequest(plan: ApplyPlan, chunk: Chunk): BatchUpdateRequest {
  const body: BatchUpdateRequest = { Tasks: chunk.tasks.map((t) => t.task) };
  if (plan.comment !== undefined) body.Comment = plan.comment;
  return body;
}
