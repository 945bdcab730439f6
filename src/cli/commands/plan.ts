// `dwtasks plan FILE [--out PLAN] [--format text|markdown|json]`: the first phase of apply on its own.
// Reads the current values (the same gate and reads as apply) and shows per task what would change,
// what is unchanged (not sent), what cannot be read; --out saves the plan for `dwtasks apply PLAN`,
// which then sends exactly that patch to that target, holding back tasks changed since. Sends nothing.
import { existsSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_RPS, MAX_BATCH_SIZE, buildPreview, formatPlanFile, planPatch, renderPlanMarkdown, renderPreview, toPlanFile,
} from '../../core/apply/index';
import { numberOption, parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { WEEKDAYS_HELP, weekdaysOption } from '../weekdays';
import { readPatchText, refusalError } from '../patch-file';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const FORMATS = ['text', 'markdown', 'json'] as const;

const HELP = `Usage: dwtasks plan FILE [options]

Reads the current values of what FILE sets and shows the plan: per task the fields that change
(current -> patched, crons in words), the tasks already at the patched values (not sent), the tasks
that cannot be read, and the calls. Sends no change.
${CONNECTION_HELP}
  --project ID      Project(s) holding the tasks (repeatable; default: all projects of the account)
  --rps N           Requests per second (default ${DEFAULT_RPS})
  --batch-size N    Tasks per call the plan counts with, 1-${MAX_BATCH_SIZE} (default ${DEFAULT_BATCH_SIZE})
  --out PLAN        Save the plan (JSON, a new file) for \`dwtasks apply PLAN\`
  --format F        text (default), markdown (the review text for a pull request) or json (the plan file)
  --json            The same as --format json
${WEEKDAYS_HELP}
Exit: 0 planned, 1 some tasks cannot be read, 2 invalid input or usage, 3 auth/network/quota.
\`dwtasks diff\` is the same command, with exit 0 when nothing would change and 1 when something would.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string', multiple: true },
  rps: { type: 'string' },
  'batch-size': { type: 'string' },
  out: { type: 'string' },
  format: { type: 'string' },
  json: { type: 'boolean' },
  weekdays: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const planCommand: CliCommand = {
  summary: 'Plan a patch: read current values, show what would change; --out saves it for apply',
  run: (args, io) => runWithExitCodes('plan', HELP, args, io, () => plan(args, io, 'plan')),
};

/** `diff` is an alias of plan whose exit code says whether anything would change. */
export const diffCommand: CliCommand = {
  summary: 'Show the plan of a patch: what would change, what already matches (alias of plan)',
  run: (args, io) => runWithExitCodes('diff', HELP, args, io, () => plan(args, io, 'diff')),
};

async function plan(args: string[], io: CliIO, as: 'plan' | 'diff'): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? translate(locale, 'give exactly one FILE') : translate(locale, 'missing FILE'));
  const format = values.format ?? (values.json ? 'json' : 'text');
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(translate(locale, "--format must be {0}, got '{1}'", [FORMATS.join(', '), format]));
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const batchSize = numberOption(values['batch-size'], 'batch-size', DEFAULT_BATCH_SIZE, { integer: true, min: 1, max: MAX_BATCH_SIZE }, locale);
  if (values.out && existsSync(values.out)) throw new UsageError(translate(locale, '{0} already exists; a plan is always a new file', [values.out]));
  const file = positionals[0];
  const text = await readPatchText(file, locale);
  const conn = connect(values, io.env);
  const weekdays = weekdaysOption(values.weekdays, locale);
  const out = await planPatch({ text, file, weekdays, locale }, conn.client, { rps, batchSize, projectIds: values.project });
  if (out.kind === 'refused') throw refusalError(out.verdict);
  if (out.kind === 'not-sent') {
    const hint = out.message.startsWith('Listing') ? ` ${translate(locale, 'Name the projects with --project ID.')}` : '';
    throw Object.assign(new Error(`${out.message}${hint}`), { kind: out.error.kind ?? 'server' });
  }
  const saved = toPlanFile(out.plan, { file, patchText: out.verdict.text, weekdays, target: { endpoint: conn.target.endpoint ?? conn.client.endpoint, ...(conn.target.region ? { region: conn.target.region } : {}) } });
  if (values.out) writeFileSync(values.out, formatPlanFile(saved), { flag: 'wx' });
  if (format === 'json') io.stdout.write(formatPlanFile(saved));
  else if (format === 'markdown') io.stdout.write(renderPlanMarkdown(saved));
  else io.stdout.write(renderPreview(buildPreview(out.plan, { entries: out.plan.before, calls: out.plan.readCalls }), { file, weekdays, locale }));
  const saving = values.out ? ` ${translate(locale, 'Plan saved: {0} (apply it with dwtasks apply {0}).', [values.out])}` : '';
  io.stderr.write(`${translate(locale, '{0}; nothing was sent.', [count(locale, out.plan.readCalls, 'readCall')])}${saving}\n`);
  const unreadable = saved.tasks.some((t) => t.error !== undefined);
  return unreadable || (as === 'diff' && saved.tasks.some((t) => t.changes.some((c) => c.changed))) ? 1 : 0;
}
