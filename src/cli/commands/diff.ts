// `dwtasks diff FILE`: for each task, the current value of every field the patch touches vs the
// patched value. Reads only (batched like apply's before-state reads); sends no change.
import { fieldChanges, planApply, readBeforeState, taskKey, TokenBucket, DEFAULT_RPS } from '../../core/apply/index';
import { collectAll } from '../../dataworks/client';
import { numberOption, parseCommandArgs, UsageError } from '../args';
import { runWithExitCodes } from '../exit-codes';
import { CONNECTION_HELP, CONNECTION_OPTIONS, connect } from '../connection';
import type { CliCommand, CliIO } from '../io';
import { loadPatchFile } from '../patch-file';

const HELP = `Usage: dwtasks diff FILE [options]

Shows current vs patched values of the fields each task of the patch touches. Sends no change.
${CONNECTION_HELP}
  --project ID      Project(s) holding the tasks (repeatable; default: all projects of the account)
  --rps N           Requests per second (default ${DEFAULT_RPS})
  --json            One JSON object: {"tasks":[{"id","envType","changes":[{"path","current","patched","changed"}],"error"}]}
Exit: 0 no differences, 1 some fields differ, 2 invalid input or usage, 3 auth/network/quota.
`;

const OPTIONS = {
  ...CONNECTION_OPTIONS,
  project: { type: 'string', multiple: true },
  rps: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const diffCommand: CliCommand = {
  summary: 'Show current vs patched values of the fields a patch touches',
  run: (args, io) => runWithExitCodes('diff', HELP, args, io, () => diff(args, io)),
};

async function diff(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, OPTIONS);
  if (values.help) { io.stdout.write(HELP); return 0; }
  if (positionals.length !== 1) throw new UsageError(positionals.length ? 'give exactly one FILE' : 'missing FILE');
  const rps = numberOption(values.rps, 'rps', DEFAULT_RPS, { min: 0.01 });
  const patch = await loadPatchFile(positionals[0]);
  const plan = planApply(patch.request, 100);
  const conn = connect(values, io.env);
  const limiter = new TokenBucket(rps);
  const projectIds = values.project ?? (await collectAll(async (page) => {
    await limiter.acquire();
    return conn.client.listProjects({ PageNumber: page, PageSize: 100 });
  })).map((p) => p.Id);
  const state = await readBeforeState(plan.tasks, { service: conn.client, limiter, projectIds });
  const out = plan.tasks.map((t) => {
    const entry = state.entries.get(taskKey(t.task.Id, t.env));
    return { id: t.task.Id, envType: t.env, changes: entry?.values ? fieldChanges(t.task, entry.values as never) : [], error: entry?.error ?? null };
  });
  const differing = out.some((t) => t.error || t.changes.some((c) => c.changed));
  if (values.json) {
    io.stdout.write(JSON.stringify({ tasks: out }) + '\n');
  } else {
    for (const t of out) {
      io.stdout.write(`Task ${t.id} (${t.envType})${t.error ? `: cannot read: ${t.error}` : ''}\n`);
      for (const c of t.changes) {
        io.stdout.write(`  ${c.path}: ${show(c.current)} -> ${show(c.patched)}${c.changed ? '' : '  (unchanged)'}\n`);
      }
    }
    io.stderr.write(`${out.filter((t) => t.changes.some((c) => c.changed)).length} of ${out.length} task(s) would change (${state.calls} read call(s)).\n`);
  }
  return differing ? 1 : 0;
}

function show(v: unknown): string {
  return v === undefined ? '(not set)' : JSON.stringify(v);
}
