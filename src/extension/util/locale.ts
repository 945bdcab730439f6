// The two languages our user-visible texts come in (core's Locale). Pure (no vscode) so the CLI and tests can use it.
import type { Locale } from '../../core/text/l10n';

export type UiLocale = Locale;

/** Maps a VS Code display language (`vscode.env.language`, e.g. `zh-cn`, `zh-tw`, `en-us`) to ours. */
export function uiLocale(language: string | undefined): UiLocale {
  return (language ?? '').toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
