// Lossless parse of a .dwtasks.json: the jsonc-parser tree plus per-task views with exact ranges.
// Ids are read from the source text, never from a JS number, so int64 digits survive.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding, Position, Range } from '../types';
import type { EnvType, TaskPatch } from './model';
import { checkIdText } from './ids';
import { ENV_TYPES as ENV_TYPE_VALUES } from '../task-fields';
import { LineMap } from './lines';
import { fastParseAt, fastParseShallow, fastParseTree } from './fast-tree';
import { checkLimits, checkSize, limitMessageArgs, type LimitProblem } from './limits';
import { t } from '../validate/messages';

export interface ParsedTask {
  /** Position in `Tasks`. */
  index: number;
  /** The task object. */
  range: Range;
  /** Offset and length of the task object in the text. */
  offset: number;
  length: number;
  /** int64 digits exactly as written; undefined when missing or invalid. */
  id?: string;
  /** The Id value. */
  idRange?: Range;
  /** Offset and length of the Id value. */
  idSpan?: { offset: number; length: number };
  envType?: EnvType;
  /** `Name` trimmed, when it is a non-empty string (read with Id, no tree kept: the outline names tasks by it). */
  name?: string;
  /** The task's fields, Id as a digit string (lossless). */
  value: TaskPatch;
  /** The jsonc node of the task object (built on first use). */
  node: Node;
  /** Range of the value at a dotted path inside the task, e.g. `Trigger.Cron`, `Tags.0.Key`. */
  fieldRange(path: string): Range | undefined;
  /** Range of the property key at a dotted path. */
  keyRange(path: string): Range | undefined;
  /** The jsonc node of the value at a dotted path. */
  fieldNode(path: string): Node | undefined;
  /** The task's tree without keeping it (validation of big files builds, checks and drops each one). */
  transientNode(): Node;
  /** Id and EnvType, read from `node` (a tree of this task) unless known. */
  readHeader(node?: Node): TaskHeader;
  /** Id and EnvType known from elsewhere (the validator's cache), so no tree is built for them. */
  adoptHeader(h: TaskHeader): void;
}

/** What a task says about itself before its fields: Id (lossless) and EnvType. */
export interface TaskHeader {
  id?: string;
  /** Id as written when it is not a valid int64 (for `value.Id`). */
  idText: string;
  idSpan?: { offset: number; length: number };
  envType?: EnvType;
  name?: string;
}

export interface ParsedPatch {
  text: string;
  /** jsonc-parser errors (comments and trailing commas are allowed, so they are not errors). */
  syntaxErrors: Finding[];
  /** The same errors by jsonc-parser name (e.g. `CommaExpected`), for localized messages. */
  parseErrors: { name: string; offset: number; length: number }[];
  comment?: string;
  tasks: ParsedTask[];
  /** The `Tasks` array value. */
  tasksRange?: Range;
  /** The `Tasks` array node (the whole tree is built on first use). */
  tasksNode?: Node;
  positionAt(offset: number): Position;
  offsetAt(pos: Position): number;
  /** Range of `length` characters at `offset`. */
  rangeAt(offset: number, length: number): Range;
  /** The whole jsonc tree (built on first use). */
  root: Node | undefined;
  /** The tree without the tasks' subtrees: `Tasks` is there, with no children. Cheap; for validation. */
  shallowRoot: Node | undefined;
  /** Set when the text breaks a limit (too large, too deep): then there is no tree and no task, and
   * `parseErrors`/`syntaxErrors` hold this one problem. */
  limit?: LimitProblem;
}

export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

const ENV_TYPES: ReadonlySet<string> = new Set(ENV_TYPE_VALUES);

/** What the tasks share: the text, positions, and the full tree once someone asks for it. */
interface Source {
  text: string;
  lines: LineMap;
  /** The full tree's task nodes, when built (always, after a syntax error). */
  fullTasks(): Node[] | undefined;
}

class TaskView implements ParsedTask {
  private header?: TaskHeader;
  private cachedNode?: Node;
  private cachedValue?: TaskPatch;
  private cachedRange?: Range;

  constructor(readonly index: number, readonly offset: number, readonly length: number, private readonly src: Source) {}

  get node(): Node {
    const full = this.src.fullTasks()?.[this.index];
    if (full) return full;
    return (this.cachedNode ??= fastParseAt(this.src.text, this.offset));
  }

  transientNode(): Node {
    return this.cachedNode ?? this.src.fullTasks()?.[this.index] ?? fastParseAt(this.src.text, this.offset);
  }

  /** Reads Id and EnvType from a tree of this task (the validator passes the one it is checking). */
  readHeader(node?: Node): TaskHeader {
    if (this.header) return this.header;
    node ??= this.transientNode();
    const h: TaskHeader = { idText: '' };
    if (node.type === 'object') {
      const idNode = propertyValue(node, 'Id');
      if (idNode) {
        h.idSpan = { offset: idNode.offset, length: idNode.length };
        const raw = this.src.text.slice(idNode.offset, idNode.offset + idNode.length);
        if (idNode.type === 'number') {
          const checked = checkIdText(raw);
          if ('digits' in checked) h.id = checked.digits;
          h.idText = 'digits' in checked ? checked.digits : raw;
        } else {
          h.idText = typeof idNode.value === 'string' ? idNode.value : raw;
        }
      }
      const env = propertyValue(node, 'EnvType')?.value;
      if (typeof env === 'string' && ENV_TYPES.has(env)) h.envType = env as EnvType;
      const name = propertyValue(node, 'Name')?.value;
      if (typeof name === 'string' && name.trim()) h.name = name.trim();
    }
    return (this.header = h);
  }

  adoptHeader(h: TaskHeader): void {
    this.header = h;
  }

  get id(): string | undefined { return this.readHeader().id; }
  get idRange(): Range | undefined {
    const span = this.readHeader().idSpan;
    return span ? this.src.lines.range(span.offset, span.length) : undefined;
  }
  get idSpan(): { offset: number; length: number } | undefined { return this.readHeader().idSpan; }
  get envType(): EnvType | undefined { return this.readHeader().envType; }
  get name(): string | undefined { return this.readHeader().name; }

  get range(): Range {
    return (this.cachedRange ??= this.src.lines.range(this.offset, this.length));
  }

  /** Built on first use: validation of big files never needs it. */
  get value(): TaskPatch {
    if (!this.cachedValue) {
      const node = this.node;
      const fields = node.type === 'object' ? (objectValue(node, this.src.text) as Record<string, unknown>) : {};
      // Id first (lossless digits), the other fields in file order.
      const { Id: _lossy, ...rest } = fields;
      void _lossy;
      this.cachedValue = { Id: this.readHeader(node).idText, ...rest } as TaskPatch;
    }
    return this.cachedValue;
  }

  fieldNode(path: string): Node | undefined {
    let node: Node | undefined = this.node;
    for (const seg of path.split('.')) {
      if (!node) return undefined;
      if (node.type === 'object') node = propertyValue(node, seg);
      else if (node.type === 'array' && /^\d+$/.test(seg)) node = node.children?.[Number(seg)];
      else return undefined;
    }
    return node;
  }

  fieldRange(path: string): Range | undefined {
    const n = this.fieldNode(path);
    return n ? this.src.lines.range(n.offset, n.length) : undefined;
  }

  keyRange(path: string): Range | undefined {
    const n = this.fieldNode(path);
    const key = n?.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
    return key ? this.src.lines.range(key.offset, key.length) : undefined;
  }
}

/** The value node of property `name` of an object node (the last one if repeated, as JSON.parse does). */
export function propertyValue(obj: Node, name: string): Node | undefined {
  const props = obj.children;
  if (!props) return undefined;
  for (let i = props.length - 1; i >= 0; i--) {
    const kv = props[i].children;
    if (kv && kv.length > 1 && kv[0].value === name) return kv[1];
  }
  return undefined;
}

/**
 * Plain value of a node. A number is a JS number where that is exact; an integer beyond 2^53 keeps
 * its digits as written (a string: the writer sends integer fields' digits bare). Id is read apart.
 */
function objectValue(node: Node, text: string): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && v) out[k.value as string] = objectValue(v, text);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map((c) => objectValue(c, text));
    case 'number': {
      const raw = text.slice(node.offset, node.offset + node.length);
      return Number.isSafeInteger(node.value) || !/^-?\d+$/.test(raw) ? node.value : raw;
    }
    default:
      return node.value;
  }
}

class Patch implements ParsedPatch {
  syntaxErrors: Finding[] = [];
  parseErrors: { name: string; offset: number; length: number }[] = [];
  comment?: string;
  tasks: ParsedTask[] = [];
  tasksRange?: Range;
  shallowRoot: Node | undefined;
  limit?: LimitProblem;
  private full?: { root: Node | undefined };
  readonly lines: LineMap;

  constructor(readonly text: string) {
    this.lines = new LineMap(text);
    // Depth is checked only where the fast parser gave up: it refuses anything deeper itself.
    const shallow = checkSize(text) ? undefined : fastParseShallow(text);
    const limit = shallow ? undefined : checkLimits(text);
    if (limit) {
      // No parser may see it: each recurses per level, and a huge text would stall the caller.
      this.limit = limit;
      this.full = { root: undefined };
      this.parseErrors = [{ name: limit.code === 'too-large' ? 'TooLarge' : 'TooDeep', offset: limit.offset, length: limit.length }];
      this.syntaxErrors = [{
        code: `dwtasks/${limit.code}`, severity: 'error', message: limitText(limit, 'en'), range: this.lines.range(limit.offset, limit.length),
      }];
      return;
    }
    const src: Source = { text, lines: this.lines, fullTasks: () => this.fullTasks() };
    // Well-formed files take the fast path; anything else gets jsonc-parser's recovery and errors.
    let spans: { offset: number; length: number }[];
    if (shallow) {
      this.shallowRoot = shallow.root;
      spans = shallow.taskSpans;
    } else {
      const errors: ParseError[] = [];
      const root = parseTree(text, errors, PARSE_OPTIONS);
      this.full = { root };
      this.shallowRoot = root;
      this.parseErrors = errors.map((e) => ({ name: printParseErrorCode(e.error), offset: e.offset, length: e.length }));
      this.syntaxErrors = errors.map((e) => ({
        code: 'dwtasks/syntax',
        severity: 'error',
        message: syntaxMessage(e.error),
        range: this.lines.range(e.offset, Math.max(e.length, 0)),
      }));
      const tasks = root?.type === 'object' ? propertyValue(root, 'Tasks') : undefined;
      spans = tasks?.type === 'array' ? (tasks.children ?? []).map((n) => ({ offset: n.offset, length: n.length })) : [];
    }
    const root = this.shallowRoot;
    if (root?.type !== 'object') return;
    const comment = propertyValue(root, 'Comment');
    if (comment?.type === 'string') this.comment = comment.value as string;
    const tasks = propertyValue(root, 'Tasks');
    if (tasks) {
      this.tasksRange = this.lines.range(tasks.offset, tasks.length);
      if (tasks.type === 'array') this.tasks = spans.map((s, i) => new TaskView(i, s.offset, s.length, src));
    }
  }

  get root(): Node | undefined {
    return (this.full ??= { root: fastParseTree(this.text)?.root }).root;
  }

  get tasksNode(): Node | undefined {
    const root = this.root;
    return root?.type === 'object' ? propertyValue(root, 'Tasks') : undefined;
  }

  private fullTasks(): Node[] | undefined {
    if (!this.full) return undefined;
    const tasks = this.tasksNode;
    return tasks?.type === 'array' ? tasks.children : undefined;
  }

  positionAt(offset: number): Position { return this.lines.positionAt(offset); }
  offsetAt(pos: Position): number { return this.lines.offsetAt(pos); }
  rangeAt(offset: number, length: number): Range { return this.lines.range(offset, length); }
}

/** A limit problem's message (the catalog's text, so CLI, editor and send gate say the same). */
export function limitText(p: LimitProblem, locale: 'en' | 'zh-cn'): string {
  const { key, args } = limitMessageArgs(p);
  return t(locale, key, args);
}

export function parsePatch(text: string): ParsedPatch {
  return new Patch(text);
}

/** The parse error in the validator's words (its syntax.* messages, English: the parse result's text). */
function syntaxMessage(code: number): string {
  return `Not valid JSON: ${t('en', `syntax.${printParseErrorCode(code)}`)}`;
}
