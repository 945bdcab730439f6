// PageNumber / PageSize as every list action of 2024-05-18 takes them.
import type { Params } from '../params';
import type { ActionOutcome } from './context';

export const MAX_PAGE_SIZE = 100;

export interface PageRequest { pageNumber: number; pageSize: number }

export function readPaging(params: Params, defaultSize = 10): PageRequest {
  return {
    pageNumber: params.int('PageNumber', 1, 1_000_000) ?? 1,
    pageSize: params.int('PageSize', 1, MAX_PAGE_SIZE) ?? defaultSize,
  };
}

export function pageOf<T>(items: T[], p: PageRequest): T[] {
  const start = (p.pageNumber - 1) * p.pageSize;
  return items.slice(start, start + p.pageSize);
}

/** The answer of a list action: `PagingInfo` with the totals and one page of `matches` under `listKey`. */
export function pagedAnswer<T>(listKey: string, matches: T[], paging: PageRequest, view: (item: T) => unknown = (x) => x): ActionOutcome {
  return {
    body: {
      PagingInfo: {
        PageNumber: paging.pageNumber,
        PageSize: paging.pageSize,
        TotalCount: matches.length,
        [listKey]: pageOf(matches, paging).map(view),
      },
    },
  };
}
