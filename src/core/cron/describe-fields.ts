// describeFields: a description in words from already-parsed fields. The rules of cronstrue 3.x
// (time of day, "every N minutes, starting at", "between X and Y", lists "A, B, and C", "only on",
// the short form), written over our field texts (describe-texts.ts) with no parse and no regular
// expression per call: describing was most of the time `dwtasks cron -` spent per line.
import type { ParsedField } from './parse';
import { PHRASES, UNREADABLE, type DescribeLocale, type Phrases } from './describe-phrases';
import { fieldTexts, type FieldTexts } from './describe-texts';

export interface DescribeOptions {
  /** Inlay hints and tree items: without "every hour" / "every day" and the like. */
  short?: boolean;
}

/** The fields of a valid expression (parseCron's, either numbering) in words. */
export function describeFields(fields: readonly ParsedField[], locale: DescribeLocale, opts: DescribeOptions = {}): string {
  const texts = fieldTexts(fields);
  if (!texts) return UNREADABLE[locale];
  const c = new Context(PHRASES[locale], texts, !opts.short);
  let out = timeOfDay(c) + dayOfMonth(c) + dayOfWeek(c) + segment(c, MONTH, texts.month, false, false);
  if (opts.short) out = concise(out, c.p);
  out = out.charAt(0).toUpperCase() + out.slice(1);
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
  private rangeEnds: { value: string; index: number }[] | undefined;
  private hourIndex = 0;
  constructor(readonly p: Phrases, readonly t: FieldTexts, readonly verbose: boolean) {}

  /** "05:00", or "05:59" when the hour ends a range and the minute is not 0. */
  hour(s: string): string {
    if (this.rangeEnds === undefined) this.rangeEnds = rangeEnds(this.t.hour);
    const i = this.hourIndex++;
    const end = this.rangeEnds.some((r) => r.value === s && r.index === i);
    return time(s, end && this.t.minute !== '0' ? '59' : '0');
  }
}

/** The end of each range in the hour field (before any step), and its position among the values written. */
function rangeEnds(hour: string): { value: string; index: number }[] {
  const out: { value: string; index: number }[] = [];
  if (hour.indexOf('-') < 0) return out;
  let index = 0;
  const slash = hour.indexOf('/');
  for (const range of (slash < 0 ? hour : hour.slice(0, slash)).split(',')) {
    const parts = range.split('-');
    if (parts.length === 2) out.push({ value: parts[1], index: index + 1 });
    index += parts.length;
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
const special = (s: string): boolean => has(s, '/') || has(s, '-') || has(s, ',') || has(s, '*');

function timeOfDay(c: Context): string {
  const { minute, hour } = c.t;
  const p = c.p;
  if (!special(minute) && !special(hour)) return p.atSpace + time(hour, minute);
  if (has(minute, '-') && !has(minute, ',') && !has(minute, '/') && !special(hour)) {
    const [from, to] = minute.split('-');
    return fill(p.everyMinuteBetween, time(hour, from), time(hour, to));
  }
  if (has(hour, ',') && !has(hour, '-') && !has(hour, '/') && !special(minute)) {
    const hours = hour.split(',');
    let out = p.at;
    for (let i = 0; i < hours.length; i++) {
      out += ` ${time(hours[i], minute)}`;
      if (i < hours.length - 2) out += ',';
      if (i === hours.length - 2) out += p.spaceAnd;
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
    case DOM: return s === 'L' ? p.lastDay : p.dayX ? fill(p.dayX, s) : s;
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
  const stepped = has(expr, '/');
  const ranged = has(expr, '-');
  if (has(expr, ',')) return listOf(c, k, expr, stepped, plainRanges);
  if (!stepped && !ranged) {
    const f = frame(c, k, expr);
    return fill(f, item(c, k, expr));
  }
  if (!stepped) return rangeOf(c, k, expr, plainRanges);
  const slash = expr.indexOf('/');
  const start = expr.slice(0, slash);
  const n = expr.slice(slash + 1).split('/')[0];
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
  const [a, b] = expr.split('-');
  const from = item(c, k, a);
  const to = item(c, k, b);
  return fill(plainRanges ? c.p.commaXThroughY : range(c, k), from, to);
}

/** "A, B, and C" (two: "A and B"), each element said as itself. */
function listOf(c: Context, k: Kind, expr: string, stepped: boolean, plainRanges: boolean): string {
  const parts = expr.split(',');
  const n = parts.length;
  let out = '';
  for (let i = 0; i < n; i++) {
    if (i > 0 && n > 2) out += i < n - 1 ? ', ' : ',';
    if (i > 0 && (i === n - 1 || n === 2)) out += `${c.p.spaceAnd} `;
    const s = parts[i];
    const sStepped = has(s, '/');
    if (sStepped || has(s, '-')) {
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

/** Verbose `*\/n` in minutes or hours when n does not divide the field: the values it hits. */
function valuesHit(c: Context, k: Kind, n: number, plainRanges: boolean): string {
  if (k !== MINUTE && k !== HOUR) return '';
  const size = k === MINUTE ? 60 : 24;
  if (!Number.isInteger(n) || n <= 1 || size % n === 0) return '';
  let values = '0';
  for (let v = n; v < size; v += n) values += `,${v}`;
  const d = segment(c, k, values, plainRanges, false);
  return d ? `, ${d}` : '';
}

/** The short form: "every minute", "every hour" and "every day" dropped where nothing follows them in the clause. */
function concise(s: string, p: Phrases): string {
  let out = dropClause(s, `, ${p.everyMinute}`);
  out = dropClause(out, `, ${p.everyHour}`);
  out = dropClause(out, p.commaEveryDay);
  if (out.endsWith(', ')) return out.slice(0, -2);
  return out.endsWith(',') ? out.slice(0, -1) : out;
}

/** Every `phrase` not followed (after spaces) by a letter or digit, removed. */
function dropClause(s: string, phrase: string): string {
  let i = s.indexOf(phrase);
  if (i < 0) return s;
  let out = '';
  let from = 0;
  while (i >= 0) {
    let j = i + phrase.length;
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    if (j >= s.length || !isWordChar(s.charCodeAt(j))) {
      out += s.slice(from, i);
      from = i + phrase.length;
      i = s.indexOf(phrase, from);
    } else {
      i = s.indexOf(phrase, i + phrase.length);
    }
  }
  return out + s.slice(from);
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** Letters and digits; every non-ASCII character in these phrases is a letter. */
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c >= 0x80;

/** The Chinese phrases leave stray spaces: runs become one, none in "第三个 星期五" or "1 号". */
function tidyChinese(s: string): string {
  if (s.indexOf(' ') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch !== ' ') {
      out += ch;
      continue;
    }
    let j = i;
    while (s[j + 1] === ' ') j++;
    const before = out.charCodeAt(out.length - 1);
    const drop = (before === 0x4e2a && s.startsWith('星期', j + 1)) || (isDigitCode(before) && s[j + 1] === '号');
    if (!drop) out += ' ';
    i = j;
  }
  return out;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
