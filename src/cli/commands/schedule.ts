// `dwtasks schedule FILE | --project ID`: when the tasks fire over a window, per slot and per
// resource group, with the peaks named. Reads only; sends no change.
import { checkWritable, writeFileAtomic } from '../../files/write-report';
import { DEFAULT_RPS, MAX_BATCH_SIZE, TokenBucket, gateAndPlan, readCurrentValues } from '../../core/apply/index';
import type { EnvType } from '../../core/patch/model';
import {
  DEFAULT_DAYS, DEFAULT_SLOT_MINUTES, MAX_DAYS, computePicture,
  SCHEDULE_FIELDS, patchSides, pictureJson, projectTasks, renderHtml, renderText, withoutBaseline, type ScheduleTask,
} from '../../core/schedule/index';
import { numberOption, parseCommandArgs, UsageError, projectIdOption } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { readPatchText, refusalError } from '../patch-file';
import { weekdaysOption } from '../weekdays';
import { effectiveRegion, TZ_HELP } from '../zone';
import { PICTURE_OPTIONS, windowOptions } from '../window-options';
import { describeZone } from '../../core/time/regions';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks schedule FILE [options]
       dwtasks schedule --project ID [--env Prod|Dev] [options]

When the tasks fire over a window, counted per slot, overall and per resource group, with the
peaks named. For a patch: each task's patched Trigger.Cron; with a connection (--endpoint, --region
or --profile) the tasks without a Cron in the patch use their current one, without a connection
they are listed as skipped. For a project: every task of it. Sends no change.
${CONNECTION_HELP}
  --project ID      Every task of this project (instead of FILE)
  --env Prod|Dev    The project's environment (default Prod)
  --from WHEN       Window start: ISO date/time (wall clock in the zone unless it has an offset) or
                    epoch seconds (default: 00:00 today in the zone)
  --days N          Window length in days (default ${DEFAULT_DAYS}, at most ${MAX_DAYS})
${TZ_HELP}
  --slot-minutes M  Slot size (default ${DEFAULT_SLOT_MINUTES}; divides 60 or is a multiple of 60 that divides a day)
  --weekdays N      Day-of-week numbering: dataworks (1 = Monday, 0/7 = Sunday; default) or quartz (1 = Sunday)
  --rps N           Read requests per second (default ${DEFAULT_RPS})
  --json            {"zone","from","to","slotMinutes","slots":[{"start","fires"}],"tasks":[{"id","fires"}],"skipped":[ids]}
  --html FILE       Also write a self-contained HTML page (inline SVG, no network) to FILE
  --force           Replace FILE of --html if it exists (a symbolic link there is replaced, not followed)
Exit: 0 ok, 2 usage or invalid patch, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string' },
  env: { type: 'string' },
  ...PICTURE_OPTIONS,
  'slot-minutes': { type: 'string' },
  force: { type: 'boolean' },
} as const;

export const scheduleCommand: CliCommand = {
  summary: 'Show when the tasks of a patch or a project fire, and where they pile up',
  run: (args, io) => runWithExitCodes('schedule', HELP, args, io, () => schedule(args, io)),
};

async function schedule(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length > 1) throw new UsageError(translate(locale, 'give exactly one FILE'));
  const file = positionals[0];
  if (!file && values.project === undefined) throw new UsageError(translate(locale, 'give a patch FILE or --project ID'));
  if (file && values.project !== undefined) throw new UsageError(translate(locale, 'give either a patch FILE or --project ID, not both'));
  if (values.project !== undefined) projectIdOption(values.project, locale);
  if (values.env !== undefined && values.env !== 'Prod' && values.env !== 'Dev') throw new UsageError(translate(locale, "--env must be Prod or Dev, got '{0}'", [values.env]));
  if (values.env !== undefined && file) throw new UsageError(translate(locale, "--env goes with --project (a patch names each task's EnvType)"));
  const weekdays = weekdaysOption(values.weekdays, locale);
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const { clock, window } = windowOptions(values, { flag: 'slot-minutes', value: values['slot-minutes'], default: DEFAULT_SLOT_MINUTES }, DEFAULT_DAYS, effectiveRegion(values, io.env));
  if (values.html !== undefined) checkWritable(values.html, { force: values.force === true }); // before any read

  const connected = values.project !== undefined || Boolean(values.endpoint || values.region || values.profile);
  let tasks: ScheduleTask[];
  let what: string;
  if (file) {
    // The send gate and the pipeline's reads, as diff: errors exit 2 with the findings, nothing read.
    const input = { text: await readPatchText(file, locale), file, weekdays, locale };
    if (connected) {
      const conn = connect(values, io.env);
      const read = await readCurrentValues(input, conn.client, { rps, alsoRead: SCHEDULE_FIELDS });
      if (read.kind === 'refused') throw refusalError(read.verdict);
      if (read.kind === 'not-read') throw Object.assign(new Error(read.message), { kind: read.error.kind ?? 'server' });
      const sides = patchSides(read.plan, read.state);
      tasks = sides.after;
      io.stderr.write(`${translate(locale, 'Read the current values of {0} in {1} from {2}.', [count(locale, tasks.length, 'task'), count(locale, sides.calls, 'call'), conn.describe])}\n`);
    } else {
      const gated = gateAndPlan(input, MAX_BATCH_SIZE);
      if (gated.kind === 'refused') throw refusalError(gated.verdict);
      tasks = patchSides(gated.plan).after;
    }
    what = `Schedule after ${file}`;
  } else {
    const env = (values.env ?? 'Prod') as EnvType;
    const conn = connect(values, io.env);
    const limiter = new TokenBucket(rps);
    tasks = await projectTasks(conn.client, values.project!, env, { beforeCall: () => limiter.acquire() });
    io.stderr.write(`${translate(locale, 'Read {0} of project {1} ({2}) from {3}.', [count(locale, tasks.length, 'task'), values.project!, env, conn.describe])}\n`);
    what = `Schedule of project ${values.project} (${env})`;
  }

  const picture = computePicture(tasks, window, { weekdays });
  io.stderr.write(`${translate(locale, 'Times in {0}.', [describeZone(clock, '--tz', locale)])}\n`);
  if (values.html !== undefined) {
    writeFileAtomic(values.html, renderHtml(picture, what, withoutBaseline(picture, { weekdays })), { force: values.force === true });
    io.stderr.write(`${translate(locale, 'Wrote {0}.', [values.html])}\n`);
  }
  io.stdout.write(values.json ? JSON.stringify(pictureJson(picture)) + '\n' : renderText(picture));
  return 0;
}
