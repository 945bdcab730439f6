// describeCron: an expression in words (English or Simplified Chinese), parsed once and described
// from its fields (describe-fields.ts). Day-of-week is read in the numbering asked for and always
// named (Monday, not 1), so the words never depend on the numbering.
import { parseCron } from './parse';
import { describeFields, type DescribeOptions } from './describe-fields';
import { unreadable, type DescribeLocale } from './describe-phrases';
import { DEFAULT_WEEKDAY_NUMBERING, type CronOptions } from './weekdays';

export { describeFields, type DescribeOptions } from './describe-fields';
export type { DescribeLocale } from './describe-phrases';

/**
 * Describes an expression. Seconds are not described (the dialect allows only 0) and a year field
 * is ignored; an expression whose other fields cannot all be read is "Unreadable" rather than half
 * described (a partial reading would be a confident wrong answer).
 */
export function describeCron(expr: string, locale: DescribeLocale, options: DescribeOptions & CronOptions = {}): string {
  const parsed = parseCron(expr, 'en', options.weekdays ?? DEFAULT_WEEKDAY_NUMBERING);
  if (!parsed.fields || parsed.problems.some((p) => p.field !== 'second' && p.field !== 'expression')) return unreadable(locale);
  return describeFields(parsed.fields, locale, options);
}
