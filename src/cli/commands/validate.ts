// `dwtasks validate FILE... [--weekdays N] [--json]`: the JSON schema in schemas/ plus every core rule, so CI
// catches what the editor shows. Exit 0 no errors, 1 errors, 2 usage or a file that cannot be read.
import type { CliCommand, CliIO } from '../io';
import { checkBeforeSend } from '../../core/apply/gate';
import type { Finding } from '../../core/types';
import type { WeekdayNumbering } from '../../core/cron/weekdays';
import { UsageError } from '../args';
import { formatFinding, PatchInputError, readPatchText } from '../patch-file';
import { WEEKDAYS_HELP, weekdaysOption } from '../weekdays';
import { translate } from '../../core/text/l10n';
import { cliLocale } from '../locale';
import { count } from '../counts';

const HELP = `Usage: dwtasks validate FILE... [--weekdays N] [--json]

Checks .dwtasks.json patches against the schema and every DataWorks rule.
  --json   print [{"file","diagnostics":[{"code","severity","message","range"}]}] (0-based positions)
${WEEKDAYS_HELP}
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable file.
`;

interface JsonDiagnostic {
  code: string;
  severity: Finding['severity'];
  message: string;
  range: Finding['range'];
}

export const validateCommand: CliCommand = {
  summary: 'check .dwtasks.json files: schema and every DataWorks rule',
  async run(args: string[], io: CliIO): Promise<number> {
    const locale = cliLocale(io.env);
    const files: string[] = [];
    let json = false;
    let weekdays: WeekdayNumbering = weekdaysOption(undefined);
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      if (a === '--json') json = true;
      else if (a === '--weekdays' || a.startsWith('--weekdays=')) {
        try {
          weekdays = weekdaysOption(a === '--weekdays' ? args[++i] ?? '' : a.slice('--weekdays='.length), locale);
        } catch (e) {
          if (!(e instanceof UsageError)) throw e;
          io.stderr.write(`dwtasks validate: ${e.message}\n\n${HELP}`);
          return 2;
        }
      } else if (a === '--help' || a === '-h') {
        io.stdout.write(HELP);
        return 0;
      } else if (a.startsWith('-') && a !== '-') {
        io.stderr.write(`dwtasks validate: ${translate(locale, "unknown option '{0}'", [a])}\n\n${HELP}`);
        return 2;
      } else files.push(a);
    }
    if (files.length === 0) {
      io.stderr.write(`dwtasks validate: ${translate(locale, 'no FILE given')}\n\n${HELP}`);
      return 2;
    }
    // --json is a contract: its messages stay English whatever the language.
    const msgLocale = json ? 'en' : locale;
    let unreadable = false;
    let read = 0;
    let errors = 0;
    let warnings = 0;
    const results: { file: string; diagnostics: JsonDiagnostic[] }[] = [];
    for (const file of files) {
      let refused: Finding[] | undefined;
      let text = '';
      try {
        text = await readPatchText(file, msgLocale);
      } catch (err) {
        if (!(err instanceof PatchInputError)) throw err;
        // Too large or not UTF-8: a finding like any other. Not a regular file, or unreadable: exit 2.
        if (err.findings.length) refused = err.findings;
        else {
          unreadable = true;
          io.stderr.write(`dwtasks validate: ${err.message}\n`);
          continue;
        }
      }
      read++;
      // The gate apply uses (it drops a byte order mark, as editors do), so a file validate passes is one
      // apply sends, and one it fails is never sent.
      const findings = refused ?? checkBeforeSend(text, file, { weekdays, locale: msgLocale }).findings;
      errors += findings.filter((f) => f.severity === 'error').length;
      warnings += findings.filter((f) => f.severity === 'warning').length;
      if (json) {
        results.push({ file, diagnostics: findings.map(({ code, severity, message, range }) => ({ code, severity, message, range })) });
      } else {
        io.stdout.write(findings.map((f) => `${formatFinding(file, f)}\n`).join(''));
      }
    }
    if (json) io.stdout.write(JSON.stringify(results) + '\n');
    else io.stdout.write(`${translate(locale, '{0}, {1} in {2}', [count(locale, errors, 'error'), count(locale, warnings, 'warning'), count(locale, read, 'file')])}\n`);
    if (unreadable) return 2;
    return errors > 0 ? 1 : 0;
  },
};
