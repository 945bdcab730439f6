// Paging over the list calls. The service's TotalCount is the contract: we never stop before it
// silently. A page that comes back empty while TotalCount says more exist is an error, because
// stopping there would present a partial list as complete.
import type { Page } from './types';
import { DataWorksError } from './errors';

/** Yields pages 1, 2, ... until every item TotalCount announces has been seen. */
export async function* pages<T>(fetchPage: (pageNumber: number) => Promise<Page<T>>): AsyncGenerator<Page<T>> {
  let seen = 0;
  for (let pageNumber = 1; ; pageNumber++) {
    const page = await fetchPage(pageNumber);
    seen += page.items.length;
    yield page;
    if (seen >= page.totalCount) return;
    if (page.items.length === 0) {
      throw new DataWorksError({
        code: 'IncompletePaging', kind: 'protocol', action: 'paging', retryable: false,
        serviceMessage: `page ${pageNumber} came back empty after ${seen} of ${page.totalCount} items (TotalCount); the list would be incomplete`,
        hint: 'The data changed while paging or the service misreports TotalCount: run the listing again.',
      });
    }
  }
}

/** Every item of every page, in order. */
export async function collectAll<T>(fetchPage: (pageNumber: number) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages(fetchPage)) all.push(...page.items);
  return all;
}
