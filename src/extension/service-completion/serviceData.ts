// Account data for completion (resource groups, data sources per project), fetched once, kept until
// the tree is refreshed or the connection changes. Callers wait briefly at most: completion must
// never hang on a slow or unreachable service.
import { collectAll } from '../../dataworks/paging';
import type { DataSource, ResourceGroup } from '../../dataworks/types';
import type { ConnectionService } from '../connection';

/**
 * Groups a task's RuntimeResource.ResourceGroupId may name: serverless (CommonV2) and the older
 * exclusive scheduling groups. Without the filter the service lists CommonV2 only.
 */
const TASK_GROUP_TYPES = ['CommonV2', 'ExclusiveScheduler'];

const PAGE = 100;

export class ServiceData {
  private resourceGroups: Promise<ResourceGroup[]> | undefined;
  private readonly dataSources = new Map<string, Promise<DataSource[]>>();
  private controller = new AbortController();

  constructor(private readonly connection: ConnectionService) {}

  clear(): void {
    this.controller.abort();
    this.controller = new AbortController();
    this.resourceGroups = undefined;
    this.dataSources.clear();
  }

  /** Resource groups that run tasks, or undefined when they are not here within `waitMs`. */
  getResourceGroups(waitMs: number): Promise<ResourceGroup[] | undefined> {
    if (!this.resourceGroups) {
      const signal = this.controller.signal;
      const p = this.connection
        .getClient()
        .then((client) => collectAll((n) => client.listResourceGroups({ PageNumber: n, PageSize: PAGE, ResourceGroupTypes: TASK_GROUP_TYPES }, signal)));
      this.resourceGroups = p;
      p.catch(() => {
        if (this.resourceGroups === p) this.resourceGroups = undefined;
      });
    }
    return within(this.resourceGroups, waitMs);
  }

  getDataSources(projectId: string, waitMs: number): Promise<DataSource[] | undefined> {
    let p = this.dataSources.get(projectId);
    if (!p) {
      const signal = this.controller.signal;
      const fetching = this.connection
        .getClient()
        .then((client) => collectAll((n) => client.listDataSources({ ProjectId: projectId, PageNumber: n, PageSize: PAGE }, signal)));
      p = fetching;
      this.dataSources.set(projectId, fetching);
      fetching.catch(() => {
        if (this.dataSources.get(projectId) === fetching) this.dataSources.delete(projectId);
      });
    }
    return within(p, waitMs);
  }
}

/** The value if it settles in time; undefined on timeout or failure (completion simply offers less). */
function within<T>(p: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      () => {
        clearTimeout(timer);
        resolve(undefined);
      },
    );
  });
}
