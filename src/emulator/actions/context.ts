// What an action handler gets and returns. Handlers are synchronous over the in-memory state;
// the server makes `changes` durable before it answers.
import type { Params } from '../params';
import type { EmulatorState } from '../state';
import type { TaskChange } from '../store';

export interface ActionContext {
  state: EmulatorState;
  params: Params;
  /** Epoch ms of this request. */
  now: number;
  maxTasksPerCall: number;
}

export interface ActionOutcome {
  /** The response body without RequestId (the server adds it first). */
  body: Record<string, unknown>;
  /** Tasks this call changed (their new records), for the state file's log. */
  changes?: TaskChange[];
}

export type ActionHandler = (ctx: ActionContext) => ActionOutcome;
