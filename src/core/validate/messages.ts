// Every message the validator produces, in English and Simplified Chinese. The extension passes the
// UI language; the CLI uses English unless asked otherwise. Keys are the finding codes' suffixes.
export type Locale = 'en' | 'zh-cn';

type Args = Record<string, string | number>;
type Template = (a: Args) => string;

const en: Record<string, Template> = {
  'subject.task': (a) => `Task ${a.id}`,
  'subject.taskNoId': (a) => `Task #${a.n} (no valid Id)`,
  syntax: (a) => `Not valid JSON: ${a.what}${Number(a.more) > 0 ? ` (and ${a.more} more syntax error${Number(a.more) > 1 ? 's' : ''} after it)` : ''}. Fix this first: no other rule runs on a file that does not parse.`,
  'too-large': (a) => `The file is ${a.size}; dwtasks reads patches of at most ${a.max}. Split it into several patches.`,
  'too-deep': (a) => `Nested more than ${a.depth} levels deep here (a patch needs at most 5): the file was not parsed and no other rule ran. Remove the extra brackets.`,
  'not-an-object': () => 'A .dwtasks.json file must be one JSON object: {"Comment": "...", "Tasks": [...]}.',
  'tasks-empty': () => 'Tasks is empty: BatchUpdateTasks needs at least one task.',
  'not-utf8': (a) => `The file is not valid UTF-8: ${a.bytes} at line ${a.line}, column ${a.column} is not a UTF-8 character (a file saved as Latin-1 or GBK?). Save it as UTF-8; nothing is sent until then.`,
  'replacement-char': () => 'U+FFFD (the replacement character) stands where the file\'s bytes were not valid UTF-8, so the text here is not what was saved. Reopen the file with its real encoding and save it as UTF-8; if you mean U+FFFD, write it as \\uFFFD.',
  'duplicate-key': (a) => `"${a.name}" is written twice in this object (${a.first === a.line ? `both on line ${a.line}` : `lines ${a.first} and ${a.line}`}); JSON readers disagree on which one counts. Keep one.`,
  'int-not-plain': (a) => `${a.field} ${a.raw} must be written as plain decimal digits (no fraction, no exponent), so what is sent is exactly what is written${a.fix ? `: write ${a.fix}` : ''}.`,
  'int-out-of-range': (a) => `${a.field} ${a.raw} is outside int64 (${a.min} to ${a.max}): the service cannot hold it exactly.`,
  'lone-surrogate': (a) => `This string holds ${a.escape}, half of a UTF-16 surrogate pair without its other half: it cannot be sent as UTF-8. Write the whole character (both \\u escapes) or remove it.`,
  'id-missing': () => 'Id is missing: BatchUpdateTasks needs the Id of every task it updates.',
  'id-not-integer': (a) => `Id ${a.raw} is not an integer: task ids are int64 numbers written as bare digits.`,
  'id-quoted': (a) => `Id ${a.raw} is a string: write it as a bare number (the API expects an int64, not text).`,
  'id-not-positive': (a) => `Id ${a.raw} is not positive: DataWorks task ids are positive int64 numbers.`,
  'id-out-of-range': (a) => `Id ${a.raw} is larger than the int64 maximum 9223372036854775807.`,
  'duplicate-id': (a) => `Id ${a.id}${a.env ? ` (EnvType ${a.env})` : ''} is already updated by the task on line ${a.line}: one task may appear once per request.`,
  'duplicate-id-env': (a) => `Id ${a.id} also appears on line ${a.line} (${a.other}): the response reports results by Id only, so you cannot tell the two updates apart. Split them into two patches.`,
  'duplicate-tag-key': (a) => `Tags.${a.index}.Key "${a.key}" repeats Tags.${a.first}.Key; each tag key may appear once.`,
  'task-no-changes': () => 'This task changes nothing: it has only Id/EnvType. Add the fields to update, or remove it.',
  'cron-invalid': (a) => `Trigger.Cron: ${a.problem}`,
  'cron-weekday-numbers': (a) => `Trigger.Cron: ${a.note}`,
  'cron-spring-reading': (a) => `Trigger.Cron: ${a.warning}`,
  'time-invalid': (a) => `${a.field} "${a.value}" is not a real date and time: ${a.why}.`,
  'time-order': (a) => `Trigger.StartTime ${a.start} is not before Trigger.EndTime ${a.end}.`,
  'manual-trigger-field': (a) => `Trigger.${a.field} has no effect while Trigger.Type is Manual: manual tasks never run on a schedule.`,
  'rerun-disabled-field': (a) => `${a.field} has no effect while RerunMode is AllDenied: reruns are switched off.`,
  'negative-number': (a) => `${a.field} ${a.value} is negative; it must be 0 or more.`,
  'timeout-doc-minimum': (a) => `Timeout ${a.value} s: the BatchUpdateTasks reference says "greater than 3600", although its own example is 3600. The service may reject it; check before relying on it.`,
  'rerun-interval-unit': (a) => `RerunInterval ${a.value}: BatchUpdateTasks documents seconds (example 60) but UpdateTask documents milliseconds (at most 1,800,000). Read as seconds this is ${a.asSeconds}; as milliseconds ${a.asMillis}.`,
  'rerun-interval-range': (a) => `RerunInterval ${a.value} is above 1,800,000, the maximum UpdateTask documents (milliseconds, 30 minutes).`,
  'cu-invalid': (a) => `RuntimeResource.Cu ${a.raw} is not a positive decimal written as a string, such as "0.25".`,
  'fix.unquoteId': () => 'Write the Id as a bare number',
  'fix.writeInteger': (a) => `Write ${a.value}`,
  'fix.quoteCu': (a) => `Write Cu as the string "${a.value}"`,
  'fix.removeField': (a) => `Remove ${a.field}`,

  'why.month': (a) => `month ${a.v} does not exist`,
  'why.day': (a) => `${a.month} ${a.year} has ${a.days} days`,
  'why.hour': (a) => `hour ${a.v} is out of range 00-23`,
  'why.minute': (a) => `minute ${a.v} is out of range 00-59`,
  'why.second': (a) => `second ${a.v} is out of range 00-59`,
  'env.none': () => 'no EnvType',
  'env.is': (a) => `EnvType ${a.env}`,
  'syntax.InvalidSymbol': () => 'invalid symbol',
  'syntax.InvalidNumberFormat': () => 'invalid number format',
  'syntax.PropertyNameExpected': () => 'property name expected',
  'syntax.ValueExpected': () => 'value expected',
  'syntax.ColonExpected': () => 'colon expected',
  'syntax.CommaExpected': () => 'comma expected',
  'syntax.CloseBraceExpected': () => 'closing brace } expected',
  'syntax.CloseBracketExpected': () => 'closing bracket ] expected',
  'syntax.EndOfFileExpected': () => 'end of file expected',
  'syntax.InvalidCommentToken': () => 'invalid comment token',
  'syntax.UnexpectedEndOfComment': () => 'unexpected end of comment',
  'syntax.UnexpectedEndOfString': () => 'unexpected end of string',
  'syntax.UnexpectedEndOfNumber': () => 'unexpected end of number',
  'syntax.InvalidUnicode': () => 'invalid unicode escape',
  'syntax.InvalidEscapeCharacter': () => 'invalid escape character',
  'syntax.InvalidCharacter': () => 'invalid character',
  'schema.type': (a) => `Incorrect type. Expected ${a.expected}.`,
  'schema.typeOneOf': (a) => `Incorrect type. Expected one of ${a.expected}.`,
  'schema.enum': (a) => `Value is not accepted. Valid values: ${a.values}.`,
  'schema.required': (a) => `Missing property "${a.name}".`,
  'schema.additional': (a) => `Property ${a.name} is not allowed.`,
  'schema.pattern': (a) => `String does not match the pattern of "${a.pattern}".`,
  'schema.minLength': (a) => `String is shorter than the minimum length of ${a.n}.`,
  'schema.duplicateKey': (a) => `Duplicate object key "${a.name}": only the last one counts.`,
  'schema.keyword': (a) => `Value does not satisfy the schema's "${a.keyword}".`,
};

const zh: Record<string, Template> = {
  'subject.task': (a) => `任务 ${a.id}`,
  'subject.taskNoId': (a) => `第 ${a.n} 个任务（无有效 Id）`,
  syntax: (a) => `不是有效的 JSON：${a.what}${Number(a.more) > 0 ? `（其后还有 ${a.more} 个语法错误）` : ''}。请先修正：文件无法解析时不运行其他规则。`,
  'too-large': (a) => `文件大小为 ${a.size}；dwtasks 只读取不超过 ${a.max} 的补丁。请拆分为多个补丁。`,
  'too-deep': (a) => `此处嵌套超过 ${a.depth} 层（补丁最多需要 5 层）：文件未被解析，也未运行其他规则。请删除多余的括号。`,
  'not-an-object': () => '.dwtasks.json 文件必须是一个 JSON 对象：{"Comment": "...", "Tasks": [...]}。',
  'tasks-empty': () => 'Tasks 为空：BatchUpdateTasks 至少需要一个任务。',
  'not-utf8': (a) => `文件不是有效的 UTF-8：第 ${a.line} 行第 ${a.column} 列的 ${a.bytes} 不是 UTF-8 字符（文件以 Latin-1 或 GBK 保存？）。请另存为 UTF-8；在此之前不会发送任何内容。`,
  'replacement-char': () => 'U+FFFD（替换字符）出现在文件字节不是有效 UTF-8 的位置，此处文本与保存的内容不同。请以文件的实际编码重新打开并另存为 UTF-8；如确实需要 U+FFFD，请写作 \\uFFFD。',
  'duplicate-key': (a) => `"${a.name}" 在此对象中写了两次（${a.first === a.line ? `均在第 ${a.line} 行` : `第 ${a.first} 行和第 ${a.line} 行`}）；各 JSON 读取器对哪个生效看法不一。请只保留一个。`,
  'int-not-plain': (a) => `${a.field} ${a.raw} 必须写成纯十进制数字（无小数、无指数），这样发送的内容与所写完全一致${a.fix ? `：请写 ${a.fix}` : ''}。`,
  'int-out-of-range': (a) => `${a.field} ${a.raw} 超出 int64 范围（${a.min} 至 ${a.max}）：服务无法精确保存。`,
  'lone-surrogate': (a) => `此字符串包含 ${a.escape}，是缺少另一半的 UTF-16 代理项：无法以 UTF-8 发送。请写出完整字符（两个 \\u 转义）或删除它。`,
  'id-missing': () => '缺少 Id：BatchUpdateTasks 需要每个待更新任务的 Id。',
  'id-not-integer': (a) => `Id ${a.raw} 不是整数：任务 Id 是 int64，应写成不带引号的数字。`,
  'id-quoted': (a) => `Id ${a.raw} 是字符串：请写成不带引号的数字（API 需要 int64，而不是文本）。`,
  'id-not-positive': (a) => `Id ${a.raw} 不是正数：DataWorks 任务 Id 是正的 int64。`,
  'id-out-of-range': (a) => `Id ${a.raw} 超出 int64 最大值 9223372036854775807。`,
  'duplicate-id': (a) => `Id ${a.id}${a.env ? `（EnvType ${a.env}）` : ''} 已由第 ${a.line} 行的任务更新：同一任务在一次请求中只能出现一次。`,
  'duplicate-id-env': (a) => `Id ${a.id} 也出现在第 ${a.line} 行（${a.other}）：响应只按 Id 返回结果，无法区分这两次更新。请拆分为两个补丁。`,
  'duplicate-tag-key': (a) => `Tags.${a.index}.Key "${a.key}" 与 Tags.${a.first}.Key 重复；每个标签键只能出现一次。`,
  'task-no-changes': () => '此任务没有任何修改：只有 Id/EnvType。请添加要更新的字段，或删除此任务。',
  'cron-invalid': (a) => `Trigger.Cron：${a.problem}`,
  'cron-weekday-numbers': (a) => `Trigger.Cron：${a.note}`,
  'cron-spring-reading': (a) => `Trigger.Cron：${a.warning}`,
  'time-invalid': (a) => `${a.field} "${a.value}" 不是真实存在的日期时间：${a.why}。`,
  'time-order': (a) => `Trigger.StartTime ${a.start} 不早于 Trigger.EndTime ${a.end}。`,
  'manual-trigger-field': (a) => `Trigger.Type 为 Manual 时 Trigger.${a.field} 不生效：手动任务不会按调度运行。`,
  'rerun-disabled-field': (a) => `RerunMode 为 AllDenied 时 ${a.field} 不生效：已禁止重跑。`,
  'negative-number': (a) => `${a.field} ${a.value} 为负数；必须大于等于 0。`,
  'timeout-doc-minimum': (a) => `Timeout ${a.value} 秒：BatchUpdateTasks 文档写明“大于 3600”，但其示例本身就是 3600。服务端可能拒绝该值，请先确认。`,
  'rerun-interval-unit': (a) => `RerunInterval ${a.value}：BatchUpdateTasks 文档的单位是秒（示例 60），UpdateTask 文档却是毫秒（最大 1,800,000）。按秒为 ${a.asSeconds}；按毫秒为 ${a.asMillis}。`,
  'rerun-interval-range': (a) => `RerunInterval ${a.value} 超过 UpdateTask 文档规定的最大值 1,800,000（毫秒，即 30 分钟）。`,
  'cu-invalid': (a) => `RuntimeResource.Cu ${a.raw} 不是写成字符串的正小数，例如 "0.25"。`,
  'fix.unquoteId': () => '将 Id 写成不带引号的数字',
  'fix.writeInteger': (a) => `改写为 ${a.value}`,
  'fix.quoteCu': (a) => `将 Cu 写成字符串 "${a.value}"`,
  'fix.removeField': (a) => `删除 ${a.field}`,

  'why.month': (a) => `不存在 ${a.v} 月`,
  'why.day': (a) => `${a.year} 年 ${a.monthNumber} 月只有 ${a.days} 天`,
  'why.hour': (a) => `小时 ${a.v} 超出范围 00-23`,
  'why.minute': (a) => `分钟 ${a.v} 超出范围 00-59`,
  'why.second': (a) => `秒 ${a.v} 超出范围 00-59`,
  'env.none': () => '未指定 EnvType',
  'env.is': (a) => `EnvType ${a.env}`,
  'syntax.InvalidSymbol': () => '无效符号',
  'syntax.InvalidNumberFormat': () => '数字格式无效',
  'syntax.PropertyNameExpected': () => '此处应为属性名',
  'syntax.ValueExpected': () => '此处应为值',
  'syntax.ColonExpected': () => '此处应为冒号',
  'syntax.CommaExpected': () => '此处应为逗号',
  'syntax.CloseBraceExpected': () => '此处应为右花括号 }',
  'syntax.CloseBracketExpected': () => '此处应为右方括号 ]',
  'syntax.EndOfFileExpected': () => '此处应为文件结尾',
  'syntax.InvalidCommentToken': () => '无效的注释标记',
  'syntax.UnexpectedEndOfComment': () => '注释未结束',
  'syntax.UnexpectedEndOfString': () => '字符串未结束',
  'syntax.UnexpectedEndOfNumber': () => '数字未结束',
  'syntax.InvalidUnicode': () => '无效的 Unicode 转义',
  'syntax.InvalidEscapeCharacter': () => '无效的转义字符',
  'syntax.InvalidCharacter': () => '无效字符',
  'schema.type': (a) => `类型不正确。应为 ${a.expected}。`,
  'schema.typeOneOf': (a) => `类型不正确。应为以下之一：${a.expected}。`,
  'schema.enum': (a) => `值无效。有效值：${a.values}。`,
  'schema.required': (a) => `缺少属性 "${a.name}"。`,
  'schema.additional': (a) => `不允许属性 ${a.name}。`,
  'schema.pattern': (a) => `字符串与模式 "${a.pattern}" 不匹配。`,
  'schema.minLength': (a) => `字符串长度小于最小长度 ${a.n}。`,
  'schema.duplicateKey': (a) => `对象键 "${a.name}" 重复：只有最后一个生效。`,
  'schema.keyword': (a) => `值不满足架构的 "${a.keyword}"。`,
};

export const CATALOG: Record<Locale, Record<string, Template>> = { en, 'zh-cn': zh };

export function t(locale: Locale, key: string, args: Args = {}): string {
  const tpl = CATALOG[locale][key] ?? en[key];
  if (!tpl) throw new Error(`No message for ${key}`);
  return tpl(elideArgs(locale, args));
}

/** Values quoted in a message are cut to their start: a 2 MB Id must not become a 2 MB message. */
const LONG = 160;

function elideArgs(locale: Locale, args: Args): Args {
  let out: Args | undefined;
  for (const [k, v] of Object.entries(args)) {
    if (typeof v !== 'string' || v.length <= LONG) continue;
    out ??= { ...args };
    out[k] = locale === 'zh-cn' ? `${v.slice(0, 100)}…（共 ${v.length} 个字符）` : `${v.slice(0, 100)}… (${v.length} characters)`;
  }
  return out ?? args;
}

/** `Task 123: <message>`: every task finding names the task first. */
export function withSubject(locale: Locale, subject: string, message: string): string {
  return locale === 'zh-cn' ? `${subject}：${message}` : `${subject}: ${message}`;
}
