// checkCron: every problem in a DataWorks cron expression, with its field, range and an obvious fix.
import { parseCron, type CronProblem, type ParsedField, type Repair } from './parse';
import { smallestGap, MIN_GAP_MINUTES } from './gap';

export interface CronFix { title: string; replacement: string }
export interface CronCheck { valid: boolean; problems: CronProblem[]; fixes: CronFix[]; canonical?: string }

export function checkCron(expr: string): CronCheck {
  const { problems, repairs, canonical } = analyze(expr);
  const valid = problems.length === 0;
  const fixes = valid ? canonicalFix(expr, canonical) : repairFixes(expr, repairs);
  return canonical === undefined ? { valid, problems, fixes } : { valid, problems, fixes, canonical };
}

export interface Analysis { problems: CronProblem[]; repairs: Repair[]; canonical?: string; fields?: ParsedField[] }

/** Problems, token repairs and parsed fields of an expression (no fixes built). */
export function analyze(expr: string): Analysis {
  const parsed = parseCron(expr);
  const { problems, repairs, fields } = parsed;
  // The day rule only needs the two day fields to be readable; problems elsewhere don't hide it.
  const dayFieldsOk = !problems.some((p) => p.field === 'day-of-month' || p.field === 'day-of-week');
  if (fields && dayFieldsOk) {
    const dom = fields[3];
    const dow = fields[5];
    if (dom.none && dow.none) {
      problems.push({ field: 'day-of-week', message: 'day-of-week: day-of-month and day-of-week are both ?; give one of them a value (e.g. * in day-of-month for every day)', start: dow.token.start, end: dow.token.end });
      repairs.push({ title: 'Run every day (* in day-of-month)', start: dom.token.start, end: dom.token.end, text: '*' });
    } else if (!dom.none && !dow.none) {
      if (dow.star) {
        problems.push({ field: 'day-of-week', message: 'day-of-week: must be ? when day-of-month is set (exactly one of the two day fields is ?)', start: dow.token.start, end: dow.token.end });
        repairs.push({ title: 'Replace * with ? in day-of-week', start: dow.token.start, end: dow.token.end, text: '?' });
      } else if (dom.star) {
        problems.push({ field: 'day-of-month', message: 'day-of-month: must be ? when day-of-week is set (exactly one of the two day fields is ?)', start: dom.token.start, end: dom.token.end });
        repairs.push({ title: 'Replace * with ? in day-of-month', start: dom.token.start, end: dom.token.end, text: '?' });
      } else {
        problems.push({ field: 'day-of-week', message: 'day-of-week: day-of-month and day-of-week are both set; Quartz needs exactly one of them to be ?', start: dow.token.start, end: dow.token.end });
      }
    }
  }
  if (fields && problems.length === 0) {
    const gap = smallestGap(fields);
    if (gap) {
      const minute = fields[1];
      const when = gap.nextDay ? `${gap.first} and ${gap.second} the next day` : `${gap.first} and ${gap.second}`;
      problems.push({
        field: 'minute',
        message: `minute: runs at ${when} are only ${gap.minutes} minute${gap.minutes === 1 ? '' : 's'} apart; DataWorks needs at least ${MIN_GAP_MINUTES} minutes between runs`,
        start: minute.token.start,
        end: minute.token.end,
      });
      if (/^(\*|\*\/\d+|0?0\/\d+)$/.test(minute.token.text)) {
        repairs.push({ title: `Run every ${MIN_GAP_MINUTES} minutes`, start: minute.token.start, end: minute.token.end, text: `*/${MIN_GAP_MINUTES}` });
      }
    }
  }
  const canonical = problems.length === 0 && fields ? fields.map((f) => f.canonical).join(' ') : undefined;
  return { problems, repairs, canonical, fields };
}

function canonicalFix(expr: string, canonical: string | undefined): CronFix[] {
  return canonical !== undefined && canonical !== expr ? [{ title: `Use the canonical form "${canonical}"`, replacement: canonical }] : [];
}

function applyRepairs(expr: string, repairs: Repair[]): string {
  let out = expr;
  for (const r of [...repairs].sort((a, b) => b.start - a.start)) out = out.slice(0, r.start) + r.text + out.slice(r.end);
  return out;
}

function repairFixes(expr: string, repairs: Repair[]): CronFix[] {
  const fixes = repairs.map((r) => ({ title: r.title, replacement: applyRepairs(expr, [r]) }));
  if (repairs.length > 1) fixes.push({ title: 'Apply all fixes', replacement: applyRepairs(expr, repairs) });
  // When the repairs make the expression valid, offer it in canonical form as well.
  const all = applyRepairs(expr, repairs);
  if (repairs.length > 0) {
    const again = checkCronShallow(all);
    if (again && again !== all && !fixes.some((f) => f.replacement === again)) fixes.push({ title: `Fix and use the canonical form "${again}"`, replacement: again });
  }
  return fixes;
}

/** Canonical form of an expression when it is valid. */
function checkCronShallow(expr: string): string | undefined {
  return analyze(expr).canonical;
}
