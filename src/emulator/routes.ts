// The actions the emulator serves, routed on the x-acs-action header.
import { batchUpdateTasks } from './actions/batch-update-tasks';
import type { ActionHandler } from './actions/context';
import { getTask } from './actions/get-task';
import { listDataSources } from './actions/list-data-sources';
import { listProjects } from './actions/list-projects';
import { listResourceGroups } from './actions/list-resource-groups';
import { listTaskInstances } from './actions/list-task-instances';
import { listTasks } from './actions/list-tasks';

export const API_VERSION = '2024-05-18';

export const ACTIONS: Readonly<Record<string, ActionHandler>> = {
  ListProjects: listProjects,
  ListTasks: listTasks,
  GetTask: getTask,
  BatchUpdateTasks: batchUpdateTasks,
  ListResourceGroups: listResourceGroups,
  ListDataSources: listDataSources,
  ListTaskInstances: listTaskInstances,
};
