// ListResourceGroups: the account's resource groups; filters Name (fuzzy), ResourceGroupTypes (default:
// general-purpose CommonV2 only, as the service does) and Statuses (JSON arrays).
import { invalidParameter } from '../errors';
import type { ActionHandler } from './context';
import { pagedAnswer, readPaging } from './paging';

function stringArray(value: unknown, name: string): string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw invalidParameter(name, 'it must be a JSON array of strings.');
  return value as string[];
}

/** What the service lists when ResourceGroupTypes is not given: general-purpose (serverless) groups only. */
const DEFAULT_TYPES = ['CommonV2'];

export const listResourceGroups: ActionHandler = ({ state, params }) => {
  const paging = readPaging(params);
  const name = params.str('Name')?.toLowerCase();
  const types = stringArray(params.json('ResourceGroupTypes'), 'ResourceGroupTypes') ?? DEFAULT_TYPES;
  const statuses = stringArray(params.json('Statuses'), 'Statuses');
  const matches = state.resourceGroups.filter((g) =>
    (!name || g.Name.toLowerCase().includes(name)) &&
    types.includes(g.ResourceGroupType) &&
    (!statuses || statuses.includes(g.Status)));
  const answer = pagedAnswer('ResourceGroupList', matches, paging, (g) => ({ ...g, Spec: { ...g.Spec } }));
  return { ...answer, body: { ...answer.body, Success: true } };
};
