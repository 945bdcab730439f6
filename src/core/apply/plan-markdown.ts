// The review text of a plan for a pull request: what needs attention first (tasks held back, tasks
// that cannot be read), then per environment a table of the changes with crons in words, and counts.
import { describeCron } from '../cron/describe';
import type { WeekdayNumbering } from '../cron/weekdays';
import { UNCHANGED } from './make-plan';
import type { PlanFile, PlanFileTask } from './plan-file';
import { plural } from '../text/plural';

/** Table cells: a value as JSON, pipes and line breaks made safe for a Markdown table. */
function cell(v: unknown): string {
  const text = v === undefined ? '(not set)' : JSON.stringify(v);
  return `\`${text.replace(/\|/g, '\\|').replace(/`/g, "'").replace(/[\r\n]+/g, ' ')}\``;
}

function words(path: string, v: unknown, weekdays: WeekdayNumbering): string {
  return path === 'Trigger.Cron' && typeof v === 'string' ? `<br>${describeCron(v, 'en', { weekdays }).replace(/\|/g, '\\|')}` : '';
}

export function renderPlanMarkdown(p: PlanFile): string {
  const sending = p.tasks.filter((t) => t.send);
  const unchanged = p.tasks.filter((t) => !t.send && t.reason === UNCHANGED);
  const held = p.tasks.filter((t) => !t.send && t.reason !== UNCHANGED);
  const unreadable = p.tasks.filter((t) => t.error !== undefined);
  const fields = sending.reduce((n, t) => n + t.changes.filter((c) => c.changed).length, 0);
  const lines = [
    `## dwtasks plan: \`${p.file}\``,
    '',
    `Target: \`${p.target.endpoint}\`${p.target.region ? ` (${p.target.region})` : ''}${p.target.account ? `, account ${p.target.account}` : ''}; planned ${p.createdAt}; weekdays: ${p.weekdays}.`,
    '',
    `**${sending.length}** ${sending.length === 1 ? 'task' : 'tasks'} to send (${plural(fields, 'field')} ${fields === 1 ? 'changes' : 'change'}), **${unchanged.length}** unchanged (not sent), **${held.length}** held back, **${unreadable.length}** cannot be read; ${plural(Math.ceil(sending.length / p.batchSize), 'call')}.`,
  ];
  if (held.length || unreadable.length) {
    lines.push('', '### Needs attention', '', '| Task | Env | Why |', '| --- | --- | --- |');
    for (const t of [...held, ...unreadable.filter((u) => !held.includes(u))]) {
      lines.push(`| ${t.id} | ${t.envType} | ${(t.reason ?? `cannot be read: ${t.error ?? ''}`).replace(/\|/g, '\\|')} |`);
    }
  }
  for (const env of ['Prod', 'Dev'] as const) {
    const of = sending.filter((t) => t.envType === env);
    if (!of.length) continue;
    lines.push('', `### ${env}: ${plural(of.length, 'task')}`, '', '| Task | Field | Now | Patched |', '| --- | --- | --- | --- |');
    for (const t of of) for (const c of changed(t)) {
      lines.push(`| ${t.id} | ${c.path} | ${cell(c.current)}${words(c.path, c.current, p.weekdays)} | ${cell(c.patched)}${words(c.path, c.patched, p.weekdays)} |`);
    }
  }
  if (!sending.length) lines.push('', 'Nothing would be sent.');
  return `${lines.join('\n')}\n`;
}

function changed(t: PlanFileTask): PlanFileTask['changes'] {
  return t.changes.filter((c) => c.changed);
}
