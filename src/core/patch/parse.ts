// Lossless parse of a .dwtasks.json: the jsonc-parser tree plus per-task views with exact ranges.
// Ids are read from the source text, never from a JS number, so int64 digits survive.
import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import type { Finding, Position, Range } from '../types';
import type { EnvType, TaskPatch } from './model';
import { checkIdText } from './ids';
import { LineMap } from './lines';
import { fastParseTree } from './fast-tree';

export interface ParsedTask {
  /** Position in `Tasks`. */
  index: number;
  /** The task object. */
  range: Range;
  /** int64 digits exactly as written; undefined when missing or invalid. */
  id?: string;
  /** The Id value. */
  idRange?: Range;
  idNode?: Node;
  envType?: EnvType;
  /** The task's fields, Id as a digit string (lossless). */
  value: TaskPatch;
  /** The jsonc node of the task object. */
  node: Node;
  /** Range of the value at a dotted path inside the task, e.g. `Trigger.Cron`, `Tags.0.Key`. */
  fieldRange(path: string): Range | undefined;
  /** Range of the property key at a dotted path. */
  keyRange(path: string): Range | undefined;
  /** The jsonc node of the value at a dotted path. */
  fieldNode(path: string): Node | undefined;
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
  tasksNode?: Node;
  positionAt(offset: number): Position;
  offsetAt(pos: Position): number;
  /** Range of `length` characters at `offset`. */
  rangeAt(offset: number, length: number): Range;
  root: Node | undefined;
}

export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true } as const;

const ENV_TYPES: ReadonlySet<string> = new Set(['Prod', 'Dev']);

class TaskView implements ParsedTask {
  id?: string;
  idRange?: Range;
  idNode?: Node;
  envType?: EnvType;
  private idText = '';
  private cachedValue?: TaskPatch;
  private cachedRange?: Range;

  constructor(readonly index: number, readonly node: Node, private readonly lines: LineMap, private readonly text: string) {
    if (node.type !== 'object') return;
    const idNode = propertyValue(node, 'Id');
    if (idNode) {
      this.idNode = idNode;
      this.idRange = lines.range(idNode.offset, idNode.length);
      const raw = text.slice(idNode.offset, idNode.offset + idNode.length);
      if (idNode.type === 'number') {
        const checked = checkIdText(raw);
        if ('digits' in checked) this.id = checked.digits;
        this.idText = 'digits' in checked ? checked.digits : raw;
      } else {
        this.idText = typeof idNode.value === 'string' ? idNode.value : raw;
      }
    }
    const env = propertyValue(node, 'EnvType')?.value;
    if (typeof env === 'string' && ENV_TYPES.has(env)) this.envType = env as EnvType;
  }

  get range(): Range {
    return (this.cachedRange ??= this.lines.range(this.node.offset, this.node.length));
  }

  /** Built on first use: validation of big files never needs it. */
  get value(): TaskPatch {
    if (!this.cachedValue) {
      const fields = this.node.type === 'object' ? (objectValue(this.node, this.text) as Record<string, unknown>) : {};
      // Id first (lossless digits), the other fields in file order.
      const { Id: _lossy, ...rest } = fields;
      void _lossy;
      this.cachedValue = { Id: this.idText, ...rest } as TaskPatch;
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
    return n ? this.lines.range(n.offset, n.length) : undefined;
  }

  keyRange(path: string): Range | undefined {
    const n = this.fieldNode(path);
    const key = n?.parent?.type === 'property' ? n.parent.children?.[0] : undefined;
    return key ? this.lines.range(key.offset, key.length) : undefined;
  }
}

/** The value node of property `name` of an object node (the last one if repeated, as JSON.parse does). */
export function propertyValue(obj: Node, name: string): Node | undefined {
  let found: Node | undefined;
  for (const p of obj.children ?? []) {
    const k = p.children?.[0];
    if (k && k.value === name && p.children!.length > 1) found = p.children![1];
  }
  return found;
}

/** Plain value of a node; numbers as JS numbers except where the caller reads raw text (Id). */
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
    default:
      return node.value;
  }
}

export function parsePatch(text: string): ParsedPatch {
  const errors: ParseError[] = [];
  // Well-formed files take the fast path; anything else gets jsonc-parser's recovery and errors.
  const fast = fastParseTree(text);
  const root = fast ? fast.root : parseTree(text, errors, PARSE_OPTIONS);
  const lines = new LineMap(text);
  const syntaxErrors: Finding[] = errors.map((e) => ({
    code: 'dwtasks/syntax',
    severity: 'error',
    message: syntaxMessage(e.error),
    range: lines.range(e.offset, Math.max(e.length, 0)),
  }));
  const patch: ParsedPatch = {
    text,
    syntaxErrors,
    parseErrors: errors.map((e) => ({ name: printParseErrorCode(e.error), offset: e.offset, length: e.length })),
    tasks: [],
    root,
    positionAt: (o) => lines.positionAt(o),
    offsetAt: (p) => lines.offsetAt(p),
    rangeAt: (o, l) => lines.range(o, l),
  };
  if (root?.type !== 'object') return patch;
  const comment = propertyValue(root, 'Comment');
  if (comment?.type === 'string') patch.comment = comment.value as string;
  const tasks = propertyValue(root, 'Tasks');
  if (tasks) {
    patch.tasksNode = tasks;
    patch.tasksRange = lines.range(tasks.offset, tasks.length);
    if (tasks.type === 'array') {
      patch.tasks = (tasks.children ?? []).map((n, i) => new TaskView(i, n, lines, text));
    }
  }
  return patch;
}

const SYNTAX_WORDS: Record<string, string> = {
  InvalidSymbol: 'invalid symbol',
  InvalidNumberFormat: 'invalid number format',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace } expected',
  CloseBracketExpected: 'closing bracket ] expected',
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'invalid comment token',
  UnexpectedEndOfComment: 'unexpected end of comment',
  UnexpectedEndOfString: 'unexpected end of string',
  UnexpectedEndOfNumber: 'unexpected end of number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character',
};

function syntaxMessage(code: number): string {
  const name = printParseErrorCode(code);
  return `Not valid JSON: ${SYNTAX_WORDS[name] ?? name}`;
}
