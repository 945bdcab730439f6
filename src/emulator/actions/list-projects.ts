// ListProjects: the workspaces of the account, paged; optional Ids / Names (JSON arrays) and Status.
import { invalidParameter } from '../errors';
import { int64 } from '../wire-json';
import type { ActionHandler } from './context';
import { pagedAnswer, readPaging } from './paging';

export const listProjects: ActionHandler = ({ state, params }) => {
  const paging = readPaging(params);
  const ids = params.idList('Ids');
  const names = params.json('Names');
  if (names !== undefined && (!Array.isArray(names) || names.some((n) => typeof n !== 'string'))) {
    throw invalidParameter('Names', 'it must be a JSON array of strings.');
  }
  const status = params.str('Status');
  const matches = state.projects.filter((p) =>
    (!ids || ids.includes(p.Id)) && (!names || (names as string[]).includes(p.Name)) && (!status || p.Status === status));
  return pagedAnswer('Projects', matches, paging, (p) => ({ ...p, Id: int64(p.Id) }));
};
