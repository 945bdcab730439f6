// Which projects to read before-state from when the user named none: every project of the account.
// Shared by `dwtasks apply` and the extension's Apply / Preview, so both read current values alike.
import type { RateLimiter } from './rate-limit';

export interface ProjectLister {
  listProjects(q: { PageNumber: number; PageSize: number }, signal?: AbortSignal): Promise<{ items: { Id: string }[]; totalCount: number }>;
}

/** Every project id of the account, 100 per call, each call through the limiter. Never a partial list. */
export async function discoverProjectIds(service: ProjectLister, limiter: RateLimiter, signal?: AbortSignal): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page++) {
    await limiter.acquire(signal);
    const res = await service.listProjects({ PageNumber: page, PageSize: 100 }, signal);
    ids.push(...res.items.map((p) => p.Id));
    if (ids.length >= res.totalCount) return ids;
    if (res.items.length === 0) {
      throw new Error(`ListProjects page ${page} came back empty after ${ids.length} of ${res.totalCount} projects; run again.`);
    }
  }
}
