// describeFields: a description in words from already-parsed fields. The rules of cronstrue 3.x
// (time of day, "every N minutes, starting at", "between X and Y", lists "A, B, and C", "only on",
// the short form), written over our field texts (describe-texts.ts) with no parse and no regular
// expression per call: describing was most of the time `dwtasks cron -` spent per line.
import type { ParsedField } from './parse';
import { phrasesFor, unreadable, type DescribeLocale, type Phrases } from './describe-phrases';
import { fieldTexts, marks, LIST, RANGE, STEP, type FieldTexts } from './describe-texts';
import { concise, tidyChinese } from './describe-finish';

export interface DescribeOptions {
  /** Inlay hints and tree items: without "every hour" / "every day" and the like. */
  short?: boolean;
}

/**
 * The fields of a valid expression (parseCron's, either numbering) in words. Reads `canonical` of
 * minute, hour, day-of-month and month, `none` of day-of-month, `values` of a stepped month and
 * `names` of day-of-week; "Unreadable" when day-of-week has no names (an unreadable field).
 */
export function describeFields(fields: readonly ParsedField[], locale: DescribeLocale, opts: DescribeOptions = {}): string {
  const texts = fieldTexts(fields);
  if (!texts) return unreadable(locale);
  const c = new Context(phrasesFor(locale), texts, !opts.short);
  let time = timeOfDay(c);
  // Capitalised before the rest joins it (the short form only drops whole ", every ..." clauses).
  const first = time.charCodeAt(0);
  if (first >= 97 && first <= 122) time = String.fromCharCode(first - 32) + time.slice(1);
  let out = time + dayOfMonth(c) + dayOfWeek(c) + segment(c, MONTH, texts.month, false, false);
  if (opts.short) out = concise(out, c.p);
  return locale === 'zh-cn' ? tidyChinese(out) : out;
}

// The field a segment describes.
const MINUTE = 0;
const HOUR = 1;
const DOM = 2;
const MONTH = 3;
const DOW = 4;
type Kind = typeof MINUTE | typeof HOUR | typeof DOM | typeof MONTH | typeof DOW;

/** One description: the texts, and which hour is being named (a range's end hour reads "05:59" under minutes). */
class Context {
  private rangeEnds: readonly { value: string; index: number }[] | undefined;
  private hourIndex = 0;
  /** `at`: name every hour at this minute ("05:30"). */
  constructor(readonly p: Phrases, readonly t: FieldTexts, readonly verbose: boolean, private readonly at?: string) {}

  /** "05:00", or "05:59" when the hour ends a range and the minute is not 0. */
  hour(s: string): string {
    if (this.at !== undefined) return time(s, this.at);
    if (this.rangeEnds === undefined) this.rangeEnds = rangeEnds(this.t.hour);
    const i = this.hourIndex++;
    let end = false;
    for (const r of this.rangeEnds) if (r.value === s && r.index === i) end = true;
    return time(s, end && this.t.minute !== '0' ? '59' : '0');
  }
}

const NO_RANGES: readonly { value: string; index: number }[] = [];

/** The end of each range in the hour field (before any step), and its position among the values written. */
function rangeEnds(hour: string): readonly { value: string; index: number }[] {
  if (hour.indexOf('-') < 0) return NO_RANGES;
  const out: { value: string; index: number }[] = [];
  // Elements before any step, each "a" or "a-b"; `index` counts the values written so far.
  let index = 0;
  let dashes = 0;
  let lastDash = -1;
  for (let i = 0; i <= hour.length; i++) {
    const ch = i < hour.length ? hour.charCodeAt(i) : 44;
    if (ch === 45) {
      dashes++;
      lastDash = i;
    } else if (ch === 44 || ch === 47) {
      if (dashes === 1) out.push({ value: hour.slice(lastDash + 1, i), index: index + 1 });
      index += dashes + 1;
      if (ch === 47) break;
      dashes = 0;
    }
  }
  return out;
}

function time(hour: string, minute: string): string {
  const h = parseInt(hour, 10);
  const m = parseInt(minute, 10);
  return `${h < 10 ? '0' : ''}${h}:${m < 10 ? '0' : ''}${m}`;
}

/** Replaces each `%s` in turn ("undefined" where a value is missing, as the phrases always read). */
function fill(template: string, a?: string, b?: string): string {
  const i = template.indexOf('%s');
  if (i < 0) return template;
  const j = template.indexOf('%s', i + 2);
  if (j < 0) return template.slice(0, i) + String(a) + template.slice(i + 2);
  return template.slice(0, i) + String(a) + template.slice(i + 2, j) + String(b) + template.slice(j + 2);
}

function replaceFirst(s: string, what: string, by: string): string {
  const i = s.indexOf(what);
  return i < 0 ? s : s.slice(0, i) + by + s.slice(i + what.length);
}

const has = (s: string, ch: string): boolean => s.indexOf(ch) >= 0;

function timeOfDay(c: Context): string {
  const { minute, hour } = c.t;
  const p = c.p;
  const m = marks(minute);
  const h = marks(hour);
  if (!m && !h) return p.atSpace + time(hour, minute);
  if ((m & RANGE) && !(m & (LIST | STEP)) && !h) {
    const [from, to] = minute.split('-');
    return fill(p.everyMinuteBetween, time(hour, from), time(hour, to));
  }
  if ((h & LIST) && !(h & (RANGE | STEP)) && !m) {
    const hours = hour.split(',');
    let out = `${p.at} `;
    for (let i = 0; i < hours.length; i++) {
      out += time(hours[i], minute);
      if (i < hours.length - 2) out += p.listComma;
      if (i === hours.length - 2) out += `${p.spaceAnd} `;
    }
    return out;
  }
  const minutes = segment(c, MINUTE, minute, false, true);
  const hours = segment(c, HOUR, hour, false, true);
  if (minutes === hours) return minutes;
  return minutes && hours ? `${minutes}, ${hours}` : minutes + hours;
}

function dayOfMonth(c: Context): string {
  const { dom, dow } = c.t;
  if (dom === 'L') return c.p.commaOnTheLastDayOfTheMonth;
  if (dom === '*' && dow !== '*') return '';
  return segment(c, DOM, dom, false, false);
}

function dayOfWeek(c: Context): string {
  return c.t.dow === '*' ? '' : segment(c, DOW, c.t.dow, false, false);
}

/** What `*` says. */
function all(c: Context, k: Kind): string {
  return k === MINUTE ? c.p.everyMinute : k === HOUR ? c.p.everyHour : k === MONTH ? '' : c.p.commaEveryDay;
}

/** One value in words. */
function item(c: Context, k: Kind, s: string): string {
  const p = c.p;
  switch (k) {
    case MINUTE: return s;
    case HOUR: return c.hour(s);
    case DOM: return s === 'L' ? p.lastDay : fill(p.dayX, s);
    case MONTH: return p.months[parseInt(s, 10) - 1];
    default: {
      const hash = s.indexOf('#');
      const day = p.days[parseInt(hash >= 0 ? s.slice(0, hash) : replaceFirst(s, 'L', ''), 10)];
      return hash >= 0 ? `${ordinal(p, s.slice(hash + 1))} ${day}` : day;
    }
  }
}

function ordinal(p: Phrases, k: string): string {
  const n = k.length === 1 ? k.charCodeAt(0) - 48 : 0;
  return n >= 1 && n <= 5 ? p.ordinals[n - 1] : 'null';
}

/** "every n ..." for a step `/n`. */
function step(c: Context, k: Kind, n: string): string {
  const p = c.p;
  switch (k) {
    case MINUTE: return p.everyXMinutes(n);
    case HOUR: return p.everyXHours(n);
    case DOM: return n === '1' ? p.commaEveryDay : p.commaEveryXDays;
    case MONTH: return parseInt(n, 10) === 1 ? '' : p.commaEveryXMonths;
    default: return parseInt(n, 10) === 1 ? '' : p.commaEveryXDaysOfTheWeek;
  }
}

/** "x through y" for a range. */
function range(c: Context, k: Kind): string {
  const p = c.p;
  switch (k) {
    case MINUTE: return p.minutesXThroughYPastTheHour;
    case HOUR: return p.betweenXAndY;
    case DOM: return p.commaBetweenDayXAndYOfTheMonth;
    case MONTH: return p.commaXThroughY;
    default: return c.t.dom !== '*' ? p.commaAndXThroughY : p.commaXThroughY;
  }
}

/** The frame a value (or list of values) is said in: "at %s minutes past the hour", ", only on %s". */
function frame(c: Context, k: Kind, s: string): string {
  const p = c.p;
  switch (k) {
    case MINUTE:
      if (s === '0') return has(c.t.hour, '/') ? p.onTheHour : p.everyHour;
      return p.atXMinutesPastTheHour(s);
    case HOUR: return p.atX;
    case DOM: return p.commaOnDayXOfTheMonth;
    case MONTH: return p.commaOnlyInMonthX;
    default:
      if (has(s, '#')) return p.commaOnThe + p.spaceXOfTheMonth;
      if (has(s, 'L')) return p.commaOnTheLastXOfTheMonth;
      return c.t.dom !== '*' ? p.commaAndOnX : p.commaOnlyOnX;
  }
}

/**
 * A field's text in words. `plainRanges`: ranges inside a list read "x through y" whatever the field;
 * `whole`: the field itself (not a list element), whose steps over `*` may list the values hit.
 */
function segment(c: Context, k: Kind, expr: string, plainRanges: boolean, whole: boolean): string {
  if (!expr) return '';
  if (expr === '*') return all(c, k);
  const m = marks(expr);
  const stepped = (m & STEP) !== 0;
  const ranged = (m & RANGE) !== 0;
  if (m & LIST) return listOf(c, k, expr, m, plainRanges);
  if (!stepped && !ranged) {
    const f = frame(c, k, expr);
    return fill(f, item(c, k, expr));
  }
  if (!stepped) return rangeOf(c, k, expr, plainRanges);
  const slash = expr.indexOf('/');
  const start = expr.slice(0, slash);
  const slash2 = expr.indexOf('/', slash + 1);
  const n = slash2 < 0 ? expr.slice(slash + 1) : expr.slice(slash + 1, slash2);
  let out = fill(step(c, k, n), n);
  if (has(start, '-')) {
    const r = rangeOf(c, k, start, plainRanges);
    if (!r.startsWith(', ')) out += ', ';
    out += r;
  } else if (!has(start, '*')) {
    const f = frame(c, k, start);
    out += fill(c.p.commaStartingX, replaceFirst(fill(f, item(c, k, start)), ', ', ''));
  }
  if (whole && c.verbose && start === '*') out += valuesHit(c, k, parseInt(n, 10), plainRanges);
  return out;
}

function rangeOf(c: Context, k: Kind, expr: string, plainRanges: boolean): string {
  const dash = expr.indexOf('-');
  const next = expr.indexOf('-', dash + 1);
  const from = item(c, k, expr.slice(0, dash));
  const to = item(c, k, next < 0 ? expr.slice(dash + 1) : expr.slice(dash + 1, next));
  return fill(plainRanges ? c.p.commaXThroughY : range(c, k), from, to);
}

/** "A, B, and C" (two: "A and B"), each element said as itself. */
function listOf(c: Context, k: Kind, expr: string, m: number, plainRanges: boolean): string {
  let n = 1;
  for (let at = expr.indexOf(','); at >= 0; at = expr.indexOf(',', at + 1)) n++;
  const stepped = (m & STEP) !== 0;
  const plain = (m & (STEP | RANGE)) === 0;
  let out = '';
  let from = 0;
  for (let i = 0; i < n; i++) {
    if (i > 0 && n > 2) out += i < n - 1 ? c.p.listComma : c.p.serialComma;
    if (i > 0 && (i === n - 1 || n === 2)) out += `${c.p.spaceAnd} `;
    const comma = expr.indexOf(',', from);
    const s = comma < 0 ? expr.slice(from) : expr.slice(from, comma);
    from = comma + 1;
    if (plain) {
      out += item(c, k, s);
      continue;
    }
    const sm = marks(s);
    const sStepped = (sm & STEP) !== 0;
    if (sm & (STEP | RANGE)) {
      let d = segment(c, k, s, sStepped ? plainRanges : true, false);
      if (!sStepped) d = replaceFirst(d, ', ', '');
      else if (i > 0 && d.startsWith(', ')) d = d.slice(2);
      out += d;
    } else if (!stepped) {
      out += item(c, k, s);
    } else {
      let d = segment(c, k, s, plainRanges, false);
      if (i > 0 && d.startsWith(', ')) d = d.slice(2);
      out += d;
    }
  }
  return stepped ? out : fill(frame(c, k, expr), out);
}

/**
 * Verbose `*\/n` in minutes or hours when n does not divide the field: the values it hits. Hours are
 * named as the times they fire at under one minute ("at 00:30, 05:30, ..."), as spans under several
 * ("at 00:00 through 00:59, ..."), never as clock times the schedule does not fire at.
 */
function valuesHit(c: Context, k: Kind, n: number, plainRanges: boolean): string {
  if (k !== MINUTE && k !== HOUR) return '';
  const size = k === MINUTE ? 60 : 24;
  if (!Number.isInteger(n) || n <= 1 || size % n === 0) return '';
  let values = '0';
  let spans = '0-0';
  for (let v = n; v < size; v += n) {
    values += `,${v}`;
    spans += `,${v}-${v}`;
  }
  const { minute } = c.t;
  let d: string;
  if (k === MINUTE || minute === '0') d = segment(c, k, values, plainRanges, false);
  else if (!marks(minute)) d = segment(new Context(c.p, c.t, c.verbose, minute), k, values, plainRanges, false);
  else d = segment(new Context(c.p, { ...c.t, hour: spans }, c.verbose), k, spans, plainRanges, false);
  return d ? `, ${d}` : '';
}
