// The six fields of the DataWorks cron dialect and what each accepts (Quartz numbering).
export type CronField = 'second' | 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week' | 'expression';

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
  /** Added to "out of range" messages so the numbering is clear. */
  rangeHint: string;
}

export const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

export const FIELDS: readonly FieldSpec[] = [
  { name: 'second', min: 0, max: 59, maxStep: 59, pad: true, rangeHint: '' },
  { name: 'minute', min: 0, max: 59, maxStep: 59, pad: true, rangeHint: '' },
  { name: 'hour', min: 0, max: 23, maxStep: 23, pad: true, rangeHint: '' },
  { name: 'day-of-month', min: 1, max: 31, maxStep: 31, pad: false, rangeHint: '' },
  { name: 'month', min: 1, max: 12, maxStep: 12, names: MONTH_NAMES, pad: false, rangeHint: ' (1 = January, or JAN-DEC)' },
  { name: 'day-of-week', min: 1, max: 7, maxStep: 7, names: DAY_NAMES, pad: false, rangeHint: ' (1 = Sunday, or SUN-SAT)' },
];
