// The strict fewest-calls reading: candidate projects one after the other, carrying only the ids not
// found yet to the next. With at most 100 ids left, one call with Ids; with more, page 1 of the whole
// project first (100 tasks, and its TotalCount), then whichever is fewer calls: the remaining pages,
// or the remaining ids 100 per call. No read is spent on a guess: on a shared quota every read delays a write.
import { canonicalId } from './fields';
import type { PlannedTask } from './planned-task';
import { isSkippableListError, LIST_IDS_PER_CALL, listByIds, type ProjectReadContext, type ProjectReadResult } from './project-read';
import { chunk, pool } from './read-pool';
import type { TaskLookupQuery, TaskState } from './service';

export async function readProjectsInOrder(ctx: ProjectReadContext): Promise<ProjectReadResult> {
  const list = ctx.list;
  let remaining = ctx.tasks;
  for (const projectId of ctx.projectIds) {
    if (!remaining.length) break;
    const want = new Map(remaining.map((t) => [canonicalId(t.task.Id), t]));
    const found = new Set<string>();
    const take = (items: TaskState[]) => {
      for (const item of items) {
        const t = want.get(canonicalId(item.Id));
        if (t) { ctx.record(t, item); found.add(canonicalId(item.Id)); }
      }
    };
    const base = { ProjectId: projectId, ProjectEnv: ctx.env, PageSize: LIST_IDS_PER_CALL };
    try {
      await readProject(base, remaining, found, take);
    } catch (e) {
      if (!isSkippableListError(e)) throw e;
    }
    remaining = remaining.filter((t) => !found.has(canonicalId(t.task.Id)));
  }
  return { remaining };

  async function readProject(base: TaskLookupQuery, remaining: PlannedTask[], found: Set<string>, take: (items: TaskState[]) => void): Promise<void> {
    let byIds = remaining;
    if (remaining.length > LIST_IDS_PER_CALL) {
      // Many ids: listing the whole project may be cheaper than asking by id. Page 1 tells how big it is.
      const first = await list({ ...base, PageNumber: 1 });
      take(first.items);
      const pagesLeft = Math.ceil(first.totalCount / LIST_IDS_PER_CALL) - 1;
      byIds = remaining.filter((t) => !found.has(canonicalId(t.task.Id)));
      if (pagesLeft <= Math.ceil(byIds.length / LIST_IDS_PER_CALL)) {
        const pages = Array.from({ length: pagesLeft }, (_, i) => i + 2);
        await pool(pages.map((page) => async () => take((await list({ ...base, PageNumber: page })).items)), ctx.concurrency);
        byIds = [];
      }
    }
    await pool(chunk(byIds, LIST_IDS_PER_CALL).map((batch) => async () => listByIds(list, base, batch, take)), ctx.concurrency);
  }
}
