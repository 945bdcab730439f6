// Where the cursor is in a patch: which task, which field, and the value token to replace.
import { findNodeAtLocation, getLocation, parseTree, type Node } from 'jsonc-parser';
import { PARSE_OPTIONS } from '../../core/patch';
import type { EnvType } from '../../core/patch/model';

export type ServiceField = 'Id' | 'ResourceGroupId' | 'DataSourceName';

export interface FieldAt {
  field: ServiceField;
  taskIndex: number;
  /** The value token under the cursor (number or string), to be replaced. */
  valueNode?: Node;
  /** The task's EnvType and Id as written, when present. */
  envType?: EnvType;
  id?: string;
}

export function fieldAt(text: string, offset: number): FieldAt | undefined {
  const loc = getLocation(text, offset);
  if (loc.isAtPropertyKey) return undefined;
  const p = loc.path;
  if (p[0] !== 'Tasks' || typeof p[1] !== 'number') return undefined;
  let field: ServiceField | undefined;
  if (p.length === 3 && p[2] === 'Id') field = 'Id';
  else if (p.length === 4 && p[2] === 'RuntimeResource' && p[3] === 'ResourceGroupId') field = 'ResourceGroupId';
  else if (p.length === 4 && p[2] === 'DataSource' && p[3] === 'Name') field = 'DataSourceName';
  if (!field) return undefined;
  const prev = loc.previousNode;
  const valueNode =
    prev && (prev.type === 'number' || prev.type === 'string') && offset >= prev.offset && offset <= prev.offset + prev.length ? prev : undefined;
  const root = parseTree(text, [], PARSE_OPTIONS);
  const task = root ? findNodeAtLocation(root, ['Tasks', p[1]]) : undefined;
  const env = task ? findNodeAtLocation(task, ['EnvType']) : undefined;
  const idNode = task ? findNodeAtLocation(task, ['Id']) : undefined;
  const result: FieldAt = { field, taskIndex: p[1] };
  if (valueNode) result.valueNode = valueNode;
  if (env?.value === 'Prod' || env?.value === 'Dev') result.envType = env.value;
  if (idNode?.type === 'number') {
    const raw = text.slice(idNode.offset, idNode.offset + idNode.length);
    if (/^\d+$/.test(raw)) result.id = raw;
  }
  return result;
}
