// `dwtasks cron [--next N] [--from ISO-or-epoch-seconds] [--tz ZONE] [--weekdays N] [--json] EXPR|-`: checks a
// DataWorks cron expression, describes it and lists its next fire times. With `-` it streams: one
// expression per stdin line in, one JSON object per line out, in order, each echoing its line.
// Exit: 0 all valid, 1 an expression is invalid, 2 usage error.
import { createInterface } from 'node:readline';
import type { CliCommand, CliIO } from '../io';
import { parseCommandArgs, numberOption, UsageError } from '../args';
import type { CronCheck, WeekdayNumbering } from '../../core/cron/index';
import { analyze, checkAnalysis, warningNote, type Analysis } from '../../core/cron/check';
import { describeFields } from '../../core/cron/describe';
import { nextFireMs } from '../../core/cron/next';
import { compile } from '../../core/cron/schedule';
import { WEEKDAYS_HELP, weekdaysOption } from '../weekdays';
import { cliZone } from '../zone';
import { describeZone, type ResolvedZone } from '../../core/time/regions';
import { sayIn, translate, type Locale, type Messages } from '../../core/text/l10n';
import { cliLocale } from '../locale';

const HELP = `Usage: dwtasks cron [--next N] [--from ISO-or-epoch-seconds] [--tz ZONE] [--weekdays N] [--json] EXPR|-

Checks a DataWorks cron expression (second minute hour day-of-month month day-of-week),
describes it and lists its next fire times (Quartz 2.3.2 semantics).
  --next N     how many fire times (default 5, at most 1000)
  --from T     start after T: ISO 8601 (2026-01-01T08:00:00+08:00) or epoch seconds (default now)
  --tz ZONE    IANA time zone for the schedule (default: the zone of $ALIBABA_CLOUD_REGION_ID,
               Asia/Shanghai for mainland China regions and when unset)
${WEEKDAYS_HELP}
  --json       print {"expr","valid","problems":[{"field","message"}],"warnings":[{"field","message","fix":{"title","replacement"}}],
               "description","next":[epoch seconds]}; warnings are about valid expressions that Quartz reads otherwise
  -            read one expression per line from stdin; print one JSON object per line, in order
Exit status: 0 valid, 1 an expression is invalid, 2 usage error.
`;

interface Options { next: number; from: Date; tz: string; weekdays: WeekdayNumbering; /** Which zone and why, for people (not in --json). */ zoneLine?: string }

/** English; the Chinese is in the l10n bundle. */
const CRON_TEXTS = {
  noExpression: 'no expression given (pass EXPR in quotes, or - to read stdin)',
  manyArguments: 'expected one expression, got {0} arguments: quote it, e.g. dwtasks cron "00 00 00 * * ?"',
  badFrom: "--from must be an ISO 8601 time (2026-01-01T08:00:00+08:00) or epoch seconds, got '{0}'",
  error: 'error: {0}',
  fix: 'fix: {0}: {1}',
  warning: 'warning: {0}',
  note: 'note: {0}',
  canonical: 'canonical form: {0}',
  nextOne: 'next 1 fire time after {0}, {1}:',
  nextMany: 'next {0} fire times after {1}, {2}:',
  noMore: '(no more fire times: Quartz searches up to year {0})',
  noneAtAll: '(no more fire times at all: Quartz searches up to year {0})',
  zone: 'zone {0}',
} as const satisfies Messages;

export interface CronJson {
  expr: string;
  valid: boolean;
  problems: { field: string; message: string }[];
  /** Valid, read plainly by Spring, read otherwise (or rejected) by Quartz: the plain form in `fix`. */
  warnings: { field: string; message: string; fix: { title: string; replacement: string } }[];
  description: string;
  next: number[];
}

export const cronCommand: CliCommand = {
  summary: 'check, describe and list next fire times of a DataWorks cron expression',
  async run(args: string[], io: CliIO): Promise<number> {
    const locale = cliLocale(io.env);
    let opts: Options;
    let json: boolean;
    let expr: string;
    try {
      const { values, positionals } = parseCommandArgs(args, {
        next: { type: 'string' }, from: { type: 'string' }, tz: { type: 'string' }, weekdays: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
      });
      if (values.help) {
        io.stdout.write(HELP);
        return 0;
      }
      if (positionals.length === 0) throw new UsageError(translate(locale, CRON_TEXTS.noExpression));
      if (positionals.length > 1) throw new UsageError(translate(locale, CRON_TEXTS.manyArguments, [positionals.length]));
      expr = positionals[0];
      json = values.json === true;
      opts = {
        next: numberOption(values.next, 'next', 5, { integer: true, min: 0, max: 1000 }, locale),
        from: parseFrom(values.from, locale),
        ...zoneOptions(cliZone(values.tz, io.env.ALIBABA_CLOUD_REGION_ID), locale),
        weekdays: weekdaysOption(values.weekdays, locale),
      };
    } catch (e) {
      if (!(e instanceof UsageError)) throw e;
      io.stderr.write(`dwtasks cron: ${e.message}\n\n${HELP}`);
      return 2;
    }
    if (expr === '-') return streamLines(io, opts);
    // --json is a contract: its messages and description stay English whatever the language.
    const textLocale = json ? 'en' : locale;
    const analysis = analyze(expr, textLocale, opts.weekdays);
    const check = checkAnalysis(expr, analysis, textLocale, opts.weekdays);
    const result = evaluate(expr, analysis, opts, textLocale);
    if (json) io.stdout.write(jsonLine(result));
    else io.stdout.write(human(expr, check, result, opts, locale));
    return result.valid ? 0 : 1;
  },
};

/**
 * One expression -> the JSON contract object, from its one analysis: validity and problems are the
 * check's (checkCron's `valid` is "no problems"), the schedule and the description come from its fields.
 */
export function evaluate(expr: string, analysis: Analysis, opts: Options, locale: Locale = 'en'): CronJson {
  const { problems, fields } = analysis;
  if (problems.length > 0 || !fields) {
    return { expr, valid: false, problems: problems.map((p) => ({ field: p.field, message: p.message })), warnings: [], description: '', next: [] };
  }
  const next = nextFireMs(compile(fields), opts.from.getTime(), opts.tz, opts.next).map((t) => Math.floor(t / 1000));
  const warnings = analysis.warnings.map((w) => {
    const { field, message, fix } = warningNote(expr, w);
    return { field, message, fix };
  });
  return { expr, valid: true, problems: [], warnings, description: describeFields(fields, locale), next };
}

/**
 * `JSON.stringify(result)` plus a newline; a valid line (the common case) is written by hand, with its
 * keys in the same order: about a third cheaper than stringifying the object (30,000 lines: 65 -> 43 ms).
 */
export function jsonLine(r: CronJson): string {
  if (!r.valid || r.problems.length > 0 || r.warnings.length > 0) return `${JSON.stringify(r)}\n`;
  return `{"expr":${JSON.stringify(r.expr)},"valid":true,"problems":[],"warnings":[],"description":${JSON.stringify(r.description)},"next":[${r.next.join(',')}]}\n`;
}

/** Output is written in chunks of about this many characters (one write per chunk, not per line). */
const CHUNK_CHARS = 64 * 1024;
/** Distinct lines remembered: a project's schedules repeat, and every answer depends only on the line. */
const MEMO_LINES = 100_000;

function streamLines(io: CliIO, opts: Options): Promise<number> {
  const rl = createInterface({ input: io.stdin, crlfDelay: Infinity, terminal: false });
  let invalid = false;
  let chunk = '';
  let draining: Promise<void> | undefined;
  // Same options for the whole stream, so a repeated line gets the same JSON line: check, describe
  // and next once per distinct line. Invalid lines are remembered too (their answer is as fixed).
  const memo = new Map<string, string>();
  // A slow reader pauses the input until stdout drains (lines of the chunk already read still come).
  const flush = (): void => {
    if (chunk.length === 0) return;
    const text = chunk;
    chunk = '';
    if (io.stdout.write(text) || draining) return;
    rl.pause();
    draining = new Promise<void>((resolve) => io.stdout.once('drain', () => {
      draining = undefined;
      rl.resume();
      resolve();
    }));
  };
  // 'line' events, not `for await`: readline's async iterator alone took ~75 ms CPU per 30,000 lines, events ~40.
  return new Promise<number>((resolve, reject) => {
    io.stdin.once('error', reject);
    rl.on('line', (line: string) => {
      try {
        let out = memo.get(line);
        if (out === undefined) {
          const result = evaluate(line, analyze(line, 'en', opts.weekdays), opts);
          if (!result.valid) invalid = true;
          out = jsonLine(result);
          if (memo.size >= MEMO_LINES) memo.clear();
          memo.set(line, out);
        }
        chunk += out;
        if (chunk.length >= CHUNK_CHARS) flush(); // batch writes
      } catch (e) {
        rl.close();
        reject(e);
      }
    });
    rl.once('close', () => {
      flush();
      void (draining ?? Promise.resolve()).then(() => resolve(invalid ? 1 : 0));
    });
  });
}

function zoneOptions(z: ResolvedZone, locale: Locale): { tz: string; zoneLine: string } {
  return { tz: z.zone, zoneLine: describeZone(z, '--tz', locale) };
}

function parseFrom(text: string | undefined, locale: Locale): Date {
  if (text === undefined) return new Date();
  const t = text.trim();
  const ms = /^-?\d+(\.\d+)?$/.test(t) ? Number(t) * 1000 : /^\d{4}-\d{2}-\d{2}/.test(t) ? Date.parse(t) : NaN;
  if (!Number.isFinite(ms)) throw new UsageError(translate(locale, CRON_TEXTS.badFrom, [text]));
  return new Date(ms);
}

function human(expr: string, check: CronCheck, result: CronJson, opts: Options, locale: Locale): string {
  const t = sayIn(CRON_TEXTS, locale);
  const lines = [expr];
  if (!check.valid) {
    for (const p of check.problems) {
      lines.push(`${' '.repeat(p.start)}${'^'.repeat(Math.max(1, p.end - p.start))}`, t('error', p.message));
    }
    for (const f of check.fixes) lines.push(t('fix', f.title, f.replacement));
    return `${lines.join('\n')}\n`;
  }
  lines.push(result.description);
  for (const w of check.warnings) lines.push(t('warning', w.message), t('fix', w.fix.title, w.fix.replacement));
  for (const n of check.notes) lines.push(t('note', n.message));
  if (check.canonical !== undefined && check.canonical !== expr) lines.push(t('canonical', check.canonical));
  if (opts.next > 0) {
    const from = formatTime(opts.from, opts.tz, locale);
    const zone = opts.zoneLine ?? t('zone', opts.tz);
    lines.push('', opts.next === 1 ? t('nextOne', from, zone) : t('nextMany', opts.next, from, zone));
    for (const s of result.next) lines.push(`  ${formatTime(new Date(s * 1000), opts.tz, locale)}`);
    if (result.next.length < opts.next) lines.push(`  ${t(result.next.length ? 'noMore' : 'noneAtAll', new Date().getFullYear() + 100)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** `2026-01-05 08:00:00 Mon UTC+08:00`; in Chinese the weekday is 星期一, as the describer writes it. */
function formatTime(d: Date, timeZone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short', timeZoneName: 'longOffset',
  }).formatToParts(d);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = locale === 'en' ? get('weekday') : new Intl.DateTimeFormat('zh-CN', { timeZone, weekday: 'long' }).format(d);
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')} ${weekday} ${get('timeZoneName').replace('GMT', 'UTC')}`;
}
