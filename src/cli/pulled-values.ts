// `dwtasks apply` of a pulled patch: before sending, the fields the patch sets are read again and
// compared with the values `dwtasks pull` recorded in the sidecar. A value someone changed in
// DataWorks since is named (task, field, pulled, now, patched) on stderr; the apply then needs a
// "y" at the terminal, or --force when stdin is not one (--yes confirms Prod, a different question).
import { askYesNo } from './prompt';
import { readLimiter } from '../core/listing/rate';
import type { TaskService } from '../core/apply/service';
import type { BatchUpdateRequest } from '../core/patch/model';
import { checkPulledValues, formatDrift, pulledAt } from '../core/pull/pulled';
import { pulledSidecarPath, readPulledSidecar } from '../files/pulled-sidecar';
import type { CliIO } from './io';
import { escapeControls } from '../core/text/safe-text';

export interface PulledCheckOptions {
  force: boolean;
  /** Read rate for the check (the apply's read rate). */
  rps: number;
  signal?: AbortSignal;
}

/** undefined: go on; a number: the exit code to stop with (nothing was sent). */
export async function checkPulledBeforeApply(
  file: string, request: BatchUpdateRequest, service: TaskService & { endpoint: string }, io: CliIO, o: PulledCheckOptions,
): Promise<number | undefined> {
  const pulled = pulledAt(readPulledSidecar(file), service.endpoint);
  if (!pulled.length) return undefined;
  const { drifts, checked } = await checkPulledValues(request.Tasks, pulled, { service, limiter: readLimiter(o.rps), ...(o.signal ? { signal: o.signal } : {}) });
  if (!drifts.length) {
    if (checked) io.stderr.write(`Pulled values: ${checked} task(s) checked against ${pulledSidecarPath(file)}; none changed in DataWorks since the pull.\n`);
    return undefined;
  }
  io.stderr.write(`dwtasks apply: ${drifts.length} value(s) changed in DataWorks since ${file} was pulled; applying overwrites them:\n`);
  for (const d of drifts) io.stderr.write(`  ${escapeControls(formatDrift(d))}\n`);
  if (o.force) {
    io.stderr.write('--force: applying anyway.\n');
    return undefined;
  }
  if ((io.stdin as NodeJS.ReadStream).isTTY !== true) {
    io.stderr.write('stdin is not a terminal: re-run with --force to apply anyway (or pull again). Nothing was sent.\n');
    return 2;
  }
  if (await askYesNo(io, 'Apply anyway? [y/N] ')) return undefined;
  io.stderr.write('Not confirmed; nothing was sent.\n');
  return 2;
}
