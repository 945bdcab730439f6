// Trigger rules: the cron dialect, real calendar times, and fields a Manual trigger ignores.
import type { Node } from 'jsonc-parser';
import { checkCron, type CronCheck } from './cron-port';
import { removePropertyEdit, type OffsetFix, type TaskContext } from './context';

export function checkTriggerRules(c: TaskContext): void {
  const trigger = c.get('Trigger');
  if (trigger?.type !== 'object') return;
  const cron = c.get('Trigger.Cron');
  if (cron?.type === 'string') checkCronField(c, cron);
  const start = checkTime(c, 'Trigger.StartTime');
  const end = checkTime(c, 'Trigger.EndTime');
  if (start && end && start.value >= end.value) {
    c.report('time-order', 'error', 'Trigger.EndTime', end.node, { start: start.value, end: end.value });
  }
  if (c.get('Trigger.Type')?.value === 'Manual') {
    for (const field of ['Cron', 'Recurrence', 'StartTime', 'EndTime']) {
      const n = c.get(`Trigger.${field}`);
      if (!n) continue;
      const edit = removePropertyEdit(n);
      const fixes = edit ? [{ title: c.msg('fix.removeField', { field: `Trigger.${field}` }), edits: [edit] }] : undefined;
      c.report('manual-trigger-field', 'warning', `Trigger.${field}`, c.keyOf(n), { field }, fixes);
    }
  }
}

// Real files repeat a handful of schedules and times thousands of times: check each once.
const cronMemo = new Map<string, CronCheck>();

function checkCronMemo(expr: string, locale: TaskContext['locale'], weekdays: TaskContext['weekdays']): CronCheck {
  const key = locale === 'en' && weekdays !== 'quartz' ? expr : `${locale}${weekdays === 'quartz' ? 'q' : ''}\u0000${expr}`;
  let r = cronMemo.get(key);
  if (!r) {
    if (cronMemo.size > 50_000) cronMemo.clear();
    r = checkCron(expr, locale, { weekdays });
    cronMemo.set(key, r);
  }
  return r;
}

function checkCronField(c: TaskContext, node: Node): void {
  const expr = String(node.value);
  const result = checkCronMemo(expr, c.locale, c.weekdays);
  // Offsets inside the expression map 1:1 into the document only when the JSON string has no escapes.
  const inner = c.text.slice(node.offset + 1, node.offset + node.length - 1);
  const exact = inner === expr;
  // A weekday field written in numbers depends on the numbering: say how it was read, offer names.
  for (const n of result.notes) {
    const edits = [{ offset: node.offset + 1, length: node.length - 2, newText: JSON.stringify(n.fix.replacement).slice(1, -1) }];
    const span = exact ? { offset: node.offset + 1 + n.start, length: n.end - n.start } : node;
    c.report('cron-weekday-numbers', 'info', 'Trigger.Cron', span, { note: n.message }, [{ title: n.fix.title, edits }]);
  }
  // Spring (DataWorks' documented format) reads it plainly, Quartz otherwise: a warning with the plain form.
  for (const w of result.warnings) {
    const edits = [{ offset: node.offset + 1, length: node.length - 2, newText: JSON.stringify(w.fix.replacement).slice(1, -1) }];
    const span = exact ? { offset: node.offset + 1 + w.start, length: w.end - w.start } : node;
    c.report('cron-spring-reading', 'warning', 'Trigger.Cron', span, { warning: w.message }, [{ title: w.fix.title, edits }]);
  }
  if (result.valid) return;
  const fixes: OffsetFix[] = result.fixes.map((f) => ({
    title: f.title,
    edits: [{ offset: node.offset + 1, length: node.length - 2, newText: JSON.stringify(f.replacement).slice(1, -1) }],
  }));
  for (const p of result.problems) {
    const span = exact && p.end > p.start
      ? { offset: node.offset + 1 + p.start, length: p.end - p.start }
      : node;
    c.report('cron-invalid', 'error', 'Trigger.Cron', span, { problem: p.message }, fixes);
  }
}

const TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Why a time is not a real moment: '' when it is, null when the format is off (the schema's pattern error). */
function timeProblem(c: TaskContext, value: string): string | null {
  const m = TIME.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map(Number);
  if (month < 1 || month > 12) return c.msg('why.month', { v: m[2] });
  if (day < 1 || day > daysIn(year, month)) {
    return c.msg('why.day', { month: MONTHS[month - 1], monthNumber: month, year: m[1], days: daysIn(year, month) });
  }
  if (hour > 23) return c.msg('why.hour', { v: m[4] });
  if (minute > 59) return c.msg('why.minute', { v: m[5] });
  if (second > 59) return c.msg('why.second', { v: m[6] });
  return '';
}

const timeMemo = new Map<string, string | null>();

/** A `yyyy-mm-dd hh:mm:ss` that names a real moment; format mismatches are the schema's pattern error. */
function checkTime(c: TaskContext, field: string): { node: Node; value: string } | undefined {
  const node = c.get(field);
  if (node?.type !== 'string') return undefined;
  const value = String(node.value);
  const key = c.locale + value;
  let why = timeMemo.get(key);
  if (why === undefined) {
    if (timeMemo.size > 50_000) timeMemo.clear();
    why = timeProblem(c, value);
    timeMemo.set(key, why);
  }
  if (why === null) return undefined;
  if (why) {
    c.report('time-invalid', 'error', field, node, { field, value, why });
    return undefined;
  }
  return { node, value };
}
