// Every problem and fix title the cron checker produces, in English, with {name} placeholders. The
// Chinese is in l10n/bundle.l10n.zh-cn.json under the English text (src/core/text/l10n.ts).
// The CLI prints English; the editor passes the UI language.
import type { CronField } from './fields';
import { translate, type Locale, type Messages } from '../text/l10n';

export type CronLocale = Locale;
export type CronArgs = Record<string, string | number>;

export const CRON_MESSAGES = {
  'field.second': { message: 'second', comment: 'the cron field' },
  'field.minute': { message: 'minute', comment: 'the cron field' },
  'field.hour': { message: 'hour', comment: 'the cron field' },
  'field.day-of-month': 'day-of-month',
  'field.month': { message: 'month', comment: 'the cron field' },
  'field.day-of-week': 'day-of-week',
  'field.expression': 'expression',
  prefix: '{field}: {message}',
  'expression.empty': 'the cron expression is empty; expected 6 fields: second minute hour day-of-month month day-of-week',
  'expression.count': 'expected 6 fields (second minute hour day-of-month month day-of-week), found {count}',
  'expression.year': 'DataWorks cron has no year field; remove "{token}"',
  'second.notZero': 'DataWorks only runs at whole minutes, so seconds must be 00 (found "{token}")',
  'char.notAscii': '"{el}" contains a character that is not allowed here (U+{code}); use ASCII digits, names, and * ? , - / L #',
  'list.empty': 'empty value in the list (two commas in a row, or a comma at the start or end)',
  'alone.none': '? must be the only value in the field, not part of a list',
  'alone.last': 'L (last day of the month) must be the only value in the field, not part of a list',
  'alone.lastWeekday': '{el} (last weekday of the month) must be the only value in the field, not part of a list',
  'alone.nth': '{el} (nth weekday of the month) must be the only value in the field, not part of a list',
  'none.notDay': '? (no specific value) is only allowed in day-of-month or day-of-week',
  'unsupported.LW': 'DataWorks does not support LW (last weekday of the month)',
  'unsupported.Ln': 'DataWorks does not support {el} (days before the last day of the month)',
  'unsupported.W': 'DataWorks does not support {el} (nearest weekday)',
  'dow.L': 'L alone means Saturday in Quartz; write SAT, or nL for the last weekday n of the month (e.g. {lastFriday} = last Friday)',
  'nth.week': 'the number after # must be 1 to 5 (the week of the month), found "{k}"',
  invalid: '"{el}" is not a valid value (use numbers {min}-{max}, *, ranges a-b, lists a,b and steps a/n)',
  'invalid.month': '"{el}" is not a valid value (use numbers {min}-{max} or JAN-DEC, *, ranges a-b, lists a,b and steps a/n)',
  'invalid.day-of-month': '"{el}" is not a valid value (use numbers {min}-{max}, *, ranges a-b, lists a,b and steps a/n, L, or ?)',
  'invalid.day-of-week': '"{el}" is not a valid value (use numbers {min}-{max} or SUN-SAT, *, ranges a-b, lists a,b and steps a/n, nL, n#k, or ?)',
  'range.mixed': 'a range must use two names or two numbers, not "{el}"',
  'step.afterName': 'a step after a name is ignored by Quartz; write the range with numbers (e.g. "{example}")',
  range: '{value} is out of range {min}-{max}',
  'range.month': '{value} is out of range {min}-{max} (1 = January, or JAN-DEC)',
  'range.day-of-week': '{value} is out of range {min}-{max} ({sunday}, or SUN-SAT)',
  'range.inverted': '"{el}" runs backwards: DataWorks reads cron as Spring does, which rejects such a range (Quartz would wrap it); list the values instead: {values}',
  'name.month': '"{text}" is not a month name; use {names}',
  'name.day': '"{text}" is not a day name; use {names}',
  number: '"{text}" is not a number (expected {min}-{max})',
  'step.missing': 'a number must follow /',
  'step.range': 'step {step} is out of range 1-{max}',
  'days.bothNone': 'day-of-month and day-of-week are both ?; give one of them a value (e.g. * in day-of-month for every day)',
  'days.dowMustBeNone': 'must be ? when day-of-month is set (exactly one of the two day fields is ?)',
  'days.domMustBeNone': 'must be ? when day-of-week is set (exactly one of the two day fields is ?)',
  'days.bothSet': 'day-of-month and day-of-week are both set; Quartz needs exactly one of them to be ?',
  gap: 'runs at {first} and {second} are only {minutes} apart; DataWorks needs at least {min} minutes between runs',
  'gap.nextDay': 'runs at {first} and {second} the next day are only {minutes} apart; DataWorks needs at least {min} minutes between runs',
  'minutes.one': '{n} minute',
  'minutes.other': '{n} minutes',
  'sunday.dataworks': '0 or 7 = Sunday, 1 = Monday',
  'sunday.quartz': '1 = Sunday',
  'numbering.dataworks': 'the DataWorks numbering (0 or 7 = Sunday, 1 = Monday ... 6 = Saturday)',
  'numbering.quartz': 'the Quartz numbering (1 = Sunday, 2 = Monday ... 7 = Saturday)',
  'weekdays.numbers': '"{text}" means {names} in {numbering}; day names mean the same in every numbering',
  'warn.bothNone': 'day-of-month and day-of-week are both ?: Spring, whose format DataWorks documents, runs every day; Quartz rejects it; write * in day-of-month',
  'warn.stepPastRange': 'step {step} in "{el}" is larger than the field ({min}-{max}), so Spring fires at {value} only; Quartz rejects it; write {value}',
  'warn.stepAfterName': 'Spring reads "{el}" as "{example}"; Quartz ignores a step after a name; write "{example}"',
  'warn.domFromZero': 'Spring counts "{el}" from day 0, so it means days {values}; Quartz counts from day 1; write "{plain}" to say it plainly',
  'never.day': 'never fires: there is no day {days} in {months} (at most {longest} days)',
  'never.noDay': 'never fires: no day from 1 to 31 (Spring counts from day 0 but never runs on it)',
  'warn.domZero': 'Spring accepts day 0 in "{el}" and never runs on it (Quartz rejects it); write "{plain}" without it',
  'warn.domZeroInList': 'Spring accepts day 0 and never runs on it (Quartz rejects it); remove it from the list',
  'names.months': 'January February March April May June July August September October November December',
  'fix.removeYear': 'Remove the year field "{token}"',
  'fix.seconds': 'Set seconds to 00',
  'fix.saturday': 'Write Saturday as SAT',
  'fix.listDays': 'List the days: {values}',
  'fix.listValues': 'List the values: {values}',
  'fix.write': 'Write "{text}"',
  'fix.lastDay': 'Run on the last day of the month (L)',
  'fix.dropDayZero': 'Remove day 0',
  'fix.names': 'Write the days by name: {names}',
  'fix.everyDay': 'Run every day (* in day-of-month)',
  'fix.dowNone': 'Replace * with ? in day-of-week',
  'fix.domNone': 'Replace * with ? in day-of-month',
  'fix.everyN': 'Run every {n} minutes',
  'fix.canonical': 'Use the canonical form "{canonical}"',
  'fix.all': 'Apply all fixes',
  'fix.andCanonical': 'Fix and use the canonical form "{canonical}"',
} as const satisfies Messages;

export type CronMessageKey = keyof typeof CRON_MESSAGES;

export function cronMessage(locale: CronLocale, key: CronMessageKey, args?: CronArgs): string {
  return translate(locale, CRON_MESSAGES[key], args);
}

/** "day-of-week: <message>" in the locale's words and punctuation. */
export function inField(locale: CronLocale, field: CronField, key: CronMessageKey, args: CronArgs = {}): string {
  return cronMessage(locale, 'prefix', { field: cronMessage(locale, `field.${field}`), message: cronMessage(locale, key, args) });
}
