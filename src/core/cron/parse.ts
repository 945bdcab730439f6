// Parses a DataWorks cron expression into per-field value sets with exact source ranges.
// Only clean syntax is accepted: Quartz silently ignores trailing junk in some tokens
// (e.g. a step after a name range), so anything it might read differently is a problem here.
import { FIELDS, type CronField, type FieldSpec } from './fields';
import { cronMessage, inField, type CronArgs, type CronLocale, type CronMessageKey } from './messages';

/** `code` is the stable message key; `message` is it in words, prefixed with the field ("day-of-week: ..."). */
export interface CronProblem { field: CronField; code: CronMessageKey; message: string; start: number; end: number }
/** A token-level repair: replace [start, end) of the expression with `text`. */
export interface Repair { title: string; start: number; end: number; text: string }

export interface Token { text: string; start: number; end: number }

export interface ParsedField {
  spec: FieldSpec;
  token: Token;
  /** values[v] is true when v is in the field's set (Quartz numbering). */
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
}

export interface ParsedCron {
  tokens: Token[];
  /** Present when there are six or seven fields. */
  fields?: ParsedField[];
  problems: CronProblem[];
  repairs: Repair[];
}

/** Fields are separated by spaces and tabs only, as Quartz splits them (a full-width space is not a separator). */
export function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  const re = /[^ \t]+/g;
  for (let m = re.exec(expr); m; m = re.exec(expr)) tokens.push({ text: m[0], start: m.index, end: m.index + m[0].length });
  return tokens;
}

/** A problem about `field`, its message in the locale. */
export function problem(locale: CronLocale, field: CronField, code: CronMessageKey, args: CronArgs, start: number, end: number): CronProblem {
  return { field, code, message: inField(locale, field, code, args), start, end };
}

export function parseCron(expr: string, locale: CronLocale = 'en'): ParsedCron {
  const tokens = tokenize(expr);
  const problems: CronProblem[] = [];
  const repairs: Repair[] = [];
  const out: ParsedCron = { tokens, problems, repairs };
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
  const sink = new Sink(problems, repairs, locale);
  out.fields = FIELDS.map((spec, i) => parseField(spec, tokens[i], sink));
  return out;
}

function emptyField(spec: FieldSpec, token: Token): ParsedField {
  return { spec, token, values: new Array<boolean>(spec.max + 1).fill(false), none: false, star: false, lastDayOfMonth: false, canonical: token.text };
}

/** Collects the problems and repairs of the field being parsed (one per expression: no closures per field). */
class Sink {
  field: CronField = 'expression';
  constructor(private readonly problems: CronProblem[], private readonly repairs: Repair[], private readonly locale: CronLocale) {}

  report(code: CronMessageKey, args: CronArgs, start: number, end: number): void {
    this.problems.push(problem(this.locale, this.field, code, args, start, end));
  }

  repair(title: CronMessageKey, start: number, end: number, text: string): void {
    this.repairs.push({ title: cronMessage(this.locale, title), start, end, text });
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
  const parts: string[] = [];
  let offset = token.start;
  const elements = token.text.split(',');
  for (const el of elements) {
    const start = offset;
    const end = start + el.length;
    offset = end + 1;
    const canon = parseElement(spec, el, start, end, f, elements.length, sink);
    parts.push(canon ?? el);
  }
  f.canonical = parts.join(',');
  return f;
}


function parseElement(
  spec: FieldSpec, el: string, start: number, end: number, f: ParsedField, count: number, sink: Sink,
): string | undefined {
  // Only printable ASCII can be valid; checking first also keeps ranges exact (toUpperCase can
  // change the length of non-ASCII text, e.g. "ß" -> "SS").
  const bad = /[^\x21-\x7e]/.exec(el);
  if (bad) {
    const code = bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    sink.report('char.notAscii', { el, code }, start, end);
    return undefined;
  }
  const up = el.toUpperCase();
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
    return '?';
  }
  if (up === '*') {
    f.star = count === 1;
    fill(spec, f, spec.min, spec.max, 1);
    return '*';
  }
  let m = /^\*\/(\d+)$/.exec(up);
  if (m) {
    const step = checkStep(spec, m[1], start + 2, end, sink);
    if (step) fill(spec, f, spec.min, spec.max, step);
    return `*/${Number(m[1])}`;
  }
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
    if (up === 'L') {
      sink.report('dow.L', {}, start, end);
      sink.repair('fix.saturday', start, end, '7');
      return undefined;
    }
    m = /^([0-9A-Z]+)L$/.exec(up);
    if (m && !/^\d+$/.test(up)) {
      const day = atom(spec, m[1], start, start + m[1].length, sink);
      if (day !== undefined && alone('alone.lastWeekday')) {
        f.values[day] = true;
        f.lastWeekday = day;
      }
      return `${m[1]}L`;
    }
    m = /^([0-9A-Z]+)#(\d*)$/.exec(up);
    if (m) {
      const day = atom(spec, m[1], start, start + m[1].length, sink);
      const k = m[2] === '' ? NaN : Number(m[2]);
      if (!(k >= 1 && k <= 5)) sink.report('nth.week', { k: m[2] }, start + m[1].length + 1, end);
      else if (day !== undefined && alone('alone.nth')) {
        f.values[day] = true;
        f.nth = { day, k };
      }
      return `${m[1]}#${k}`;
    }
  }
  m = /^([0-9A-Z]+)(?:-([0-9A-Z]+))?(?:\/(\d*))?$/.exec(up);
  if (!m) {
    sink.report(spec.name === 'month' || spec.name === 'day-of-month' || spec.name === 'day-of-week' ? `invalid.${spec.name}` : 'invalid', { el, min: spec.min, max: spec.max }, start, end);
    return undefined;
  }
  const [, a, b, stepText] = m;
  if (b !== undefined && /[A-Z]/.test(a) !== /[A-Z]/.test(b)) {
    sink.report('range.mixed', { el }, start, end);
    return undefined;
  }
  const aEnd = start + a.length;
  const from = atom(spec, a, start, aEnd, sink);
  const bStart = aEnd + 1;
  const to = b === undefined ? undefined : atom(spec, b, bStart, bStart + b.length, sink);
  const named = /[A-Z]/.test(a) || (b !== undefined && /[A-Z]/.test(b));
  let step = 1;
  if (stepText !== undefined) {
    const stepStart = end - stepText.length;
    if (named) {
      sink.report('step.afterName', { example: spec.name === 'month' ? '1-12/2' : '2-6/2' }, stepStart - 1, end);
      return undefined;
    }
    const s = checkStep(spec, stepText, stepStart, end, sink);
    if (!s) return undefined;
    step = s;
  }
  if (from === undefined || (b !== undefined && to === undefined)) return undefined;
  // Quartz: `a/n` runs from a to the field's maximum; a range whose end is below its start wraps around.
  const last = to ?? (stepText !== undefined ? spec.max : from);
  fill(spec, f, from, last, step);
  const fmt = (text: string, v: number): string => (/[A-Z]/.test(text) ? text : spec.pad ? String(v).padStart(2, '0') : String(v));
  return fmt(a, from) + (b !== undefined ? `-${fmt(b, to!)}` : '') + (stepText !== undefined ? `/${step}` : '');
}

/** One number or three-letter name; undefined (and a problem) when invalid or out of range. */
function atom(spec: FieldSpec, text: string, start: number, end: number, sink: Sink): number | undefined {
  if (/^\d+$/.test(text)) {
    const v = Number(text);
    if (v < spec.min || v > spec.max) {
      sink.report(spec.rangeKey, { value: Number.isSafeInteger(v) ? v : text, min: spec.min, max: spec.max }, start, end);
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

function checkStep(spec: FieldSpec, text: string, start: number, end: number, sink: Sink): number | undefined {
  if (text === '') {
    sink.report('step.missing', {}, start - 1, end);
    return undefined;
  }
  const n = Number(text);
  if (n < 1 || n > spec.maxStep) {
    sink.report('step.range', { step: text, max: spec.maxStep }, start, end);
    return undefined;
  }
  return n;
}

/** Quartz's set filling, including wrap-around for ranges like 22-2 or FRI-MON. */
function fill(spec: FieldSpec, f: ParsedField, from: number, to: number, step: number): void {
  if (to >= from) {
    for (let v = from; v <= to; v += step) f.values[v] = true;
    return;
  }
  const size = spec.name === 'day-of-month' ? 31 : spec.max - spec.min + 1;
  for (let v = from; v <= to + size; v += step) {
    let w = v % size;
    if (w === 0 && spec.min === 1) w = size;
    f.values[w] = true;
  }
}
