// Counted nouns of the CLI's own texts, one whole key per number ("1 task", "{0} tasks") as core does:
// English needs the plural, Chinese words it once (个任务 for any count).
import { translate, type Locale, type Messages } from '../core/text/l10n';

const COUNTS = {
  task1: '1 task', taskN: '{0} tasks',
  error1: '1 error', errorN: '{0} errors',
  warning1: '1 warning', warningN: '{0} warnings',
  file1: '1 file', fileN: '{0} files',
  call1: '1 call', callN: '{0} calls',
  readCall1: '1 read call', readCallN: '{0} read calls',
  prodTask1: '1 Prod task', prodTaskN: '{0} Prod tasks',
  value1: '1 value', valueN: '{0} values',
  hour1: '1 hour', hourN: '{0} hours',
  project1: '1 project', projectN: '{0} projects',
  day1: '1 day', dayN: '{0} days',
  group1: '1 group', groupN: '{0} groups',
} as const satisfies Messages;

export type Counted = 'task' | 'error' | 'warning' | 'file' | 'call' | 'readCall' | 'prodTask' | 'value' | 'hour' | 'project' | 'day' | 'group';

/** `n` `unit`s in `locale`: count('en', 3, 'task') is "3 tasks" (the same text as plural()). */
export function count(locale: Locale, n: number, unit: Counted): string {
  return translate(locale, COUNTS[n === 1 ? (`${unit}1` as const) : (`${unit}N` as const)], [n]);
}
