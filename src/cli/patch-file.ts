// Reading a patch file for the commands that check, send or compare it. The checking itself is the
// core gate (checkBeforeSend), the same for `validate`, `apply` and `diff`; a refusal is printed as
// `validate` prints findings.
import { readFile } from 'node:fs/promises';
import type { Refusal } from '../core/apply/index';
import type { Finding } from '../core/types';
import { escapeControls } from '../core/text/safe-text';

export class PatchInputError extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

/** The file's text as read (a BOM is the gate's to strip); an unreadable file is invalid input. */
export async function readPatchText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (e) {
    throw new PatchInputError(`${file}: cannot read the patch file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
}

/** A gate refusal as the error every command maps to exit 2, with every finding validate would print. */
export function refusalError(v: Refusal): PatchInputError {
  return new PatchInputError(v.message, v.findings);
}

/** `file:line:col: severity [code] message`, 1-based like compilers, so terminals and problem matchers link it. */
export function formatFinding(file: string, f: Finding): string {
  // One finding, one line: a key or value the message quotes cannot break it or reach the terminal raw.
  return `${escapeControls(file)}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.code}] ${escapeControls(f.message)}`;
}
