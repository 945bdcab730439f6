// Reading what a picture needs: a patch's tasks before (current values, batched reads) and after the
// patch, or every task of a project environment. Progress with cancel; the token aborts the reads.
import * as vscode from 'vscode';
import { DEFAULT_RPS, TokenBucket, discoverProjectIds } from '../../core/apply';
import type { EnvType } from '../../core/patch';
import { toRequest, type ParsedPatch } from '../../core/patch';
import { patchSides, projectTasks, type ScheduleTask } from '../../core/schedule';
import type { ConnectionService } from '../connection';

export interface PatchInputs {
  before?: ScheduleTask[];
  after: ScheduleTask[];
  /** Why the current values are missing (no connection, a failed read). */
  beforeError?: string;
}

function limiter(): TokenBucket {
  return new TokenBucket(Math.max(0.01, vscode.workspace.getConfiguration('dataworks.apply').get<number>('requestsPerSecond', DEFAULT_RPS)));
}

async function withCancel<T>(title: string, run: (signal: AbortSignal, progress: vscode.Progress<{ message?: string }>) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const controller = new AbortController();
    const sub = token.onCancellationRequested(() => controller.abort(new Error(vscode.l10n.t('cancelled by the user'))));
    try {
      return await run(controller.signal, progress);
    } finally {
      sub.dispose();
    }
  });
}

export async function readPatchInputs(connection: ConnectionService, parsed: ParsedPatch, name: string): Promise<PatchInputs> {
  const request = toRequest(parsed);
  try {
    const conn = await connection.getConnection();
    return await withCancel(vscode.l10n.t('Reading current schedules for {0}…', name), async (signal) => {
      const l = limiter();
      const projectIds = await discoverProjectIds(conn.client, l, signal).catch(() => [] as string[]);
      const sides = await patchSides(request, { service: conn.client, limiter: l, projectIds, signal });
      return { before: sides.before, after: sides.after };
    });
  } catch (e) {
    const sides = await patchSides(request);
    return { after: sides.after, beforeError: (e as Error).message };
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
