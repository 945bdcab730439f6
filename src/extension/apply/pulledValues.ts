// Before Apply sends a patch whose entries were pulled (Add to Patch, Add All Matching, or
// `dwtasks pull` with its `.dwtasks/pulled/` sidecar): the fields it sets are read again (ListTasks by
// Ids, batched) and any whose value in DataWorks is no longer the pulled one, and not already the
// patched one, is named in a modal: Apply anyway / Cancel. Someone else's change is never silently
// put back.
import * as vscode from 'vscode';
import { readLimiter } from '../../core/listing/rate';
import type { BatchUpdateRequest } from '../../core/patch/model';
import type { EnvType } from '../../core/patch/model';
import { advancePulled, checkPulledValues, pulledAt, type Drift, type PulledTask } from '../../core/pull/pulled';
import { advancePulledSidecar, readPulledSidecar } from '../../files/pulled-sidecar';
import { checkDwtasksFolder, DwtasksFolderError } from '../../files/dwtasks-folder';
import type { Connection } from '../connection';
import { readPulledStore, writePulledStore } from '../tree/pulledStore';
import { readRate } from '../tree/readRate';
import { withCancellableProgress } from '../util/cancellableProgress';
import { testHooks } from '../util/testHooks';

export interface PulledValuesTestHooks {
  /** Answers the modal: 'apply' = Apply anyway, 'cancel' = Cancel. */
  pulledValues?: 'apply' | 'cancel';
  /** Sees what the modal lists. */
  onPulledDrift?(drifts: Drift[]): void;
}

const SHOWN = 15;

/** true: go on to the apply's own confirmation; false: stop, nothing was sent. */
export async function confirmPulledValues(
  context: vscode.ExtensionContext, doc: vscode.TextDocument, request: BatchUpdateRequest, conn: Connection, args: unknown,
): Promise<boolean> {
  const hooks = testHooks<PulledValuesTestHooks>(context, args);
  if (doc.uri.scheme === 'file') {
    try {
      checkDwtasksFolder(doc.uri.fsPath); // the sidecar is read and advanced there
    } catch (e) {
      if (!(e instanceof DwtasksFolderError)) throw e;
      void vscode.window.showErrorMessage(vscode.l10n.t('{0} Nothing was sent.', e.message));
      return false;
    }
  }
  const pulled = pulledAt(latest([...readPulledStore(context), ...(doc.uri.scheme === 'file' ? readPulledSidecar(doc.uri.fsPath) : [])]), conn.client.endpoint);
  if (!pulled.length) return true;
  const file = vscode.workspace.asRelativePath(doc.uri);
  let drifts: Drift[] | undefined;
  try {
    drifts = await withCancellableProgress(
      vscode.l10n.t('Comparing the values pulled into {0} with DataWorks…', file),
      async (_progress, signal) => (await checkPulledValues(request.Tasks, pulled, { service: conn.client, limiter: readLimiter(readRate()), signal })).drifts,
    );
  } catch (e) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Cannot compare the values pulled into {0} with DataWorks: {1}. Nothing was sent.', file, (e as Error).message));
    return false;
  }
  if (!drifts) return false;
  if (!drifts.length) return true;
  hooks.onPulledDrift?.(drifts);
  const applyAnyway = vscode.l10n.t('Apply anyway');
  const lines = drifts.slice(0, SHOWN).map(describe);
  if (drifts.length > SHOWN) lines.push(vscode.l10n.t('… and {0} more', drifts.length - SHOWN));
  const answer = hooks.pulledValues
    ? (hooks.pulledValues === 'apply' ? applyAnyway : undefined)
    : await vscode.window.showWarningMessage(
      vscode.l10n.t('{0} value(s) in {1} were changed in DataWorks since they were pulled. Applying overwrites them.', drifts.length, file),
      { modal: true, detail: lines.join('\n') },
      applyAnyway,
    );
  return answer === applyAnyway;
}

/** After an apply: what it set becomes the pulled baseline of the tasks it changed (store and sidecar). */
export function notePulledApplied(
  context: vscode.ExtensionContext, doc: vscode.TextDocument, request: BatchUpdateRequest, results: readonly { id: string; envType: EnvType; status: string }[],
): void {
  const stored = readPulledStore(context);
  if (stored.length) writePulledStore(context, advancePulled(stored, request.Tasks, results, new Date()));
  if (doc.uri.scheme === 'file') advancePulledSidecar(doc.uri.fsPath, request.Tasks, results);
}

function describe(d: Drift): string {
  const show = (v: unknown): string => (v === undefined ? vscode.l10n.t('(not set)') : JSON.stringify(v));
  return vscode.l10n.t('Task {0} {1} ({2}) {3}: pulled {4}, now {5}; the patch sets {6}', d.id, d.name ?? '', d.env, d.path, show(d.pulled), show(d.current), show(d.patched));
}

/** One record per task and environment: the latest pull wins (editor storage and CLI sidecar together). */
function latest(records: PulledTask[]): PulledTask[] {
  const byKey = new Map<string, PulledTask>();
  for (const r of records) {
    const key = `${r.env}:${BigInt(r.id).toString()}`;
    const seen = byKey.get(key);
    if (!seen || seen.time < r.time) byKey.set(key, r);
  }
  return [...byKey.values()];
}
