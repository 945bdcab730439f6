// GetTask: one task in one environment (ProjectEnv, default Prod).
import { ApiError } from '../errors';
import type { ActionHandler } from './context';
import { detail } from './task-view';

export const getTask: ActionHandler = ({ state, params }) => {
  const id = params.id('Id') ?? params.required('Id');
  const env = params.oneOf('ProjectEnv', ['Prod', 'Dev'] as const) ?? 'Prod';
  const task = state.tasks[env][id];
  if (!task) {
    const other = env === 'Prod' ? 'Dev' : 'Prod';
    const hint = state.tasks[other][id] ? ` It exists in the ${other} environment.` : '';
    throw new ApiError(404, 'Task.NotFound', `The task ${id} does not exist in the ${env} environment.${hint}`);
  }
  return { body: { Task: detail(task) } };
};
