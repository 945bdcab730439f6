// Rules over the whole file: it parses, it is an object, Tasks is not empty, no Id twice.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { limitText, propertyValue, type ParsedPatch } from '../patch/parse';
import type { OffsetFinding } from './context';
import { t, withSubject, type Locale } from './messages';

/** The first syntax error only: the rest are usually echoes of it. A broken limit is the one problem there is. */
export function syntaxFinding(p: ParsedPatch, locale: Locale): OffsetFinding | undefined {
  if (p.limit) {
    return { code: `dwtasks/${p.limit.code}`, severity: 'error', message: limitText(p.limit, locale), offset: p.limit.offset, length: p.limit.length };
  }
  const first = p.parseErrors[0];
  if (!first) return undefined;
  return {
    code: 'dwtasks/syntax',
    severity: 'error',
    message: t(locale, 'syntax', { what: t(locale, `syntax.${first.name}`), more: p.parseErrors.length - 1 }),
    offset: first.offset,
    length: Math.max(first.length, 1),
  };
}

export function shapeFindings(p: ParsedPatch, locale: Locale): OffsetFinding[] {
  const root = p.shallowRoot;
  if (root?.type !== 'object') {
    return [{
      code: 'dwtasks/not-an-object', severity: 'error', message: t(locale, 'not-an-object'),
      offset: root?.offset ?? 0, length: root ? root.length : 0,
    }];
  }
  const tasks = propertyValue(root, 'Tasks');
  if (tasks?.type === 'array' && p.tasks.length === 0) {
    return [{ code: 'dwtasks/tasks-empty', severity: 'error', message: t(locale, 'tasks-empty'), offset: tasks.offset, length: tasks.length }];
  }
  return [];
}

/**
 * The same Id twice. Same Id and same EnvType (both absent counts as the same) is an error: the
 * request would update one task twice. Same Id with another or no EnvType is a warning: they may
 * be two environments of one task, but SuccessInfo is keyed by Id alone, so results collide.
 */
export function duplicateIdFindings(p: ParsedPatch, locale: Locale): OffsetFinding[] {
  const out: OffsetFinding[] = [];
  // First task per Id; repeats are rare, so only they look back over the earlier ones.
  const first = new Map<string, number>();
  const tasks = p.tasks;
  for (let i = 0; i < tasks.length; i++) {
    const task = tasks[i];
    const id = task.id;
    const span = task.idSpan;
    if (id === undefined || !span) continue;
    const firstIndex = first.get(id);
    if (firstIndex === undefined) {
      first.set(id, i);
      continue;
    }
    const earlier = tasks.slice(firstIndex, i).filter((t) => t.id === id);
    const env = task.envType;
    const same = earlier.find((e) => e.envType === env);
    const subject = t(locale, 'subject.task', { id });
    const base = { taskId: id, field: 'Id', offset: span.offset, length: span.length };
    if (same) {
      const message = t(locale, 'duplicate-id', { id, env: env ?? '', line: p.positionAt(same.idSpan!.offset).line + 1 });
      out.push({ ...base, code: 'dwtasks/duplicate-id', severity: 'error', message: withSubject(locale, subject, message) });
    } else {
      const other = earlier[0];
      const otherEnv = other.envType ? t(locale, 'env.is', { env: other.envType }) : t(locale, 'env.none');
      const message = t(locale, 'duplicate-id-env', { id, line: p.positionAt(other.idSpan!.offset).line + 1, other: otherEnv });
      out.push({ ...base, code: 'dwtasks/duplicate-id-env', severity: 'warning', message: withSubject(locale, subject, message) });
    }
  }
  return out;
}

/** A `\uD800`-`\uDFFF` escape, the only way JSON text can hold half a surrogate pair. */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Strings (values or keys) holding an unpaired surrogate: valid JSON, but no UTF-8 request can carry
 * them (the client's form encoding throws), so they must never pass as sendable. Scans only when the
 * text has such an escape at all.
 */
export function loneSurrogateFindings(text: string, locale: Locale): OffsetFinding[] {
  if (!SURROGATE_ESCAPE.test(text)) return [];
  const out: OffsetFinding[] = [];
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind !== SyntaxKind.StringLiteral || !LONE_SURROGATE.test(scanner.getTokenValue())) continue;
    const offset = scanner.getTokenOffset();
    const raw = text.slice(offset, offset + scanner.getTokenLength());
    const escape = raw.match(SURROGATE_ESCAPE)?.[0] ?? '\\u';
    out.push({ code: 'dwtasks/lone-surrogate', severity: 'error', message: t(locale, 'lone-surrogate', { escape }), offset, length: scanner.getTokenLength() });
  }
  return out;
}
