// The `.dwtasks/` folder next to a patch (pulled values, CLI journals and revert patches) holds what
// a run learned about the account. If it is a symbolic link that leads out of the patch's folder, a
// checkout could send those files anywhere (another repository, a shared folder): refuse, and say so.
import { lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export class DwtasksFolderError extends Error {
  constructor(readonly folder: string, readonly target: string) {
    super(`${folder} is a symbolic link to ${target}, outside the folder of the patch; dwtasks writes pulled values and journals there. Replace the link with a folder (or remove it) and try again.`);
  }
}

/** `.dwtasks` next to `patchFile`. */
export function dwtasksFolderOf(patchFile: string): string {
  return join(dirname(resolve(patchFile)), '.dwtasks');
}

/** Throws DwtasksFolderError when `.dwtasks` next to the patch is a link leading outside the patch's folder. */
export function checkDwtasksFolder(patchFile: string): void {
  const folder = dwtasksFolderOf(patchFile);
  let isLink: boolean;
  try {
    isLink = lstatSync(folder).isSymbolicLink();
  } catch {
    return; // not there yet: it will be created as a plain folder
  }
  if (!isLink) return;
  let target: string;
  try {
    target = realpathSync(folder);
  } catch {
    throw new DwtasksFolderError(folder, '(a path that does not exist)');
  }
  const base = realpathSync(dirname(folder));
  const rel = relative(base, target);
  if (rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel)) throw new DwtasksFolderError(folder, target);
}
