// Reading every candidate project at once: for a read quota counted apart from the write quota, where
// a read delays no write and what matters is that each chunk's before-state arrives early.
//
// The in-order rule (read-projects-in-order.ts) reads project p only once the projects before it are
// read, so a chunk holding tasks of the last project waits for nearly every read. Here page 1 of every
// project is read first, all at once (or, for at most 100 ids, every project asked by Ids at once);
// then each project is walked or asked by Ids, as the in-order rule would decide it, as soon as what
// is known about the projects before it settles that decision. The pages of all walks go out in one
// queue, those expected to hold the file's first tasks first, and (given a ReadDemand) those far
// ahead of the writes wait for them.
//
// Calls: at most one more per project than the in-order rule. A project's page 1 is the extra call
// when the in-order rule would have asked it by Ids or not at all; a walk is started only when the
// rule reads page 1 too and the walk costs at most one call more than its choice (its estimate may be
// off by that one call); Ids are asked only once every earlier project is read, so they are never more
// than the rule's. `inOrderCalls` says what the rule would have made, for the caller to report.
import { canonicalId } from './fields';
import { compareDigits, expectedFirstIndex } from './page-order';
import type { PlannedTask } from './plan';
import { isSkippableListError, LIST_IDS_PER_CALL, listByIds, type ProjectReadContext, type ProjectReadResult } from './project-read';
import type { TaskState } from './service';

interface ProjectRead {
  id: string;
  order: number;
  /** first: page 1 pending; open: walk or Ids not decided yet; ids: Ids decided, waiting for the projects before it. */
  phase: 'first' | 'open' | 'walking' | 'ids' | 'asking' | 'done';
  /** Page 1 (or the first Ids call) failed the way a project one cannot list fails. */
  failed: boolean;
  total?: number;
  pageOneFound: number;
  /** Smallest id on page 1: the later pages hold only smaller ids. */
  pageOneMin?: string;
  /** Tasks of the patch found here, and tasks seen here that the patch does not touch. */
  found: number;
  seenOther: number;
  /** Calls queued or in flight for this project. */
  pending: number;
}

interface Job {
  priority: number;
  seq: number;
  run(): Promise<void>;
}

const idCalls = (n: number) => Math.ceil(Math.max(0, n) / LIST_IDS_PER_CALL);

export async function readProjectsAtOnce(ctx: ProjectReadContext): Promise<ProjectReadResult> {
  const wanted = new Map(ctx.tasks.map((t) => [canonicalId(t.task.Id), t]));
  const unknown = new Map(wanted); // still to find; keeps file order
  const total = wanted.size;
  const projects: ProjectRead[] = ctx.projectIds.map((id, order) => ({ id, order, phase: 'first', failed: false, pageOneFound: 0, found: 0, seenOther: 0, pending: 0 }));
  const base = (p: ProjectRead) => ({ ProjectId: p.id, ProjectEnv: ctx.env, PageSize: LIST_IDS_PER_CALL });
  const take = (p: ProjectRead, items: TaskState[]) => {
    for (const item of items) {
      const key = canonicalId(item.Id);
      const t = unknown.get(key);
      if (t) { unknown.delete(key); ctx.record(t, item); p.found++; } else if (!wanted.has(key)) p.seenOther++;
    }
  };

  const queue: Job[] = [];
  let seq = 0;
  const enqueue = (p: ProjectRead, priority: number, run: () => Promise<void>) => {
    p.pending++;
    queue.push({
      priority, seq: seq++, run: async () => {
        try {
          await run();
        } catch (e) {
          // As in order: a project one cannot list is passed over; its tasks are looked for elsewhere.
          if (!isSkippableListError(e)) throw e;
          if (p.phase === 'first') p.failed = true;
        } finally {
          if (--p.pending === 0 && p.phase !== 'open' && p.phase !== 'ids') p.phase = 'done';
        }
      },
    });
  };

  // 1. Every project's first call at once.
  const small = total <= LIST_IDS_PER_CALL;
  let firstLeft = total ? projects.length : 0;
  if (!firstLeft) ctx.onFirstRound?.();
  if (total) {
    for (const p of projects) {
      enqueue(p, -Infinity, async () => {
        try {
          await first(p);
        } finally {
          if (--firstLeft === 0) ctx.onFirstRound?.();
        }
      });
    }
  }
  async function first(p: ProjectRead): Promise<void> {
    if (small) return listByIds(ctx.list, base(p), [...wanted.values()], (items) => take(p, items));
    const res = await ctx.list({ ...base(p), PageNumber: 1 });
    take(p, res.items);
    p.total = res.totalCount;
    p.pageOneFound = p.found;
    p.pageOneMin = res.items.map((i) => canonicalId(i.Id)).sort(compareDigits)[0];
    // Everything of the project was on page 1: nothing more to read there.
    if (p.found + p.seenOther < res.totalCount) p.phase = 'open';
  }

  // The in-order rule reaches project p with R_p ids not found before it: the tasks of p and of the
  // projects after it, and of none. Bounds on R_p from what is known of the projects before p.
  const upperFound = (q: ProjectRead) => q.phase === 'done' ? q.found
    : q.found + Math.min(unknown.size, q.total === undefined ? Infinity : Math.max(0, q.total - q.found - q.seenOther));
  const bounds = (p: ProjectRead) => {
    let lo = total, hi = total, later = 0;
    for (const q of projects) {
      if (q.order < p.order) { lo -= upperFound(q); hi -= q.found; } else later += q.found;
    }
    return { lo: Math.max(lo, later), hi };
  };

  const walk = (p: ProjectRead, pagesLeft: number) => {
    p.phase = 'walking';
    const below = [...unknown.values()].filter((t) => p.pageOneMin === undefined || compareDigits(canonicalId(t.task.Id), p.pageOneMin) < 0);
    const first = expectedFirstIndex(below, pagesLeft);
    for (let page = 2; page <= pagesLeft + 1; page++) {
      enqueue(p, first.get(page) ?? Infinity, async () => {
        if (unknown.size) take(p, (await ctx.list({ ...base(p), PageNumber: page })).items); // else all found: skip the call
      });
    }
  };
  const askByIds = (p: ProjectRead) => {
    p.phase = 'asking';
    const asked = new Set<string>();
    const left = [...unknown.values()];
    // Each call takes the next 100 ids still unknown when it leaves: walks still going may have found some meanwhile.
    for (let i = 0; i < left.length; i += LIST_IDS_PER_CALL) {
      enqueue(p, left[i].index, async () => {
        const batch: PlannedTask[] = [];
        for (const [key, t] of unknown) {
          if (batch.length === LIST_IDS_PER_CALL) break;
          if (!asked.has(key)) { asked.add(key); batch.push(t); }
        }
        if (batch.length) await listByIds(ctx.list, base(p), batch, (items) => take(p, items));
      });
    }
  };

  /** One pass over the projects, in order. */
  const decideOnce = () => {
    for (const p of projects) {
      if (p.phase === 'open') {
        const { lo, hi } = bounds(p);
        const pagesLeft = Math.ceil((p.total ?? 0) / LIST_IDS_PER_CALL) - 1;
        const k = p.pageOneFound;
        const u = unknown.size; // what Ids calls here could still ask for, at most
        // Walk when the rule reads page 1 too (R_p > 100) and walking costs at most one call more than its choice.
        if (u === 0) p.phase = 'done';
        else if (lo > LIST_IDS_PER_CALL && pagesLeft <= idCalls(Math.min(lo - k, u)) + 1) walk(p, pagesLeft);
        else if (hi <= LIST_IDS_PER_CALL || pagesLeft > idCalls(Math.min(hi - k, u))) p.phase = 'ids';
      }
      // Ids once every earlier project is read: what is unknown then holds none of their tasks.
      if (p.phase === 'ids' && projects.every((q) => q.order >= p.order || q.phase === 'done')) askByIds(p);
      if ((p.phase === 'walking' || p.phase === 'asking') && p.pending === 0) p.phase = 'done';
    }
  };
  // Until nothing changes: a project settled may settle the next one's decision.
  const decide = () => {
    let before = '';
    for (let now = phases(); now !== before; now = phases()) { before = now; decideOnce(); }
  };
  const phases = () => projects.map((p) => `${p.phase}:${p.pending}`).join();

  // 2. One queue, best first, at most `concurrency` calls in flight; a decision is revisited after every answer.
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  const demand = ctx.demand;
  // Wanted soon (or nothing to pace by), or the writes wait for before-state: then reading at the
  // quota takes nothing from them (the page estimate may be off, or a task may be in no project).
  const mayStart = (job: Job) => !demand || demand.waiting() || job.priority <= demand.frontier() + demand.ahead;
  for (;;) {
    decide();
    queue.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    while (!failure && running.size < ctx.concurrency && queue.length && mayStart(queue[0])) {
      const job = queue.shift()!;
      const run: Promise<void> = job.run()
        .catch((error: unknown) => { failure ??= { error }; })
        .finally(() => running.delete(run));
      running.add(run);
    }
    if (!running.size && (failure || !queue.length)) break;
    await Promise.race(demand ? [...running, demand.changed()] : running);
  }
  if (failure) throw failure.error;
  const open = projects.find((p) => p.phase !== 'done');
  if (open) throw new Error(`Reading current values: project ${open.id} was left ${open.phase} (a bug in the reader).`);
  return { remaining: [...unknown.values()], inOrderCalls: inOrderCalls(projects, total) };
}

/** The calls the in-order rule makes for the same tasks, from what was learnt of each project. */
function inOrderCalls(projects: ProjectRead[], total: number): number {
  let left = total, calls = 0;
  for (const p of projects) {
    if (left === 0) break;
    calls++; // Ids (at most 100 left) or page 1; a project that cannot be listed costs just that
    if (p.failed) continue;
    if (left > LIST_IDS_PER_CALL) calls += Math.min(Math.ceil((p.total ?? 0) / LIST_IDS_PER_CALL) - 1, idCalls(left - p.pageOneFound));
    left -= p.found;
  }
  return calls;
}
