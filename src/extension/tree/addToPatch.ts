// Add to Patch: the selected tasks become entries (Id, EnvType and the current values of the fields
// the user picks, each under its name) in the active .dwtasks.json, or in a new untitled one.
// GetTask is called only when Tags are picked (ListTasks has none).
import * as vscode from 'vscode';
import { PULL_LEAVES, resolveFields } from '../../core/pull/fields';
import { buildPullEntry } from '../../core/pull/entry';
import type { Task } from '../../dataworks/types';
import type { ConnectionService } from '../connection';
import { pickFields } from './fieldPick';
import { insertPulled, type AddToPatchResult } from './insertPulled';
import { TaskNode } from './nodes/taskNode';
import type { TaskDetails } from './taskDetails';
import { ui } from '../util/ui';

export { isPatchDocument, type AddToPatchResult } from './insertPulled';

/** Above this many tasks without cached details, ask before spending one GetTask call per task. */
const ASK_ABOVE = 10;
const CONCURRENCY = 4;

export interface AddToPatchOptions {
  /** The fields to copy (names as `dwtasks pull --fields` takes them), without asking. */
  fields?: string[];
  /** Every field without asking (the former behaviour): true with Tags (GetTask per task), false without. */
  includeTags?: boolean;
}

export async function addToPatch(
  context: vscode.ExtensionContext,
  connection: ConnectionService,
  details: TaskDetails,
  clicked: unknown,
  selected: unknown,
  options: AddToPatchOptions = {},
): Promise<AddToPatchResult | undefined> {
  const nodes = (Array.isArray(selected) && selected.length ? selected : [clicked]).filter((n): n is TaskNode => n instanceof TaskNode);
  if (!nodes.length) {
    void ui().showInformationMessage(vscode.l10n.t('Select one or more tasks in the DataWorks view first.'));
    return undefined;
  }
  // A bad field list or a failed connection throws: the command wrapper (util/command.ts) reports it.
  const leaves = options.fields ? resolveFields(options.fields)
    : options.includeTags !== undefined ? PULL_LEAVES.filter((p) => options.includeTags || p !== 'Tags')
      : await pickFields(context, nodes.length);
  if (!leaves) return undefined;
  const pulledAt = new Date();
  const tasks = leaves.includes('Tags')
    ? await withTags(details, nodes, options.includeTags)
    : nodes.map((node) => ({ node, task: details.cached(node.task.Id, node.env) ?? node.task }));
  if (!tasks) return undefined;
  const chosen = leaves;
  const endpoint = (await connection.getConnection()).client.endpoint;
  return insertPulled(context, tasks.map(({ task, node }) => buildPullEntry(task, node.env, chosen)), pulledAt, endpoint);
}

async function withTags(
  details: TaskDetails,
  nodes: TaskNode[],
  asked: boolean | undefined,
): Promise<{ node: TaskNode; task: Task }[] | undefined> {
  const missing = nodes.filter((n) => !details.cached(n.task.Id, n.env));
  let include = asked;
  if (include === undefined) {
    if (missing.length <= ASK_ABOVE) include = true;
    else {
      const withTagsLabel = vscode.l10n.t('Include Tags');
      const without = vscode.l10n.t('Without Tags');
      const answer = await ui().showInformationMessage(
        missing.length === 1
          ? vscode.l10n.t('Reading the current Tags of 1 task takes 1 GetTask call (it counts against the API quota).')
          : vscode.l10n.t('Reading the current Tags of {0} tasks takes {0} GetTask calls (they count against the API quota).', missing.length),
        { modal: true },
        withTagsLabel,
        without,
      );
      if (!answer) return undefined;
      include = answer === withTagsLabel;
    }
  }
  const out = nodes.map((node) => ({ node, task: details.cached(node.task.Id, node.env) ?? node.task }));
  if (!include || !missing.length) return out;
  const failed: string[] = [];
  const ok = await ui().withProgress(
    { location: vscode.ProgressLocation.Notification, title: missing.length === 1 ? vscode.l10n.t('Reading Tags of 1 task') : vscode.l10n.t('Reading Tags of {0} tasks', missing.length), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const sub = token.onCancellationRequested(() => controller.abort());
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < missing.length && !controller.signal.aborted) {
          const node = missing[next++]!;
          try {
            const full = await details.get(node.task.Id, node.env, controller.signal);
            const slot = out.find((o) => o.node === node);
            if (slot) slot.task = full;
          } catch (e) {
            if (!controller.signal.aborted) failed.push(`${node.task.Id} (${node.env}): ${(e as Error).message.split('\n')[0]}`);
          }
          progress.report({ increment: 100 / missing.length });
        }
      };
      await Promise.all(Array.from({ length: Math.min(CONCURRENCY, missing.length) }, worker));
      sub.dispose();
      return !token.isCancellationRequested;
    },
  );
  if (!ok) return undefined;
  if (failed.length) {
    void ui().showWarningMessage(
      vscode.l10n.t('Added without Tags (GetTask failed) for: {0}', failed.join('; ')),
    );
  }
  return out;
}
