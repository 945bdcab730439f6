// The last touches of a description: the short form (inlay hints, tree items) and the spaces the
// Chinese phrases leave, scanned with indexOf and char codes (no regular expression per call).
import type { Phrases } from './describe-phrases';

/** The short form: "every minute", "every hour" and "every day" dropped where nothing follows them in the clause. */
export function concise(s: string, p: Phrases): string {
  let out = dropClause(s, `, ${p.everyMinute}`);
  out = dropClause(out, `, ${p.everyHour}`);
  out = dropClause(out, p.commaEveryDay);
  if (out.endsWith(', ')) return out.slice(0, -2);
  return out.endsWith(',') ? out.slice(0, -1) : out;
}

/** Every `phrase` not followed (after spaces) by a letter or digit, removed. */
function dropClause(s: string, phrase: string): string {
  let i = s.indexOf(phrase);
  if (i < 0) return s;
  let out = '';
  let from = 0;
  while (i >= 0) {
    let j = i + phrase.length;
    while (j < s.length && isSpace(s.charCodeAt(j))) j++;
    if (j >= s.length || !isWordChar(s.charCodeAt(j))) {
      out += s.slice(from, i);
      from = i + phrase.length;
      i = s.indexOf(phrase, from);
    } else {
      i = s.indexOf(phrase, i + phrase.length);
    }
  }
  return out + s.slice(from);
}

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);
/** Letters and digits; every non-ASCII character in these phrases is a letter. */
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || ((c | 0x20) >= 97 && (c | 0x20) <= 122) || c >= 0x80;

/**
 * The Chinese phrases leave stray spaces and ASCII clause commas: runs of spaces become one, none in
 * "第三个 星期五", "1 号" or after "、"; every ", " between clauses (lists use "、") becomes "，".
 */
export function tidyChinese(s: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 44) continue;
    let j = i + 1;
    while (s.charCodeAt(j) === 32) j++;
    out += s.slice(from, i) + (c === 44 ? '，' : dropSpace(s, i, j) ? '' : ' ');
    from = j;
    i = j - 1;
  }
  return from ? out + s.slice(from) : s;
}

/** The space at `i` (the run ends before `j`) goes in "第三个 星期五", "1 号" and after "、". */
function dropSpace(s: string, i: number, j: number): boolean {
  const before = s.charCodeAt(i - 1);
  return (before === 0x4e2a && s.startsWith('星期', j)) || (isDigitCode(before) && s.charCodeAt(j) === 0x53f7) || before === 0x3001;
}

const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
