// Is what reached the service exactly what the file says? Both sides are read losslessly: the file
// through jsonc-parser's tree with every number as its source text, the received `Tasks` parameters
// with lossless-json (numbers as their digits), so 9223372036854775807 never passes for ...6000.
import { parseTree, type Node } from 'jsonc-parser';
import { isLosslessNumber, parse, type LosslessNumber } from 'lossless-json';

type Exact = string | boolean | null | { n: string } | Exact[] | { [k: string]: Exact };

function fromTree(node: Node, text: string): Exact {
  switch (node.type) {
    case 'object': {
      const out: { [k: string]: Exact } = {};
      for (const p of node.children ?? []) out[String(p.children![0].value)] = fromTree(p.children![1], text);
      return out;
    }
    case 'array': return (node.children ?? []).map((c) => fromTree(c, text));
    case 'number': return { n: text.slice(node.offset, node.offset + node.length) };
    default: return node.value as string | boolean | null;
  }
}

function fromLossless(v: unknown): Exact {
  if (isLosslessNumber(v)) return { n: (v as LosslessNumber).value };
  if (Array.isArray(v)) return v.map(fromLossless);
  if (v !== null && typeof v === 'object') {
    const out: { [k: string]: Exact } = {};
    for (const [k, x] of Object.entries(v)) out[k] = fromLossless(x);
    return out;
  }
  return v as string | boolean | null;
}

/** JSON with keys sorted: the same object, whatever order its keys were written in. */
function canonical(v: Exact): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as { [k: string]: Exact })[k])}`).join(',')}}`;
  }
  return JSON.stringify(v);
}

const key = (task: Exact): string => {
  const t = task as { [k: string]: Exact };
  return `${JSON.stringify(t.EnvType ?? null)} ${JSON.stringify(t.Id)}`;
};

/** undefined when the received tasks are the file's tasks (any order, any chunks), else what differs. */
export function sameAsWritten(fileText: string, receivedTasksParams: string[]): string | undefined {
  const root = fromTree(parseTree(fileText, [], { allowTrailingComma: true })!, fileText) as { Tasks: Exact[] };
  const want = new Map(root.Tasks.map((t) => [key(t), canonical(t)]));
  const got = new Map(receivedTasksParams.flatMap((p) => (fromLossless(parse(p)) as Exact[]).map((t) => [key(t), canonical(t)] as const)));
  if (got.size !== want.size) return `${want.size} task(s) in the file, ${got.size} received`;
  for (const [k, w] of want) {
    const g = got.get(k);
    if (g !== w) return `task ${k}: file ${w.slice(0, 300)} vs received ${String(g).slice(0, 300)}`;
  }
  return undefined;
}
