// Findings about a patch file's bytes, for the readers that refuse a file before any parse: too
// large, or not UTF-8. Kept apart from the validator so a command that only reads files loads no rule.
import { MAX_PATCH_BYTES, limitMessageArgs } from '../patch/limits';
import { hexBytes, type Utf8Problem } from '../patch/utf8';
import type { Finding } from '../types';
import { t, type Locale } from './messages';

/**
 * The finding for a file of `bytes` bytes that is over the size limit (else undefined), for readers
 * that can refuse a file before reading it; `validateText` says the same of a text that is too large.
 */
export function fileSizeFinding(bytes: number, locale: Locale = 'en'): Finding | undefined {
  if (bytes <= MAX_PATCH_BYTES) return undefined;
  const { key, args } = limitMessageArgs({ code: 'too-large', bytes, offset: 0, length: 0 });
  return { code: 'dwtasks/too-large', severity: 'error', message: t(locale, key, args), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** The finding for bytes that are not UTF-8 (the readers of files decode strictly, see patch/utf8). */
export function notUtf8Finding(p: Utf8Problem, locale: Locale = 'en'): Finding {
  const message = t(locale, 'not-utf8', { bytes: hexBytes(p.bytes), line: p.line + 1, column: p.character + 1 });
  const at = { line: p.line, character: p.character };
  return { code: 'dwtasks/not-utf8', severity: 'error', message, range: { start: at, end: at } };
}
