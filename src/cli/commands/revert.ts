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
import { plural } from '../../core/text/plural';

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
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one JOURNAL' : 'missing JOURNAL');
  const journal = positionals[0];
  let text: string;
  try {
    text = await readFile(journal, 'utf8');
  } catch (e) {
    throw new UsageError(`${journal}: cannot read the journal (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const summary = summarizeJournal(text);
  if (!summary.plan) throw new UsageError(`${journal}: not an apply journal (no plan record)`);
  const plan = revertFromJournal(text, basename(journal));
  const c = summary.counts;
  io.stderr.write(`${journal}: ${summary.end ? `run ${summary.end.status}` : 'the run did not finish'}; ${c.succeeded} succeeded, ${c.unknown} unknown, ${c.failed} failed, ${c.notSent} not sent.\n`);
  if (!plan || !plan.request.Tasks.length) {
    io.stderr.write(plan?.skipped.length ? `Nothing can be reverted: ${plan.request.Comment}\n` : 'Nothing to revert: no task was sent.\n');
    return 1;
  }
  const patch = formatRevert(plan);
  if (values.out) {
    if (existsSync(values.out)) throw new UsageError(`${values.out} already exists; give a new file`);
    writeFileSync(values.out, patch);
    io.stderr.write(`Revert patch of ${plural(plan.request.Tasks.length, 'task')}: ${values.out}\n`);
  } else {
    io.stdout.write(patch);
  }
  if (plan.skipped.length) io.stderr.write(`${plural(plan.skipped.length, 'task')} cannot be reverted (no value read before the run); see the patch's Comment.\n`);
  return 0;
}
