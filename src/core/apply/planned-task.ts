// One task of a patch as apply handles it: where it stands in the file, its values, its environment.
// Apart from plan.ts, which the before-state reader would otherwise import while plan.ts imports it.
import type { EnvType, TaskPatch } from '../patch/model';

export interface PlannedTask {
  /** Position of the task in the file's Tasks array. */
  index: number;
  task: TaskPatch;
  env: EnvType;
}
