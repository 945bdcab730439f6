// Field documentation for hovers. The English text has one source: the schema's markdownDescription.
// What the schema cannot say (Chinese text, units, conflicts between the API documents) lives here.
// Pure (no vscode): unit tests check that every schema field has an entry and vice versa.
import type { UiLocale } from '../util/locale';

/** Field path as used in hovers: `Comment`, `Tasks`, or task-relative such as `Trigger.Cron`, `Tags.Key`. */
export type FieldPath = string;

interface FieldExtra {
  zh: string;
  unit?: { en: string; zh: string };
  conflicts?: { en: string; zh: string }[];
}

const TIME_FORMAT = { en: 'date-time text `yyyy-mm-dd hh:mm:ss`', zh: '日期时间文本 `yyyy-mm-dd hh:mm:ss`' };

export const FIELD_EXTRAS: Readonly<Record<FieldPath, FieldExtra>> = {
  $schema: { zh: '本文件的 JSON Schema（可选）。' },
  Comment: { zh: '本次修改这些任务的原因；DataWorks 会随更新一起记录。' },
  Tasks: { zh: '要更新的任务，每个任务一个对象；只写需要修改的字段。' },
  Id: { zh: '任务 Id（**int64**）。按 DataWorks 显示的原样写成不带引号的数字；超过 2^53 的 Id（如 `8604388726201130001`）本扩展和 `dwtasks` 命令行会逐位保留（通用 JSON 工具可能会舍入）。' },
  EnvType: { zh: '要更新哪个环境中的任务：`Prod`（生产）或 `Dev`（开发）。' },
  Name: { zh: '任务的新名称。' },
  Description: { zh: '任务的新描述。' },
  Owner: { zh: '新的负责人：阿里云**账号 Id**（数字，写成字符串），不是用户名。' },
  Timeout: {
    zh: '运行超时时间，单位为**秒**。API 文档写明“大于 3600”，其示例却是 `3600`；不超过 3600 的值会给出警告。',
    unit: { en: 'seconds', zh: '秒' },
    conflicts: [{
      en: 'The BatchUpdateTasks reference says "greater than 3600", yet its own example is `3600`.',
      zh: 'BatchUpdateTasks 文档写明“大于 3600”，但其示例本身就是 `3600`。',
    }],
  },
  RerunMode: { zh: '任务是否可以重跑：`AllDenied`（不可重跑）、`FailureAllowed`（仅失败后可重跑）、`AllAllowed`（成功或失败都可重跑）。' },
  RerunTimes: {
    zh: '运行失败后自动重跑的次数；仅在 `RerunMode` 允许重跑时生效。',
    unit: { en: 'times (a count)', zh: '次' },
  },
  RerunInterval: {
    zh: '两次自动重跑之间的间隔。**单位未确认**：BatchUpdateTasks 文档为秒（示例 `60`），UpdateTask 文档为毫秒（最大 `1800000`）。',
    unit: { en: 'seconds per BatchUpdateTasks (example 60); milliseconds per UpdateTask', zh: 'BatchUpdateTasks 文档为秒（示例 60）；UpdateTask 文档为毫秒' },
    conflicts: [{
      en: 'BatchUpdateTasks documents seconds (example `60`); UpdateTask documents milliseconds, at most `1800000`. The unit is unconfirmed.',
      zh: 'BatchUpdateTasks 文档的单位是秒（示例 `60`）；UpdateTask 文档却是毫秒，最大 `1800000`。单位尚未确认。',
    }],
  },
  Trigger: { zh: '任务如何启动：按调度（`Scheduler`）或仅手动（`Manual`）。' },
  'Trigger.Type': { zh: '触发类型：`Scheduler`（周期调度）或 `Manual`（手动）。' },
  'Trigger.Recurrence': { zh: '调度实例的运行方式：`Normal`（正常）、`Skip`（空跑）、`Pause`（暂停）；仅对 `Scheduler` 有效。' },
  'Trigger.Cron': {
    zh: '调度时间，DataWorks cron 方言：六个字段 `秒 分 时 日 月 周`，秒为 `00`，日与周恰有一个为 `?`，周 `1` = 周日 …… `7` = 周六，两次运行至少间隔 5 分钟。示例：`00 00 02 * * ?`（每天 02:00）。',
  },
  'Trigger.StartTime': { zh: '调度开始生效的时间，格式 `yyyy-mm-dd hh:mm:ss`（项目所在时区）。默认 `1970-01-01 00:00:00`。', unit: TIME_FORMAT },
  'Trigger.EndTime': { zh: '调度停止生效的时间，格式 `yyyy-mm-dd hh:mm:ss`（项目所在时区）。默认 `9999-01-01 00:00:00`。', unit: TIME_FORMAT },
  RuntimeResource: { zh: '任务在哪里运行、使用多少计算资源。' },
  'RuntimeResource.ResourceGroupId': { zh: '任务运行所用 Serverless 资源组的 Id。' },
  'RuntimeResource.Image': { zh: '任务运行所用镜像的 Id。' },
  'RuntimeResource.Cu': {
    zh: '任务的计算单元（CU），写成**字符串**形式的正小数，例如 `"0.25"`。',
    unit: { en: 'CU (compute units), as a decimal string', zh: 'CU（计算单元），字符串形式的小数' },
  },
  DataSource: { zh: '任务使用的数据源。' },
  'DataSource.Name': { zh: '数据源名称。' },
  Tags: { zh: '任务的标签；每个键只能出现一次。' },
  'Tags.Key': { zh: '标签键（必填）。' },
  'Tags.Value': { zh: '标签值。' },
};

export interface FieldDoc {
  path: FieldPath;
  /** Markdown documentation in the requested language. */
  description: string;
  unit?: string;
  conflicts: string[];
  /** JSON type from the schema, e.g. `integer`, `string`. */
  type?: string;
}

type SchemaNode = { [k: string]: unknown };

/** The field path for a JSON location path (jsonc-parser `getLocation().path`), or undefined outside fields. */
export function fieldPathOf(path: readonly (string | number)[]): FieldPath | undefined {
  if (path.length === 1 && typeof path[0] === 'string') return path[0];
  if (path[0] !== 'Tasks' || typeof path[1] !== 'number' || path.length < 3) return undefined;
  const names = path.slice(2).filter((s): s is string => typeof s === 'string');
  return names.length ? names.join('.') : undefined;
}

/** Walks a JSON schema (local `#/...` $refs, items, properties) to every field it describes. */
export class FieldDocs {
  private readonly english = new Map<FieldPath, { description?: string; type?: string }>();

  constructor(private readonly schema: SchemaNode) {
    const root = this.deref(schema);
    for (const [name, node] of Object.entries(props(root))) {
      this.english.set(name, summary(this.deref(node)));
    }
    const tasks = this.deref(props(root).Tasks);
    const task = this.deref((tasks?.items ?? undefined) as SchemaNode | undefined);
    if (task) this.walk(task, '');
  }

  /** Every field path the schema describes. */
  paths(): FieldPath[] {
    return [...this.english.keys()];
  }

  get(path: FieldPath, locale: UiLocale): FieldDoc | undefined {
    const en = this.english.get(path);
    const extra = FIELD_EXTRAS[path];
    if (!en && !extra) return undefined;
    const description = locale === 'zh-cn' ? (extra?.zh ?? en?.description ?? '') : (en?.description ?? '');
    const unit = extra?.unit ? (locale === 'zh-cn' ? extra.unit.zh : extra.unit.en) : undefined;
    const conflicts = (extra?.conflicts ?? []).map((c) => (locale === 'zh-cn' ? c.zh : c.en));
    return { path, description, unit, conflicts, type: en?.type };
  }

  private walk(obj: SchemaNode, prefix: string): void {
    for (const [name, raw] of Object.entries(props(obj))) {
      const node = this.deref(raw);
      if (!node) continue;
      const path = prefix + name;
      this.english.set(path, summary(node));
      if (props(node) && Object.keys(props(node)).length) this.walk(node, path + '.');
      const items = this.deref(node.items as SchemaNode | undefined);
      if (items && Object.keys(props(items)).length) this.walk(items, path + '.');
    }
  }

  private deref(node: SchemaNode | undefined, depth = 0): SchemaNode | undefined {
    if (!node || depth > 20) return node;
    const ref = node.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
    let target: unknown = this.schema;
    for (const seg of ref.slice(2).split('/')) target = (target as SchemaNode | undefined)?.[seg.replace(/~1/g, '/').replace(/~0/g, '~')];
    // Keep the referring node's own description, which is usually the more specific one.
    const resolved = this.deref(target as SchemaNode | undefined, depth + 1);
    return resolved ? { ...resolved, ...withoutRef(node) } : node;
  }
}

function withoutRef(node: SchemaNode): SchemaNode {
  const rest = { ...node };
  delete rest.$ref;
  return rest;
}

function props(node: SchemaNode | undefined): Record<string, SchemaNode> {
  return (node?.properties ?? {}) as Record<string, SchemaNode>;
}

function summary(node: SchemaNode | undefined): { description?: string; type?: string } {
  const d = node?.markdownDescription ?? node?.description;
  const t = node?.type;
  return {
    description: typeof d === 'string' ? d : undefined,
    type: typeof t === 'string' ? t : Array.isArray(t) ? t.join(' | ') : undefined,
  };
}
