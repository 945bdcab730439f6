// Preview as a plan, not a raw JSON diff: tasks that cannot be read first, then per task the fields
// that change (`current -> patched`, crons also in words), then the fields already at the patched
// value, apart and counted. `dwtasks diff` prints this text and the editor's Preview shows it.
import { describeCron } from '../cron/describe';
import type { WeekdayNumbering } from '../cron/weekdays';
import type { EnvType } from '../patch/model';
import type { Locale } from '../validate/messages';
import type { BeforeState } from './before-state';
import { fieldChanges, taskKey, type FieldChange } from './fields';
import type { ApplyPlan } from './plan';
import type { TaskState } from './service';
import { plural } from '../text/plural';

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

type Words = {
  header(file: string, changing: number, tasks: number, fields: number): string;
  unreadableCount(n: number): string;
  sameCount(n: number): string;
  unreadable(n: number): string;
  changes(tasks: number, fields: number): string;
  same(n: number): string;
  task(id: string, env: string): string;
  taskCannotRead(id: string, env: string, why: string): string;
  /** Between the clauses of the summary line, and after it (Chinese punctuates full-width). */
  join: string;
  end: string;
  wouldSet: string;
  notSet: string;
  nothing: string;
};

const WORDS: Record<Locale, Words> = {
  en: {
    header: (file, changing, tasks, fields) => `Plan for ${file}\n${changing} of ${plural(tasks, 'task')} would change, ${plural(fields, 'field')} in all`,
    unreadableCount: (n) => `${plural(n, 'task')} cannot be read`,
    sameCount: (n) => `${plural(n, 'field')} already ${n === 1 ? 'has' : 'have'} the patched value`,
    unreadable: (n) => `Cannot be read (${plural(n, 'task')}):`,
    changes: (tasks, fields) => `Changes (${plural(tasks, 'task')}, ${plural(fields, 'field')}):`,
    same: (n) => `Would not change (${plural(n, 'field')} already at the patched value):`,
    task: (id, env) => `Task ${id} (${env})`,
    taskCannotRead: (id, env, why) => `Task ${id} (${env}): cannot read: ${why}`,
    join: '; ',
    end: '.',
    wouldSet: 'the patch would set',
    notSet: '(not set)',
    nothing: 'Nothing would change.',
  },
  'zh-cn': {
    header: (file, changing, tasks, fields) => `${file} 的计划\n${tasks} 个任务中 ${changing} 个将变更，共 ${fields} 个字段`,
    unreadableCount: (n) => `${n} 个任务无法读取`,
    sameCount: (n) => `${n} 个字段已是补丁中的值`,
    unreadable: (n) => `无法读取（${n} 个任务）：`,
    changes: (tasks, fields) => `变更（${tasks} 个任务，${fields} 个字段）：`,
    same: (n) => `不会变更（${n} 个字段已是补丁中的值）：`,
    task: (id, env) => `任务 ${id}（${env}）`,
    taskCannotRead: (id, env, why) => `任务 ${id}（${env}）无法读取：${why}`,
    join: '；',
    end: '。',
    wouldSet: '补丁将设置',
    notSet: '（未设置）',
    nothing: '没有任何变更。',
  },
};

export function renderPreview(p: PatchPreview, opts: { file: string; locale?: Locale; weekdays?: WeekdayNumbering }): string {
  const locale = opts.locale ?? 'en';
  const w = WORDS[locale];
  const show = (v: unknown) => (v === undefined ? w.notSet : JSON.stringify(v));
  const lines: string[] = [];
  const extra = [p.unreadable.length ? w.unreadableCount(p.unreadable.length) : '', p.fieldsSame ? w.sameCount(p.fieldsSame) : ''].filter(Boolean);
  lines.push(`${[w.header(opts.file, p.changing.length, p.tasks.length, p.fieldsChanging), ...extra].join(w.join)}${w.end}`);
  if (p.unreadable.length) {
    lines.push('', w.unreadable(p.unreadable.length));
    for (const t of p.unreadable) {
      lines.push(`  ! ${w.taskCannotRead(t.id, t.envType, t.error ?? '')}`);
      for (const c of t.changes) lines.push(`      ${c.path}: ${w.wouldSet} ${show(c.patched)}`);
    }
  }
  if (p.changing.length) {
    lines.push('', w.changes(p.changing.length, p.fieldsChanging));
    for (const t of p.changing) {
      lines.push(`  ${w.task(t.id, t.envType)}`);
      for (const c of t.changes) {
        lines.push(`    ${c.path}: ${show(c.current)} -> ${show(c.patched)}`);
        const words = cronWords(c, locale, opts.weekdays);
        if (words) lines.push(`      ${words}`);
      }
    }
  } else if (!p.unreadable.length) {
    lines.push('', w.nothing);
  }
  if (p.fieldsSame) {
    lines.push('', w.same(p.fieldsSame));
    for (const t of p.tasks) {
      if (!t.same.length) continue;
      lines.push(`  ${w.task(t.id, t.envType)}`);
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
