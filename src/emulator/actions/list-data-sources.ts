// ListDataSources: a project's data sources grouped by name, each with its Dev/Prod connections.
import type { ActionHandler } from './context';
import { projectNotFound } from './list-tasks';
import { pagedAnswer, readPaging } from './paging';
import { int64 } from '../wire-json';

export const listDataSources: ActionHandler = ({ state, params }) => {
  const projectId = params.id('ProjectId') ?? params.required('ProjectId');
  const sources = state.dataSources[projectId];
  if (!sources) throw projectNotFound(projectId);
  const owner = state.projects.find((p) => p.Id === projectId)?.Owner ?? '';
  const paging = readPaging(params);
  const name = params.str('Name')?.toLowerCase();
  const types = params.str('Types')?.split(',').map((t) => t.trim()).filter(Boolean);
  const env = params.oneOf('EnvType', ['Prod', 'Dev'] as const);

  const groups = new Map<string, typeof sources>();
  for (const s of sources) {
    if (name && !s.Name.toLowerCase().includes(name)) continue;
    if (types && !types.includes(s.Type)) continue;
    if (env && s.EnvType !== env) continue;
    groups.set(s.Name, [...(groups.get(s.Name) ?? []), s]);
  }
  const all = [...groups].map(([Name, list]) => ({
    Name,
    Type: list[0].Type,
    // The model keeps Name and Type on the group and the environment in ConnectionProperties.envType.
    DataSource: list.map((s) => ({
      Id: int64(s.Id), Description: s.Description,
      CreateTime: s.CreateTime, CreateUser: owner, ModifyTime: s.CreateTime, ModifyUser: owner,
      QualifiedName: `${s.Type}:${projectId}:${s.Name}:${s.EnvType}`,
      // The shape the SDK documents (no secret ever: authType Executor runs as the task's executor).
      ConnectionPropertiesMode: 'UrlMode',
      ConnectionProperties: { envType: s.EnvType, regionId: 'cn-hangzhou', authType: 'Executor' },
    })),
  }));
  return pagedAnswer('DataSources', all, paging);
};
