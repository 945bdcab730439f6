// Lossless JSON both ways. Task, project and workflow ids are int64: JSON.parse would round
// 8604388726201130001 to ...0000. Responses are read as text and parsed with lossless-json; every
// number under an id-like key becomes its exact digit string, every other number a JS number when
// that is exact (otherwise its digit string, so nothing is silently rounded).
import { LosslessNumber, isLosslessNumber, isSafeNumber, parse, stringify } from 'lossless-json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys whose numbers are identifiers: `Id`, `ProjectId`, `Ids`, `WorkflowIds`, ... */
function isIdKey(key: string | undefined): boolean {
  return key !== undefined && /(Id|Ids|ID)$/.test(key);
}

/** Parses an API answer; throws SyntaxError on text that is not JSON. */
export function parseLossless(text: string): Json {
  return normalize(parse(text), undefined);
}

function normalize(value: unknown, key: string | undefined): Json {
  if (isLosslessNumber(value)) {
    const digits = (value as LosslessNumber).value;
    if (isIdKey(key)) return digits;
    return isSafeNumber(digits) ? Number(digits) : digits;
  }
  if (Array.isArray(value)) return value.map((v) => normalize(v, key));
  if (value !== null && typeof value === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, v] of Object.entries(value)) out[k] = normalize(v, k);
    return out;
  }
  return value as Json;
}

/** `["1","8604388726201130001"]` → `[1,8604388726201130001]`: ids as bare JSON numbers, digits intact. */
export function idsParam(ids: readonly string[]): string {
  for (const id of ids) {
    if (!/^-?\d+$/.test(id)) throw new TypeError(`id "${id}" is not an integer`);
  }
  return stringify(ids.map((id) => new LosslessNumber(id))) as string;
}
