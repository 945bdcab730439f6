// The server-side task filter: each field maps to a ListTasks parameter, so a filter never hides
// tasks merely because they were not loaded yet.
import * as vscode from 'vscode';
import type { ListTasksQuery } from '../../dataworks/types';
import { ui } from '../util/ui';

export interface TaskFilter {
  Name?: string;
  Owner?: string;
  TaskType?: string;
  TriggerType?: 'Scheduler' | 'Manual';
}

export const FILTER_KEYS = ['Name', 'Owner', 'TaskType', 'TriggerType'] as const;

export function isEmptyFilter(f: TaskFilter): boolean {
  return FILTER_KEYS.every((k) => !f[k]);
}

/** The ListTasks parameters of a filter (only the fields that are set). */
export function filterQuery(f: TaskFilter): Partial<ListTasksQuery> {
  const q: Partial<ListTasksQuery> = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v) (q as Record<string, string>)[k] = v;
  }
  return q;
}

function fieldLabel(k: (typeof FILTER_KEYS)[number]): string {
  switch (k) {
    case 'Name':
      return vscode.l10n.t('name');
    case 'Owner':
      return vscode.l10n.t('owner');
    case 'TaskType':
      return vscode.l10n.t('type');
    case 'TriggerType':
      return vscode.l10n.t('trigger');
  }
}

/** The view description: "name: sales, owner: 1234". */
export function describeFilter(f: TaskFilter): string {
  return FILTER_KEYS.filter((k) => f[k])
    .map((k) => `${fieldLabel(k)}: ${f[k]}`)
    .join(', ');
}

/** Normalizes a filter handed to the command (tests, scripts): unknown keys and blanks dropped. */
export function sanitizeFilter(raw: unknown): TaskFilter | undefined {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return undefined;
  const r = raw as Record<string, unknown>;
  const f: TaskFilter = {};
  for (const k of ['Name', 'Owner', 'TaskType'] as const) {
    if (typeof r[k] === 'string' && r[k].trim()) f[k] = r[k].trim();
  }
  if (r.TriggerType === 'Scheduler' || r.TriggerType === 'Manual') f.TriggerType = r.TriggerType;
  return f;
}

/** The interactive flow: pick a field, enter its value; repeat until "Apply". */
export async function promptFilter(current: TaskFilter): Promise<TaskFilter | undefined> {
  const next: TaskFilter = { ...current };
  for (;;) {
    type Item = vscode.QuickPickItem & { key?: (typeof FILTER_KEYS)[number]; action?: 'apply' | 'clear' };
    const items: Item[] = [
      { label: `$(check) ${vscode.l10n.t('Apply filter')}`, description: describeFilter(next) || vscode.l10n.t('no filter'), action: 'apply' },
      ...FILTER_KEYS.map((k) => ({ label: fieldLabel(k), description: next[k] ?? '', key: k })),
      { label: `$(clear-all) ${vscode.l10n.t('Clear all')}`, action: 'clear' },
    ];
    const pick = await ui().showQuickPick(items, {
      title: vscode.l10n.t('DataWorks: Filter Tasks (applied by the service)'),
      placeHolder: vscode.l10n.t('Choose a field to set, then Apply filter'),
    });
    if (!pick) return undefined;
    if (pick.action === 'apply') return next;
    if (pick.action === 'clear') return {};
    if (pick.key === 'TriggerType') {
      const t = await ui().showQuickPick(
        [
          { label: vscode.l10n.t('Any'), value: undefined },
          { label: 'Scheduler', value: 'Scheduler' as const },
          { label: 'Manual', value: 'Manual' as const },
        ],
        { title: vscode.l10n.t('Trigger type') },
      );
      if (t) next.TriggerType = t.value;
    } else if (pick.key) {
      const key = pick.key;
      const prompts: Record<typeof key, string> = {
        Name: vscode.l10n.t('Task name contains (matched by the service)'),
        Owner: vscode.l10n.t('Owner account id'),
        TaskType: vscode.l10n.t('Task type, e.g. ODPS_SQL, SHELL, DIDE_SHELL'),
      };
      const v = await ui().showInputBox({ prompt: prompts[key], value: next[key] ?? '' });
      if (v !== undefined) next[key] = v.trim() || undefined;
    }
  }
}
