// `dwtasks apply FILE`: validate, show the plan, confirm Prod, read before-state, send chunks with a
// journal, write the revert patch, print per-task results. Exit 0 all succeeded, 1 some did not,
// 2 invalid input/usage/refused, 3 auth/network/quota.
import { writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import {
  DEFAULT_BATCH_SIZE, DEFAULT_MAX_IN_FLIGHT, DEFAULT_RPS, FileJournal, discoverProjectIds, MAX_BATCH_SIZE, TokenBucket, defaultJournalPath, finishJournal,
  formatRevert, planApply, revertPathFor, runApply, type ApplyPlan, type ApplyResult, type ServiceErrorLike,
} from '../../core/apply/index';
import { numberOption, parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { formatFinding, loadPatchFile } from '../patch-file';
import { advancePulledSidecar } from '../../core/pull/sidecar';
import { checkPulledBeforeApply } from '../pulled-values';
import { formatTable } from '../table';

const HELP = `Usage: dwtasks apply FILE [options]

Applies a .dwtasks.json patch with BatchUpdateTasks, in chunks, with a journal and a revert patch.
${CONNECTION_HELP}
  --project ID      Project(s) holding the tasks, for batched reads of current values (repeatable;
                    default: every project of the account, found with ListProjects)
  --batch-size N    Tasks per call, 1-${MAX_BATCH_SIZE} (default ${DEFAULT_BATCH_SIZE})
  --rps N           Requests per second for the whole run, reads included (default ${DEFAULT_RPS})
  --read-rps N      Count reads apart at N per second, --rps then limits writes only (for editions
                    with separate read and write quotas, e.g. Enterprise: --read-rps 40 --rps 16)
  --in-flight N     BatchUpdateTasks calls in flight at once, 1-8 (default ${DEFAULT_MAX_IN_FLIGHT}); a kill leaves at most N chunks unknown
  --dry-run         Validate and show the plan; send nothing
  --yes             Do not ask before changing Prod tasks (required when stdin is not a terminal)
  --force           Apply even if values pulled into FILE (dwtasks pull) were changed in DataWorks since
  --no-revert       Skip reading current values (no revert patch; saves the read calls)
  --journal PATH    Journal file (default .dwtasks/journal/<time>-<file>.jsonl next to FILE)
  --json            Print one JSON object with per-task results instead of a table
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
  yes: { type: 'boolean', short: 'y' },
  force: { type: 'boolean' },
  'no-revert': { type: 'boolean' },
  journal: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

const EXIT_KINDS = new Set<ServiceErrorLike['kind']>(['auth', 'network', 'quota', 'timeout']);

export const applyCommand: CliCommand = {
  summary: 'Apply a patch to DataWorks (chunks, journal, revert patch)',
  run: (args, io) => runWithExitCodes('apply', HELP, args, io, () => apply(args, io)),
};

async function apply(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one FILE' : 'missing FILE');
  const batchSize = numberOption(values['batch-size'], 'batch-size', DEFAULT_BATCH_SIZE, { integer: true, min: 1, max: MAX_BATCH_SIZE });
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 });
  const readRps = values['read-rps'] === undefined ? undefined : numberOption(values['read-rps'], 'read-rps', DEFAULT_RPS, { min: 0.01 });
  const maxInFlight = numberOption(values['in-flight'], 'in-flight', DEFAULT_MAX_IN_FLIGHT, { integer: true, min: 1, max: 8 });
  const file = positionals[0];
  const patch = await loadPatchFile(file);
  for (const w of patch.warnings) io.stderr.write(`${formatFinding(file, w)}\n`);
  const plan = planApply(patch.request, batchSize);
  const conn = connect(values, io.env);
  io.stderr.write(describePlan(plan, file, conn.describe, rps));

  if (values['dry-run']) {
    io.stderr.write('Dry run: nothing sent.\n');
    if (values.json) io.stdout.write(JSON.stringify({ results: plan.tasks.map((t) => ({ id: t.task.Id, envType: t.env, status: 'not-sent', message: 'dry run', requestId: null })), journal: null, revert: null }) + '\n');
    return 0;
  }
  const pulledStop = await checkPulledBeforeApply(file, patch.request, conn.client, io, { force: values.force === true, rps: readRps ?? rps });
  if (pulledStop !== undefined) return pulledStop;
  if (plan.envCounts.Prod > 0 && !values.yes) {
    const isTty = (io.stdin as NodeJS.ReadStream).isTTY === true;
    if (!isTty) {
      io.stderr.write(`dwtasks apply: ${plan.envCounts.Prod} task(s) target Prod and stdin is not a terminal; re-run with --yes to confirm. Nothing was sent.\n`);
      return 2;
    }
    if (!(await confirm(io, `Change ${plan.envCounts.Prod} Prod task(s) at ${conn.describe}? [y/N] `))) {
      io.stderr.write('Not confirmed; nothing was sent.\n');
      return 2;
    }
  }

  const controller = new AbortController();
  const onSigint = () => {
    io.stderr.write('\nCancelling: no further chunk is sent (Ctrl+C again to quit at once).\n');
    process.removeListener('SIGINT', onSigint);
    controller.abort(new Error('cancelled by SIGINT'));
  };
  process.on('SIGINT', onSigint);
  const journalPath = values.journal ?? defaultJournalPath(file);
  const journal = new FileJournal(journalPath);
  const limiter = new TokenBucket(rps);
  const readLimiter = readRps === undefined ? limiter : new TokenBucket(readRps);
  let result: ApplyResult;
  let revertPath: string | null = null;
  let projectIds: string[] = values.project ?? [];
  if (!values['no-revert'] && !values.project) {
    try {
      projectIds = await discoverProjects(conn.client, readLimiter, controller.signal, io);
    } catch (e) {
      process.removeListener('SIGINT', onSigint);
      const err = e as ServiceErrorLike;
      io.stderr.write(`dwtasks apply: listing projects failed: ${err.message ?? String(e)}\nNothing was sent.\n`);
      if (values.json) {
        const why = `Not sent: listing projects failed (${err.code ?? 'error'}).`;
        io.stdout.write(JSON.stringify({ results: plan.tasks.map((t) => ({ id: t.task.Id, envType: t.env, status: 'not-sent', message: why, requestId: null })), journal: null, revert: null }) + '\n');
      }
      return EXIT_KINDS.has(err.kind) || err.kind === 'server' ? 3 : 1;
    }
  }
  try {
    result = await runApply({
      service: conn.client, request: patch.request, file, target: conn.target, batchSize, rps, limiter, readLimiter, maxInFlight,
      readBefore: !values['no-revert'], projectIds, journal, signal: controller.signal,
      onProgress: (p) => {
        if (p.phase === 'before-state') io.stderr.write('Reading current values...\n');
        else io.stderr.write(`chunk ${p.chunk}/${p.chunks}: ${p.counts.succeeded} succeeded, ${p.counts.failed} failed, ${p.counts.unknown} unknown\n`);
      },
    });
    if (result.revert) {
      revertPath = revertPathFor(journalPath);
      writeFileSync(revertPath, formatRevert(result.revert));
    }
    await finishJournal(journal, result, revertPath);
    advancePulledSidecar(file, patch.request.Tasks, result.results);
  } finally {
    process.removeListener('SIGINT', onSigint);
    journal.close();
  }
  printResults(io, result, values.json === true, journalPath, revertPath);
  if (result.error && EXIT_KINDS.has(result.error.kind)) return 3;
  return result.counts.succeeded === result.results.length ? 0 : 1;
}

function describePlan(plan: ApplyPlan, file: string, target: string, rps: number): string {
  const env = (['Prod', 'Dev'] as const).filter((e) => plan.envCounts[e]).map((e) => `${e}: ${plan.envCounts[e]}`).join(', ');
  return `Plan: ${plan.tasks.length} task(s) from ${file} (${env}) in ${plan.chunks.length} call(s) of up to ${plan.batchSize}, at most ${rps} request(s)/s\nTarget: ${target}\n`;
}

async function discoverProjects(client: import('../../dataworks/client').DataWorksClient, limiter: TokenBucket, signal: AbortSignal, io: CliIO): Promise<string[]> {
  const ids = await discoverProjectIds(client, limiter, signal);
  io.stderr.write(`Found ${ids.length} project(s) to read current values from.\n`);
  return ids;
}

function confirm(io: CliIO, question: string): Promise<boolean> {
  const rl = createInterface({ input: io.stdin, output: io.stderr });
  return new Promise((resolve) => {
    // Resolve before close(): close() emits 'close' synchronously, which would settle this as "no".
    rl.question(question, (answer) => { resolve(/^y(es)?$/i.test(answer.trim())); rl.close(); });
    rl.once('close', () => resolve(false)); // Ctrl+D / end of input: no
  });
}

function printResults(io: CliIO, result: ApplyResult, json: boolean, journal: string, revert: string | null): void {
  if (json) {
    io.stdout.write(JSON.stringify({
      results: result.results.map((r) => ({ id: r.id, envType: r.envType, status: r.status, message: r.message, requestId: r.requestId ?? null })),
      journal, revert,
    }) + '\n');
    return;
  }
  io.stdout.write(formatTable(['ID', 'ENV', 'STATUS', 'REQUEST ID', 'MESSAGE'],
    result.results.map((r) => [r.id, r.envType, r.status, r.requestId ?? '', r.message])));
  const c = result.counts;
  io.stderr.write(`${c.succeeded} succeeded, ${c.failed} failed, ${c.unknown} unknown, ${c.notSent} not sent (${result.status}).\n`);
  if (result.error) io.stderr.write(`Stopped: ${result.error.message}\n`);
  io.stderr.write(`Journal: ${journal}\n${revert ? `Revert patch: ${revert}\n` : ''}`);
  if (c.unknown) io.stderr.write('Tasks with unknown results may or may not have changed; applying the same file again is safe.\n');
}
