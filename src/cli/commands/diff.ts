// `dwtasks diff FILE`: the plan the editor's Preview shows. Per task the fields that would change
// (current -> patched, crons in words), the fields already at the patched value apart, tasks that
// cannot be read first. The same gate and the same reads as apply (core pipeline); sends no change.
import { DEFAULT_RPS, buildPreview, readCurrentValues, renderPreview } from '../../core/apply/index';
import { numberOption, parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { WEEKDAYS_HELP, weekdaysOption } from '../weekdays';
import { readPatchText, refusalError } from '../patch-file';

const HELP = `Usage: dwtasks diff FILE [options]

Shows the plan of a patch: per task, the fields that would change (current -> patched), the fields
already at the patched value, and tasks that cannot be read. Sends no change.
${CONNECTION_HELP}
  --project ID      Project(s) holding the tasks (repeatable; default: all projects of the account;
                    if that listing fails nothing is read: name the projects)
  --rps N           Requests per second (default ${DEFAULT_RPS})
  --json            One JSON object: {"tasks":[{"id","envType","changes":[{"path","current","patched","changed"}],"error"}]}
${WEEKDAYS_HELP}
Exit: 0 no differences, 1 some fields differ or tasks cannot be read, 2 invalid input or usage, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string', multiple: true },
  rps: { type: 'string' },
  json: { type: 'boolean' },
  weekdays: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const diffCommand: CliCommand = {
  summary: 'Show the plan of a patch: what would change, what already matches',
  run: (args, io) => runWithExitCodes('diff', HELP, args, io, () => diff(args, io)),
};

async function diff(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one FILE' : 'missing FILE');
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 });
  const file = positionals[0];
  const text = await readPatchText(file);
  const conn = connect(values, io.env);
  const weekdays = weekdaysOption(values.weekdays);
  const read = await readCurrentValues({ text, file, weekdays }, conn.client, { rps, projectIds: values.project });
  if (read.kind === 'refused') throw refusalError(read.verdict);
  if (read.kind === 'not-read') {
    // Rethrow a service error so it maps to exit 3 (or 2 for a parameter) like every command's.
    const hint = read.message.startsWith('Listing') ? ' Name the projects with --project ID.' : '';
    throw Object.assign(new Error(`${read.message}${hint}`), { kind: read.error.kind ?? 'server' });
  }
  const preview = buildPreview(read.plan, read.state);
  if (values.json) {
    const tasks = preview.tasks.map((t) => ({
      id: t.id, envType: t.envType, changes: t.error === undefined ? t.fields : [], error: t.error ?? null,
    }));
    io.stdout.write(JSON.stringify({ tasks }) + '\n');
  } else {
    io.stdout.write(renderPreview(preview, { file, weekdays }));
    io.stderr.write(`${read.state.calls} read call(s); nothing was sent.\n`);
  }
  return preview.unreadable.length || preview.fieldsChanging ? 1 : 0;
}
