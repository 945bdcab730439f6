// `dwtasks pull --project ID ...`: every task a server-side filter matches (all pages, never
// truncated) into a patch with Id, EnvType and only the chosen fields' current values; what was
// pulled goes to a `.dwtasks/pulled/` sidecar so `apply` can warn when someone changed a value since.
import { checkWritable, writeFileAtomic } from '../../files/write-report';
import { checkDwtasksFolder } from '../../files/dwtasks-folder';
import { basename, resolve } from 'node:path';
import { DEFAULT_RPS } from '../../core/apply/plan';
import { readLimiter } from '../../core/listing/rate';
import type { EnvType } from '../../core/patch/model';
import { PULL_FIELDS, UnknownFieldError, resolveFields, splitFieldList } from '../../core/pull/fields';
import { pulledTasks } from '../../core/pull/pulled';
import { writePulledSidecar } from '../../files/pulled-sidecar';
import { formatPulledPatch } from '../../core/pull/text';
import { pullTasks, type PullQuery } from '../../dataworks/pull';
import { numberOption, parseCommandArgs, UsageError, projectIdOption } from '../args';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import { runWithExitCodes } from '../exit-codes';
import type { CliCommand, CliIO } from '../io';
import { progressOnStderr } from '../read-progress';
import { plural } from '../../core/text/plural';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks pull --project ID [filters] [--fields F1,F2,...] [--out FILE] [options]

Writes every task the filter matches (all pages) into a patch: Id, EnvType, the task's name as a
comment, and the current value of each field in --fields (none: Id and EnvType only). Edit the
values, then apply the file. The values as pulled are kept in .dwtasks/pulled/ next to the file;
apply warns when one of them was changed in DataWorks since.
${CONNECTION_HELP}
  --project ID              Project id (digits), required
  --env Prod|Dev            Environment (default Prod)
  --name TEXT               Tasks whose name contains TEXT (the service's fuzzy match)
  --owner ID                Tasks owned by this account id
  --type TYPE               Tasks of this type, e.g. ODPS_SQL, DI, DIDE_SHELL
  --trigger Scheduler|Manual  Tasks with this trigger type
  --fields F1,F2,...        Fields to copy, dotted paths allowed (Trigger.Cron, RuntimeResource.ResourceGroupId);
                            an object (Trigger) stands for all its fields. One of:
                            ${PULL_FIELDS.join(', ')}
  --out FILE                The patch to write (default <project>-<env>.dwtasks.json); an existing file
                            is kept unless --force
  --force                   Replace FILE if it exists (a symbolic link there is replaced, not followed)
  --rps N                   At most N read requests per second (default ${DEFAULT_RPS}); progress on stderr
  --json                    Print {"file": "<path>", "count": N, "total": N}
Exit: 0 ok, 2 usage, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string' },
  env: { type: 'string' },
  name: { type: 'string' },
  owner: { type: 'string' },
  type: { type: 'string' },
  trigger: { type: 'string' },
  fields: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean' },
  rps: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const pullCommand: CliCommand = {
  summary: 'Pull the tasks a filter matches into a patch',
  run: (args, io) => runWithExitCodes('pull', HELP, args, io, () => pull(args, io)),
};

async function pull(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length) throw new UsageError(translate(locale, "unexpected argument '{0}'", [positionals[0]]));
  if (values.project === undefined) throw new UsageError(translate(locale, '--project ID is required (list the projects with: dwtasks list)'));
  projectIdOption(values.project, locale);
  if (values.env !== undefined && values.env !== 'Prod' && values.env !== 'Dev') throw new UsageError(translate(locale, "--env must be Prod or Dev, got '{0}'", [values.env]));
  if (values.trigger !== undefined && values.trigger !== 'Scheduler' && values.trigger !== 'Manual') throw new UsageError(translate(locale, "--trigger must be Scheduler or Manual, got '{0}'", [values.trigger]));
  for (const k of ['name', 'owner', 'type'] as const) {
    if (values[k] !== undefined && !values[k].trim()) throw new UsageError(translate(locale, '--{0} needs a value', [k]));
  }
  let leaves: string[];
  try {
    leaves = resolveFields(values.fields === undefined ? [] : splitFieldList(values.fields));
  } catch (e) {
    if (e instanceof UnknownFieldError) throw new UsageError(`--fields: ${e.message}`);
    throw e;
  }
  if (values.fields !== undefined && !leaves.length) throw new UsageError(translate(locale, '--fields needs at least one field: {0}', [PULL_FIELDS.join(', ')]));
  const env = (values.env ?? 'Prod') as EnvType;
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const out = values.out ?? `${values.project}-${env}.dwtasks.json`;
  // Refused before the read (a pull can take minutes); the write itself checks again, atomically.
  checkWritable(out, { force: values.force === true });
  checkDwtasksFolder(out);

  const query: PullQuery = {
    ProjectId: values.project, ProjectEnv: env,
    ...(values.name ? { Name: values.name.trim() } : {}),
    ...(values.owner ? { Owner: values.owner.trim() } : {}),
    ...(values.type ? { TaskType: values.type.trim() } : {}),
    ...(values.trigger ? { TriggerType: values.trigger as 'Scheduler' | 'Manual' } : {}),
  };
  const conn = connect(values, io.env);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort(new Error('cancelled by SIGINT'));
  process.once('SIGINT', onSigint);
  const progress = progressOnStderr(io, rps);
  const started = new Date();
  let result;
  try {
    result = await pullTasks({
      client: conn.client, query, leaves, limiter: readLimiter(rps), signal: controller.signal,
      onProgress: (p) => progress.update(p),
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
  progress.finish();

  const filter = describeQuery(query);
  const text = formatPulledPatch(result.entries, {
    header: [
      `Pulled by dwtasks pull from project ${values.project} (${env}) at ${conn.target.endpoint}, ${started.toISOString()}`,
      `${filter ? `Filter: ${filter}; ` : ''}${plural(result.entries.length, 'task')}; fields: ${leaves.length ? leaves.join(', ') : 'none (Id and EnvType only)'}`,
    ],
  });
  writeFileAtomic(out, text, { force: values.force === true });
  writePulledSidecar(out, pulledTasks(result.entries, started, conn.target.endpoint));

  const leftOut = result.entries.reduce((n, e) => n + e.leftOut.length, 0);
  const pulled = [result.entries.length, count(locale, result.total, 'task'), values.project, env, out, leaves.join(', ')];
  const head = leaves.length ? translate(locale, 'Pulled {0} of {1} of project {2} ({3}) into {4}; fields: {5}', pulled)
    : translate(locale, 'Pulled {0} of {1} of project {2} ({3}) into {4} (Id and EnvType only)', pulled);
  const notPulled = leftOut === 1 ? translate(locale, '1 chosen value not pulled (no value, or no effect on that task: see the comments)')
    : translate(locale, '{0} chosen values not pulled (no value, or no effect on that task: see the comments)', [leftOut]);
  io.stderr.write(`${translate(locale, '{0}.', [leftOut ? translate(locale, '{0}; {1}', [head, notPulled]) : head])}\n`);
  if (!/\.dwtasks\.json$/i.test(basename(out))) io.stderr.write(`${translate(locale, 'Note: {0} does not end in .dwtasks.json, so the editor will not treat it as a patch.', [out])}\n`);
  if (values.json) io.stdout.write(JSON.stringify({ file: resolve(out), count: result.entries.length, total: result.total }) + '\n');
  return 0;
}

function describeQuery(q: PullQuery): string {
  return [
    q.Name ? `name contains ${JSON.stringify(q.Name)}` : '',
    q.Owner ? `owner ${q.Owner}` : '',
    q.TaskType ? `type ${q.TaskType}` : '',
    q.TriggerType ? `trigger ${q.TriggerType}` : '',
  ].filter(Boolean).join(', ');
}
