// Load All on an environment (or its Load more node): every remaining task of the filter at the read
// rate, with progress and Cancel, instead of a click per 100.
import * as vscode from 'vscode';
import { readLimiter } from '../../core/listing/rate';
import { estimateLeftMs, formatDuration } from '../../core/listing/progress';
import { withCancellableProgress } from '../util/cancellableProgress';
import { EnvNode } from './nodes/envNode';
import { LoadMoreNode } from './nodes/loadMoreNode';
import { readRate } from './readRate';
import { ui } from '../util/ui';

export async function loadAllCommand(node: unknown): Promise<void> {
  const env = node instanceof EnvNode ? node : node instanceof LoadMoreNode && node.env instanceof EnvNode ? node.env : undefined;
  if (!env) return;
  const rps = readRate();
  try {
    await withCancellableProgress(vscode.l10n.t('Loading every task of {0} ({1})', env.project.Name, env.env), async (progress, signal) => {
      const started = Date.now();
      let shown = 0;
      await env.loadAll(readLimiter(rps), (p) => {
        const share = (p.pagesDone / p.pagesTotal) * 100;
        const left = estimateLeftMs({ callsDone: p.pagesDone, callsTotal: p.pagesTotal, items: p.items }, Date.now() - started, rps);
        progress.report({
          increment: share - shown,
          message: `${vscode.l10n.t('request {0} of {1}', p.pagesDone, p.pagesTotal)} · ${p.totalCount === 1 ? vscode.l10n.t('{0} of 1 task', p.items) : vscode.l10n.t('{0} of {1} tasks', p.items, p.totalCount)}${left ? ` · ${vscode.l10n.t('about {0} left', formatDuration(left))}` : ''}`,
        });
        shown = share;
      }, signal);
    });
  } catch (e) {
    void ui().showErrorMessage(vscode.l10n.t('Loading the tasks of {0} ({1}) failed: {2}', env.project.Name, env.env, (e as Error).message));
  }
}
