// Common DataWorks schedules offered as completion snippets inside a `Cron` value. Pure (no vscode)
// so a unit test can prove every expansion valid in the dialect (seconds 00, one `?` day field,
// fire times at least 5 minutes apart). Day names mean the same in every weekday numbering (DataWorks'
// 0 or 7 = Sunday, 1 = Monday; Quartz's 1 = Sunday), so the weekly snippet never inserts a number.
import { translate, type Messages } from '../../core/text/l10n';
import type { UiLocale } from '../util/locale';

export interface CronSnippet {
  id: SnippetId;
  /** VS Code snippet syntax: `${1:default}` placeholders and `${1|a,b|}` choices. */
  body: string;
}

type SnippetId = keyof typeof SNIPPET_LABELS;

/** Each snippet's name in the completion list (English; translated through the l10n bundle). */
export const SNIPPET_LABELS = {
  daily: 'daily at hh:mm',
  everyMinutes: 'every N minutes',
  hourly: 'hourly at minute mm',
  weekly: 'weekly on a day at hh:mm (e.g. Monday)',
  monthly: 'monthly on day d at hh:mm',
  lastDayOfMonth: 'last day of month at hh:mm',
} as const satisfies Messages;

/** What to fill in, shown as the item's documentation. */
export const SNIPPET_HELP = {
  daily: 'Runs once a day. Fill in the hour (00-23), then the minute (00-59).',
  everyMinutes: 'Runs every N minutes, all day. DataWorks needs at least 5 minutes between runs.',
  hourly: 'Runs at the given minute of every hour.',
  weekly: 'Runs once a week. Pick the day by name (MON ... SUN mean the same in every weekday numbering; as numbers DataWorks counts 0 or 7 = Sunday, 1 = Monday), then hour and minute.',
  monthly: 'Runs once a month on the given day (1-31; months without that day are skipped).',
  lastDayOfMonth: 'Runs on the last day of every month (28, 29, 30 or 31).',
} as const satisfies Messages;

const WEEKDAYS = 'MON,TUE,WED,THU,FRI,SAT,SUN';

export const CRON_SNIPPETS: readonly CronSnippet[] = [
  { id: 'daily', body: '00 ${2:00} ${1:02} * * ?' },
  { id: 'everyMinutes', body: '00 */${1|5,10,15,20,30|} 00-23 * * ?' },
  { id: 'hourly', body: '00 ${1:00} 00-23 * * ?' },
  { id: 'weekly', body: '00 ${3:00} ${2:02} ? * ${1|' + WEEKDAYS + '|}' },
  { id: 'monthly', body: '00 ${3:00} ${2:02} ${1:1} * ?' },
  { id: 'lastDayOfMonth', body: '00 ${2:00} ${1:02} L * ?' },
];

/** The snippet's label and help in the UI language. */
export function snippetText(s: CronSnippet, locale: UiLocale): { label: string; help: string } {
  return { label: translate(locale, SNIPPET_LABELS[s.id]), help: translate(locale, SNIPPET_HELP[s.id]) };
}

const PLACEHOLDER = /\$\{(\d+):([^}]*)\}|\$\{(\d+)\|([^|]*)\|\}/g;

/** The expression the snippet inserts when every placeholder keeps its default (first choice). */
export function snippetDefault(body: string): string {
  return body.replace(PLACEHOLDER, (_m, _n, def: string | undefined, _c, choices: string | undefined) =>
    def !== undefined ? def : (choices ?? '').split(',')[0]);
}

/** Every expression the snippet can insert by picking choices (placeholders at their defaults). */
export function snippetExpansions(body: string): string[] {
  let out = [''];
  let last = 0;
  for (const m of body.matchAll(PLACEHOLDER)) {
    const lit = body.slice(last, m.index);
    const options = m[2] !== undefined ? [m[2]] : (m[4] ?? '').split(',');
    out = out.flatMap((prefix) => options.map((o) => prefix + lit + o));
    last = (m.index ?? 0) + m[0].length;
  }
  return out.map((s) => s + body.slice(last));
}
