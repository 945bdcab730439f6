// The CLI keeps what it pulled next to the patch, not in it: `.dwtasks/pulled/<file>.json` (beside
// `.dwtasks/journal/`), so the patch stays a plain request body that reviews and diffs read cleanly.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { EnvType, TaskPatch } from '../core/patch/model';
import { checkDwtasksFolder } from './dwtasks-folder';
import { advancePulled, parsePulled, serializePulled, type PulledTask } from '../core/pull/pulled';

/** `tasks.dwtasks.json` -> `.dwtasks/pulled/tasks.pulled.json` (not `*.dwtasks.json`: it is no patch). */
export function pulledSidecarPath(patchFile: string): string {
  return join(dirname(patchFile), '.dwtasks', 'pulled', `${basename(patchFile).replace(/\.dwtasks\.json$/i, '')}.pulled.json`);
}

/** The pulled values recorded for a patch; none when there is no sidecar (a patch written by hand). */
export function readPulledSidecar(patchFile: string): PulledTask[] {
  let text: string;
  try {
    text = readFileSync(pulledSidecarPath(patchFile), 'utf8');
  } catch {
    return [];
  }
  return parsePulled(text);
}

/** Replaces the sidecar atomically (temp file + rename): a pull records exactly what it wrote. */
export function writePulledSidecar(patchFile: string, tasks: readonly PulledTask[]): string {
  const path = pulledSidecarPath(patchFile);
  checkDwtasksFolder(patchFile);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, serializePulled(tasks, basename(patchFile)));
  renameSync(tmp, path);
  return path;
}

/** After `apply FILE`: the applied values become the sidecar's baseline (see advancePulled); no sidecar, nothing to do. */
export function advancePulledSidecar(patchFile: string, tasks: readonly TaskPatch[], results: readonly { id: string; envType: EnvType; status: string }[]): void {
  const pulled = readPulledSidecar(patchFile);
  if (pulled.length) writePulledSidecar(patchFile, advancePulled(pulled, tasks, results, new Date()));
}
