// Paging over the list calls. The service's TotalCount is the contract: we never stop before it
// silently. A page that comes back empty while TotalCount says more exist is an error, because
// stopping there would present a partial list as complete.
//
// A long listing runs at the quota, not at the speed of one request after another: page 1 tells the
// total, then the remaining pages are requested in parallel, each when the rate limiter gives it a
// slot, so N pages take about N / rps seconds however long one answer takes.
import type { RateLimiter } from '../core/apply/rate-limit';
import type { Page } from './types';
import { DataWorksError } from './errors';
import type { RequestOptions } from './request';
import { cancelledError } from './retry';

/** Yields pages 1, 2, ... until every item TotalCount announces has been seen. */
export async function* pages<T>(fetchPage: (pageNumber: number) => Promise<Page<T>>): AsyncGenerator<Page<T>> {
  let seen = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetchPage(pageNumber);
    seen += page.items.length;
    yield page;
    if (seen >= page.totalCount) return;
    if (page.items.length === 0) throw incomplete(pageNumber, seen, page.totalCount);
  }
}

export interface PagingProgress {
  pagesDone: number;
  /** Pages the listing needs, from page 1's TotalCount and page size. */
  pagesTotal: number;
  items: number;
  totalCount: number;
}

export interface PagingOptions {
  /** Each page waits for a slot; without one, pages are fetched one after another. */
  limiter?: RateLimiter;
  /** Pages in flight at once (default 8 with a limiter, else 1): enough to keep the quota busy when answers are slow. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?(p: PagingProgress): void;
}

export const DEFAULT_PAGE_CONCURRENCY = 8;

/**
 * Every item of every page, in page order. `fetchPage` gets the signal and the limiter to hand the
 * client, so the client's retries of a page wait for slots of the same limiter.
 */
export async function collectAll<T>(fetchPage: (pageNumber: number, request: RequestOptions) => Promise<Page<T>>, opts: PagingOptions = {}): Promise<T[]> {
  const request: RequestOptions = { signal: opts.signal, limiter: opts.limiter };
  const fetchOne = async (pageNumber: number): Promise<Page<T>> => {
    if (opts.signal?.aborted) throw cancelledError('paging', 'before sending');
    await opts.limiter?.acquire(opts.signal).catch(() => { throw cancelledError('paging', 'while waiting for the rate limit'); });
    return fetchPage(pageNumber, request);
  };
  const first = await fetchOne(1);
  const all: T[] = [...first.items];
  const total = first.totalCount;
  const pageSize = first.pageSize > 0 ? first.pageSize : first.items.length;
  const pagesTotal = pageSize > 0 ? Math.max(1, Math.ceil(total / pageSize)) : 1;
  let done = 1;
  const report = (): void => opts.onProgress?.({ pagesDone: done, pagesTotal: Math.max(pagesTotal, done), items: all.length, totalCount: total });
  report();
  if (all.length >= total) return all;
  if (first.items.length === 0) throw incomplete(1, 0, total);

  // Pages 2..pagesTotal in parallel; kept by number so the result is in page order.
  const rest: Page<T>[] = new Array<Page<T>>(Math.max(0, pagesTotal - 1));
  let next = 2;
  let failed: { error: unknown } | undefined;
  let received = all.length;
  const worker = async (): Promise<void> => {
    while (next <= pagesTotal && !failed) {
      const pageNumber = next++;
      try {
        const page = await fetchOne(pageNumber);
        rest[pageNumber - 2] = page;
        done++;
        received += page.items.length;
        if (page.totalCount !== total) throw changed(pageNumber, total, page.totalCount);
        opts.onProgress?.({ pagesDone: done, pagesTotal, items: received, totalCount: total });
      } catch (e) {
        failed ??= { error: e };
      }
    }
  };
  const concurrency = Math.max(1, Math.floor(opts.concurrency ?? (opts.limiter ? DEFAULT_PAGE_CONCURRENCY : 1)));
  await Promise.all(Array.from({ length: Math.min(concurrency, pagesTotal - 1) }, worker));
  if (failed) throw failed.error;
  for (const page of rest) all.push(...page.items);

  // Fewer items than announced (the service sends smaller pages than asked for): carry on one page
  // at a time until the count is reached, and fail rather than return a list that looks complete.
  let pageNumber = pagesTotal;
  let last = rest.length ? rest[rest.length - 1]! : first;
  while (all.length < total) {
    if (last.items.length === 0) throw incomplete(pageNumber, all.length, total);
    pageNumber++;
    last = await fetchOne(pageNumber);
    done++;
    all.push(...last.items);
    if (last.totalCount !== total) throw changed(pageNumber, total, last.totalCount);
    report();
  }
  return all;
}

/** Tasks were added or removed between two pages: items may have shifted across a page boundary and been missed. */
function changed(pageNumber: number, before: number, now: number): DataWorksError {
  return new DataWorksError({
    code: 'IncompletePaging', kind: 'protocol', action: 'paging', retryable: false,
    serviceMessage: `TotalCount changed from ${before} to ${now} at page ${pageNumber}: items were added or removed while paging, so some may have been missed`,
    hint: 'Run the listing again (when nothing else is changing the tasks).',
  });
}

function incomplete(pageNumber: number, seen: number, totalCount: number): DataWorksError {
  return new DataWorksError({
    code: 'IncompletePaging', kind: 'protocol', action: 'paging', retryable: false,
    serviceMessage: `page ${pageNumber} came back empty after ${seen} of ${totalCount} items (TotalCount); the list would be incomplete`,
    hint: 'The data changed while paging or the service misreports TotalCount: run the listing again.',
  });
}
