// The words of cron descriptions, in English. They are the phrases users have read in hovers and
// hints since the first release (cronstrue 3.x, en and zh_CN), so the wording stays what it was.
// `%s` marks where a value goes, in order. Other languages translate each phrase through
// l10n/bundle.l10n.zh-cn.json (keyed by the English phrase) once, when first asked for.
import { translate, type Locale } from '../text/l10n';

export type DescribeLocale = Locale;

export interface Phrases {
  everyMinute: string;
  everyHour: string;
  onTheHour: string;
  /** Starts a time of day: "At 08:30". */
  atSpace: string;
  /** Starts a list of times: "At 01:30, 02:30 and 05:30". */
  at: string;
  spaceAnd: string;
  /** Between the items of a list ("A, B and C"; Chinese 顿号 "A、B 和 C"). */
  listComma: string;
  /** Before the last item of a list of three or more (the serial comma; none in Chinese). */
  serialComma: string;
  everyMinuteBetween: string;
  everyXMinutes(n: string): string;
  minutesXThroughYPastTheHour: string;
  atXMinutesPastTheHour(n: string): string;
  everyXHours(n: string): string;
  betweenXAndY: string;
  atX: string;
  commaEveryDay: string;
  commaEveryXDaysOfTheWeek: string;
  commaXThroughY: string;
  commaAndXThroughY: string;
  /** first ... fifth, for `n#k`. */
  ordinals: readonly string[];
  commaOnThe: string;
  spaceXOfTheMonth: string;
  lastDay: string;
  commaOnTheLastXOfTheMonth: string;
  commaOnlyOnX: string;
  commaAndOnX: string;
  commaEveryXMonths: string;
  commaOnlyInMonthX: string;
  commaOnTheLastDayOfTheMonth: string;
  commaEveryXDays: string;
  commaBetweenDayXAndYOfTheMonth: string;
  commaOnDayXOfTheMonth: string;
  commaStartingX: string;
  /** How a day of the month is written inside a phrase (English: the bare number). */
  dayX: string;
  /** Sunday first. */
  days: readonly string[];
  months: readonly string[];
}

/** "1" (and only a lone 1) takes the singular. */
const isOne = (s: string): boolean => Number(s) === 1;

/**
 * Every phrase but the serial comma, which is English grammar (other languages write none), and the
 * day of the month, a bare number in English (translated below, with a comment for the translator).
 */
const WORDS = {
  everyMinute: 'every minute',
  everyHour: 'every hour',
  onTheHour: 'on the hour',
  atSpace: 'At ',
  at: 'At',
  spaceAnd: ' and',
  listComma: ', ',
  everyMinuteBetween: 'Every minute between %s and %s',
  everyXMinutes: (n) => (isOne(n) ? 'every %s minute' : 'every %s minutes'),
  minutesXThroughYPastTheHour: 'minutes %s through %s past the hour',
  atXMinutesPastTheHour: (n) => (isOne(n) ? 'at %s minute past the hour' : 'at %s minutes past the hour'),
  everyXHours: (n) => (isOne(n) ? 'every %s hour' : 'every %s hours'),
  betweenXAndY: 'between %s and %s',
  atX: 'at %s',
  commaEveryDay: ', every day',
  commaEveryXDaysOfTheWeek: ', every %s days of the week',
  commaXThroughY: ', %s through %s',
  commaAndXThroughY: ', %s through %s',
  ordinals: ['first', 'second', 'third', 'fourth', 'fifth'],
  commaOnThe: ', on the',
  spaceXOfTheMonth: ' %s of the month',
  lastDay: 'the last day',
  commaOnTheLastXOfTheMonth: ', on the last %s of the month',
  commaOnlyOnX: ', only on %s',
  commaAndOnX: ', and on %s',
  commaEveryXMonths: ', every %s months',
  commaOnlyInMonthX: ', only in %s',
  commaOnTheLastDayOfTheMonth: ', on the last day of the month',
  commaEveryXDays: ', every %s days in a month',
  commaBetweenDayXAndYOfTheMonth: ', between day %s and %s of the month',
  commaOnDayXOfTheMonth: ', on day %s of the month',
  commaStartingX: ', starting %s',
  days: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  months: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} satisfies PhraseTexts;

type PhraseTexts = Omit<Phrases, 'serialComma' | 'dayX'>;

export const EN_PHRASES: Phrases = { ...WORDS, serialComma: ',', dayX: '%s' };

const cache = new Map<DescribeLocale, Phrases>();

/** The phrases in `locale`, each translated from its English. */
export function phrasesFor(locale: DescribeLocale): Phrases {
  if (locale === 'en') return EN_PHRASES;
  let p = cache.get(locale);
  if (!p) cache.set(locale, (p = translatePhrases(locale)));
  return p;
}

function translatePhrases(locale: DescribeLocale): Phrases {
  const out: Record<string, unknown> = { serialComma: '' };
  for (const [name, value] of Object.entries(WORDS) as [keyof PhraseTexts, PhraseTexts[keyof PhraseTexts]][]) {
    if (typeof value === 'string') out[name] = translate(locale, value);
    else if (typeof value === 'function') out[name] = (n: string) => translate(locale, value(n));
    else out[name] = value.map((s) => translate(locale, s));
  }
  out.dayX = translate(locale, { message: '%s', comment: 'a day of the month' });
  // The same English as commaXThroughY, but Chinese says "and" here (days of the month came first).
  out.commaAndXThroughY = translate(locale, { message: ', %s through %s', comment: 'after days of the month' });
  return out as unknown as Phrases;
}

export const unreadable = (locale: DescribeLocale): string => translate(locale, 'Unreadable cron expression');
