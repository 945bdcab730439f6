// Add All Matching to Patch: on a project or environment node, every task the view's filter matches
// (all pages, at the read rate, with progress and Cancel) becomes an entry with the fields the user
// picks: the same entries `dwtasks pull` writes (one core builder).
import * as vscode from 'vscode';
import { readLimiter } from '../../core/listing/rate';
import { estimateLeftMs, formatDuration, type ReadProgress } from '../../core/listing/progress';
import type { EnvType } from '../../core/patch/model';
import { resolveFields } from '../../core/pull/fields';
import { pullTasks, type PullResult } from '../../dataworks/pull';
import type { Project } from '../../dataworks/types';
import { withCancellableProgress } from '../util/cancellableProgress';
import { pickFields } from './fieldPick';
import { describeFilter, filterQuery } from './filter';
import { insertPulled, type AddToPatchResult } from './insertPulled';
import { EnvNode } from './nodes/envNode';
import { ProjectNode } from './nodes/projectNode';
import type { TasksTreeProvider } from './provider';
import { readRate } from './readRate';
import { ui } from '../util/ui';

export interface AddAllMatchingArgs {
  /** Fields as `dwtasks pull --fields` takes them, without asking. */
  fields?: string[];
}

export type AddAllMatchingResult = (AddToPatchResult & { total: number; calls: number }) | { cancelled: true };

export async function addAllMatching(
  context: vscode.ExtensionContext, provider: TasksTreeProvider, node: unknown, args: AddAllMatchingArgs = {},
): Promise<AddAllMatchingResult | undefined> {
  const target = await targetOf(node);
  if (!target) return undefined;
  const filter = provider.filter();
  const filterText = describeFilter(filter);
  // A bad field list throws: the command wrapper (util/command.ts) reports it.
  const leaves = args.fields ? resolveFields(args.fields) : await pickFields(context);
  if (!leaves) return undefined;
  const chosen = leaves;
  const rps = readRate();
  const pulledAt = new Date();
  const title = filterText
    ? vscode.l10n.t('Reading the tasks of {0} ({1}) matching {2}', target.project.Name, target.env, filterText)
    : vscode.l10n.t('Reading the tasks of {0} ({1})', target.project.Name, target.env);
  let result: PullResult | undefined;
  let endpoint = '';
  try {
    result = await withCancellableProgress(title, async (progress, signal) => {
      const started = Date.now();
      let shown = 0;
      const { client } = await provider.connection.getConnection();
      endpoint = client.endpoint;
      return pullTasks({
        client, leaves: chosen, limiter: readLimiter(rps), signal,
        query: { ProjectId: target.project.Id, ProjectEnv: target.env, ...filterQuery(filter) },
        onProgress: (p) => {
          const share = p.callsTotal ? (p.callsDone / p.callsTotal) * 100 : 0;
          progress.report({ increment: share - shown, message: progressText(p, estimateLeftMs(p, Date.now() - started, rps)) });
          shown = share;
        },
      });
    });
  } catch (e) {
    void ui().showErrorMessage(vscode.l10n.t('Reading the tasks of {0} ({1}) failed: {2}', target.project.Name, target.env, (e as Error).message));
    return undefined;
  }
  if (!result) {
    void vscode.window.setStatusBarMessage(vscode.l10n.t('Add All Matching cancelled: nothing was added.'), 6000);
    return { cancelled: true };
  }
  const inserted = await insertPulled(context, result.entries, pulledAt, endpoint);
  return inserted && { ...inserted, total: result.total, calls: result.calls };
}

function progressText(p: ReadProgress, leftMs: number | undefined): string {
  const pages = p.callsTotal === undefined
    ? vscode.l10n.t('request {0}', p.callsDone)
    : vscode.l10n.t('request {0} of {1}', p.callsDone, p.callsTotal);
  const total = p.totalItems ?? p.items;
  const tasks = total === 1 ? vscode.l10n.t('{0} of 1 task', p.items) : vscode.l10n.t('{0} of {1} tasks', p.items, total);
  const left = leftMs === undefined || leftMs === 0 ? '' : ` · ${vscode.l10n.t('about {0} left', formatDuration(leftMs))}`;
  return `${pages} · ${tasks}${left}`;
}

async function targetOf(node: unknown): Promise<{ project: Project; env: EnvType } | undefined> {
  if (node instanceof EnvNode) return { project: node.project, env: node.env };
  if (node instanceof ProjectNode) {
    const pick = await ui().showQuickPick(
      (['Prod', 'Dev'] as const).map((env) => ({ label: env, env })),
      { title: vscode.l10n.t('Add All Matching to Patch: which environment of {0}?', node.project.Name) },
    );
    return pick && { project: node.project, env: pick.env };
  }
  void ui().showInformationMessage(vscode.l10n.t('Run Add All Matching to Patch on a project or environment in the DataWorks view.'));
  return undefined;
}
