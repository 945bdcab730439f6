// Which pages of a whole-project walk to read first, so that with read-ahead the first chunks leave early.
import { canonicalId } from './fields';
import type { PlannedTask } from './plan';

/**
 * For pages 2..pagesLeft+1 of a walk (Id Desc, the default order), the smallest file index expected
 * on each. Where a task sits is estimated from its rank among the ids still wanted (a walk is chosen
 * when they are most of the project): rank r of M falls about r/M of the way down the pages.
 */
export function expectedFirstIndex(wanted: PlannedTask[], pagesLeft: number): Map<number, number> {
  const desc = [...wanted].sort((a, b) => compareDigits(canonicalId(b.task.Id), canonicalId(a.task.Id)));
  const first = new Map<number, number>(); // page -> smallest file index expected on it
  desc.forEach((t, r) => {
    const page = 2 + Math.min(pagesLeft - 1, Math.floor((r / desc.length) * pagesLeft));
    first.set(page, Math.min(first.get(page) ?? Infinity, t.index));
  });
  return first;
}

/** Pages 2..pagesLeft+1, the ones holding the file's first tasks first. Same pages, same calls; only the order. */
export function pageOrder(wanted: PlannedTask[], pagesLeft: number): number[] {
  const first = expectedFirstIndex(wanted, pagesLeft);
  return Array.from({ length: pagesLeft }, (_, i) => i + 2)
    .sort((a, b) => (first.get(a) ?? Infinity) - (first.get(b) ?? Infinity) || a - b);
}

/** Canonical digit strings as numbers (longer is larger); anything else after them, as text. */
export function compareDigits(a: string, b: string): number {
  const da = /^\d+$/.test(a), db = /^\d+$/.test(b);
  if (da !== db) return da ? -1 : 1;
  return (da ? a.length - b.length : 0) || (a < b ? -1 : a > b ? 1 : 0);
}
