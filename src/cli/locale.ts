// The CLI's language, decided here only: DWTASKS_LANG=zh-cn (or any zh*) is Chinese, anything else or
// unset English. LANG and LC_ALL are not read, so CI logs stay English unless a run asks otherwise.
// JSON output (--json, --format json, plan files, journals) is English whatever this says.
import type { Locale } from '../core/text/l10n';

export function cliLocale(env: NodeJS.ProcessEnv): Locale {
  return /^zh/i.test(env.DWTASKS_LANG?.trim() ?? '') ? 'zh-cn' : 'en';
}
