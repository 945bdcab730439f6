// The two languages our user-visible texts come in. Pure (no vscode) so the CLI and tests can use it.
export type UiLocale = 'en' | 'zh-cn';

/** Maps a VS Code display language (`vscode.env.language`, e.g. `zh-cn`, `zh-tw`, `en-us`) to ours. */
export function uiLocale(language: string | undefined): UiLocale {
  return (language ?? '').toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
