// GetTask results (the full task with Tags), cached until the tree is refreshed: every call counts
// against the account's daily quota.
import type { EnvType } from '../../core/patch/model';
import type { Task } from '../../dataworks/types';
import type { ConnectionService } from '../connection';

export class TaskDetails {
  private readonly cache = new Map<string, Task>();

  constructor(private readonly connection: ConnectionService) {}

  cached(id: string, env: EnvType): Task | undefined {
    return this.cache.get(`${env}:${id}`);
  }

  /** The task from GetTask; `fresh` skips the cache (Show Task JSON always shows current values). */
  async get(id: string, env: EnvType, signal?: AbortSignal, fresh = false): Promise<Task> {
    const key = `${env}:${id}`;
    const hit = this.cache.get(key);
    if (hit && !fresh) return hit;
    const { client } = await this.connection.getConnection();
    const task = await client.getTask(id, env, signal);
    this.cache.set(key, task);
    return task;
  }

  clear(): void {
    this.cache.clear();
  }
}
