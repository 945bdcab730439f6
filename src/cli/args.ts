// Option parsing for commands: node's parseArgs, with usage errors as a typed error (exit 2).
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { translate, type Locale, type Messages } from '../core/text/l10n';

export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** English; the Chinese is in the l10n bundle. */
const NUMBER_TEXTS = {
  integerRange: "--{0} must be an integer from {1} to {2}, got '{3}'",
  integerMin: "--{0} must be an integer of at least {1}, got '{3}'",
  integer: "--{0} must be an integer, got '{3}'",
  numberRange: "--{0} must be a number from {1} to {2}, got '{3}'",
  numberMin: "--{0} must be a number of at least {1}, got '{3}'",
  number: "--{0} must be a number, got '{3}'",
} as const satisfies Messages;

/** A positive number option (`--rps 2.5`), or the default. */
export function numberOption(value: string | undefined, name: string, fallback: number, opts: { integer?: boolean; min?: number; max?: number } = {}, locale: Locale = 'en'): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  const bad = !Number.isFinite(n) || (opts.integer && !Number.isInteger(n)) || (opts.min !== undefined && n < opts.min) || (opts.max !== undefined && n > opts.max);
  if (bad || value.trim() === '') {
    const range = opts.min !== undefined && opts.max !== undefined ? 'Range' : opts.min !== undefined ? 'Min' : '';
    const key = `${opts.integer ? 'integer' : 'number'}${range}` as const;
    throw new UsageError(translate(locale, NUMBER_TEXTS[key], [name, opts.min ?? '', opts.max ?? '', value]));
  }
  return n;
}

/** A `--project` value: a project id (digits), or a usage error naming what was given. */
export function projectIdOption(value: string, locale: Locale = 'en'): string {
  if (!/^\d+$/.test(value)) throw new UsageError(translate(locale, "--project takes a project id (digits), got '{0}'", [value]));
  return value;
}
