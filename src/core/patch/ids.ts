// int64 task ids kept as the digits written in the file (JSON.parse would round 8604388726201130001).
const INT64_MAX = '9223372036854775807';

export type IdProblem = 'not-integer' | 'not-positive' | 'out-of-range';

/** Checks the raw JSON number text of an Id. Returns the canonical digits or the problem. */
export function checkIdText(raw: string): { digits: string } | { problem: IdProblem } {
  if (!/^-?\d+$/.test(raw)) {
    // 1e3 or 12.0 are integers in JSON terms but the API wants bare int64 digits.
    return { problem: 'not-integer' };
  }
  if (raw.startsWith('-')) return { problem: 'not-positive' };
  const digits = raw.replace(/^0+(?=\d)/, '');
  if (/^0+$/.test(digits)) return { problem: 'not-positive' };
  if (digits.length > INT64_MAX.length || (digits.length === INT64_MAX.length && digits > INT64_MAX)) {
    return { problem: 'out-of-range' };
  }
  return { digits };
}

export { INT64_MAX };
