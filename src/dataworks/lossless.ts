// Lossless JSON both ways. Task, project and workflow ids are int64: JSON.parse would round
// 8604388726201130001 to ...0000. Every number under an id-like key becomes its exact digit string,
// every other number a JS number when that is exact (otherwise its digit string, so nothing is
// silently rounded).
//
// A listing parses ~80 KB a page, and a recursive parser in JS (lossless-json) costs 25-40 ms CPU a
// page on a busy machine: enough to make a long listing CPU-bound. So the answer is parsed by the
// native JSON.parse, after one linear pass has put quotes around exactly the number literals that
// must come out as strings. Anything that pass does not vouch for (text JSON.parse rejects, a repeated
// key) goes to the reference parser, so every answer, every error included, is what it would give.
import { LosslessNumber, isLosslessNumber, isSafeNumber, parse, stringify } from 'lossless-json';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keys whose numbers are identifiers: `Id`, `ProjectId`, `Ids`, `WorkflowIds`, ... */
function isIdKey(key: string | undefined): boolean {
  return key !== undefined && (key.endsWith('Id') || key.endsWith('Ids') || key.endsWith('ID'));
}

/** Parses an API answer; throws SyntaxError on text that is not JSON. */
export function parseLossless(text: string): Json {
  const quoted = quoteExactNumbers(text);
  if (quoted === undefined) return parseLosslessReference(text);
  try {
    return JSON.parse(quoted) as Json;
  } catch {
    // Not JSON: the reference parser throws its own SyntaxError (or accepts what it accepts).
    return parseLosslessReference(text);
  }
}

/** The reference: lossless-json's parser and a walk over its result. Slow, and the definition of the answer. */
export function parseLosslessReference(text: string): Json {
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
    for (const [k, v] of Object.entries(value)) {
      // `out.__proto__ = v` would set the prototype: an own property, as JSON.parse makes it.
      if (k === '__proto__') Object.defineProperty(out, k, { value: normalize(v, k), writable: true, enumerable: true, configurable: true });
      else out[k] = normalize(v, k);
    }
    return out;
  }
  return value as Json;
}

const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;
const OPEN_ARRAY = 91;
const CLOSE_ARRAY = 93;
const COMMA = 44;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const LOWER_E = 101;
const UPPER_E = 69;
const JSON_NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
/** Objects with more keys than this check repeats with a Set instead of a scan. */
const LINEAR_KEYS = 16;

interface Open {
  isObject: boolean;
  /** The property name values here belong to: an object's current key, an array's inherited one. */
  key: string | undefined;
  /** An object's keys so far (repeats send the text to the reference parser, which rejects unequal ones). */
  keys?: string[];
  keySet?: Set<string>;
}

/**
 * The text with quotes around every number literal the reference parser returns as a string (under an
 * id-like key, or not exactly a double), so JSON.parse returns that same string. undefined when the
 * text needs the reference parser: an unterminated string, a key that cannot be decoded, a repeated key.
 *
 * Only a valid number literal in value position is quoted (never an object key's position), so the
 * rewrite never makes invalid text valid: JSON.parse rejects exactly the texts it would have rejected.
 */
export function quoteExactNumbers(text: string): string | undefined {
  const stack: Open[] = [];
  let top: Open | undefined;
  let expectKey = false;
  let out = '';
  let copied = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end < 0) return undefined;
      if (expectKey && top) {
        const raw = text.slice(i + 1, end);
        const key = raw.includes('\\') ? decodeKey(text.slice(i, end + 1)) : raw;
        if (key === undefined || !addKey(top, key)) return undefined;
        top.key = key;
        expectKey = false;
      }
      i = end + 1;
    } else if (c === OPEN_OBJECT) {
      if (top) stack.push(top);
      top = { isObject: true, key: undefined };
      expectKey = true;
      i++;
    } else if (c === OPEN_ARRAY) {
      const inherited = top?.key;
      if (top) stack.push(top);
      top = { isObject: false, key: inherited };
      expectKey = false;
      i++;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      top = stack.pop();
      expectKey = false;
      i++;
    } else if (c === COMMA) {
      expectKey = top?.isObject === true;
      i++;
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      let end = i + 1;
      let plainDigits = c !== MINUS;
      for (; end < n; end++) {
        const d = text.charCodeAt(end);
        if (d >= ZERO && d <= NINE) continue;
        if (d === DOT || d === LOWER_E || d === UPPER_E || d === PLUS || d === MINUS) plainDigits = false;
        else break;
      }
      if (!expectKey && mustQuote(text, i, end, plainDigits, top?.key)) {
        out += text.slice(copied, i) + '"' + text.slice(i, end) + '"';
        copied = end;
      }
      i = end;
    } else {
      i++;
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Index of the quote that ends the string opening at `start`, or -1. */
function closingQuote(text: string, start: number): number {
  for (let q = text.indexOf('"', start + 1); q >= 0; q = text.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(q - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  return -1;
}

function decodeKey(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

/** Records an object's key; false when it is there already. */
function addKey(o: Open, key: string): boolean {
  if (o.keySet) {
    if (o.keySet.has(key)) return false;
    o.keySet.add(key);
    return true;
  }
  const keys = (o.keys ??= []);
  if (keys.includes(key)) return false;
  keys.push(key);
  if (keys.length > LINEAR_KEYS) o.keySet = new Set(keys);
  return true;
}

/** Whether the literal text[start, end) comes out of the reference parser as a string. */
function mustQuote(text: string, start: number, end: number, plainDigits: boolean, key: string | undefined): boolean {
  // Up to 15 digits without a leading zero: always an exact double (the common case, decided without slicing).
  if (plainDigits && end - start <= 15 && (text.charCodeAt(start) !== ZERO || end - start === 1) && !isIdKey(key)) return false;
  const literal = text.slice(start, end);
  if (!JSON_NUMBER.test(literal)) return false; // not a number: JSON.parse rejects the text as it is
  return isIdKey(key) || !isSafeNumber(literal);
}

/** `["1","8604388726201130001"]` → `[1,8604388726201130001]`: ids as bare JSON numbers, digits intact. */
export function idsParam(ids: readonly string[]): string {
  for (const id of ids) {
    if (!/^-?\d+$/.test(id)) throw new TypeError(`id "${id}" is not an integer`);
  }
  return stringify(ids.map((id) => new LosslessNumber(id))) as string;
}
