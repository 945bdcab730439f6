// Preview as a plan, not a raw JSON diff: tasks that cannot be read first, then per task the fields
// that change (`current -> patched`, crons also in words), then the fields already at the patched
// value, apart and counted. `dwtasks diff` prints this text and the editor's Preview shows it.
import { describeCron } from '../cron/describe';
import type { WeekdayNumbering } from '../cron/weekdays';
import type { EnvType } from '../patch/model';
import { translate, type Locale, type Messages } from '../text/l10n';
import type { BeforeState } from './before-state';
import { fieldChanges, taskKey, type FieldChange } from './fields';
import type { ApplyPlan } from './plan';
import type { TaskState } from './service';

export interface TaskPreview {
  index: number;
  id: string;
  envType: EnvType;
  /** Why the task's current values could not be read (e.g. it does not exist in this environment). */
  error?: string;
  /** Every field the patch sets, in the patch's order. */
  fields: FieldChange[];
  /** Those that would change (for an unreadable task: every field, as nothing is known). */
  changes: FieldChange[];
  same: FieldChange[];
}

export interface PatchPreview {
  tasks: TaskPreview[];
  unreadable: TaskPreview[];
  changing: TaskPreview[];
  fieldsChanging: number;
  fieldsSame: number;
  calls: number;
}

export function buildPreview(plan: ApplyPlan, state: BeforeState): PatchPreview {
  const tasks = plan.tasks.map((t): TaskPreview => {
    const entry = state.entries.get(taskKey(t.task.Id, t.env));
    const all = fieldChanges(t.task, entry?.values as TaskState | undefined);
    const readable = !!entry?.values;
    const base = { index: t.index, id: t.task.Id, envType: t.env };
    if (!readable) return { ...base, error: entry?.error ?? 'not read', fields: all, changes: all, same: [] };
    return { ...base, fields: all, changes: all.filter((c) => c.changed), same: all.filter((c) => !c.changed) };
  });
  const unreadable = tasks.filter((t) => t.error !== undefined);
  const changing = tasks.filter((t) => t.error === undefined && t.changes.length > 0);
  return {
    tasks, unreadable, changing,
    fieldsChanging: changing.reduce((n, t) => n + t.changes.length, 0),
    fieldsSame: tasks.reduce((n, t) => n + t.same.length, 0),
    calls: state.calls,
  };
}

/** English; the Chinese is in the l10n bundle. Counts pick the "1 task" or "{0} tasks" key. */
const PLAN_MESSAGES = {
  title: 'Plan for {0}',
  summary: '{0} of {1} would change, {2} in all',
  oneTask: '1 task',
  tasks: '{0} tasks',
  oneField: '1 field',
  fields: '{0} fields',
  oneUnreadable: '1 task cannot be read',
  unreadableCount: '{0} tasks cannot be read',
  oneSame: '1 field already has the patched value',
  sameCount: '{0} fields already have the patched value',
  unreadable: 'Cannot be read ({0}):',
  changes: 'Changes ({0}, {1}):',
  same: 'Would not change ({0} already at the patched value):',
  task: 'Task {0} ({1})',
  taskCannotRead: 'Task {0} ({1}): cannot read: {2}',
  clauses: '{0}; {1}',
  sentence: '{0}.',
  wouldSet: 'the patch would set',
  notSet: '(not set)',
  nothing: 'Nothing would change.',
} as const satisfies Messages;

type Key = keyof typeof PLAN_MESSAGES;

export function renderPreview(p: PatchPreview, opts: { file: string; locale?: Locale; weekdays?: WeekdayNumbering }): string {
  const locale = opts.locale ?? 'en';
  const w = (key: Key, ...args: (string | number)[]) => translate(locale, PLAN_MESSAGES[key], args);
  const count = (n: number, one: Key, many: Key) => (n === 1 ? w(one) : w(many, n));
  const tasks = (n: number) => count(n, 'oneTask', 'tasks');
  const fields = (n: number) => count(n, 'oneField', 'fields');
  const show = (v: unknown) => (v === undefined ? w('notSet') : JSON.stringify(v));
  const lines: string[] = [];
  const clauses = [w('summary', p.changing.length, tasks(p.tasks.length), fields(p.fieldsChanging))];
  if (p.unreadable.length) clauses.push(count(p.unreadable.length, 'oneUnreadable', 'unreadableCount'));
  if (p.fieldsSame) clauses.push(count(p.fieldsSame, 'oneSame', 'sameCount'));
  lines.push(w('title', opts.file), w('sentence', clauses.reduce((a, b) => w('clauses', a, b))));
  if (p.unreadable.length) {
    lines.push('', w('unreadable', tasks(p.unreadable.length)));
    for (const t of p.unreadable) {
      lines.push(`  ! ${w('taskCannotRead', t.id, t.envType, t.error ?? '')}`);
      for (const c of t.changes) lines.push(`      ${c.path}: ${w('wouldSet')} ${show(c.patched)}`);
    }
  }
  if (p.changing.length) {
    lines.push('', w('changes', tasks(p.changing.length), fields(p.fieldsChanging)));
    for (const t of p.changing) {
      lines.push(`  ${w('task', t.id, t.envType)}`);
      for (const c of t.changes) {
        lines.push(`    ${c.path}: ${show(c.current)} -> ${show(c.patched)}`);
        const words = cronWords(c, locale, opts.weekdays);
        if (words) lines.push(`      ${words}`);
      }
    }
  } else if (!p.unreadable.length) {
    lines.push('', w('nothing'));
  }
  if (p.fieldsSame) {
    lines.push('', w('same', fields(p.fieldsSame)));
    for (const t of p.tasks) {
      if (!t.same.length) continue;
      lines.push(`  ${w('task', t.id, t.envType)}`);
      for (const c of t.same) lines.push(`    ${c.path}: ${show(c.patched)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** "At 02:35, only on Friday -> At 04:30, every day" for a cron change; nothing for other fields. */
function cronWords(c: FieldChange, locale: Locale, weekdays: WeekdayNumbering | undefined): string | undefined {
  if (c.path !== 'Trigger.Cron' || typeof c.patched !== 'string') return undefined;
  const after = describeCron(c.patched, locale, { weekdays });
  return typeof c.current === 'string' ? `${describeCron(c.current, locale, { weekdays })} -> ${after}` : after;
}
