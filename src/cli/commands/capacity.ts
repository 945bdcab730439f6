// `dwtasks capacity (FILE | --project ID)`: how many CUs each resource group needs, slot by slot,
// from the tasks' fire times and their past runs' durations; before and after a patch. Reads only.
import { basename } from 'node:path';
import { checkWritable, writeFileAtomic } from '../../files/write-report';
import { DEFAULT_RPS, MAX_BATCH_SIZE, TokenBucket, gateAndPlan } from '../../core/apply/index';
import { taskKey } from '../../core/apply/fields';
import type { PlannedTask } from '../../core/apply/plan';
import {
  capacityJson, durationsByTask, SPEC_ASSUMPTION, renderCapacityHtml, renderCapacityText, renderComparison, type GroupCapacity,
} from '../../core/capacity/index';
import { recentBizdates } from '../../core/history/bizdate';
import { TIMESTAMPS_ASSUMPTION } from '../../core/history/instance-times';
import type { EnvType } from '../../core/patch/model';
import {
  MAX_DAYS, patchedTask, projectTasks, type ScheduleTask,
} from '../../core/schedule/index';
import { describeZone } from '../../core/time/regions';
import { capacitySides, DEFAULT_HISTORY_DAYS, groupSpecs, historyTasks, mergeCapacities } from '../../dataworks/capacity-inputs';
import { DEFAULT_HISTORY_CALL_LIMIT, HistoryCallLimitError, planHistoryRead, readHistory, type HistoryScope } from '../../dataworks/history';
import { numberOption, parseCommandArgs, UsageError, projectIdOption } from '../args';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import { runWithExitCodes } from '../exit-codes';
import type { CliCommand, CliIO } from '../io';
import { readPatchText, refusalError } from '../patch-file';
import { weekdaysOption } from '../weekdays';
import { effectiveRegion, TZ_HELP } from '../zone';
import { PICTURE_OPTIONS, windowOptions } from '../window-options';
import { plural } from '../../core/text/plural';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const MAX_HISTORY_DAYS = 31;

const HELP = `Usage: dwtasks capacity --project ID [--env Prod|Dev] [options]
       dwtasks capacity FILE --project ID [--env Prod|Dev] [options]

How many CUs each resource group needs, slot by slot: for every task of the project, its CU
(RuntimeResource.Cu) times the seconds its runs (the median of its successful runs in the history)
spend in each slot, over the slot. With FILE, before and after the patch (its crons, groups and
CUs over the project's tasks). The run history (ListTaskInstances) is read day by day, cached in
.dwtasks/history/, and the number of calls is said before reading. Sends no change.
${CONNECTION_HELP}
  --project ID        The project whose tasks, history and groups are pictured (required)
  --env Prod|Dev      Its environment (default Prod)
  --from WHEN         Window start: ISO date/time or epoch seconds (default: 00:00 today in the zone)
  --days N            Window length in days (default 7, at most ${MAX_DAYS})
  --history N         Past run days to read durations from (default ${DEFAULT_HISTORY_DAYS}, at most ${MAX_HISTORY_DAYS})
  --slot MIN          Slot size in minutes (default 15)
  --capacity G=CU     A resource group's capacity in CUs (repeat for several groups)
  --max-calls N       Refuse a history read that takes more calls than N (default ${DEFAULT_HISTORY_CALL_LIMIT})
  --workspace DIR     Folder whose .dwtasks/history/ caches the run history (default: the current one)
${TZ_HELP}
  --weekdays N        Day-of-week numbering: dataworks (default) or quartz
  --rps N             Read requests per second (default ${DEFAULT_RPS})
  --json              {"zone","from","to","slotMinutes","groups":[{"id","capacityCu","slots","peakCu","peakAt"}],
                      "tasks":[{"id","name","group","cu","durationSec","p90Sec","runs","fires"}],"withoutHistory":[ids]};
                      with FILE {"before":...,"after":...}
  --html FILE         Also write a self-contained HTML page to FILE
  --force             Replace FILE of --html if it exists (a symbolic link there is replaced, not followed)
Exit: 0 ok, 2 usage, invalid patch or a read above --max-calls, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  ...PICTURE_OPTIONS,
  project: { type: 'string' },
  env: { type: 'string' },
  history: { type: 'string' },
  slot: { type: 'string' },
  capacity: { type: 'string', multiple: true },
  'max-calls': { type: 'string' },
  workspace: { type: 'string' },
  force: { type: 'boolean' },
} as const;

export const capacityCommand: CliCommand = {
  summary: 'Show how many CUs each resource group needs, slot by slot, before and after a patch',
  run: (args, io) => runWithExitCodes('capacity', HELP, args, io, () => capacity(args, io)),
};

/** `--capacity G=CU` (repeatable) -> capacity per group. */
export function parseCapacities(values: readonly string[] | undefined): Map<string, GroupCapacity> {
  const out = new Map<string, GroupCapacity>();
  for (const v of values ?? []) {
    const m = /^(.+)=(\d+(?:\.\d+)?)$/.exec(v.trim());
    if (!m || !(Number(m[2]) > 0)) throw new UsageError(`--capacity takes GROUP=CU with CU a positive number, got '${v}'`);
    out.set(m[1], { cu: Number(m[2]), source: 'user' });
  }
  return out;
}

async function capacity(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length > 1) throw new UsageError(translate(locale, 'give at most one FILE'));
  const file = positionals[0];
  if (values.project === undefined) throw new UsageError(file ? translate(locale, "FILE needs --project ID: the history and the groups' other tasks come from the project") : translate(locale, 'give --project ID'));
  projectIdOption(values.project, locale);
  if (values.env !== undefined && values.env !== 'Prod' && values.env !== 'Dev') throw new UsageError(translate(locale, "--env must be Prod or Dev, got '{0}'", [values.env]));
  const env = (values.env ?? 'Prod') as EnvType;
  const weekdays = weekdaysOption(values.weekdays, locale);
  const historyDays = numberOption(values.history, 'history', DEFAULT_HISTORY_DAYS, { integer: true, min: 1, max: MAX_HISTORY_DAYS }, locale);
  const maxCalls = numberOption(values['max-calls'], 'max-calls', DEFAULT_HISTORY_CALL_LIMIT, { integer: true, min: 0 }, locale);
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const userCapacities = parseCapacities(values.capacity);
  const { clock, window } = windowOptions(values, { flag: 'slot', value: values.slot, default: 15 }, 7, effectiveRegion(values, io.env));
  const zone = clock.zone;
  if (values.html !== undefined) checkWritable(values.html, { force: values.force === true }); // before any read
  // The patch is checked before anything is read: an invalid one exits 2 with its findings.
  const patch = file ? gateAndPlan({ text: await readPatchText(file, locale), file, weekdays, locale }, MAX_BATCH_SIZE) : undefined;
  if (patch?.kind === 'refused') throw refusalError(patch.verdict);

  const conn = connect(values, io.env);
  const limiter = new TokenBucket(rps);
  const before = await projectTasks(conn.client, values.project, env, { beforeCall: () => limiter.acquire() });
  io.stderr.write(`${translate(locale, 'Read {0} of project {1} ({2}) from {3}.', [count(locale, before.length, 'task'), values.project, env, conn.describe])}\n`);
  const after = patch ? overlay(before, patch.plan.tasks, file!, values.project, env) : undefined;
  // Capacities: what the groups' specs state, then --capacity over them.
  const specs = await groupSpecs(conn.client, values.project, limiter);
  const capacities = mergeCapacities(specs, userCapacities);
  if (specs.size) io.stderr.write(`Capacity from the spec of ${plural(specs.size, 'group')} (${SPEC_ASSUMPTION}).\n`);

  // The history: complete run days before today; what the cache lacks costs calls, said before.
  const scope: HistoryScope = {
    projectId: values.project, env, tasks: historyTasks(before),
    bizdates: recentBizdates(Date.now(), historyDays, zone), zone, weekdays, workspaceDir: values.workspace ?? '.',
  };
  const plan = planHistoryRead(scope, conn.client.endpoint);
  const missing = plan.days.filter((d) => !d.cached).length;
  const history = [count(locale, historyDays, 'day'), historyDays - missing, plan.cachePath, count(locale, missing, 'day'), count(locale, plan.calls, 'call'), maxCalls];
  io.stderr.write(`${missing ? translate(locale, 'Run history: {0}, {1} cached in {2}; reading {3} takes at least {4} of ListTaskInstances (limit {5}).', history)
    : translate(locale, 'Run history: {0}, {1} cached in {2}; no call needed.', history)}\n`);
  if (plan.calls > maxCalls) throw Object.assign(new Error(`${new HistoryCallLimitError(plan, maxCalls).message} (--max-calls, --history)`), { kind: 'parameter' });
  const read = await readHistory(scope, { client: conn.client, maxCalls, limiter });
  if (missing) io.stderr.write(`${translate(locale, 'Read {0} of run history in {1}.', [count(locale, missing, 'day'), count(locale, read.calls, 'call')])}\n`);
  const durations = durationsByTask(read.instances);

  const pictures = capacitySides(after ? [before, after] : [before], window, { weekdays, durations, capacities });
  const b = pictures[0]!;
  const a = pictures[1];
  const zoneLine = describeZone(clock);
  io.stderr.write(`Times in ${zoneLine}. Durations: ${TIMESTAMPS_ASSUMPTION}.\n`);
  const what = `Capacity of project ${values.project} (${env})`;
  if (values.html !== undefined) {
    const sides = a ? [{ label: 'Before', picture: b }, { label: `After ${basename(file!)}`, picture: a }] : [{ label: '', picture: b }];
    writeFileAtomic(values.html, renderCapacityHtml(sides, what, zoneLine), { force: values.force === true });
    io.stderr.write(`${translate(locale, 'Wrote {0}.', [values.html])}\n`);
  }
  if (values.json) {
    io.stdout.write(JSON.stringify(a ? { before: capacityJson(b), after: capacityJson(a) } : capacityJson(b)) + '\n');
  } else if (a) {
    io.stdout.write(renderComparison(b, a) + '\n' + renderCapacityText(b, `${what}, before ${file}`, zoneLine) + '\n' + renderCapacityText(a, `${what}, after ${file}`, zoneLine));
  } else {
    io.stdout.write(renderCapacityText(b, what, zoneLine));
  }
  return 0;
}

/** The project's tasks with the patch's over them; a patched task not in the project is an error naming it. */
function overlay(before: readonly ScheduleTask[], planned: readonly PlannedTask[], file: string, project: string, env: EnvType): ScheduleTask[] {
  const byKey = new Map(before.map((t, i) => [taskKey(t.id, t.env), i]));
  const after = [...before];
  for (const p of planned) {
    const i = byKey.get(taskKey(p.task.Id, p.env));
    if (i === undefined) throw new UsageError(`${file}: Tasks[${p.index}] (task ${p.task.Id}, ${p.env}): not a task of project ${project} (${env}); picture its own project, or remove it`);
    after[i] = patchedTask(p.task, p.env, p.index, before[i]);
  }
  return after;
}
