// The DataWorks cron dialect: check, next fire times in an IANA zone (Quartz 2.3.2 semantics), describe.
export type { CronField } from './fields';
export type { CronProblem } from './parse';
export type { CronFix, CronCheck, CronNote } from './check';
export { checkCron } from './check';
export { nextFireTimes } from './next';
export { describeCron, describeFields, type DescribeOptions } from './describe';
export { CRON_MESSAGES, type CronLocale, type CronMessageKey } from './messages';
export {
  DEFAULT_WEEKDAY_NUMBERING, WEEKDAY_NUMBERINGS, isWeekdayNumbering, type CronOptions, type WeekdayNumbering,
} from './weekdays';
export { compileCron, fireTimesBetween, type CompiledCron } from './enumerate';
