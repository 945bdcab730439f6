// Whether the extension's real activation must run now or can wait for a patch, a command or the
// view. `onLanguage:jsonc` wakes us for every settings.json and tsconfig.json; when that is the only
// reason (JSONC files open, none of them a patch), the stand-ins are enough. Any other reason
// (a patch open, `workspaceContains`, a command, the view: no JSONC file open) wakes us at once.
// No vscode import: unit tested (test/unit/extension/wakeReason.test.ts).

export interface OpenDocument {
  languageId: string;
  /** The document's path (`uri.path`). */
  path: string;
}

export const PATCH_FILE = /\.dwtasks\.json$/i;

export function isPatchPath(path: string): boolean {
  return PATCH_FILE.test(path);
}

/** True when the open documents show a JSONC file that is not a patch, and no patch, woke us. */
export function onlyOtherJsonc(docs: readonly OpenDocument[]): boolean {
  return docs.some((d) => d.languageId === 'jsonc' && !isPatchPath(d.path)) && !docs.some((d) => isPatchPath(d.path));
}
