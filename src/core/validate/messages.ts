// Every message the validator produces, in English, keyed by the finding code's suffix. The Chinese
// is in l10n/bundle.l10n.zh-cn.json under the English text (src/core/text/l10n.ts). Where English
// needs another sentence (a count of one, an optional part), the variant is a key of its own and
// `variant` picks it, so every text a translator sees is a whole sentence.
import { translate, type L10nMessage, type Locale, type Messages } from '../text/l10n';

export type { Locale } from '../text/l10n';

type Args = Record<string, string | number>;

export const VALIDATE_MESSAGES = {
  'subject.task': 'Task {id}',
  'subject.taskNoId': 'Task #{n} (no valid Id)',
  syntax: 'Not valid JSON: {what}. Fix this first: no other rule runs on a file that does not parse.',
  'syntax.moreOne': 'Not valid JSON: {what} (and 1 more syntax error after it). Fix this first: no other rule runs on a file that does not parse.',
  'syntax.more': 'Not valid JSON: {what} (and {more} more syntax errors after it). Fix this first: no other rule runs on a file that does not parse.',
  'too-large': 'The file is {size}; dwtasks reads patches of at most {max}. Split it into several patches.',
  'too-deep': 'Nested more than {depth} levels deep here (a patch needs at most 5): the file was not parsed and no other rule ran. Remove the extra brackets.',
  'not-an-object': 'A .dwtasks.json file must be one JSON object: {"Comment": "...", "Tasks": [...]}.',
  'tasks-empty': 'Tasks is empty: BatchUpdateTasks needs at least one task.',
  'not-utf8': 'The file is not valid UTF-8: {bytes} at line {line}, column {column} is not a UTF-8 character (a file saved as Latin-1 or GBK?). Save it as UTF-8; nothing is sent until then.',
  'replacement-char': 'U+FFFD (the replacement character) stands where the file\'s bytes were not valid UTF-8, so the text here is not what was saved. Reopen the file with its real encoding and save it as UTF-8; if you mean U+FFFD, write it as \\uFFFD.',
  'duplicate-key': '"{name}" is written twice in this object (lines {first} and {line}); JSON readers disagree on which one counts. Keep one.',
  'duplicate-key.sameLine': '"{name}" is written twice in this object (both on line {line}); JSON readers disagree on which one counts. Keep one.',
  'int-not-plain': '{field} {raw} must be written as plain decimal digits (no fraction, no exponent), so what is sent is exactly what is written.',
  'int-not-plain.fix': '{field} {raw} must be written as plain decimal digits (no fraction, no exponent), so what is sent is exactly what is written: write {fix}.',
  'int-out-of-range': '{field} {raw} is outside int64 ({min} to {max}): the service cannot hold it exactly.',
  'lone-surrogate': 'This string holds {escape}, half of a UTF-16 surrogate pair without its other half: it cannot be sent as UTF-8. Write the whole character (both \\u escapes) or remove it.',
  'id-missing': 'Id is missing: BatchUpdateTasks needs the Id of every task it updates.',
  'id-not-integer': 'Id {raw} is not an integer: task ids are int64 numbers written as bare digits.',
  'id-quoted': 'Id {raw} is a string: write it as a bare number (the API expects an int64, not text).',
  'id-not-positive': 'Id {raw} is not positive: DataWorks task ids are positive int64 numbers.',
  'id-out-of-range': 'Id {raw} is larger than the int64 maximum 9223372036854775807.',
  'duplicate-id': 'Id {id} is already updated by the task on line {line}: one task may appear once per request.',
  'duplicate-id.env': 'Id {id} (EnvType {env}) is already updated by the task on line {line}: one task may appear once per request.',
  'duplicate-id-env': 'Id {id} also appears on line {line} ({other}): the response reports results by Id only, so you cannot tell the two updates apart. Split them into two patches.',
  'duplicate-tag-key': 'Tags.{index}.Key "{key}" repeats Tags.{first}.Key; each tag key may appear once.',
  'task-no-changes': 'This task changes nothing: it has only Id/EnvType. Add the fields to update, or remove it.',
  'cron-invalid': 'Trigger.Cron: {problem}',
  'cron-weekday-numbers': 'Trigger.Cron: {note}',
  'cron-spring-reading': 'Trigger.Cron: {warning}',
  'time-invalid': '{field} "{value}" is not a real date and time: {why}.',
  'time-order': 'Trigger.StartTime {start} is not before Trigger.EndTime {end}.',
  'manual-trigger-field': 'Trigger.{field} has no effect while Trigger.Type is Manual: manual tasks never run on a schedule.',
  'rerun-disabled-field': '{field} has no effect while RerunMode is AllDenied: reruns are switched off.',
  'negative-number': '{field} {value} is negative; it must be 0 or more.',
  'timeout-doc-minimum': 'Timeout {value} s: the BatchUpdateTasks reference says "greater than 3600", although its own example is 3600. The service may reject it; check before relying on it.',
  'rerun-interval-unit': 'RerunInterval {value}: BatchUpdateTasks documents seconds (example 60) but UpdateTask documents milliseconds (at most 1,800,000). Read as seconds this is {asSeconds}; as milliseconds {asMillis}.',
  'rerun-interval-range': 'RerunInterval {value} is above 1,800,000, the maximum UpdateTask documents (milliseconds, 30 minutes).',
  'cu-invalid': 'RuntimeResource.Cu {raw} is not a positive decimal written as a string, such as "0.25".',
  'fix.unquoteId': 'Write the Id as a bare number',
  'fix.writeInteger': 'Write {value}',
  'fix.quoteCu': 'Write Cu as the string "{value}"',
  'fix.removeField': 'Remove {field}',

  'why.month': 'month {v} does not exist',
  'why.day': '{month} {year} has {days} days',
  'why.hour': 'hour {v} is out of range 00-23',
  'why.minute': 'minute {v} is out of range 00-59',
  'why.second': 'second {v} is out of range 00-59',
  'env.none': 'no EnvType',
  'env.is': 'EnvType {env}',
  'syntax.InvalidSymbol': 'invalid symbol',
  'syntax.InvalidNumberFormat': 'invalid number format',
  'syntax.PropertyNameExpected': 'property name expected',
  'syntax.ValueExpected': 'value expected',
  'syntax.ColonExpected': 'colon expected',
  'syntax.CommaExpected': 'comma expected',
  'syntax.CloseBraceExpected': 'closing brace } expected',
  'syntax.CloseBracketExpected': 'closing bracket ] expected',
  'syntax.EndOfFileExpected': 'end of file expected',
  'syntax.InvalidCommentToken': 'invalid comment token',
  'syntax.UnexpectedEndOfComment': 'unexpected end of comment',
  'syntax.UnexpectedEndOfString': 'unexpected end of string',
  'syntax.UnexpectedEndOfNumber': 'unexpected end of number',
  'syntax.InvalidUnicode': 'invalid unicode escape',
  'syntax.InvalidEscapeCharacter': 'invalid escape character',
  'syntax.InvalidCharacter': 'invalid character',
  'schema.type': 'Incorrect type. Expected {expected}.',
  'schema.typeOneOf': 'Incorrect type. Expected one of {expected}.',
  'schema.enum': 'Value is not accepted. Valid values: {values}.',
  'schema.required': 'Missing property "{name}".',
  'schema.additional': 'Property {name} is not allowed.',
  'schema.pattern': 'String does not match the pattern of "{pattern}".',
  'schema.minLength': 'String is shorter than the minimum length of {n}.',
  'schema.duplicateKey': 'Duplicate object key "{name}": only the last one counts.',
  'schema.keyword': 'Value does not satisfy the schema\'s "{keyword}".',
  elided: '{start}… ({length} characters)',
  withSubject: '{subject}: {message}',
} as const satisfies Messages;

type Key = keyof typeof VALIDATE_MESSAGES;

/** The key of the sentence `args` need: a count of one, a line named once, an optional part left out. */
function variant(key: string, a: Args): string {
  switch (key) {
    case 'syntax': return Number(a.more) === 1 ? 'syntax.moreOne' : Number(a.more) > 1 ? 'syntax.more' : key;
    case 'duplicate-key': return a.first === a.line ? 'duplicate-key.sameLine' : key;
    case 'int-not-plain': return a.fix ? 'int-not-plain.fix' : key;
    case 'duplicate-id': return a.env ? 'duplicate-id.env' : key;
    default: return key;
  }
}

export function t(locale: Locale, key: string, args: Args = {}): string {
  const message = VALIDATE_MESSAGES[variant(key, args) as Key] as L10nMessage | undefined;
  if (message === undefined) throw new Error(`No message for ${key}`);
  return translate(locale, message, elideArgs(locale, args));
}

/** Values quoted in a message are cut to their start: a 2 MB Id must not become a 2 MB message. */
const LONG = 160;

function elideArgs(locale: Locale, args: Args): Args {
  let out: Args | undefined;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== 'string' || v.length <= LONG) continue;
    out ??= { ...args };
    out[k] = translate(locale, VALIDATE_MESSAGES.elided, { start: v.slice(0, 100), length: v.length });
  }
  return out ?? args;
}

/** `Task 123: <message>`: every task finding names the task first. */
export function withSubject(locale: Locale, subject: string, message: string): string {
  return translate(locale, VALIDATE_MESSAGES.withSubject, { subject, message });
}
