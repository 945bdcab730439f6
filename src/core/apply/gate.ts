// The gate in front of every send: exactly what `dwtasks validate` runs (JSON Schema + every rule,
// same codes, same ranges) on the bytes that will be sent. Any error, or no task: nothing is sent.
// `dwtasks validate`, `dwtasks apply`/`diff` and the editor's Apply/Preview all call this one function,
// so what one reports as an error the others can never send.
import type { WeekdayNumbering } from '../cron/weekdays';
import { stripBom } from '../patch/limits';
import type { ParsedPatch } from '../patch/parse';
import type { BatchUpdateRequest } from '../patch/model';
import { toRequest } from '../patch/serialize';
import type { Finding } from '../types';
import { validateText, type Locale } from '../validate/index';
import { translate, type Messages } from '../text/l10n';

/** Why nothing is sent, in English; the Chinese is in the l10n bundle. */
const GATE_TEXTS = {
  oneError: '{0}: 1 error; nothing was sent.',
  errors: '{0}: {1} errors; nothing was sent.',
  empty: '{0}: the patch has no Tasks; nothing was sent.',
} as const satisfies Messages;

export interface GateOptions {
  locale?: Locale;
  /** How weekday numbers in crons are read (default DataWorks'); the same as validate's. */
  weekdays?: WeekdayNumbering;
}

interface Checked {
  file: string;
  /** The text as checked and sent: BOM stripped. */
  text: string;
  /** Every finding, in the order validate prints them. */
  findings: Finding[];
}

export type GateVerdict =
  | (Checked & { ok: true; patch: ParsedPatch; request: BatchUpdateRequest; warnings: Finding[] })
  | (Checked & { ok: false; reason: 'errors' | 'empty'; errors: Finding[]; message: string });

export function checkBeforeSend(raw: string, file: string, opts: GateOptions = {}): GateVerdict {
  const text = stripBom(raw);
  const { patch, findings } = validateText(text, { schema: true, locale: opts.locale, weekdays: opts.weekdays });
  const errors = findings.filter((f) => f.severity === 'error');
  const locale = opts.locale ?? 'en';
  const refuse = (reason: 'errors' | 'empty', message: string, extra: Finding[] = []): GateVerdict =>
    ({ ok: false, reason, file, text, findings: [...findings, ...extra], errors: [...errors, ...extra], message });
  if (errors.length) return refuse('errors', translate(locale, errors.length === 1 ? GATE_TEXTS.oneError : GATE_TEXTS.errors, [file, errors.length]));
  if (!patch.tasks.length) return refuse('empty', translate(locale, GATE_TEXTS.empty, [file]));
  let request: BatchUpdateRequest;
  try {
    request = toRequest(patch);
  } catch (e) {
    // Validation passed but the request cannot be built: a gap between the rules and the writer. Refuse, never send half.
    const finding: Finding = {
      code: 'dwtasks/request-build', severity: 'error', range: patch.rangeAt(0, 0),
      message: `The request could not be built from this patch (${e instanceof Error ? e.message : String(e)}).`,
    };
    return refuse('errors', translate(locale, GATE_TEXTS.oneError, [file]), [finding]);
  }
  return { ok: true, file, text, findings, patch, request, warnings: findings.filter((f) => f.severity === 'warning') };
}
