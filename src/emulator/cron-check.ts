// Interim cron check until the core's DataWorks cron checker (src/core/cron) lands: the coarse rules
// the service enforces (six fields, seconds 0, exactly one of day-of-month / day-of-week is `?`).
export interface CronProblem { field: string; message: string }
export interface CronCheck { valid: boolean; problems: CronProblem[] }

export function checkCronExpression(expr: string): CronCheck {
  const problems: CronProblem[] = [];
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 6) {
    problems.push({ field: 'expression', message: `expected 6 fields (second minute hour day-of-month month day-of-week), found ${fields.length}` });
    return { valid: false, problems };
  }
  const [sec, min, hour, dom, , dow] = fields;
  if (!/^0?0$/.test(sec)) problems.push({ field: 'second', message: 'the seconds field must be 00' });
  if ((dom === '?') === (dow === '?')) problems.push({ field: 'day-of-month', message: 'exactly one of day-of-month and day-of-week must be ?' });
  const token = /^[0-9A-Za-z*?/,#L-]+$/;
  fields.forEach((f, i) => {
    if (!token.test(f)) problems.push({ field: ['second', 'minute', 'hour', 'day-of-month', 'month', 'day-of-week'][i], message: `"${f}" is not a valid value` });
  });
  if (/^\d+$/.test(min) && Number(min) > 59) problems.push({ field: 'minute', message: 'minute must be 0-59' });
  if (/^\d+$/.test(hour) && Number(hour) > 23) problems.push({ field: 'hour', message: 'hour must be 0-23' });
  return { valid: problems.length === 0, problems };
}
