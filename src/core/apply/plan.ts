// Splitting a validated patch into BatchUpdateTasks calls.
import type { BatchUpdateRequest, EnvType, TaskPatch } from '../patch/model';
import { canonicalId, effectiveEnv } from './fields';

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

export interface PlannedTask {
  /** Position of the task in the file's Tasks array. */
  index: number;
  task: TaskPatch;
  env: EnvType;
}

export interface Chunk {
  index: number;
  tasks: PlannedTask[];
}

export interface ApplyPlan {
  comment?: string;
  chunks: Chunk[];
  tasks: PlannedTask[];
  batchSize: number;
  envCounts: Record<EnvType, number>;
}

/**
 * Chunks follow the file order and may mix environments: EnvType is a per-task field of the request,
 * so one call can carry both, and keeping file order makes results and the journal read like the file.
 * One exception: SuccessInfo is keyed by task id only, so the same Id (for Dev and Prod) never shares
 * a call; a repeated Id starts a new chunk.
 */
export function planApply(request: BatchUpdateRequest, batchSize = DEFAULT_BATCH_SIZE): ApplyPlan {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batch size must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`);
  }
  const tasks = request.Tasks.map((task, index) => ({ index, task, env: effectiveEnv(task) }));
  const chunks: Chunk[] = [];
  let current: PlannedTask[] = [];
  let ids = new Set<string>();
  for (const t of tasks) {
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
  for (const t of tasks) envCounts[t.env]++;
  return { comment: request.Comment, chunks, tasks, batchSize, envCounts };
}

/** The request body of one chunk, tasks exactly as written in the file. */
export function chunkRequest(plan: ApplyPlan, chunk: Chunk): BatchUpdateRequest {
  const body: BatchUpdateRequest = { Tasks: chunk.tasks.map((t) => t.task) };
  if (plan.comment !== undefined) body.Comment = plan.comment;
  return body;
}

/**
 * The same tasks in the same number of calls, whole chunks of tasks whose before-state is known
 * already first (in file order), then the rest in file order; only the last chunk may be smaller.
 * With a read quota apart, the first writes then leave as soon as the first pages are read rather
 * than when every project's last page (where the file's first tasks sit) is. A patch naming a task
 * twice keeps its plan: those entries must go in file order, in separate calls.
 */
export function knownFirst(plan: ApplyPlan, known: (t: PlannedTask) => boolean): ApplyPlan {
  if (new Set(plan.tasks.map((t) => canonicalId(t.task.Id))).size !== plan.tasks.length) return plan;
  const ready = plan.tasks.filter(known);
  const head = ready.slice(0, ready.length - (ready.length % plan.batchSize));
  if (!head.length) return plan;
  const inHead = new Set(head);
  const order = [...head, ...plan.tasks.filter((t) => !inHead.has(t))];
  const chunks: Chunk[] = [];
  for (let i = 0; i < order.length; i += plan.batchSize) chunks.push({ index: chunks.length, tasks: order.slice(i, i + plan.batchSize) });
  return { ...plan, chunks };
}
