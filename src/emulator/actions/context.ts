// What an action handler gets and returns. Handlers are synchronous over the in-memory state;
// the server persists the state (when `mutated`) before it answers.
import type { Params } from '../params';
import type { EmulatorState } from '../state';

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
  mutated?: boolean;
}

export type ActionHandler = (ctx: ActionContext) => ActionOutcome;
