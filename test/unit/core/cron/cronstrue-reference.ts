// Test-only reference: describeCron as it was with cronstrue (main adf3213), for the differential test
// and the describe bench (cronstrue is a devDependency now; the product describes with
// src/core/cron/describe-fields.ts). Day-of-week reaches cronstrue written with day names (read in
// the numbering asked for), so cronstrue's own numbering never matters.
import cronstrue from 'cronstrue';
import 'cronstrue/locales/zh_CN';
import { parseCron } from '@src/core/cron/parse';
import { DEFAULT_WEEKDAY_NUMBERING, type CronOptions } from '@src/core/cron/weekdays';

const LOCALES = { en: 'en', 'zh-cn': 'zh_CN' } as const;

/**
 * Describes an expression. Fields cronstrue misreads are rewritten first: day-of-week becomes day
 * names with steps as explicit lists (cronstrue calls `2/3` "every 3 days, Monday through Saturday"
 * while Quartz fires Monday and Thursday only), and so do steps in month. Invalid expressions are
 * described as far as possible.
 */
export function describeCronReference(expr: string, locale: 'en' | 'zh-cn', options: { short?: boolean } & CronOptions = {}): string {
  const weekdays = options.weekdays ?? DEFAULT_WEEKDAY_NUMBERING;
  const parsed = parseCron(expr, 'en', weekdays);
  let text = expr.trim();
  // Only an unreadable day-of-week reaches cronstrue as numbers: then its closest reading.
  const zeroBased = weekdays === 'dataworks';
  if (parsed.fields && parsed.fields.length === 6) {
    text = parsed.fields.map((f) => {
      if (f.spec.name === 'second') return '0'; // always 0 in the dialect; "00" would make cronstrue print seconds
      if (f.spec.name === 'day-of-week' && f.names !== undefined) return f.names;
      if (f.spec.name === 'month' && f.token.text.includes('/')) {
        const values = f.values.flatMap((on, v) => (on ? [String(v)] : []));
        if (values.length) return values.join(',');
      }
      return f.token.text.replace(/(^|[^0-9])0+(?=[0-9])/g, '$1'); // "05" would be read out as "05 minutes"
    }).join(' ');
  }
  let out: string;
  try {
    out = cronstrue.toString(text, {
      locale: LOCALES[locale],
      dayOfWeekStartIndexZero: zeroBased,
      use24HourTimeFormat: true,
      verbose: !options.short,
      throwExceptionOnParseError: true,
    });
  } catch {
    return locale === 'zh-cn' ? '无法解析的 cron 表达式' : 'Unreadable cron expression';
  }
  // cronstrue's zh_CN leaves stray spaces ("第三个 星期五", "1 号 和  15 号").
  return locale === 'zh-cn' ? out.replace(/ {2,}/g, ' ').replace(/个 星期/g, '个星期').replace(/(\d) 号/g, '$1号') : out;
}
