// Every task the tree has loaded, by id and environment: completion, hover and apply results read it.
import * as vscode from 'vscode';
import type { EnvType } from '../../core/patch/model';
import type { Project, Task } from '../../dataworks/types';

export interface LoadedTask {
  task: Task;
  env: EnvType;
  project: Project;
}

export class LoadedTasks {
  private readonly byKey = new Map<string, LoadedTask>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;

  add(items: readonly LoadedTask[]): void {
    for (const item of items) this.byKey.set(key(item.task.Id, item.env), item);
    if (items.length) this.changed.fire();
  }

  /** The task loaded for this id, in `env` when given (else Prod first, then Dev). */
  get(id: string, env?: EnvType): LoadedTask | undefined {
    if (env) return this.byKey.get(key(id, env));
    return this.byKey.get(key(id, 'Prod')) ?? this.byKey.get(key(id, 'Dev'));
  }

  all(): LoadedTask[] {
    return [...this.byKey.values()];
  }

  get size(): number {
    return this.byKey.size;
  }

  clear(): void {
    this.byKey.clear();
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

function key(id: string, env: EnvType): string {
  return `${env}:${id}`;
}
