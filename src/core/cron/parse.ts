// Parses a DataWorks cron expression into per-field value sets with exact source ranges.
// Only clean syntax is accepted: Quartz silently ignores trailing junk in some tokens
// (e.g. a step after a name range), so anything it might read differently is a problem here.
import { FIELDS_BY_NUMBERING, type CronField, type FieldSpec } from './fields';
import { cronMessage, inField, type CronArgs, type CronLocale, type CronMessageKey } from './messages';
import { DAY_NAMES, DEFAULT_WEEKDAY_NUMBERING, dayIndex, namesOfDays, weekdaySequence, type WeekdayNumbering } from './weekdays';

/** `code` is the stable message key; `message` is it in words, prefixed with the field ("day-of-week: ..."). */
export interface CronProblem { field: CronField; code: CronMessageKey; message: string; start: number; end: number }
/** A token-level repair: replace [start, end) of the expression with `text`. */
export interface Repair { title: string; start: number; end: number; text: string }
/** Valid, but read plainly only by Spring (Quartz reads it otherwise or rejects it): said as a warning, with its repair. */
export interface CronWarning extends CronProblem { repair: Repair }

export interface Token { text: string; start: number; end: number }

export interface ParsedField {
  spec: FieldSpec;
  token: Token;
  /** values[v] is true when v is in the field's set (day-of-week: Quartz's 1 = Sunday whatever the numbering). */
  values: boolean[];
  /** `?` */
  none: boolean;
  /** exactly `*` */
  star: boolean;
  /** `L` in day-of-month */
  lastDayOfMonth: boolean;
  /** `nL` in day-of-week: the day n */
  lastWeekday?: number;
  /** `n#k` in day-of-week */
  nth?: { day: number; k: number };
  canonical: string;
  /** day-of-week: the field written with day names (same meaning in both numberings); undefined if unreadable. */
  names?: string;
  /** day-of-week: some value is written as a number (the `k` of `n#k` does not count). */
  numeric?: boolean;
}

export interface ParsedCron {
  tokens: Token[];
  /** Present when there are six or seven fields. */
  fields?: ParsedField[];
  problems: CronProblem[];
  repairs: Repair[];
  warnings: CronWarning[];
}

/** Fields are separated by spaces and tabs only, as Quartz splits them (a full-width space is not a separator). */
export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  for (let i = 0; i <= expr.length; i++) {
    const c = i < expr.length ? expr.charCodeAt(i) : 32;
    if (c === 32 || c === 9) {
      if (start >= 0) tokens.push({ text: expr.slice(start, i), start, end: i });
      start = -1;
    } else if (start < 0) start = i;
  }
  return tokens;
}

/** A problem about `field`, its message in the locale. */
export function problem(locale: CronLocale, field: CronField, code: CronMessageKey, args: CronArgs, start: number, end: number): CronProblem {
  return { field, code, message: inField(locale, field, code, args), start, end };
}

export function parseCron(expr: string, locale: CronLocale = 'en', weekdays: WeekdayNumbering = DEFAULT_WEEKDAY_NUMBERING): ParsedCron {
  const tokens = tokenize(expr);
  const problems: CronProblem[] = [];
  const repairs: Repair[] = [];
  const warnings: CronWarning[] = [];
  const out: ParsedCron = { tokens, problems, repairs, warnings };
  if (tokens.length < 6) {
    const code = tokens.length === 0 ? 'expression.empty' : 'expression.count';
    problems.push(problem(locale, 'expression', code, { count: tokens.length }, 0, expr.length));
    return out;
  }
  if (tokens.length === 7) {
    const y = tokens[6];
    problems.push(problem(locale, 'expression', 'expression.year', { token: y.text }, y.start, y.end));
    repairs.push({ title: cronMessage(locale, 'fix.removeYear', { token: y.text }), start: tokens[5].end, end: y.end, text: '' });
  } else if (tokens.length > 7) {
    const extra = tokens.slice(6);
    problems.push(problem(locale, 'expression', 'expression.count', { count: tokens.length }, extra[0].start, extra[extra.length - 1].end));
    return out;
  }
  // The DataWorks numbering is Spring's format (CronSequenceGenerator), so Spring's reading of the other fields comes with it.
  const sink = new Sink(problems, repairs, warnings, locale, weekdays === 'dataworks');
  out.fields = FIELDS_BY_NUMBERING[weekdays].map((spec, i) => parseField(spec, tokens[i], sink));
  return out;
}

/** All-false value arrays by length, copied per field: a packed copy is cheaper than `new Array(n).fill(false)`. */
const NO_VALUES: boolean[][] = [];

function emptyField(spec: FieldSpec, token: Token): ParsedField {
  const size = spec.max + 1;
  const none = NO_VALUES[size] ?? (NO_VALUES[size] = Array.from({ length: size }, () => false));
  return { spec, token, values: none.slice(), none: false, star: false, lastDayOfMonth: false, canonical: token.text };
}

/** Collects the problems and repairs of the field being parsed (one per expression: no closures per field). */
class Sink {
  field: CronField = 'expression';
  /** day-of-week: each element written with names; undefined once an element is unreadable. */
  names: string[] | undefined;
  constructor(
    private readonly problems: CronProblem[], private readonly repairs: Repair[], private readonly warnings: CronWarning[],
    private readonly locale: CronLocale,
    /** Read as Spring's CronSequenceGenerator does (the DataWorks numbering); otherwise as Quartz does. */
    readonly spring: boolean,
  ) {}

  report(code: CronMessageKey, args: CronArgs, start: number, end: number): void {
    this.problems.push(problem(this.locale, this.field, code, args, start, end));
  }

  repair(title: CronMessageKey, start: number, end: number, text: string, args: CronArgs = {}): void {
    this.repairs.push({ title: cronMessage(this.locale, title, args), start, end, text });
  }

  /** A warning on [start, end) whose fix writes `text` there (titled `title`, by default "Write <text>"). */
  warn(code: CronMessageKey, args: CronArgs, start: number, end: number, text: string, title: CronMessageKey = 'fix.write', at = { start, end }): void {
    const repair = { title: cronMessage(this.locale, title, { text }), start: at.start, end: at.end, text };
    this.warnings.push({ ...problem(this.locale, this.field, code, args, start, end), repair });
  }

  text(key: CronMessageKey): string {
    return cronMessage(this.locale, key);
  }

  name(part: string | undefined): void {
    if (part === undefined) this.names = undefined;
    else this.names?.push(part);
  }
}

function parseField(spec: FieldSpec, token: Token, sink: Sink): ParsedField {
  const f = emptyField(spec, token);
  sink.field = spec.name;
  if (spec.name === 'second') {
    if (token.text !== '0' && token.text !== '00') {
      sink.report('second.notZero', { token: token.text }, token.start, token.end);
      sink.repair('fix.seconds', token.start, token.end, '00');
    }
    f.values[0] = true;
    f.canonical = '00';
    return f;
  }
  const text = token.text;
  const dow = spec.name === 'day-of-week';
  if (dow) {
    sink.names = [];
    f.numeric = numericDays(text);
  }
  let count = 1;
  for (let i = text.indexOf(','); i >= 0; i = text.indexOf(',', i + 1)) count++;
  let canonical = '';
  for (let from = 0, k = 0; k < count; k++) {
    const comma = k + 1 < count ? text.indexOf(',', from) : text.length;
    const el = text.slice(from, comma);
    const canon = parseElement(spec, el, token.start + from, token.start + comma, f, count, sink);
    if (dow && canon === undefined) sink.name(undefined);
    canonical = k === 0 ? canon ?? el : `${canonical},${canon ?? el}`;
    from = comma + 1;
  }
  f.canonical = canonical;
  if (spec.name === 'day-of-month') f.values[0] = false; // Spring's day 0 (see zeroDay)
  if (dow && sink.names) f.names = sink.names.length === 1 ? sink.names[0] : [...new Set(sink.names)].join(',');
  return f;
}


function parseElement(
  spec: FieldSpec, el: string, start: number, end: number, f: ParsedField, count: number, sink: Sink,
): string | undefined {
  // Only printable ASCII can be valid; checking first also keeps ranges exact (toUpperCase can
  // change the length of non-ASCII text, e.g. "ß" -> "SS").
  const bad = firstNonAscii(el);
  if (bad >= 0) {
    const code = el.charCodeAt(bad).toString(16).toUpperCase().padStart(4, '0');
    sink.report('char.notAscii', { el, code }, start, end);
    return undefined;
  }
  // Digits with at most a `-` and a `/` (the common forms) can only be a number range: no regex needed.
  if (isNumberRange(el)) {
    const dash = el.indexOf('-');
    const slash = el.indexOf('/');
    const aEnd = dash >= 0 ? dash : slash >= 0 ? slash : el.length;
    const b = dash >= 0 ? el.slice(dash + 1, slash >= 0 ? slash : el.length) : undefined;
    return rangeElement(spec, el, el.slice(0, aEnd), b, slash >= 0 ? el.slice(slash + 1) : undefined, false, false, start, end, f, sink);
  }
  const up = el === '*' || el === '?' ? el : el.toUpperCase();
  const isDay = spec.name === 'day-of-month' || spec.name === 'day-of-week';
  const alone = (what: CronMessageKey): boolean => {
    if (count > 1) sink.report(what, { el }, start, end);
    return count === 1;
  };
  if (el === '') {
    sink.report('list.empty', {}, start, end);
    return undefined;
  }
  if (up === '?') {
    if (!isDay) {
      sink.report('none.notDay', {}, start, end);
      return undefined;
    }
    if (alone('alone.none')) f.none = true;
    sink.name('?');
    return '?';
  }
  if (up === '*') {
    f.star = count === 1;
    fill(spec, f, spec.min, spec.max, 1);
    sink.name('*');
    return '*';
  }
  if (up.length > 2 && up.charCodeAt(0) === 42 && up.charCodeAt(1) === 47 && allDigits(up, 2)) { // `*/n`
    const stepText = up.slice(2);
    const dom = spec.name === 'day-of-month';
    // Spring counts day-of-month `*/n` from day 0 (n, 2n, ...): past 31 it never fires, so it stays an error there.
    const step = checkStep(spec, stepText, start + 2, end, sink, !dom);
    if (!step) return undefined;
    if (dom && sink.spring && step > 1) {
      const values = fill(spec, f, step, spec.max, step) ?? valuesFrom(f.values, step, spec.max);
      const plain = `${step}/${step}`;
      sink.warn('warn.domFromZero', { el, values: values.join(','), plain }, start, end, plain);
      return plain;
    }
    const first = sink.spring && step > spec.maxStep ? spec.min : undefined;
    const days = fill(spec, f, spec.min, spec.max, step);
    if (days) sink.name(namesOfDays(days, false));
    if (first !== undefined) return pastRange(spec, el, step, first, start, end, sink);
    return `*/${Number(stepText)}`;
  }
  let m: RegExpExecArray | null;
  if (spec.name === 'day-of-month') {
    if (up === 'L') {
      if (alone('alone.last')) f.lastDayOfMonth = true;
      return 'L';
    }
    if (up === 'LW' || /^L-\d+W?$/.test(up) || /^\d+W$/.test(up) || up === 'W') {
      sink.report(up === 'LW' ? 'unsupported.LW' : up.startsWith('L-') ? 'unsupported.Ln' : 'unsupported.W', { el }, start, end);
      return undefined;
    }
  }
  if (spec.name === 'day-of-week') {
    const numbering = spec.numbering ?? DEFAULT_WEEKDAY_NUMBERING;
    if (up === 'L') {
      sink.report('dow.L', { lastFriday: numbering === 'quartz' ? '6L' : '5L' }, start, end);
      sink.repair('fix.saturday', start, end, 'SAT');
      return undefined;
    }
    m = /^([0-9A-Z]+)L$/.exec(up);
    if (m && !/^\d+$/.test(up)) {
      const v = atom(spec, m[1], start, start + m[1].length, sink);
      if (v === undefined || !alone('alone.lastWeekday')) return undefined;
      const d = dayIndex(numbering, v);
      f.values[d + 1] = true;
      f.lastWeekday = d + 1;
      sink.name(`${DAY_NAMES[d]}L`);
      return `${m[1]}L`;
    }
    m = /^([0-9A-Z]+)#(\d*)$/.exec(up);
    if (m) {
      const v = atom(spec, m[1], start, start + m[1].length, sink);
      const k = m[2] === '' ? NaN : Number(m[2]);
      if (!(k >= 1 && k <= 5)) {
        sink.report('nth.week', { k: m[2] }, start + m[1].length + 1, end);
        return undefined;
      }
      if (v === undefined || !alone('alone.nth')) return undefined;
      const d = dayIndex(numbering, v);
      f.values[d + 1] = true;
      f.nth = { day: d + 1, k };
      sink.name(`${DAY_NAMES[d]}#${k}`);
      return `${m[1]}#${k}`;
    }
  }
  m = /^([0-9A-Z]+)(?:-([0-9A-Z]+))?(?:\/(\d*))?$/.exec(up);
  if (!m) {
    sink.report(spec.name === 'month' || spec.name === 'day-of-month' || spec.name === 'day-of-week' ? `invalid.${spec.name}` : 'invalid', { el, min: spec.min, max: spec.max }, start, end);
    return undefined;
  }
  const [, a, b, stepText] = m;
  const aNamed = /[A-Z]/.test(a);
  const bNamed = b !== undefined && /[A-Z]/.test(b);
  if (b !== undefined && aNamed !== bNamed) {
    sink.report('range.mixed', { el }, start, end);
    return undefined;
  }
  return rangeElement(spec, el, a, b, stepText, aNamed, bNamed, start, end, f, sink);
}

/** Element `el` = `a`, `a-b`, `a/step` or `a-b/step` (numbers or names; `*Named`: the part has a letter), at [start, end). */
function rangeElement(
  spec: FieldSpec, el: string, a: string, b: string | undefined, stepText: string | undefined, aNamed: boolean, bNamed: boolean,
  start: number, end: number, f: ParsedField, sink: Sink,
): string | undefined {
  const aEnd = start + a.length;
  const from = atom(spec, a, start, aEnd, sink);
  const bStart = aEnd + 1;
  const to = b === undefined ? undefined : atom(spec, b, bStart, bStart + b.length, sink);
  const named = aNamed || bNamed;
  let step = 1;
  if (stepText !== undefined) {
    const stepStart = end - stepText.length;
    const readable = from !== undefined && (b === undefined || to !== undefined);
    // The same range in numbers, as an example the user can paste (in the numbering in force).
    const example = readable ? `${from}${b === undefined ? '' : `-${to}`}/${stepText || 2}`
      : spec.name === 'month' ? '1-12/2' : spec.numbering === 'quartz' ? '2-6/2' : '1-5/2';
    if (named && !(sink.spring && readable && stepText !== '')) {
      sink.report('step.afterName', { example }, stepStart - 1, end);
      return undefined;
    }
    const s = checkStep(spec, stepText, stepStart, end, sink, true);
    if (!s) return undefined;
    step = s;
    // Spring reads names as numbers before the step; Quartz drops the step: said, with the plain form.
    if (named && (to === undefined || to >= from!)) sink.warn('warn.stepAfterName', { el, example }, start, end, example);
  }
  if (from === undefined || (b !== undefined && to === undefined)) return undefined;
  if (to !== undefined && to < from && sink.spring) {
    // Spring (the format DataWorks documents) rejects a range that runs backwards; Quartz would wrap it.
    const list = wrapped(spec, from, to, step, named).join(',');
    const dow = spec.name === 'day-of-week';
    sink.report('range.inverted', { el, values: list }, start, end);
    sink.repair(dow ? 'fix.listDays' : 'fix.listValues', start, end, list, { values: list });
    return undefined;
  }
  // `a/n` runs from a to the field's maximum; in Quartz a range whose end is below its start wraps around.
  const last = to ?? (stepText !== undefined ? spec.max : from);
  const days = fill(spec, f, from, last, step);
  if (days) sink.name(namesOfDays(days, stepText === undefined));
  if (sink.spring && step > spec.maxStep) return pastRange(spec, el, step, from, start, end, sink);
  if (from === 0 && spec.name === 'day-of-month') zeroDay(el, to, stepText === undefined ? undefined : step, start, end, f, sink);
  const fmt = (text: string, isName: boolean, v: number): string => (isName ? text : spec.pad && v < 10 ? `0${v}` : String(v));
  return fmt(a, aNamed, from) + (b !== undefined ? `-${fmt(b, bNamed, to!)}` : '') + (stepText !== undefined ? `/${step}` : '');
}

/** Index of the first character outside printable ASCII (0x21-0x7E), or -1. */
function firstNonAscii(el: string): number {
  for (let i = 0; i < el.length; i++) {
    const c = el.charCodeAt(i);
    if (c < 0x21 || c > 0x7e) return i;
  }
  return -1;
}

/** `text` from `from` on is one or more ASCII digits. */
function allDigits(text: string, from = 0): boolean {
  if (text.length <= from) return false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Number(text) of a string of digits, without the general number parser when it is short enough to be exact. */
function digitsValue(text: string): number {
  if (text.length > 15) return Number(text);
  let v = 0;
  for (let i = 0; i < text.length; i++) v = v * 10 + text.charCodeAt(i) - 48;
  return v;
}

/**
 * Some element of a day-of-week list has a digit outside a trailing `#k`: what
 * `text.split(',').some((el) => /\d/.test(el.replace(/#\d*$/, '')))` says, without the regexes.
 */
function numericDays(text: string): boolean {
  for (let from = 0; from <= text.length;) {
    let end = text.indexOf(',', from);
    if (end < 0) end = text.length;
    const hash = end > from ? text.lastIndexOf('#', end - 1) : -1;
    const stop = hash >= from && (hash + 1 === end || allDigits(text.slice(hash + 1, end))) ? hash : end;
    for (let i = from; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) return true;
    }
    from = end + 1;
  }
  return false;
}

/** `n`, `n-m`, `n/s` or `n-m/s` in digits (what `^(\d+)(?:-(\d+))?(?:\/(\d+))?$` matches). */
function isNumberRange(el: string): boolean {
  let digits = 0; // since the last separator
  let dash = false;
  let slash = false;
  for (let i = 0; i < el.length; i++) {
    const c = el.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (digits > 0 && c === 45 && !dash && !slash) { dash = true; digits = 0; }
    else if (digits > 0 && c === 47 && !slash) { slash = true; digits = 0; }
    else return false;
  }
  return digits > 0;
}

/** One number or three-letter name; undefined (and a problem) when invalid or out of range. */
function atom(spec: FieldSpec, text: string, start: number, end: number, sink: Sink): number | undefined {
  if (allDigits(text)) {
    const v = digitsValue(text);
    // Spring counts day-of-month from 0 (and then drops day 0): it accepts a 0 there.
    const min = sink.spring && spec.name === 'day-of-month' ? 0 : spec.min;
    if (v < min || v > spec.max) {
      const args: CronArgs = { value: Number.isSafeInteger(v) ? v : text, min: spec.min, max: spec.max };
      if (spec.numbering) args.sunday = sink.text(`sunday.${spec.numbering}`);
      sink.report(spec.rangeKey, args, start, end);
      return undefined;
    }
    return v;
  }
  if (spec.names) {
    const i = spec.names.indexOf(text.toUpperCase());
    if (i >= 0) return spec.min + i;
    sink.report(spec.name === 'month' ? 'name.month' : 'name.day', { text, names: spec.names.join(', ') }, start, end);
    return undefined;
  }
  sink.report('number', { text, min: spec.min, max: spec.max }, start, end);
  return undefined;
}

/** `mayPass`: in Spring's reading a step past the field's range is valid (its first value only); Quartz rejects it. */
function checkStep(spec: FieldSpec, text: string, start: number, end: number, sink: Sink, mayPass: boolean): number | undefined {
  if (text === '') {
    sink.report('step.missing', {}, start - 1, end);
    return undefined;
  }
  const n = Number(text);
  const max = sink.spring && mayPass ? JAVA_INT_MAX : spec.maxStep;
  if (n < 1 || n > max) {
    sink.report('step.range', { step: text, max: spec.maxStep }, start, end);
    return undefined;
  }
  return n;
}

/** Spring parses numbers as Java ints: a larger step is an error there too. */
const JAVA_INT_MAX = 2 ** 31 - 1;

/** A step larger than the field: only the first value `first` fires. Warned, with that value as the fix. */
function pastRange(spec: FieldSpec, el: string, step: number, first: number, start: number, end: number, sink: Sink): string {
  const value = spec.pad && first < 10 ? `0${first}` : String(first);
  sink.warn('warn.stepPastRange', { el, step, min: spec.min, max: spec.max, value }, start, end, value);
  return value;
}

/**
 * Day 0 in day-of-month, which Spring accepts and never fires on (Quartz rejects it): the element
 * without it, as the fix (`0-7` -> `1-7`, `0/3` -> `3/3`, `0-9/3` -> `3-9/3`); an element that is only
 * day 0 is dropped from its list (alone, the field has no day: an error, see never.ts).
 */
function zeroDay(el: string, to: number | undefined, step: number | undefined, start: number, end: number, f: ParsedField, sink: Sink): void {
  const s = step ?? 1;
  const last = to ?? (step === undefined ? 0 : 31);
  if (s <= last) {
    const plain = to === undefined ? `${s}/${s}` : `${s}-${to}${step === undefined ? '' : `/${s}`}`;
    sink.warn('warn.domZero', { el, plain }, start, end, plain);
  } else if (f.token.text !== el) {
    // Drop the element and one comma next to it.
    const at = end < f.token.end ? { start, end: end + 1 } : { start: start - 1, end };
    sink.warn('warn.domZeroInList', {}, start, end, '', 'fix.dropDayZero', at);
  }
}

/** The values of a backwards range `from-to/step` as Quartz wraps it, written as the field writes them (names or numbers). */
function wrapped(spec: FieldSpec, from: number, to: number, step: number, named: boolean): string[] {
  const out: string[] = [];
  if (spec.numbering) { // 0-7 with 0 and 7 Sunday: a week of seven
    for (let v = from; v <= to + 7; v += step) out.push(named ? DAY_NAMES[v % 7] : String(v % 7));
    return out;
  }
  const size = spec.name === 'day-of-month' ? 31 : spec.max - spec.min + 1;
  for (let v = from; v <= to + size; v += step) {
    let w = v % size;
    if (w === 0 && spec.min === 1) w = size;
    out.push(named && spec.names ? spec.names[w - spec.min] : spec.pad && w < 10 ? `0${w}` : String(w));
  }
  return out;
}

/** The values set in `values` from `from` to `max` (ascending). */
function valuesFrom(values: readonly boolean[], from: number, max: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= max; v++) if (values[v]) out.push(v);
  return out;
}

/**
 * Quartz's set filling, including wrap-around for ranges like 22-2 or FRI-MON. Day-of-week numbers
 * are mapped to the engine's values; the days (0 = Sunday) come back for the names form.
 */
function fill(spec: FieldSpec, f: ParsedField, from: number, to: number, step: number): number[] | undefined {
  if (spec.numbering) {
    const days = weekdaySequence(spec.numbering, from, to, step);
    for (const d of days) f.values[d + 1] = true;
    return days;
  }
  if (to >= from) {
    for (let v = from; v <= to; v += step) f.values[v] = true;
    return undefined;
  }
  const size = spec.name === 'day-of-month' ? 31 : spec.max - spec.min + 1;
  for (let v = from; v <= to + size; v += step) {
    let w = v % size;
    if (w === 0 && spec.min === 1) w = size;
    f.values[w] = true;
  }
  return undefined;
}
