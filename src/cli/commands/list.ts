// `dwtasks list --project ID`: every task of a project (all pages), as a table or JSON (ids exact).
// Without --project: the account's projects, so a newcomer can find the id to ask for.
import { DEFAULT_RPS } from '../../core/apply/plan';
import { readLimiter } from '../../core/listing/rate';
import type { EnvType } from '../../core/patch/model';
import { collectAll } from '../../dataworks/client';
import type { Task } from '../../dataworks/types';
import { numberOption, parseCommandArgs, UsageError, projectIdOption } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { progressOnStderr } from '../read-progress';
import { formatTable } from '../table';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks list [--project ID] [options]

Lists the tasks of a project (every page); without --project, the account's projects.
${CONNECTION_HELP}
  --project ID      Project id (digits)
  --env Prod|Dev    Environment (default Prod)
  --name TEXT       Only tasks whose name contains TEXT (the service's fuzzy match)
  --rps N           At most N read requests per second (default ${DEFAULT_RPS}); pages in parallel
                    at that rate, progress on stderr when it takes longer than a second
  --json            A JSON array of tasks (or projects), ids as strings
Exit: 0 ok, 2 usage, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string' },
  env: { type: 'string' },
  name: { type: 'string' },
  rps: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Page size of ListTasks: 100 is the largest the API documents for its list calls. */
const PAGE_SIZE = 100;

export const listCommand: CliCommand = {
  summary: 'List the tasks of a project',
  run: (args, io) => runWithExitCodes('list', HELP, args, io, () => list(args, io)),
};

async function list(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length) throw new UsageError(translate(locale, "unexpected argument '{0}'", [positionals[0]]));
  if (values.project !== undefined) projectIdOption(values.project, locale);
  if (values.env !== undefined && values.env !== 'Prod' && values.env !== 'Dev') throw new UsageError(translate(locale, "--env must be Prod or Dev, got '{0}'", [values.env]));
  const env = (values.env ?? 'Prod') as EnvType;
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const conn = connect(values, io.env);
  const limiter = readLimiter(rps);
  if (values.project === undefined) {
    if (values.env !== undefined || values.name !== undefined) throw new UsageError(translate(locale, '--env and --name filter tasks: give --project ID too'));
    const progress = progressOnStderr(io, rps, 'projects');
    const projects = await collectAll((page, request) => conn.client.listProjects({ PageNumber: page, PageSize: PAGE_SIZE }, request), {
      limiter, onProgress: (p) => progress.update({ callsDone: p.pagesDone, callsTotal: p.pagesTotal, items: p.items, totalItems: p.totalCount }),
    });
    progress.finish();
    if (values.json) io.stdout.write(JSON.stringify(projects) + '\n');
    else {
      io.stdout.write(formatTable(['ID', 'NAME', 'DISPLAY NAME'], projects.map((p) => [p.Id, p.Name, p.DisplayName ?? ''])));
      io.stderr.write(`${translate(locale, "{0}. List a project's tasks with --project ID.", [count(locale, projects.length, 'project')])}\n`);
    }
    return 0;
  }
  const progress = progressOnStderr(io, rps);
  const tasks = await collectAll((page, request) => conn.client.listTasks({
    ProjectId: values.project!, ProjectEnv: env, PageNumber: page, PageSize: PAGE_SIZE, ...(values.name ? { Name: values.name } : {}),
  }, request), { limiter, onProgress: (p) => progress.update({ callsDone: p.pagesDone, callsTotal: p.pagesTotal, items: p.items, totalItems: p.totalCount }) });
  progress.finish();
  if (values.json) {
    io.stdout.write(JSON.stringify(tasks) + '\n');
  } else {
    io.stdout.write(formatTable(['ID', 'NAME', 'TYPE', 'OWNER', 'SCHEDULE'], tasks.map((t) => [t.Id, t.Name ?? '', t.Type ?? '', t.Owner ?? '', schedule(t)])));
    io.stderr.write(`${translate(locale, '{0} in project {1} ({2}).', [count(locale, tasks.length, 'task'), values.project, env])}\n`);
  }
  return 0;
}

function schedule(t: Task): string {
  const tr = t.Trigger;
  if (!tr) return '';
  if (tr.Type === 'Manual') return 'Manual';
  return `${tr.Cron ?? ''}${tr.Recurrence && tr.Recurrence !== 'Normal' ? ` (${tr.Recurrence})` : ''}`;
}
