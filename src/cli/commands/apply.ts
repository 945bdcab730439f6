// `dwtasks apply FILE`: the core apply pipeline (gate, plan, projects, before-state, chunks with a
// journal, revert patch) adapted to a terminal: a prompt for Prod, progress on stderr, a results table.
// Exit 0 all succeeded, 1 some did not (or a local failure after sending), 2 invalid input/usage/refused
// before sending, 3 auth/network/quota.
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_MAX_IN_FLIGHT, DEFAULT_RPS, MAX_BATCH_SIZE, applyPatch, formatDrift, heldForDrift, isPlanText, mergeExpected, parsePlanFile,
  planExpectations, planHeld, PLAN_STALE_MS, targetMismatch, UNCHANGED, type PlanFile, type ApplyOutcome, type ApplyPlan, type ServiceErrorLike, type TaskOutcome,
} from '../../core/apply/index';
import { FileJournal, defaultJournalPath, interruptedLastRun, revertPathFor } from '../../files/journal-file';
import { numberOption, parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect, type Connection } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { WEEKDAYS_HELP, weekdaysOption } from '../weekdays';
import { formatFinding, readPatchText, refusalError } from '../patch-file';
import { pulledExpectations } from '../../core/pull/pulled';
import { advancePulledSidecar, pulledSidecarPath, readPulledSidecar } from '../../files/pulled-sidecar';
import { checkDwtasksFolder } from '../../files/dwtasks-folder';
import { askYesNo } from '../prompt';
import { formatTable } from '../table';
import { escapeControls } from '../../core/text/safe-text';
import { sayIn, translate, type Locale, type Messages, type Say as SayType } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks apply FILE|PLAN [options]

Applies a .dwtasks.json patch with BatchUpdateTasks in two phases: the plan (current values read; tasks
already at their patched values are not sent), then the calls, with a journal and a revert patch both
written before the first write. PLAN (from dwtasks plan --out): the plan's patch, for the plan's target
only; a task changed in DataWorks since the plan (a field it changes) is held back unless --force.
${CONNECTION_HELP}
  --project ID      Project(s) holding the tasks, for batched reads of current values (repeatable;
                    default: every project of the account, found with ListProjects; if that listing
                    fails nothing is sent: name the projects, or use --no-revert)
  --batch-size N    Tasks per call, 1-${MAX_BATCH_SIZE} (default ${DEFAULT_BATCH_SIZE})
  --rps N           Requests per second for the whole run, reads included (default ${DEFAULT_RPS})
  --read-rps N      Count reads apart at N per second, --rps then limits writes only (for editions
                    with separate read and write quotas, e.g. Enterprise: --read-rps 40 --rps 16)
  --in-flight N     BatchUpdateTasks calls in flight at once, 1-8 (default ${DEFAULT_MAX_IN_FLIGHT}); a kill leaves at most N chunks unknown
  --send-unchanged  Send tasks already at their patched values too (default: not sent)
  --timeout MS      How long to wait for each answer (default 30000); a call that gets none stops the run
  --dry-run         Validate, read the current values and show the plan; send nothing
  --yes             Do not ask before changing Prod tasks (required when stdin is not a terminal)
  --force           Send tasks changed in DataWorks since the saved PLAN, or since FILE was pulled (dwtasks
                    pull); without it the plan holds them back (named with the value then and now)
  --no-revert       Skip reading current values (no revert patch; saves the read calls)
  --journal PATH    Journal file, created new (default .dwtasks/journal/<time>-<file>.jsonl next to FILE)
  --json            Print one JSON object with per-task results instead of a table
${WEEKDAYS_HELP}
Exit: 0 all succeeded, 1 some failed/unknown/not sent, 2 invalid input or usage, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string', multiple: true },
  'batch-size': { type: 'string' },
  rps: { type: 'string' },
  'read-rps': { type: 'string' },
  'in-flight': { type: 'string' },
  'dry-run': { type: 'boolean' },
  'send-unchanged': { type: 'boolean' },
  timeout: { type: 'string' },
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'no-revert': { type: 'boolean' },
  journal: { type: 'string' },
  json: { type: 'boolean' },
  weekdays: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** What apply prints for people, in English; the Chinese is in the l10n bundle. */
const APPLY_TEXTS = {
  interruptedRevert: 'The last run of {0} was interrupted (journal {1}); its revert patch: {2}.',
  interrupted: 'The last run of {0} was interrupted (journal {1}); dwtasks revert {1} writes its revert patch.',
  cancelling: 'Cancelling: no further chunk is sent (Ctrl+C again to quit at once).',
  confirm: 'Change {0} at {1}? [y/N] ',
  reading: 'Reading current values...',
  chunk: 'chunk {0}/{1}: {2} succeeded, {3} failed, {4} unknown',
  dryRun: 'Dry run: nothing sent.',
  notTty1: '1 task targets Prod and stdin is not a terminal; re-run with --yes to confirm. Nothing was sent.',
  notTtyN: '{0} tasks target Prod and stdin is not a terminal; re-run with --yes to confirm. Nothing was sent.',
  notConfirmed: 'Not confirmed; nothing was sent.',
  listingHint: 'Name the projects with --project ID, or skip reading current values with --no-revert (no revert patch then).',
  counts: '{0} succeeded, {1} failed, {2} unknown, {3} not sent ({4}).',
  countsUnchanged: '{0} succeeded, {1} failed, {2} unknown, {3} not sent ({5} of them unchanged) ({4}).',
  stopped: 'Stopped: {0}',
  journal: 'Journal: {0}',
  revert: 'Revert patch: {0}',
  unknown: 'Tasks with unknown results may or may not have changed; applying the same file again is safe.',
  journalExists: '{0} already exists; a journal is always a new file',
  mismatch: '{0}: {1}; nothing was sent. Plan again for this target.',
  stale: 'Warning: {0} was planned {1} ago ({2}); tasks changed since are held back, but consider planning again.',
  savedPlan: 'Applying the saved plan {0} (of {1}, planned {2}).',
  plan: 'Plan: {0} of {1} from {2} to send in {3} of up to {4}, at most {5} requests/s',
  planEnv: 'Plan: {0} of {1} from {2} to send ({6}) in {3} of up to {4}, at most {5} requests/s',
  clauses: '{0}; {1}',
  unchangedNotSent: '{0} unchanged, not sent',
  heldBack: '{0} held back',
  readIn: 'Current values read in {0}.',
  task: 'Task {0} ({1}): {2}',
  target: 'Target: {0}',
  drift1: '1 task changed in DataWorks since its values were recorded is held back; re-run with --force to send them anyway.',
  driftN: '{0} tasks changed in DataWorks since their values were recorded are held back; re-run with --force to send them anyway.',
  force1: '--force: applying anyway; 1 value changed in DataWorks since is overwritten:',
  forceN: '--force: applying anyway; {0} values changed in DataWorks since are overwritten:',
  taskId: 'Task {0}',
  pulledSame: 'Pulled values ({0}): none changed in DataWorks since the pull.',
} as const satisfies Messages;

type Say = SayType<typeof APPLY_TEXTS>;
const sayer = (locale: Locale): Say => sayIn(APPLY_TEXTS, locale);

const EXIT_KINDS = new Set<ServiceErrorLike['kind']>(['auth', 'network', 'quota', 'timeout']);

export const applyCommand: CliCommand = {
  summary: 'Apply a patch to DataWorks (chunks, journal, revert patch)',
  run: (args, io) => runWithExitCodes('apply', HELP, args, io, () => apply(args, io)),
};

async function apply(args: string[], io: CliIO): Promise<number> {
  const locale = cliLocale(io.env);
  const say = sayer(locale);
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? translate(locale, 'give exactly one FILE') : translate(locale, 'missing FILE'));
  const batchSize = numberOption(values['batch-size'], 'batch-size', DEFAULT_BATCH_SIZE, { integer: true, min: 1, max: MAX_BATCH_SIZE }, locale);
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const readRps = values['read-rps'] === undefined ? undefined : numberOption(values['read-rps'], 'read-rps', DEFAULT_RPS, { min: 0.01 }, locale);
  const maxInFlight = numberOption(values['in-flight'], 'in-flight', DEFAULT_MAX_IN_FLIGHT, { integer: true, min: 1, max: 8 }, locale);
  const given = positionals[0];
  const raw = await readPatchText(given, locale);
  const timeout = values.timeout === undefined ? undefined : numberOption(values.timeout, 'timeout', 30_000, { integer: true, min: 1 }, locale);
  const journalPath = values.journal ?? defaultJournalPath(given);
  checkDwtasksFolder(given); // journals, revert patches and pulled values go there: never out of the workspace
  if (existsSync(journalPath)) throw new UsageError(say('journalExists', journalPath));
  const conn = connect(values, io.env, undefined, timeout);
  const saved = isPlanText(raw) ? savedPlan(given, raw, conn, io, locale) : undefined;
  if (saved === null) return 2;
  const { text, file, weekdays } = saved ?? { text: raw, file: given, weekdays: weekdaysOption(values.weekdays, locale) };
  const interrupted = interruptedLastRun(given);
  if (interrupted) {
    io.stderr.write(`${interrupted.revert ? say('interruptedRevert', file, interrupted.journal, interrupted.revert) : say('interrupted', file, interrupted.journal)}\n`);
  }
  /** Why confirm() said no: a dry run exits 0; a refusal to touch Prod exits 2. */
  let stopped: 'dry-run' | 'not-tty' | 'declined' | undefined;
  // A pulled value is a before-value recorded at pull time; a saved plan's (recorded later) win.
  const pulled = pulledExpectations(readPulledSidecar(file), conn.client.endpoint);
  const expected = mergeExpected(pulled, saved?.expected);
  const force = values.force === true;

  const controller = new AbortController();
  const onSigint = () => {
    io.stderr.write(`\n${say('cancelling')}\n`);
    process.removeListener('SIGINT', onSigint);
    controller.abort(new Error('cancelled by SIGINT'));
  };
  process.on('SIGINT', onSigint);
  let outcome: ApplyOutcome;
  try {
    outcome = await applyPatch({ text, file, weekdays, locale }, conn.client, {
      batchSize: saved && values['batch-size'] === undefined ? saved.batchSize : batchSize, rps, readRps, maxInFlight, readBefore: !values['no-revert'], projectIds: values.project, target: conn.target, signal: controller.signal,
      sendUnchanged: values['send-unchanged'] === true, force, expected,
      ...(saved ? { planHeld: saved.held } : {}),
    }, {
      confirm: async (plan, verdict) => {
        for (const w of verdict.warnings) io.stderr.write(`${formatFinding(file, w)}\n`);
        io.stderr.write(describePlan(plan, file, conn.describe, rps, locale));
        io.stderr.write(describeDrift(plan, force, pulled.size ? pulledSidecarPath(file) : undefined, say));
        if (values['dry-run']) { stopped = 'dry-run'; return false; }
        if (plan.envCounts.Prod === 0 || values.yes) return true;
        if ((io.stdin as NodeJS.ReadStream).isTTY !== true) { stopped = 'not-tty'; return false; }
        if (await askYesNo(io, say('confirm', count(locale, plan.envCounts.Prod, 'prodTask'), conn.describe))) return true;
        stopped = 'declined';
        return false;
      },
      progress: (p) => {
        if (p.phase === 'projects') return;
        if (p.phase === 'before-state') { io.stderr.write(`${say('reading')}\n`); return; }
        io.stderr.write(`${say('chunk', p.chunk, p.chunks, p.counts.succeeded, p.counts.failed, p.counts.unknown)}\n`);
      },
      openJournal: () => new FileJournal(journalPath),
      writeRevert: (revert) => {
        const path = revertPathFor(journalPath);
        // Written whole or not at all: it is replaced once the outcome is known.
        writeFileSync(`${path}.tmp`, revert, { mode: 0o600 });
        renameSync(`${path}.tmp`, path);
        return path;
      },
      discardRevert: (path) => rmSync(path, { force: true }),
    });
  } finally {
    process.removeListener('SIGINT', onSigint);
  }

  switch (outcome.kind) {
    case 'refused':
      throw refusalError(outcome.verdict);
    case 'declined':
      if (stopped === 'dry-run') {
        io.stderr.write(`${say('dryRun')}\n`);
        if (values.json) printJson(io, outcome.plan.tasks.map((t) => ({ id: t.task.Id, envType: t.env, status: 'not-sent', message: 'dry run' })), null, null);
        return 0;
      }
      io.stderr.write(stopped === 'not-tty'
        ? `dwtasks apply: ${outcome.plan.envCounts.Prod === 1 ? say('notTty1') : say('notTtyN', outcome.plan.envCounts.Prod)}\n`
        : `${say('notConfirmed')}\n`);
      return 2;
    case 'not-sent':
      io.stderr.write(outcome.cancelled ? `${escapeControls(outcome.message)}\n`
        : `dwtasks apply: ${escapeControls(outcome.message)}${outcome.message.startsWith('Listing') ? ` ${say('listingHint')}` : ''}\n`);
      if (values.json) printJson(io, outcome.results, null, null);
      if (outcome.cancelled) return 1;
      return EXIT_KINDS.has(outcome.error.kind) || outcome.error.kind === 'server' || outcome.error.kind === 'throttled' ? 3 : 1;
    case 'ran': {
      const { result, failures } = outcome;
      advancePulledSidecar(file, outcome.verdict.request.Tasks, result.results);
      const journal = outcome.journalPath ?? journalPath;
      if (values.json) printJson(io, result.results, journal, outcome.revertPath, failures.map((f) => f.message));
      else printTable(io, result.results);
      const c = result.counts;
      const unchanged = result.results.filter((r) => r.message === UNCHANGED).length;
      io.stderr.write(`${say(unchanged ? 'countsUnchanged' : 'counts', c.succeeded, c.failed, c.unknown, c.notSent, result.status, unchanged)}\n`);
      if (result.error) io.stderr.write(`${say('stopped', escapeControls(result.error.message))}\n`);
      for (const f of failures) io.stderr.write(`dwtasks apply: ${escapeControls(f.message)}\n`);
      io.stderr.write(`${say('journal', journal)}\n${outcome.revertPath ? `${say('revert', outcome.revertPath)}\n` : ''}`);
      if (c.unknown) io.stderr.write(`${say('unknown')}\n`);
      // After sending, the exit code follows the results: never 2 (invalid input) once a request may have left.
      if (result.error && EXIT_KINDS.has(result.error.kind)) return 3;
      // Tasks left out on purpose (unchanged, or not in the saved plan) count as done; held back ones do not.
      const allDone = result.results.every((r) => r.status === 'succeeded' || r.message === UNCHANGED || r.message.startsWith('Not in the plan:'));
      return allDone && failures.length === 0 ? 0 : 1;
    }
  }
}

/**
 * `apply PLAN`: the plan's patch, for the plan's target only (null: refused, the reason printed), with
 * the plan's before-values to hold back tasks changed since.
 */
function savedPlan(name: string, text: string, conn: Connection, io: CliIO, locale: Locale) {
  const say = sayer(locale);
  let plan: PlanFile;
  try {
    plan = parsePlanFile(text, name);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const mismatch = targetMismatch(plan, { endpoint: conn.target.endpoint ?? conn.client.endpoint, ...(conn.target.region ? { region: conn.target.region } : {}) });
  if (mismatch) {
    io.stderr.write(`dwtasks apply: ${say('mismatch', name, mismatch)}\n`);
    return null;
  }
  const age = Date.now() - Date.parse(plan.createdAt);
  if (age > PLAN_STALE_MS) io.stderr.write(`${say('stale', name, count(locale, Math.floor(age / 3600_000), 'hour'), plan.createdAt)}\n`);
  io.stderr.write(`${say('savedPlan', name, plan.file, plan.createdAt)}\n`);
  return { text: plan.patch, file: plan.file, weekdays: plan.weekdays, batchSize: plan.batchSize, expected: planExpectations(plan), held: planHeld(plan) };
}

function describePlan(plan: ApplyPlan, file: string, target: string, rps: number, locale: Locale): string {
  const say = sayer(locale);
  const env = (['Prod', 'Dev'] as const).filter((e) => plan.envCounts[e]).map((e) => `${e}: ${plan.envCounts[e]}`).join(', ');
  const sending = plan.tasks.length - plan.held.size;
  const unchanged = [...plan.held.values()].filter((m) => m === UNCHANGED).length;
  const held = plan.held.size - unchanged;
  const notes = [unchanged ? say('unchangedNotSent', unchanged) : '', held ? say('heldBack', held) : ''].filter(Boolean);
  const head = say(env ? 'planEnv' : 'plan', sending, count(locale, plan.tasks.length, 'task'), file, count(locale, plan.chunks.length, 'call'), plan.batchSize, rps, env);
  const lines = [[head, ...notes].reduce((a, b) => say('clauses', a, b))];
  if (plan.readCalls) lines.push(say('readIn', count(locale, plan.readCalls, 'call')));
  for (const [index, why] of plan.held) if (why.startsWith('Held back') || why.startsWith('Error in the plan')) lines.push(`  ${say('task', plan.tasks[index].task.Id, plan.tasks[index].env, escapeControls(why))}`);
  lines.push(say('target', target));
  return `${lines.join('\n')}\n`;
}

/** What changed in DataWorks since it was pulled or planned: held back, or (--force) overwritten. */
function describeDrift(plan: ApplyPlan, force: boolean, sidecar: string | undefined, say: Say): string {
  const held = heldForDrift(plan).length;
  if (held) return `${held === 1 ? say('drift1') : say('driftN', held)}\n`;
  if (force && plan.drifts.length) {
    const n = plan.drifts.length;
    return `${n === 1 ? say('force1') : say('forceN', n)}\n${plan.drifts.map((d) => `  ${say('taskId', d.id)}${d.name ? ` ${escapeControls(d.name)}` : ''} (${d.env}) ${escapeControls(formatDrift(d))}\n`).join('')}`;
  }
  return sidecar ? `${say('pulledSame', sidecar)}\n` : '';
}

type Row = Pick<TaskOutcome, 'id' | 'envType' | 'status' | 'message'> & { requestId?: string };

function printJson(io: CliIO, results: Row[], journal: string | null, revert: string | null, problems: string[] = []): void {
  io.stdout.write(JSON.stringify({
    results: results.map((r) => ({ id: r.id, envType: r.envType, status: r.status, message: r.message, requestId: r.requestId ?? null })),
    journal, revert, ...(problems.length ? { problems } : {}),
  }) + '\n');
}

function printTable(io: CliIO, results: Row[]): void {
  io.stdout.write(formatTable(['ID', 'ENV', 'STATUS', 'REQUEST ID', 'MESSAGE'], results.map((r) => [r.id, r.envType, r.status, r.requestId ?? '', r.message])));
}
