// The real client wrapped so a test sees, in order, every read as it is answered (with the project
// a ListTasks was for) and every write as it leaves. Nothing is faked: each call goes over HTTP.
import type { CallArg, TaskLookupQuery, TaskService } from '@src/core/apply/service';
import type { BatchUpdateRequest, EnvType } from '@src/core/patch/model';
import type { DataWorksClient } from '@src/dataworks/client';

export type CallEvent = { kind: 'read'; project?: string; ids: string[] } | { kind: 'write'; ids: string[] };

export function recordingService(client: DataWorksClient, log: CallEvent[]): TaskService {
  return {
    getTask: async (id: string, env: EnvType, call?: CallArg) => {
      const t = await client.getTask(id, env, call);
      log.push({ kind: 'read', ids: [t.Id] });
      return t;
    },
    listTasks: async (q: TaskLookupQuery, call?: CallArg) => {
      const page = await client.listTasks(q, call);
      log.push({ kind: 'read', project: q.ProjectId, ids: page.items.map((i) => i.Id) });
      return page;
    },
    batchUpdateTasks: (body: BatchUpdateRequest, call?: CallArg) => {
      log.push({ kind: 'write', ids: body.Tasks.map((t) => t.Id) });
      return client.batchUpdateTasks(body, call);
    },
  };
}
