// checkCron: every problem in a DataWorks cron expression, with its field, range and an obvious fix.
// Messages and fix titles come in the requested language (English by default, as the CLI prints).
import { parseCron, problem, type CronProblem, type CronWarning, type ParsedField, type Repair } from './parse';
import { neverFires } from './never';
import { smallestGap, MIN_GAP_MINUTES } from './gap';
import { cronMessage, inField, type CronLocale, type CronMessageKey } from './messages';
import { DEFAULT_WEEKDAY_NUMBERING, type CronOptions, type WeekdayNumbering } from './weekdays';
import type { CronField } from './fields';

export interface CronFix { title: string; replacement: string }
/** Not a problem: something worth saying about a valid expression (information level), with its fix. */
export interface CronNote { field: CronField; code: CronMessageKey; message: string; start: number; end: number; fix: CronFix }
/**
 * `warnings`: valid, and read plainly by Spring (the format DataWorks documents), but Quartz would read it
 * otherwise or reject it; each with the fix that says the same plainly.
 */
export interface CronCheck { valid: boolean; problems: CronProblem[]; fixes: CronFix[]; notes: CronNote[]; warnings: CronNote[]; canonical?: string }

export function checkCron(expr: string, locale: CronLocale = 'en', options: CronOptions = {}): CronCheck {
  const weekdays = options.weekdays ?? DEFAULT_WEEKDAY_NUMBERING;
  return checkAnalysis(expr, analyze(expr, locale, weekdays), locale, weekdays);
}

/** checkCron from an analysis already made (of `expr`, in `locale` and `weekdays`): no second parse. */
export function checkAnalysis(expr: string, analysis: Analysis, locale: CronLocale, weekdays: WeekdayNumbering): CronCheck {
  const { problems, repairs, canonical, fields } = analysis;
  const valid = problems.length === 0;
  const warnings = valid ? analysis.warnings.map((w) => warningNote(expr, w)) : [];
  // A warning's fix already writes the canonical form when they agree: offer it once.
  const fixes = valid ? canonicalFix(expr, canonical, locale).filter((f) => !warnings.some((w) => w.fix.replacement === f.replacement))
    : repairFixes(expr, repairs, locale, weekdays);
  const notes = valid && fields ? weekdayNotes(expr, fields[5], locale, weekdays) : [];
  return canonical === undefined ? { valid, problems, fixes, notes, warnings } : { valid, problems, fixes, notes, warnings, canonical };
}

export interface Analysis { problems: CronProblem[]; repairs: Repair[]; warnings: CronWarning[]; canonical?: string; fields?: ParsedField[] }

/** Problems, token repairs and parsed fields of an expression (no fixes built). */
export function analyze(expr: string, locale: CronLocale = 'en', weekdays: WeekdayNumbering = DEFAULT_WEEKDAY_NUMBERING): Analysis {
  const parsed = parseCron(expr, locale, weekdays);
  const { problems, repairs, warnings, fields } = parsed;
  // The day rule only needs the two day fields to be readable; problems elsewhere don't hide it.
  const dayFieldsOk = !problems.some((p) => p.field === 'day-of-month' || p.field === 'day-of-week');
  if (fields && dayFieldsOk) {
    const dom = fields[3];
    const dow = fields[5];
    const { token: domAt } = dom;
    const { token: dowAt } = dow;
    if (dom.none && dow.none && weekdays === 'dataworks') {
      // Spring reads `?` as `*`: every day. Quartz rejects it, so say so and offer the plain form.
      everyDay(dom);
      const repair = { title: cronMessage(locale, 'fix.everyDay'), start: domAt.start, end: domAt.end, text: '*' };
      warnings.push({ ...problem(locale, 'day-of-month', 'warn.bothNone', {}, domAt.start, domAt.end), repair });
    } else if (dom.none && dow.none) {
      problems.push(problem(locale, 'day-of-week', 'days.bothNone', {}, dowAt.start, dowAt.end));
      repairs.push({ title: cronMessage(locale, 'fix.everyDay'), start: domAt.start, end: domAt.end, text: '*' });
    } else if (!dom.none && !dow.none) {
      if (dow.star) {
        problems.push(problem(locale, 'day-of-week', 'days.dowMustBeNone', {}, dowAt.start, dowAt.end));
        repairs.push({ title: cronMessage(locale, 'fix.dowNone'), start: dowAt.start, end: dowAt.end, text: '?' });
      } else if (dom.star) {
        problems.push(problem(locale, 'day-of-month', 'days.domMustBeNone', {}, domAt.start, domAt.end));
        repairs.push({ title: cronMessage(locale, 'fix.domNone'), start: domAt.start, end: domAt.end, text: '?' });
      } else {
        problems.push(problem(locale, 'day-of-week', 'days.bothSet', {}, dowAt.start, dowAt.end));
      }
    }
  }
  if (fields && problems.length === 0) {
    const gap = smallestGap(fields);
    if (gap) {
      const { token } = fields[1];
      const minutes = cronMessage(locale, gap.minutes === 1 ? 'minutes.one' : 'minutes.other', { n: gap.minutes });
      const args = { first: gap.first, second: gap.second, minutes, min: MIN_GAP_MINUTES };
      problems.push(problem(locale, 'minute', gap.nextDay ? 'gap.nextDay' : 'gap', args, token.start, token.end));
      if (/^(\*|\*\/\d+|0?0\/\d+)$/.test(token.text)) {
        repairs.push({ title: cronMessage(locale, 'fix.everyN', { n: MIN_GAP_MINUTES }), start: token.start, end: token.end, text: `*/${MIN_GAP_MINUTES}` });
      }
    }
  }
  if (fields && problems.length === 0) {
    const never = neverFires(fields[3], fields[4], locale);
    if (never) {
      const { token } = fields[3];
      problems.push(problem(locale, 'day-of-month', never.key, never.args, token.start, token.end));
      repairs.push({ title: cronMessage(locale, 'fix.lastDay'), start: token.start, end: token.end, text: 'L' });
    }
  }
  let canonical: string | undefined;
  if (problems.length === 0 && fields) {
    canonical = fields[0].canonical; // concatenated, not joined: a stream that never reads it never flattens it
    for (let i = 1; i < fields.length; i++) canonical += ` ${fields[i].canonical}`;
  }
  return { problems, repairs, warnings, canonical, fields };
}

/** `?` in day-of-month read as Spring reads it when day-of-week is `?` too: every day. */
function everyDay(dom: ParsedField): void {
  dom.none = false;
  dom.star = true;
  for (let d = dom.spec.min; d <= dom.spec.max; d++) dom.values[d] = true;
  dom.canonical = '*';
}

export function warningNote(expr: string, w: CronWarning): CronNote {
  const { repair } = w;
  return { field: w.field, code: w.code, message: w.message, start: w.start, end: w.end, fix: { title: repair.title, replacement: applyRepairs(expr, [repair]) } };
}

function canonicalFix(expr: string, canonical: string | undefined, locale: CronLocale): CronFix[] {
  return canonical !== undefined && canonical !== expr ? [{ title: cronMessage(locale, 'fix.canonical', { canonical }), replacement: canonical }] : [];
}

function applyRepairs(expr: string, repairs: Repair[]): string {
  let out = expr;
  for (const r of [...repairs].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

/** A day-of-week written with numbers depends on the numbering: say how it was read, offer the names. */
function weekdayNotes(expr: string, dow: ParsedField, locale: CronLocale, weekdays: WeekdayNumbering): CronNote[] {
  if (!dow.numeric || dow.names === undefined) return [];
  const { start, end, text } = dow.token;
  const names = dow.names;
  const args = { text, names, numbering: cronMessage(locale, `numbering.${weekdays}`) };
  const replacement = expr.slice(0, start) + names + expr.slice(end);
  return [{
    field: 'day-of-week', code: 'weekdays.numbers', message: inField(locale, 'day-of-week', 'weekdays.numbers', args), start, end,
    fix: { title: cronMessage(locale, 'fix.names', { names }), replacement },
  }];
}

function repairFixes(expr: string, repairs: Repair[], locale: CronLocale, weekdays: WeekdayNumbering): CronFix[] {
  const fixes = repairs.map((r) => ({ title: r.title, replacement: applyRepairs(expr, [r]) }));
  if (repairs.length > 1) fixes.push({ title: cronMessage(locale, 'fix.all'), replacement: applyRepairs(expr, repairs) });
  // When the repairs make the expression valid, offer it in canonical form as well.
  const all = applyRepairs(expr, repairs);
  if (repairs.length > 0) {
    const again = analyze(all, 'en', weekdays).canonical;
    if (again && again !== all && !fixes.some((f) => f.replacement === again)) fixes.push({ title: cronMessage(locale, 'fix.andCanonical', { canonical: again }), replacement: again });
  }
  return fixes;
}
