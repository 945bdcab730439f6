// The typography rules for Simplified Chinese text, as one pure check (used by ../zh-typography.test.ts).

const HAN = /\p{Script=Han}/u;
const FULL_BRACKETS = '（）';

/**
 * The problems in one text. An ASCII , . ; : ? ! ( ) counts when a Chinese character touches it
 * ("字段." "(项目"), or when it is attached to the word before it and a Chinese character follows
 * after spaces ("分钟, 在", "%s, 每天"): Chinese sentences punctuated in ASCII (one that starts the
 * text is attached to nothing: the cron value in "? 必须是该字段中唯一的值"). Code and values
 * stand apart from Chinese by a space on the side that matters ("07:05", "为 ?", " .dwtasks.json",
 * "{0}", "--force"), so they pass without a list of exceptions.
 * A space beside a full-width bracket is always wrong (the bracket carries its own spacing);
 * weekdays are 星期一 ... 星期日 (the describer's words), never 周一 ... 周日.
 */
export function zhTypographyProblems(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (',.;:?!()'.includes(ch) && (isHan(s[i - 1]) || isHan(s[i + 1]) || (i > 0 && s[i - 1] !== ' ' && hanAfterSpaces(s, i)))) out.push(`ASCII "${ch}"`);
    if (FULL_BRACKETS.includes(ch) && (s[i - 1] === ' ' || s[i + 1] === ' ')) out.push(`space beside "${ch}"`);
  }
  for (const m of s.matchAll(/周([一二三四五六日天])/g)) out.push(`weekday "${m[0]}" (write 星期${m[1] === '天' ? '日' : m[1]})`);
  return out;
}

const isHan = (ch: string | undefined): boolean => ch !== undefined && HAN.test(ch);

/** Whether the first character after `i` other than a space is Chinese. */
function hanAfterSpaces(s: string, i: number): boolean {
  let j = i + 1;
  while (s[j] === ' ') j++;
  return isHan(s[j]);
}

/**
 * English words left in a text that has no Chinese character (a label such as "Owner" among Chinese
 * ones): a plain word, "Owner" or "seconds". Names and code pass: CamelCase (DataWorks, EnvType),
 * capitals (ID, CU), dotted paths (Trigger.Cron), file paths, placeholders, and "cron", the dialect's name.
 */
export function untranslatedWords(s: string): string[] {
  if (HAN.test(s)) return [];
  return [...s.replace(/\{[^}]*\}|\S*\/\S*/g, '').matchAll(/[A-Za-z][A-Za-z.]*/g)].map((m) => m[0])
    .filter((w) => w !== 'cron' && (/^[a-z]{2,}$/.test(w) || /^[A-Z][a-z]+$/.test(w)));
}
