// The one call into the core validator, in the user's language. Schema checks stay with VS Code's
// JSON language server; a per-document cache re-runs only the tasks an edit touched.
import { validateText, ValidationCache } from '../../core/validate';
import type { Finding } from '../../core/types';
import { currentLocale } from '../util/settings';

export { ValidationCache };

export function validateDocumentText(text: string, cache?: ValidationCache): Finding[] {
  return validateText(text, { locale: currentLocale(), cache }).findings;
}
