// Reading what a picture needs: a patch's tasks before (current values, batched reads) and after the
// patch, or every task of a project environment. Progress with cancel; the token aborts the reads.
import * as vscode from 'vscode';
import { DEFAULT_RPS, MAX_BATCH_SIZE, TokenBucket, planApply, readCurrentValues, type OkVerdict, type PatchInput } from '../../core/apply';
import type { EnvType } from '../../core/patch';
import { SCHEDULE_FIELDS, patchSides, projectTasks, type ScheduleTask } from '../../core/schedule';
import type { ConnectionService } from '../connection';
import { ui } from '../util/ui';

export interface PatchInputs {
  before?: ScheduleTask[];
  after: ScheduleTask[];
  /** Why the current values are missing (no connection, a failed read). */
  beforeError?: string;
}

function rps(): number {
  return Math.max(0.01, vscode.workspace.getConfiguration('dataworks.apply').get<number>('requestsPerSecond', DEFAULT_RPS));
}

export function limiter(): TokenBucket {
  return new TokenBucket(rps());
}

export async function withCancel<T>(title: string, run: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>): Promise<T> {
  return ui().withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort(new Error(vscode.l10n.t('cancelled by the user'))));
    try {
      return await run(controller.signal, progress);
    } finally {
      sub.dispose();
    }
  });
}

/** A gated patch's sides, read through the pipeline's readCurrentValues (the gate and reads of Preview). */
export async function readPatchInputs(connection: ConnectionService, input: PatchInput, verdict: OkVerdict, name: string): Promise<PatchInputs> {
  const patchedOnly = (why: string): PatchInputs => ({ after: patchSides(planApply(verdict.request, MAX_BATCH_SIZE)).after, beforeError: why });
  try {
    const conn = await connection.getConnection();
    return await withCancel(vscode.l10n.t('Reading current schedules for {0}…', name), async (signal) => {
      const read = await readCurrentValues(input, conn.client, { rps: rps(), alsoRead: SCHEDULE_FIELDS, signal });
      if (read.kind === 'refused') throw new Error(read.verdict.message);
      if (read.kind === 'not-read') return patchedOnly(read.message);
      const sides = patchSides(read.plan, read.state);
      return { before: sides.before, after: sides.after };
    });
  } catch (e) {
    return patchedOnly((e as Error).message);
  }
}

export async function readProjectTasks(connection: ConnectionService, projectId: string, projectName: string, env: EnvType): Promise<ScheduleTask[]> {
  const conn = await connection.getConnection();
  return withCancel(vscode.l10n.t('Reading the tasks of {0} ({1})…', projectName, env), async (signal, progress) => {
    const l = limiter();
    return projectTasks(conn.client, projectId, env, {
      signal,
      beforeCall: () => l.acquire(signal),
      onPage: (seen, total) => progress.report({ message: vscode.l10n.t('{0} of {1}', seen, total) }),
    });
  });
}
