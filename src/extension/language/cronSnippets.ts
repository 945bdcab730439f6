// Common DataWorks schedules offered as completion snippets inside a `Cron` value. Pure (no vscode)
// so a unit test can prove every expansion valid in the dialect (seconds 00, one `?` day field,
// fire times at least 5 minutes apart). Day names mean the same in every weekday numbering (DataWorks'
// 0 or 7 = Sunday, 1 = Monday; Quartz's 1 = Sunday), so the weekly snippet never inserts a number.
import type { UiLocale } from '../util/locale';

export interface CronSnippet {
  id: string;
  label: Record<UiLocale, string>;
  /** VS Code snippet syntax: `${1:default}` placeholders and `${1|a,b|}` choices. */
  body: string;
  /** Explains what to fill in, shown as the item's documentation. */
  help: Record<UiLocale, string>;
}

const WEEKDAYS = 'MON,TUE,WED,THU,FRI,SAT,SUN';

export const CRON_SNIPPETS: readonly CronSnippet[] = [
  {
    id: 'daily',
    label: { en: 'daily at hh:mm', 'zh-cn': '每天 hh:mm' },
    body: '00 ${2:00} ${1:02} * * ?',
    help: { en: 'Runs once a day. Fill in the hour (00-23), then the minute (00-59).', 'zh-cn': '每天运行一次。先填小时（00-23），再填分钟（00-59）。' },
  },
  {
    id: 'everyMinutes',
    label: { en: 'every N minutes', 'zh-cn': '每 N 分钟' },
    body: '00 */${1|5,10,15,20,30|} 00-23 * * ?',
    help: { en: 'Runs every N minutes, all day. DataWorks needs at least 5 minutes between runs.', 'zh-cn': '全天每隔 N 分钟运行一次。DataWorks 要求两次运行至少间隔 5 分钟。' },
  },
  {
    id: 'hourly',
    label: { en: 'hourly at minute mm', 'zh-cn': '每小时第 mm 分钟' },
    body: '00 ${1:00} 00-23 * * ?',
    help: { en: 'Runs at the given minute of every hour.', 'zh-cn': '每小时的指定分钟运行一次。' },
  },
  {
    id: 'weekly',
    label: { en: 'weekly on a day at hh:mm (e.g. Monday)', 'zh-cn': '每周某天 hh:mm（如星期一）' },
    body: '00 ${3:00} ${2:02} ? * ${1|' + WEEKDAYS + '|}',
    help: { en: 'Runs once a week. Pick the day by name (MON ... SUN mean the same in every weekday numbering; as numbers DataWorks counts 0 or 7 = Sunday, 1 = Monday), then hour and minute.', 'zh-cn': '每周运行一次。用英文缩写选择星期（MON ... SUN 在任何星期编号下含义相同；用数字时 DataWorks 以 0 或 7 = 星期日，1 = 星期一），再填小时和分钟。' },
  },
  {
    id: 'monthly',
    label: { en: 'monthly on day d at hh:mm', 'zh-cn': '每月 d 日 hh:mm' },
    body: '00 ${3:00} ${2:02} ${1:1} * ?',
    help: { en: 'Runs once a month on the given day (1-31; months without that day are skipped).', 'zh-cn': '每月指定日期运行一次（1-31；没有该日期的月份不运行）。' },
  },
  {
    id: 'lastDayOfMonth',
    label: { en: 'last day of month at hh:mm', 'zh-cn': '每月最后一天 hh:mm' },
    body: '00 ${2:00} ${1:02} L * ?',
    help: { en: 'Runs on the last day of every month (28, 29, 30 or 31).', 'zh-cn': '每月最后一天运行（28、29、30 或 31 日）。' },
  },
];

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
