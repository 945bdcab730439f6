// Every problem and fix title the cron checker produces, in English and Simplified Chinese.
// Templates use {name} placeholders (checked by a unit test: same placeholders in both languages).
// The CLI prints English; the editor passes the UI language.
import type { CronField } from './fields';

export type CronLocale = 'en' | 'zh-cn';
export type CronArgs = Record<string, string | number>;

const SHAPE_EN = 'use numbers {min}-{max}';
const FORMS_EN = '*, ranges a-b, lists a,b and steps a/n';
const ALONE_EN = 'must be the only value in the field, not part of a list';
const ALONE_ZH = '必须是该字段中唯一的值，不能出现在列表中';
const FORMS_ZH = '*、范围 a-b、列表 a,b 和步长 a/n';

const en = {
  'field.second': 'second',
  'field.minute': 'minute',
  'field.hour': 'hour',
  'field.day-of-month': 'day-of-month',
  'field.month': 'month',
  'field.day-of-week': 'day-of-week',
  'field.expression': 'expression',
  prefix: '{field}: {message}',

  'expression.empty': 'the cron expression is empty; expected 6 fields: second minute hour day-of-month month day-of-week',
  'expression.count': 'expected 6 fields (second minute hour day-of-month month day-of-week), found {count}',
  'expression.year': 'DataWorks cron has no year field; remove "{token}"',
  'second.notZero': 'DataWorks only runs at whole minutes, so seconds must be 00 (found "{token}")',
  'char.notAscii': '"{el}" contains a character that is not allowed here (U+{code}); use ASCII digits, names, and * ? , - / L #',
  'list.empty': 'empty value in the list (two commas in a row, or a comma at the start or end)',
  'alone.none': `? ${ALONE_EN}`,
  'alone.last': `L (last day of the month) ${ALONE_EN}`,
  'alone.lastWeekday': `{el} (last weekday of the month) ${ALONE_EN}`,
  'alone.nth': `{el} (nth weekday of the month) ${ALONE_EN}`,
  'none.notDay': '? (no specific value) is only allowed in day-of-month or day-of-week',
  'unsupported.LW': 'DataWorks does not support LW (last weekday of the month)',
  'unsupported.Ln': 'DataWorks does not support {el} (days before the last day of the month)',
  'unsupported.W': 'DataWorks does not support {el} (nearest weekday)',
  'dow.L': 'L alone means Saturday in Quartz; write SAT, or nL for the last weekday n of the month (e.g. {lastFriday} = last Friday)',
  'nth.week': 'the number after # must be 1 to 5 (the week of the month), found "{k}"',
  invalid: `"{el}" is not a valid value (${SHAPE_EN}, ${FORMS_EN})`,
  'invalid.month': `"{el}" is not a valid value (${SHAPE_EN} or JAN-DEC, ${FORMS_EN})`,
  'invalid.day-of-month': `"{el}" is not a valid value (${SHAPE_EN}, ${FORMS_EN}, L, or ?)`,
  'invalid.day-of-week': `"{el}" is not a valid value (${SHAPE_EN} or SUN-SAT, ${FORMS_EN}, nL, n#k, or ?)`,
  'range.mixed': 'a range must use two names or two numbers, not "{el}"',
  'step.afterName': 'a step after a name is ignored by Quartz; write the range with numbers (e.g. "{example}")',
  range: '{value} is out of range {min}-{max}',
  'range.month': '{value} is out of range {min}-{max} (1 = January, or JAN-DEC)',
  'range.day-of-week': '{value} is out of range {min}-{max} ({sunday}, or SUN-SAT)',
  'range.inverted': '"{el}" runs backwards: DataWorks reads cron as Spring does, which rejects such a range (Quartz would wrap it); list the values instead: {values}',
  'name.month': '"{text}" is not a month name; use {names}',
  'name.day': '"{text}" is not a day name; use {names}',
  'number': '"{text}" is not a number (expected {min}-{max})',
  'step.missing': 'a number must follow /',
  'step.range': 'step {step} is out of range 1-{max}',
  'days.bothNone': 'day-of-month and day-of-week are both ?; give one of them a value (e.g. * in day-of-month for every day)',
  'days.dowMustBeNone': 'must be ? when day-of-month is set (exactly one of the two day fields is ?)',
  'days.domMustBeNone': 'must be ? when day-of-week is set (exactly one of the two day fields is ?)',
  'days.bothSet': 'day-of-month and day-of-week are both set; Quartz needs exactly one of them to be ?',
  gap: 'runs at {first} and {second} are only {minutes} apart; DataWorks needs at least {min} minutes between runs',
  'gap.nextDay': 'runs at {first} and {second} the next day are only {minutes} apart; DataWorks needs at least {min} minutes between runs',
  'minutes.one': '{n} minute',
  'minutes.other': '{n} minutes',
  'sunday.dataworks': '0 or 7 = Sunday, 1 = Monday',
  'sunday.quartz': '1 = Sunday',
  'numbering.dataworks': 'the DataWorks numbering (0 or 7 = Sunday, 1 = Monday ... 6 = Saturday)',
  'numbering.quartz': 'the Quartz numbering (1 = Sunday, 2 = Monday ... 7 = Saturday)',
  'weekdays.numbers': '"{text}" means {names} in {numbering}; day names mean the same in every numbering',
  'warn.bothNone': 'day-of-month and day-of-week are both ?: Spring, whose format DataWorks documents, runs every day; Quartz rejects it; write * in day-of-month',
  'warn.stepPastRange': 'step {step} in "{el}" is larger than the field ({min}-{max}), so Spring fires at {value} only; Quartz rejects it; write {value}',
  'warn.stepAfterName': 'Spring reads "{el}" as "{example}"; Quartz ignores a step after a name; write "{example}"',
  'warn.domFromZero': 'Spring counts "{el}" from day 0, so it means days {values}; Quartz counts from day 1; write "{plain}" to say it plainly',
  'never.day': 'never fires: there is no day {days} in {months} (at most {longest} days)',
  'never.noDay': 'never fires: no day from 1 to 31 (Spring counts from day 0 but never runs on it)',
  'warn.domZero': 'Spring accepts day 0 in "{el}" and never runs on it (Quartz rejects it); write "{plain}" without it',
  'warn.domZeroInList': 'Spring accepts day 0 and never runs on it (Quartz rejects it); remove it from the list',
  'names.months': 'January February March April May June July August September October November December',

  'fix.removeYear': 'Remove the year field "{token}"',
  'fix.seconds': 'Set seconds to 00',
  'fix.saturday': 'Write Saturday as SAT',
  'fix.listDays': 'List the days: {values}',
  'fix.listValues': 'List the values: {values}',
  'fix.write': 'Write "{text}"',
  'fix.lastDay': 'Run on the last day of the month (L)',
  'fix.dropDayZero': 'Remove day 0',
  'fix.names': 'Write the days by name: {names}',
  'fix.everyDay': 'Run every day (* in day-of-month)',
  'fix.dowNone': 'Replace * with ? in day-of-week',
  'fix.domNone': 'Replace * with ? in day-of-month',
  'fix.everyN': 'Run every {n} minutes',
  'fix.canonical': 'Use the canonical form "{canonical}"',
  'fix.all': 'Apply all fixes',
  'fix.andCanonical': 'Fix and use the canonical form "{canonical}"',
} as const;

export type CronMessageKey = keyof typeof en;

const zh: Record<CronMessageKey, string> = {
  'field.second': '秒',
  'field.minute': '分钟',
  'field.hour': '小时',
  'field.day-of-month': '日',
  'field.month': '月',
  'field.day-of-week': '星期',
  'field.expression': '表达式',
  prefix: '{field}：{message}',

  'expression.empty': 'cron 表达式为空；应为 6 个字段：秒 分 时 日 月 星期',
  'expression.count': '应为 6 个字段（秒 分 时 日 月 星期），实际为 {count} 个',
  'expression.year': 'DataWorks cron 没有年份字段；请删除 "{token}"',
  'second.notZero': 'DataWorks 只在整分钟运行，秒必须为 00（实际为 "{token}"）',
  'char.notAscii': '"{el}" 含有此处不允许的字符（U+{code}）；请使用 ASCII 数字、名称以及 * ? , - / L #',
  'list.empty': '列表中有空值（连续两个逗号，或开头/结尾有逗号）',
  'alone.none': `? ${ALONE_ZH}`,
  'alone.last': `L（当月最后一天）${ALONE_ZH}`,
  'alone.lastWeekday': `{el}（当月最后一个星期几）${ALONE_ZH}`,
  'alone.nth': `{el}（当月第几个星期几）${ALONE_ZH}`,
  'none.notDay': '?（不指定值）只能用在日或星期字段',
  'unsupported.LW': 'DataWorks 不支持 LW（当月最后一个工作日）',
  'unsupported.Ln': 'DataWorks 不支持 {el}（当月最后一天之前的第几天）',
  'unsupported.W': 'DataWorks 不支持 {el}（最近的工作日）',
  'dow.L': '在 Quartz 中单独的 L 表示星期六；请写 SAT，或用 nL 表示当月最后一个星期 n（如 {lastFriday} = 最后一个星期五）',
  'nth.week': '# 后的数字必须是 1 到 5（当月第几周），实际为 "{k}"',
  invalid: `"{el}" 不是有效的值（请使用数字 {min}-{max}、${FORMS_ZH}）`,
  'invalid.month': `"{el}" 不是有效的值（请使用数字 {min}-{max} 或 JAN-DEC、${FORMS_ZH}）`,
  'invalid.day-of-month': `"{el}" 不是有效的值（请使用数字 {min}-{max}、${FORMS_ZH}、L 或 ?）`,
  'invalid.day-of-week': `"{el}" 不是有效的值（请使用数字 {min}-{max} 或 SUN-SAT、${FORMS_ZH}、nL、n#k 或 ?）`,
  'range.mixed': '范围必须两端都是名称或都是数字，而不是 "{el}"',
  'step.afterName': 'Quartz 会忽略名称后的步长；请用数字写范围（如 "{example}"）',
  range: '{value} 超出范围 {min}-{max}',
  'range.month': '{value} 超出范围 {min}-{max}（1 = 一月，或 JAN-DEC）',
  'range.day-of-week': '{value} 超出范围 {min}-{max}（{sunday}，或 SUN-SAT）',
  'range.inverted': '"{el}" 是倒序范围：DataWorks 按 Spring 的方式读取 cron，不接受这种范围（Quartz 会绕回）；请逐个列出这些值：{values}',
  'name.month': '"{text}" 不是月份名称；请使用 {names}',
  'name.day': '"{text}" 不是星期名称；请使用 {names}',
  'number': '"{text}" 不是数字（应为 {min}-{max}）',
  'step.missing': '/ 后必须跟一个数字',
  'step.range': '步长 {step} 超出范围 1-{max}',
  'days.bothNone': '日和星期都是 ?；请给其中一个赋值（如日写 * 表示每天）',
  'days.dowMustBeNone': '设置了日时必须为 ?（日和星期两个字段恰有一个为 ?）',
  'days.domMustBeNone': '设置了星期时必须为 ?（日和星期两个字段恰有一个为 ?）',
  'days.bothSet': '日和星期都设置了值；Quartz 要求其中恰有一个为 ?',
  gap: '{first} 与 {second} 两次运行只相隔 {minutes}；DataWorks 要求两次运行至少间隔 {min} 分钟',
  'gap.nextDay': '{first} 与次日 {second} 两次运行只相隔 {minutes}；DataWorks 要求两次运行至少间隔 {min} 分钟',
  'minutes.one': '{n} 分钟',
  'minutes.other': '{n} 分钟',
  'sunday.dataworks': '0 或 7 = 星期日，1 = 星期一',
  'sunday.quartz': '1 = 星期日',
  'numbering.dataworks': 'DataWorks 编号（0 或 7 = 星期日，1 = 星期一 …… 6 = 星期六）',
  'numbering.quartz': 'Quartz 编号（1 = 星期日，2 = 星期一 …… 7 = 星期六）',
  'weekdays.numbers': '"{text}" 按 {numbering}表示 {names}；星期名称在任何编号下含义都相同',
  'warn.bothNone': '日和星期都是 ?：DataWorks 文档所依据的 Spring 会每天运行，Quartz 则不接受；请在日中写 *',
  'warn.stepPastRange': '"{el}" 的步长 {step} 超过了字段范围（{min}-{max}），Spring 只在 {value} 触发；Quartz 不接受；请写 {value}',
  'warn.stepAfterName': 'Spring 把 "{el}" 读作 "{example}"；Quartz 会忽略名称后的步长；请写 "{example}"',
  'warn.domFromZero': 'Spring 从第 0 天开始计算 "{el}"，即 {values} 日；Quartz 从第 1 天开始；请写 "{plain}" 以明确含义',
  'never.day': '永不触发：{months}没有第 {days} 日（最多 {longest} 天）',
  'never.noDay': '永不触发：没有 1 到 31 之间的日（Spring 从第 0 天开始计算，但从不在第 0 天运行）',
  'warn.domZero': 'Spring 接受 "{el}" 中的第 0 天，但从不在这一天运行（Quartz 不接受）；请去掉它，写成 "{plain}"',
  'warn.domZeroInList': 'Spring 接受第 0 天，但从不在这一天运行（Quartz 不接受）；请从列表中删除它',
  'names.months': '一月 二月 三月 四月 五月 六月 七月 八月 九月 十月 十一月 十二月',

  'fix.removeYear': '删除年份字段 "{token}"',
  'fix.seconds': '将秒设为 00',
  'fix.saturday': '将星期六写成 SAT',
  'fix.listDays': '逐个列出这些天：{values}',
  'fix.listValues': '逐个列出这些值：{values}',
  'fix.write': '改写为 "{text}"',
  'fix.lastDay': '改为在当月最后一天运行（L）',
  'fix.dropDayZero': '删除第 0 天',
  'fix.names': '用星期名称书写：{names}',
  'fix.everyDay': '每天运行（日写 *）',
  'fix.dowNone': '将星期中的 * 改为 ?',
  'fix.domNone': '将日中的 * 改为 ?',
  'fix.everyN': '每 {n} 分钟运行一次',
  'fix.canonical': '使用规范形式 "{canonical}"',
  'fix.all': '应用全部修复',
  'fix.andCanonical': '修复并使用规范形式 "{canonical}"',
};

export const CRON_MESSAGES: Readonly<Record<CronLocale, Readonly<Record<CronMessageKey, string>>>> = { en, 'zh-cn': zh };

// Templates split once into [text, name, text, name, ..., text]: rendering is concatenation
// (invalid expressions are common while typing, and the CLI checks thousands per second).
const compiled: Record<CronLocale, Map<CronMessageKey, string[]>> = { en: new Map(), 'zh-cn': new Map() };

export function cronMessage(locale: CronLocale, key: CronMessageKey, args: CronArgs = {}): string {
  let parts = compiled[locale].get(key);
  if (!parts) compiled[locale].set(key, (parts = CRON_MESSAGES[locale][key].split(/\{(\w+)\}/)));
  let out = parts[0];
  for (let i = 1; i < parts.length; i += 2) {
    const v = args[parts[i]];
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1];
  }
  return out;
}

/** "day-of-week: <message>" in the locale's words and punctuation. */
export function inField(locale: CronLocale, field: CronField, key: CronMessageKey, args: CronArgs = {}): string {
  return cronMessage(locale, 'prefix', { field: cronMessage(locale, `field.${field}`), message: cronMessage(locale, key, args) });
}
