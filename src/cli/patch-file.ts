// Reading and checking a patch file for the commands that send it (apply) or compare it (diff):
// errors stop everything and are printed as file:line:col with the task Id and field.
import { readFile } from 'node:fs/promises';
import { parsePatch, toRequest, type ParsedPatch } from '../core/patch/index';
import type { BatchUpdateRequest } from '../core/patch/model';
import type { Finding } from '../core/types';
import { validatePatch } from '../core/validate/index';

export class PatchInputError extends Error {
  constructor(message: string, readonly findings: Finding[] = []) {
    super(message);
  }
}

export interface LoadedPatch {
  file: string;
  parsed: ParsedPatch;
  request: BatchUpdateRequest;
  warnings: Finding[];
}

export async function loadPatchFile(file: string): Promise<LoadedPatch> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    throw new PatchInputError(`${file}: cannot read the patch file (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const parsed = parsePatch(text);
  const findings = [...parsed.syntaxErrors, ...(parsed.syntaxErrors.length ? [] : validatePatch(parsed))];
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) {
    throw new PatchInputError(`${file}: ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was sent.`, errors);
  }
  if (!parsed.tasks.length) throw new PatchInputError(`${file}: the patch has no Tasks; nothing to do.`);
  return { file, parsed, request: toRequest(parsed), warnings: findings.filter((f) => f.severity === 'warning') };
}

/** `file:line:col: error CODE task 123 Trigger.Cron: message` (1-based line/column as editors show). */
export function formatFinding(file: string, f: Finding): string {
  const where = `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
  const task = f.taskId ? ` task ${f.taskId}` : '';
  const field = f.field ? ` ${f.field}` : '';
  return `${where}: ${f.severity} ${f.code}${task}${field}: ${f.message}`;
}
