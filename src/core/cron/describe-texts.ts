// The five field texts a description is worded from, built from parsed fields (no re-parse): numbers
// without leading zeros, names as numbers (months 1-12, days 0 = Sunday ... 6), `?` as `*`, steps
// that start at the field's first value as `*/n`, day-of-week from its day names (so either
// numbering reads the same), month steps as the months they hit. These are the readings users have
// seen since the first release, so lists keep the order they had there (numbers ascending).
import type { ParsedField } from './parse';
import { MONTH_NAMES } from './fields';
import { DAY_NAMES } from './weekdays';

// Which of the special characters a text holds, in one pass.
export const STEP = 1;
export const RANGE = 2;
export const LIST = 4;
export const STAR = 8;
export function marks(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    if (ch === 47) m |= STEP;
    else if (ch === 45) m |= RANGE;
    else if (ch === 44) m |= LIST;
    else if (ch === 42) m |= STAR;
  }
  return m;
}

export interface FieldTexts { minute: string; hour: string; dom: string; month: string; dow: string }

export function fieldTexts(fields: readonly ParsedField[]): FieldTexts | undefined {
  const dowNames = fields[5].names;
  if (dowNames === undefined) return undefined;
  const minute = stepFromStart(list(stripZeros(whole(fields[1].canonical))), '0/');
  const hour = hourSpans(stepFromStart(list(stripZeros(whole(fields[2].canonical))), '0/'), minute);
  const domField = fields[3];
  const dom = domField.none ? '*' : stepFromStart(list(stripZeros(whole(domField.canonical))), '1/');
  const month = monthText(fields[4]);
  const dow = dowNames === '?' ? '*' : daysAsNumbers(whole(dowNames));
  return { minute: one(minute), hour: one(hour), dom: one(dom), month, dow };
}

/** A list with a `*` in it covers the whole field (Quartz), so it reads as `*` (not "at 01:00 and aN:00"). */
function whole(c: string): string {
  if (c.indexOf(',') < 0 || c.indexOf('*') < 0) return c;
  return c.startsWith('*,') || c.endsWith(',*') || c.indexOf(',*,') >= 0 ? '*' : c;
}

/**
 * Hours named under minutes that are not one value read as spans of whole hours ("between 03:00 and
 * 03:59", "at 01:00 through 02:59 and 05:00 through 05:59"), never as clock times ("at 03:00") the
 * schedule may not fire at. A minute range alone keeps its own wording ("Every minute between 03:10
 * and 03:40").
 */
function hourSpans(hour: string, minute: string): string {
  const h = marks(hour);
  const m = marks(minute);
  if (h & (STAR | RANGE | STEP) || !m) return hour;
  if (!(h & LIST)) return m & (STAR | LIST | STEP) ? `${hour}-${hour}` : hour;
  // A list of plain numbers, ascending (list()): consecutive hours become one span.
  const hours = hour.split(',').map(Number);
  let out = '';
  for (let i = 0; i < hours.length;) {
    let j = i;
    while (j + 1 < hours.length && hours[j + 1] - hours[j] <= 1) j++;
    out += `${out ? ',' : ''}${hours[i]}-${hours[j]}`;
    i = j + 1;
  }
  return out;
}

/** `*` for a step of one over the whole field. */
const one = (s: string): string => (s === '*/1' ? '*' : s);

function stepFromStart(s: string, start: string): string {
  return s.startsWith(start) ? `*/${s.slice(start.length)}` : s;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Leading zeros off every number ("05/10" -> "5/10", "00" -> "0"). */
function stripZeros(s: string): string {
  if (s.indexOf('0') < 0) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== 48 || (i > 0 && isDigit(s.charCodeAt(i - 1)))) continue;
    let j = i;
    while (s.charCodeAt(j) === 48 && isDigit(s.charCodeAt(j + 1))) j++;
    if (j > i) {
      out += s.slice(from, i);
      from = j;
    }
    i = j;
  }
  return from === 0 ? s : out + s.slice(from);
}

/** A list in the order the wording has always used: numbers ascending, other elements where they stand among them. */
function list(s: string): string {
  if (s.indexOf(',') < 0 || ascendingNumbers(s)) return s;
  const items = s.split(',').filter((x) => x !== '');
  // The comparison is NaN for ranges, steps and names, as it always was: the engine then keeps them in place.
  items.sort((a, b) => Number(a) - Number(b));
  return items.join(',') || '*';
}

/** Plain numbers, none empty, already ascending: the list as it stands (most lists). */
function ascendingNumbers(s: string): boolean {
  let prev = -1;
  let n = -1;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 44;
    if (c === 44) {
      if (n < 0 || n < prev) return false;
      prev = n;
      n = -1;
    } else if (isDigit(c)) {
      n = n < 0 ? c - 48 : n * 10 + c - 48;
    } else {
      return false;
    }
  }
  return true;
}

function monthText(f: ParsedField): string {
  if (f.canonical.indexOf('/') >= 0) {
    let out = '';
    for (let v = 1; v <= 12; v++) if (f.values[v]) out += out ? `,${v}` : String(v);
    if (out) return out;
  }
  return namesAsNumbers(list(stripZeros(whole(f.canonical))), MONTH_NAMES, 1);
}

function daysAsNumbers(names: string): string {
  return namesAsNumbers(names, DAY_NAMES, 0);
}

/** Three-letter names (upper case, as parsed fields write them) as their numbers, first = `base`. */
function namesAsNumbers(s: string, names: readonly string[], base: number): string {
  let out = '';
  let from = 0;
  for (let i = 0; i + 3 <= s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 65 || c > 90) continue;
    const k = names.indexOf(s.slice(i, i + 3));
    if (k < 0) continue;
    out += s.slice(from, i) + String(k + base);
    from = i + 3;
    i += 2;
  }
  return from === 0 ? s : out + s.slice(from);
}
