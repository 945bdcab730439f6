// Validation of a parsed .dwtasks.json: every core rule (and, on request, the JSON Schema),
// as findings with stable codes, exact ranges and fixes where the core knows one.
import { parsePatch, type ParsedPatch } from '../patch/parse';
import type { Finding, Fix } from '../types';
import { ValidationCache } from './cache';
import { TaskContext, type OffsetFinding } from './context';
import type { Locale } from './messages';
import type { WeekdayNumbering } from '../cron/weekdays';
import { duplicateIdFindings, loneSurrogateFindings, shapeFindings, syntaxFinding } from './patch-rules';
import { schemaChecker } from './schema';
import { replacementCharFindings, topDuplicateKeyFindings } from './exact-rules';
import { checkTask } from './task-rules';
import { shiftHeader } from '../patch/header-carry';

export { ValidationCache } from './cache';
export type { Locale } from './messages';
export { schemaFindings } from './schema';
export { fileSizeFinding, notUtf8Finding } from './file-findings';

export interface ValidateOptions {
  /** Also check the JSON Schema in schemas/ (the CLI does; the editor has VS Code's JSON service for it). */
  schema?: boolean;
  /** Message language; default English. */
  locale?: Locale;
  /** Reuse per-task findings of an earlier run of the same document (keep one per document). */
  cache?: ValidationCache;
  /** How cron day-of-week numbers are read (default `dataworks`: 0 or 7 = Sunday, 1 = Monday). */
  weekdays?: WeekdayNumbering;
}

export function validatePatch(p: ParsedPatch, options: ValidateOptions = {}): Finding[] {
  return toFindings(p, offsetFindings(p, options));
}

export function validateText(text: string, options: ValidateOptions = {}): { patch: ParsedPatch; findings: Finding[] } {
  const patch = parsePatch(text);
  return { patch, findings: validatePatch(patch, options) };
}

function offsetFindings(p: ParsedPatch, options: ValidateOptions): OffsetFinding[] {
  const locale = options.locale ?? 'en';
  const syntax = syntaxFinding(p, locale);
  if (syntax) return [syntax]; // rules over a half-parsed tree would report echoes of the syntax error
  const out = shapeFindings(p, locale);
  out.push(...replacementCharFindings(p.text, locale));
  if (p.shallowRoot?.type !== 'object') return out;
  out.push(...topDuplicateKeyFindings(p, locale));
  const cache = options.cache;
  const lineOf = (offset: number): number => p.positionAt(offset).line + 1;
  const schema = options.schema ? schemaChecker(p, locale) : undefined;
  if (schema) out.push(...dropShadowed(schema.top(), out));
  for (const task of p.tasks) {
    const base = task.offset;
    const key = cache ? `${locale}${schema ? 's' : ''}${options.weekdays === 'quartz' ? 'q' : ''}\u0000${task.index}\u0000${p.text.slice(base, base + task.length)}` : '';
    const hit = cache?.get(key);
    if (hit) {
      // Same text as before: no tree at all, findings and header moved to where the task is now.
      const h = hit.header;
      task.adoptHeader(shiftHeader(h, base));
      for (const f of hit.findings) out.push(shift(f, base));
      continue;
    }
    const node = task.transientNode();
    const header = task.readHeader(node);
    const c = new TaskContext(task, node, p.text, locale, options.weekdays);
    checkTask(c, lineOf);
    if (schema) c.out.push(...dropShadowed(schema.task(task.index, node), c.out));
    for (const f of c.out) out.push(f);
    // A message naming lines goes stale when the task moves: such a task is checked again next time.
    if (!c.out.some((f) => f.code === 'dwtasks/duplicate-key')) cache?.set(key, {
      findings: c.out.map((f) => shift(f, -base)),
      header: shiftHeader(header, -base),
    });
  }
  cache?.endRun();
  out.push(...duplicateIdFindings(p, locale));
  out.push(...loneSurrogateFindings(p.text, locale));
  return out.sort((a, b) => a.offset - b.offset || a.length - b.length);
}

/** Where a core rule and the schema flag the same span, the core's message is the more specific. */
function dropShadowed(schemaFound: OffsetFinding[], core: OffsetFinding[]): OffsetFinding[] {
  if (schemaFound.length === 0 || core.length === 0) return schemaFound;
  return schemaFound.filter((s) => !core.some((c) => c.offset === s.offset && c.length === s.length));
}

function shift(f: OffsetFinding, by: number): OffsetFinding {
  if (by === 0) return f;
  const moved: OffsetFinding = { ...f, offset: f.offset + by };
  if (f.fixes) moved.fixes = f.fixes.map((x) => ({ title: x.title, edits: x.edits.map((e) => ({ ...e, offset: e.offset + by })) }));
  return moved;
}

function toFindings(p: ParsedPatch, list: OffsetFinding[]): Finding[] {
  return list.map((f) => {
    const finding: Finding = { code: f.code, severity: f.severity, message: f.message, range: p.rangeAt(f.offset, f.length) };
    if (f.taskId !== undefined) finding.taskId = f.taskId;
    if (f.field !== undefined) finding.field = f.field;
    if (f.fixes) {
      finding.fixes = f.fixes.map((x): Fix => ({
        title: x.title,
        edits: x.edits.map((e) => ({ range: p.rangeAt(e.offset, e.length), newText: e.newText })),
      }));
    }
    return finding;
  });
}
