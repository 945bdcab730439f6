// The six fields of the DataWorks cron dialect and what each accepts; day-of-week in either numbering.
import { DAY_NAMES, type WeekdayNumbering } from './weekdays';

export type CronField = 'second' | 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week' | 'expression';

/** The message for a value out of range says the numbering where it is not obvious. */
export type RangeKey = 'range' | 'range.month' | 'range.day-of-week';

export interface FieldSpec {
  name: Exclude<CronField, 'expression'>;
  min: number;
  max: number;
  /** Largest step Quartz accepts for `* /n` and `a/n` in this field. */
  maxStep: number;
  /** Three-letter names, index 0 = value `min`. */
  names?: readonly string[];
  /** Canonical form zero-pads values in second, minute and hour. */
  pad: boolean;
  /** The "out of range" message: month and day-of-week add their numbering. */
  rangeKey: RangeKey;
  /** day-of-week only: how its numbers are read. */
  numbering?: WeekdayNumbering;
}

export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
const DATE_FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59, maxStep: 59, pad: true, rangeKey: 'range' },
  { name: 'minute', min: 0, max: 59, maxStep: 59, pad: true, rangeKey: 'range' },
  { name: 'hour', min: 0, max: 23, maxStep: 23, pad: true, rangeKey: 'range' },
  { name: 'day-of-month', min: 1, max: 31, maxStep: 31, pad: false, rangeKey: 'range' },
  { name: 'month', min: 1, max: 12, maxStep: 12, names: MONTH_NAMES, pad: false, rangeKey: 'range.month' },
];

/** The engine keeps Quartz's weekday values 1-7 whatever the numbering (see weekdays.ts). */
const DAY_OF_WEEK: Record<WeekdayNumbering, FieldSpec> = {
  quartz: { name: 'day-of-week', min: 1, max: 7, maxStep: 7, names: DAY_NAMES, pad: false, rangeKey: 'range.day-of-week', numbering: 'quartz' },
  dataworks: { name: 'day-of-week', min: 0, max: 7, maxStep: 7, names: DAY_NAMES, pad: false, rangeKey: 'range.day-of-week', numbering: 'dataworks' },
};

export const FIELDS_BY_NUMBERING: Record<WeekdayNumbering, readonly FieldSpec[]> = {
  quartz: [...DATE_FIELDS, DAY_OF_WEEK.quartz],
  dataworks: [...DATE_FIELDS, DAY_OF_WEEK.dataworks],
};
