// The one call into the core validator, in the user's language. Schema checks stay with VS Code's
// JSON language server; a per-document cache re-runs only the tasks an edit touched, and the parse
// is the one hover, inlay hints and outline share for this document version.
import type * as vscode from 'vscode';
import { validatePatch, ValidationCache } from '../../core/validate';
import type { Finding } from '../../core/types';
import { cronWeekdayNumbering, currentLocale } from '../util/settings';
import { parsedPatch } from './parsedDocuments';

export { ValidationCache };

export function validateDocument(doc: vscode.TextDocument, cache?: ValidationCache): Finding[] {
  return validatePatch(parsedPatch(doc), { locale: currentLocale(), cache, weekdays: cronWeekdayNumbering(doc.uri) });
}
