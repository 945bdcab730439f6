// The plan's check of what a patch points to: a resource group the account does not have, or a data
// source the task's project does not have in the task's environment, is an error in the plan (the
// task is not sent), caught before any write instead of refused by the service. Each list is read
// once per run (resource groups: the account's; data sources: per project), through the limiter.
import type { EnvType } from '../patch/model';
import type { BeforeEntry } from './before-state';
import { taskKey } from './fields';
import type { PlannedTask } from './planned-task';
import type { RateLimiter } from './rate-limit';
import type { TaskService } from './service';

/** Resource group types that run tasks. */
export const TASK_RESOURCE_GROUP_TYPES = ['CommonV2', 'ExclusiveScheduler'];
const PAGE = 100;

/** Every page of a listing, each call through the limiter. */
async function all<T>(page: (n: number) => Promise<{ items: T[]; totalCount: number }>, limiter: RateLimiter | undefined, signal: AbortSignal | undefined): Promise<T[]> {
  const out: T[] = [];
  for (let n = 1; ; n++) {
    await limiter?.acquire(signal);
    const res = await page(n);
    out.push(...res.items);
    if (!res.items.length || out.length >= res.totalCount) return out;
  }
}

/** By file index, why a task points to something its project does not have. */
export async function checkReferences(
  tasks: PlannedTask[], before: Map<string, BeforeEntry>, o: { service: TaskService; limiter?: RateLimiter; signal?: AbortSignal; onCall?(): void },
): Promise<Map<number, string>> {
  const errors = new Map<number, string>();
  const { service, limiter, signal } = o;
  const call = { signal, limiter };
  let groups: Promise<Set<string>> | undefined;
  const sources = new Map<string, Promise<Map<string, Set<EnvType | undefined>>>>();
  for (const t of tasks) {
    const group = t.task.RuntimeResource?.ResourceGroupId;
    if (typeof group === 'string' && service.listResourceGroups) {
      const list = service.listResourceGroups.bind(service);
      groups ??= all((n) => { o.onCall?.(); return list({ PageNumber: n, PageSize: PAGE, ResourceGroupTypes: TASK_RESOURCE_GROUP_TYPES }, call); }, limiter, signal)
        .then((items) => new Set(items.map((g) => g.Id)));
      if (!(await groups).has(group)) errors.set(t.index, `RuntimeResource.ResourceGroupId: the account has no resource group "${group}" that runs tasks`);
    }
    const source = t.task.DataSource?.Name;
    const project = before.get(taskKey(t.task.Id, t.env))?.projectId;
    if (typeof source === 'string' && project && service.listDataSources) {
      const list = service.listDataSources.bind(service);
      let p = sources.get(project);
      if (!p) {
        p = all((n) => { o.onCall?.(); return list({ ProjectId: project, PageNumber: n, PageSize: PAGE }, call); }, limiter, signal)
          .then((items) => new Map(items.map((d) => [d.Name, new Set((d.DataSource ?? []).map(connectionEnv))])));
        sources.set(project, p);
      }
      const envs = (await p).get(source);
      if (!envs) errors.set(t.index, `DataSource.Name: project ${project} has no data source "${source}"`);
      else if (envs.size && !envs.has(t.env) && !envs.has(undefined)) errors.set(t.index, `DataSource.Name: data source "${source}" of project ${project} has no ${t.env} connection`);
    }
  }
  return errors;
}

/** A data source connection's environment as ListDataSources states it (`ConnectionProperties.envType`); anything else is none. */
export function connectionEnv(c: { ConnectionProperties?: { envType?: string } }): EnvType | undefined {
  const env = c.ConnectionProperties?.envType;
  return env === 'Dev' || env === 'Prod' ? env : undefined;
}
