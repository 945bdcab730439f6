// The words of cron descriptions, English and Simplified Chinese. They are the phrases users have
// read in hovers and hints since the first release (cronstrue 3.x, en and zh_CN), so the wording
// stays what it was. `%s` marks where a value goes, in order.

export type DescribeLocale = 'en' | 'zh-cn';

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
  /** How a day of the month is written inside a phrase; undefined: the bare number. */
  dayX?: string;
  /** Sunday first. */
  days: readonly string[];
  months: readonly string[];
}

/** "1" (and only a lone 1) takes the singular. */
const isOne = (s: string): boolean => Number(s) === 1;

const EN: Phrases = {
  everyMinute: 'every minute',
  everyHour: 'every hour',
  onTheHour: 'on the hour',
  atSpace: 'At ',
  at: 'At',
  spaceAnd: ' and',
  listComma: ', ',
  serialComma: ',',
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
};

const ZH_CN: Phrases = {
  everyMinute: '每分钟',
  everyHour: '每小时',
  onTheHour: '整点',
  atSpace: '在 ',
  at: '在',
  spaceAnd: ' 和',
  listComma: '、',
  serialComma: '',
  everyMinuteBetween: '在 %s 至 %s 之间的每分钟',
  everyXMinutes: () => '每隔 %s 分钟',
  minutesXThroughYPastTheHour: '在整点后的第 %s 到 %s 分钟',
  atXMinutesPastTheHour: () => '在整点后的第 %s 分钟',
  everyXHours: () => '每隔 %s 小时',
  betweenXAndY: '在 %s 和 %s 之间',
  atX: '在 %s',
  commaEveryDay: ', 每天',
  commaEveryXDaysOfTheWeek: ', 每周的每 %s 天',
  commaXThroughY: ', %s至%s',
  commaAndXThroughY: ', 和%s至%s',
  ordinals: ['第一个', '第二个', '第三个', '第四个', '第五个'],
  commaOnThe: ', 限每月的',
  spaceXOfTheMonth: '%s',
  lastDay: '本月最后一天',
  commaOnTheLastXOfTheMonth: ', 限每月的最后一个%s',
  commaOnlyOnX: ', 仅%s',
  commaAndOnX: ', 或者为%s',
  commaEveryXMonths: ', 每隔 %s 个月',
  commaOnlyInMonthX: ', 仅于%s份',
  commaOnTheLastDayOfTheMonth: ', 限每月的最后一天',
  commaEveryXDays: ', 每隔 %s 天',
  commaBetweenDayXAndYOfTheMonth: ', 限每月的 %s 至 %s 之间',
  commaOnDayXOfTheMonth: ', 限每月%s',
  commaStartingX: ', %s开始',
  dayX: ' %s 号',
  days: ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'],
  months: ['一月', '二月', '三月', '四月', '五月', '六月', '七月', '八月', '九月', '十月', '十一月', '十二月'],
};

export const PHRASES: Record<DescribeLocale, Phrases> = { en: EN, 'zh-cn': ZH_CN };

export const UNREADABLE: Record<DescribeLocale, string> = { en: 'Unreadable cron expression', 'zh-cn': '无法解析的 cron 表达式' };
