// `dwtasks validate FILE... [--json]`: the JSON schema in schemas/ plus every core rule, so CI
// catches what the editor shows. Exit 0 no errors, 1 errors, 2 usage or a file that cannot be read.
import { readFile, stat } from 'node:fs/promises';
import type { CliCommand, CliIO } from '../io';
import { stripBom } from '../../core/patch/limits';
import { fileSizeFinding, validateText } from '../../core/validate/index';
import type { Finding } from '../../core/types';

const HELP = `Usage: dwtasks validate FILE... [--json]

Checks .dwtasks.json patches against the schema and every DataWorks rule.
  --json   print [{"file","diagnostics":[{"code","severity","message","range"}]}] (0-based positions)
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
    const files: string[] = [];
    let json = false;
    for (const a of args) {
      if (a === '--json') json = true;
      else if (a === '--help' || a === '-h') {
        io.stdout.write(HELP);
        return 0;
      } else if (a.startsWith('-') && a !== '-') {
        io.stderr.write(`dwtasks validate: unknown option '${a}'\n\n${HELP}`);
        return 2;
      } else files.push(a);
    }
    if (files.length === 0) {
      io.stderr.write(`dwtasks validate: no FILE given\n\n${HELP}`);
      return 2;
    }
    let unreadable = false;
    let read = 0;
    let errors = 0;
    let warnings = 0;
    const results: { file: string; diagnostics: JsonDiagnostic[] }[] = [];
    for (const file of files) {
      let tooLarge: Finding | undefined;
      let text = '';
      try {
        // A file over the size limit is refused unread: one finding, however big it is.
        tooLarge = fileSizeFinding((await stat(file)).size);
        // Editors drop the byte order mark too, so positions agree with what VS Code shows.
        if (!tooLarge) text = stripBom(await readFile(file, 'utf8'));
      } catch (err) {
        unreadable = true;
        io.stderr.write(`dwtasks validate: cannot read '${file}': ${describeReadError(err)}\n`);
        continue;
      }
      read++;
      const findings = tooLarge ? [tooLarge] : validateText(text, { schema: true }).findings;
      errors += findings.filter((f) => f.severity === 'error').length;
      warnings += findings.filter((f) => f.severity === 'warning').length;
      if (json) {
        results.push({ file, diagnostics: findings.map(({ code, severity, message, range }) => ({ code, severity, message, range })) });
      } else {
        io.stdout.write(findings.map((f) => humanLine(file, f)).join(''));
      }
    }
    if (json) io.stdout.write(JSON.stringify(results) + '\n');
    else io.stdout.write(`${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(read, 'file')}\n`);
    if (unreadable) return 2;
    return errors > 0 ? 1 : 0;
  },
};

/** `file:line:col: severity [code] message`, 1-based like compilers, so terminals and problem matchers link it. */
function humanLine(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.code}] ${f.message}\n`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}
