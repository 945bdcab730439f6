// The one message mechanism. English lives in the code; the Chinese of every message, core, CLI and
// extension alike, lives in l10n/bundle.l10n.zh-cn.json, keyed by the English text, the file VS Code
// loads for vscode.l10n.t. Core keeps an explicit locale per call (the editor's language, or English
// for the CLI), so both languages can run side by side; the formatting is @vscode/l10n's `t`
// (a unit test checks they agree), so a key means the same thing everywhere.
import zhCn from '../../../l10n/bundle.l10n.zh-cn.json';

export type Locale = 'en' | 'zh-cn';
/** Named ({name}) or positional ({0}) arguments. */
export type L10nArgs = Readonly<Record<string, string | number>> | readonly (string | number)[];
/**
 * English text, with a comment when the same English means two things (the cron field "second" and
 * the ordinal): its key is then `message/comment`, as @vscode/l10n keys it.
 */
export type L10nMessage = string | { readonly message: string; readonly comment: string };
/** A table of English messages the key scanner reads: write it as `{...} as const satisfies Messages`. */
export type Messages = Readonly<Record<string, L10nMessage>>;

const BUNDLES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = { en: {}, 'zh-cn': zhCn };

/** `message` in `locale` (English when the bundle has no text for it), its placeholders filled. */
export function translate(locale: Locale, message: L10nMessage, args?: L10nArgs): string {
  const english = typeof message === 'string' ? message : message.message;
  const key = typeof message === 'string' ? message : `${message.message}/${message.comment}`;
  const bundle = BUNDLES[locale];
  // Own keys only: a message such as "constructor" must not find Object.prototype's.
  return format((Object.hasOwn(bundle, key) && bundle[key]) || english, args);
}

const PLACEHOLDER = /\{([^}]+)\}/g;

/** @vscode/l10n's format: a placeholder without a value stays as written. */
function format(template: string, args: L10nArgs | undefined): string {
  if (!args || Object.keys(args).length === 0) return template;
  const values = args as Readonly<Record<string, string | number | undefined>>;
  return template.replace(PLACEHOLDER, (match, name: string) => {
    const v = values[name];
    return v === undefined ? match : String(v);
  });
}

/** A table's messages in one locale, by key: `say('chunk', 1, 3)` is translate(locale, table.chunk, [1, 3]). */
export type Say<T extends Messages> = (key: keyof T, ...args: (string | number)[]) => string;

export function sayIn<T extends Messages>(table: T, locale: Locale): Say<T> {
  return (key, ...args) => translate(locale, table[key] as L10nMessage, args);
}
