// Values pulled into a patch (Add to Patch, Add All Matching, or `dwtasks pull` with its
// `.dwtasks/pulled/` sidecar) are before-values recorded at pull time: Apply hands them to the core
// pipeline, whose plan holds back a task someone changed in DataWorks since. After an apply, what it
// set becomes the new baseline.
import * as vscode from 'vscode';
import type { ExpectedValues } from '../../core/apply';
import type { EnvType, BatchUpdateRequest } from '../../core/patch/model';
import { advancePulled, pulledExpectations } from '../../core/pull/pulled';
import { advancePulledSidecar, readPulledSidecar } from '../../files/pulled-sidecar';
import { checkDwtasksFolder, DwtasksFolderError } from '../../files/dwtasks-folder';
import { readPulledStore, writePulledStore } from '../tree/pulledStore';

export type PulledValues = { ok: true; expected: Map<string, ExpectedValues> } | { ok: false; message: string };

/** The editor's records and the file's sidecar as one map by core's task key (the latest pull wins). */
export function readPulledValues(context: vscode.ExtensionContext, doc: vscode.TextDocument, endpoint: string): PulledValues {
  if (doc.uri.scheme !== 'file') return { ok: true, expected: pulledExpectations(readPulledStore(context), endpoint) };
  try {
    checkDwtasksFolder(doc.uri.fsPath); // the sidecar is read and advanced there
  } catch (e) {
    if (!(e instanceof DwtasksFolderError)) throw e;
    return { ok: false, message: vscode.l10n.t('{0} Nothing was sent.', e.message) };
  }
  return { ok: true, expected: pulledExpectations([...readPulledStore(context), ...readPulledSidecar(doc.uri.fsPath)], endpoint) };
}

/** After an apply: what it set becomes the pulled baseline of the tasks it changed (store and sidecar). */
export function notePulledApplied(
  context: vscode.ExtensionContext, doc: vscode.TextDocument, request: BatchUpdateRequest, results: readonly { id: string; envType: EnvType; status: string }[],
): void {
  const stored = readPulledStore(context);
  if (stored.length) writePulledStore(context, advancePulled(stored, request.Tasks, results, new Date()));
  if (doc.uri.scheme === 'file') advancePulledSidecar(doc.uri.fsPath, request.Tasks, results);
}
