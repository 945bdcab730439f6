// An independent reading of a day-of-week field as DataWorks documents it (Spring's
// CronSequenceGenerator: names replaced by 0-6, `?` read as `*`, ranges and steps over 0-7, a hit
// on 7 becomes Sunday, inverted ranges and values above 7 rejected) plus DataWorks' `nL` and `n#k`,
// written in Quartz's terms (day names) so Quartz 2.3.2 can be asked about the same schedule.
// Deliberately shares no code with src/core/cron: the differential test must not check the engine
// against itself.
const NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

/** The field in Quartz's terms, or undefined when Spring would reject it. */
export function springDayOfWeekForQuartz(field: string): string | undefined {
  if (field === '?') return '?';
  const text = field.toUpperCase().replace(/[A-Z]{3}/g, (n) => (NAMES.includes(n) ? String(NAMES.indexOf(n)) : n));
  const last = /^(\d)L$/.exec(text);
  if (last) return Number(last[1]) <= 7 ? `${NAMES[Number(last[1]) % 7]}L` : undefined;
  const nth = /^(\d)#(\d)$/.exec(text);
  if (nth) return Number(nth[1]) <= 7 ? `${NAMES[Number(nth[1]) % 7]}#${nth[2]}` : undefined;
  const bits = new Set<number>();
  for (const el of (text === '?' ? '*' : text).split(',')) {
    const [range, step, extra] = el.split('/');
    if (extra !== undefined) return undefined;
    const r = getRange(range);
    if (!r) return undefined;
    const from = r[0];
    let to = r[1];
    if (step === undefined) {
      for (let i = from; i <= to; i++) bits.add(i);
      continue;
    }
    if (!range.includes('-')) to = 7;
    const delta = Number(step);
    if (!/^\d+$/.test(step) || delta <= 0) return undefined;
    for (let i = from; i <= to; i += delta) bits.add(i);
  }
  if (bits.has(7)) {
    bits.delete(7);
    bits.add(0);
  }
  return [...bits].sort((a, b) => a - b).map((d) => NAMES[d]).join(',');
}

/** Spring's getRange over 0-7: `*`, `n` or `a-b`; undefined where Spring throws. */
function getRange(field: string): [number, number] | undefined {
  if (field === '*') return [0, 7];
  const parts = field.split('-');
  if (parts.length > 2 || parts.some((p) => !/^\d+$/.test(p))) return undefined;
  const from = Number(parts[0]);
  const to = Number(parts[parts.length - 1]);
  if (from > 7 || to > 7 || from > to) return undefined;
  return [from, to];
}

/** The whole expression with its day-of-week field in Quartz's terms (undefined when Spring rejects it). */
export function dataworksExpressionForQuartz(expr: string): string | undefined {
  const fields = expr.trim().split(/[ \t]+/);
  if (fields.length !== 6) return undefined;
  const dow = springDayOfWeekForQuartz(fields[5]);
  return dow === undefined ? undefined : [...fields.slice(0, 5), dow].join(' ');
}
