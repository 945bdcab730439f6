// No two modules of src/ import each other, directly or around a loop, type-only imports included:
// a cycle means two files are one piece split in the wrong place (the lint rules check the layers).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const SRC = join(ROOT, 'src');
const SPECIFIER = /^\s*(?:import|export)\b[^'"]*?\bfrom\s*['"](\.[^'"]+)['"]/gm;

function resolveModule(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return undefined;
}

export function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const target = resolveModule(file, m[1]);
    if (target) out.push(target);
  }
  return out;
}

/** Every cycle found by a depth-first walk, each as the list of files around it. */
export function findCycles(files: readonly string[], edges: (file: string) => string[]): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  const visit = (f: string): void => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of edges(f)) {
      const s = state.get(g);
      if (s === 'open') cycles.push(stack.slice(stack.indexOf(g)));
      else if (s === undefined) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of files) if (!state.has(f)) visit(f);
  return cycles;
}

test('the cycle finder finds a loop of three and passes a tree', () => {
  const graph: Record<string, string[]> = { a: ['b'], b: ['c'], c: ['a'], d: ['a'] };
  assert.deepEqual(findCycles(Object.keys(graph), (f) => graph[f] ?? []), [['a', 'b', 'c']]);
  const tree: Record<string, string[]> = { a: ['b', 'c'], b: ['c'], c: [] };
  assert.deepEqual(findCycles(Object.keys(tree), (f) => tree[f] ?? []), []);
});

test('no import cycle in src/', () => {
  const files = readdirSync(SRC, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
  assert.ok(files.length > 100, `read ${files.length} files`);
  const cache = new Map<string, string[]>();
  const edges = (f: string): string[] => {
    let e = cache.get(f);
    if (!e) cache.set(f, (e = importsOf(f)));
    return e;
  };
  const cycles = findCycles(files, edges).map((c) => c.map((f) => relative(ROOT, f)).join(' -> '));
  assert.deepEqual(cycles, []);
});
