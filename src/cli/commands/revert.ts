// `dwtasks revert JOURNAL [--out FILE]`: the patch that puts back the before-values of every task a
// run's journal shows as sent or possibly sent, however the run ended (finished, failed, cancelled,
// killed). Reads only the journal; sends nothing. Apply the patch it writes like any other.
import { readFile } from 'node:fs/promises';
import { existsSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { formatRevert, revertFromJournal } from '../../core/apply/revert';
import { summarizeJournal } from '../../core/apply/journal';
import { parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import type { CliCommand, CliIO } from '../io';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks revert JOURNAL [--out FILE]

Writes the patch that puts back the values read before the run of JOURNAL, for every task the journal
shows as sent or possibly sent (succeeded or unknown), however the run ended. Sends nothing.
  --out FILE   Write the patch to FILE, a new file (default: standard output)
Exit: 0 written, 1 nothing to revert (nothing was sent), 2 usage or an unreadable journal.
`;

const OPTIONS = {
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const revertCommand: CliCommand = {
  summary: 'Write the patch that undoes a run, from its journal',
  run: (args, io) => runWithExitCodes('revert', HELP, args, io, () => revert(args, io)),
};

async function revert(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? translate(locale, 'give exactly one JOURNAL') : translate(locale, 'missing JOURNAL'));
  const journal = positionals[0];
  let text: string;
  try {
    text = await readFile(journal, 'utf8');
  } catch (e) {
    throw new UsageError(translate(locale, '{0}: cannot read the journal ({1})', [journal, (e as NodeJS.ErrnoException).code ?? (e as Error).message]));
  }
  const summary = summarizeJournal(text);
  if (!summary.plan) throw new UsageError(translate(locale, '{0}: not an apply journal (no plan record)', [journal]));
  const plan = revertFromJournal(text, basename(journal));
  const c = summary.counts;
  const counts = [journal, c.succeeded, c.unknown, c.failed, c.notSent, summary.end?.status ?? ''];
  io.stderr.write(`${summary.end ? translate(locale, '{0}: run {5}; {1} succeeded, {2} unknown, {3} failed, {4} not sent.', counts) : translate(locale, '{0}: the run did not finish; {1} succeeded, {2} unknown, {3} failed, {4} not sent.', counts)}\n`);
  if (!plan || !plan.request.Tasks.length) {
    io.stderr.write(`${plan?.skipped.length ? translate(locale, 'Nothing can be reverted: {0}', [plan.request.Comment ?? '']) : translate(locale, 'Nothing to revert: no task was sent.')}\n`);
    return 1;
  }
  const patch = formatRevert(plan);
  if (values.out) {
    if (existsSync(values.out)) throw new UsageError(translate(locale, '{0} already exists; give a new file', [values.out]));
    writeFileSync(values.out, patch);
    io.stderr.write(`${translate(locale, 'Revert patch of {0}: {1}', [count(locale, plan.request.Tasks.length, 'task'), values.out])}\n`);
  } else {
    io.stdout.write(patch);
  }
  if (plan.skipped.length) io.stderr.write(`${translate(locale, "{0} cannot be reverted (no value read before the run); see the patch's Comment.", [count(locale, plan.skipped.length, 'task')])}\n`);
  return 0;
}
