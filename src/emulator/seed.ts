// Deterministic seed data: the same (taskCount, seed) always gives the same state, byte for byte.
// Every task exists in Dev; all but about 1 in 20 ("not yet deployed") also exist in Prod.
// About 1 in 25 task ids is above 2^53 (the first of them is always 8604388726201130001),
// so int64 handling is exercised on every list page.
import type { EnvType, RerunMode } from '../core/patch/model';
import { Random } from './random';
import {
  STATE_VERSION, type DataSourceRecord, type EmulatorState, type ProjectRecord, type ResourceGroupRecord,
  type TaskRecord, type TriggerRecord,
} from './state';

export const DEFAULT_TASK_COUNT = 3000;
export const DEFAULT_SEED = 1;
/** The first task id above 2^53 in every seeded state (when it has at least 25 tasks). */
export const FIRST_BIG_TASK_ID = '8604388726201130001';

const PROJECTS: readonly (readonly [string, string, string, string, number])[] = [
  // Id, Name, DisplayName, Description, share of the tasks
  ['312601', 'retail_dw', 'Retail data warehouse', 'Orders, items and users of the online shop', 40],
  ['312602', 'finance_mart', 'Finance mart', 'Revenue, settlement and invoices', 25],
  ['312603', 'growth_analytics', 'Growth analytics', 'Traffic, campaigns and funnels', 20],
  ['312604', 'data_ingestion', 'Data ingestion', 'Syncs from business databases and logs', 15],
];

const RESOURCE_GROUPS: readonly (readonly [string, string, ResourceGroupRecord['ResourceGroupType'], string, number])[] = [
  ['Serverless_res_group_524257424564736_6831777003', 'serverless_default', 'CommonV2', '2CU', 1],
  ['Serverless_res_group_524257424564736_6831777004', 'serverless_batch', 'CommonV2', '4CU', 2],
  ['Serverless_res_group_524257424564736_6831777005', 'serverless_sync', 'CommonV2', '2CU', 4],
  ['S_res_group_524257424564736_1687242334519', 'legacy_scheduler', 'ExclusiveScheduler', 'Standard', 1],
  // Not general-purpose, so ListResourceGroups without ResourceGroupTypes leaves them out; no task runs on them.
  ['di_group_524257424564736_1687242334520', 'exclusive_sync', 'ExclusiveDataIntegration', 'Standard', 1],
  ['ds_group_524257424564736_1687242334521', 'exclusive_api', 'ExclusiveDataService', 'Standard', 1],
];
/** Groups that schedule tasks (the first four: picking among exactly these keeps the seeded tasks as they were). */
const RUNS_TASKS = new Set<ResourceGroupRecord['ResourceGroupType']>(['CommonV2', 'ExclusiveScheduler']);

const DATA_SOURCES: readonly (readonly [string, string, string])[] = [
  ['odps_first', 'odps', 'MaxCompute project of this workspace'],
  ['holo_dw', 'hologres', 'Hologres serving layer'],
  ['mysql_orders', 'mysql', 'Order database (read replica)'],
  ['emr_hive', 'emr', 'EMR Hive cluster'],
];

const TASK_TYPES: readonly (readonly [string, number])[] = [
  ['ODPS_SQL', 55], ['DI', 15], ['PY_ODPS3', 10], ['DIDE_SHELL', 10], ['HOLOGRES_SQL', 5], ['EMR_HIVE', 5],
];
const SOURCE_OF_TYPE: Record<string, string | undefined> = {
  ODPS_SQL: 'odps_first', PY_ODPS3: 'odps_first', DI: 'mysql_orders', HOLOGRES_SQL: 'holo_dw', EMR_HIVE: 'emr_hive',
};

const LAYERS = ['ods', 'dwd', 'dws', 'ads', 'dim'] as const;
const DOMAINS = ['trade', 'user', 'item', 'order', 'log', 'finance', 'marketing', 'supply', 'traffic', 'member'];
const ENTITIES = ['detail', 'summary', 'snapshot', 'event', 'profile', 'balance', 'refund', 'click', 'stock', 'coupon'];
const PERIODS = ['di', 'df', 'hi', 'wi', 'mi'];
const RERUN_MODES: readonly (readonly [RerunMode, number])[] = [['AllAllowed', 60], ['FailureAllowed', 30], ['AllDenied', 10]];
const CUS = ['0.25', '0.5', '1', '2'];
const START = '1970-01-01 00:00:00';
const END = '9999-01-01 00:00:00';

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** A valid DataWorks cron in canonical form (first three fields zero-padded). */
function cron(r: Random): string {
  const mm = pad2(r.int(0, 11) * 5);
  const hh = pad2(r.int(0, 7));
  switch (r.weighted([['daily', 65], ['hourly', 10], ['minutes', 5], ['weekly', 10], ['monthly', 7], ['last', 3]] as const)) {
    case 'daily': return `00 ${mm} ${hh} * * ?`;
    case 'hourly': return `00 ${mm} 00-23 * * ?`;
    case 'minutes': return `00 */${r.pick([5, 10, 15, 30])} 00-23 * * ?`;
    // Weekday in the DataWorks numbering (0 = Sunday ... 6 = Saturday): the same draw and the same
    // days as when the seed wrote Quartz's 1 = Sunday ... 7 = Saturday.
    case 'weekly': return `00 ${mm} ${hh} ? * ${r.int(1, 7) - 1}`;
    case 'monthly': return `00 ${mm} ${hh} ${r.int(1, 28)} * ?`;
    case 'last': return `00 ${mm} ${hh} L * ?`;
  }
}

function trigger(r: Random): TriggerRecord {
  if (r.chance(0.08)) return { Type: 'Manual', StartTime: START, EndTime: END };
  const Recurrence = r.weighted([['Normal', 90], ['Skip', 5], ['Pause', 5]] as const);
  return { Type: 'Scheduler', Recurrence, Cron: cron(r), StartTime: START, EndTime: END };
}

/** An 18-digit account id string, as DataWorks reports owners. */
function accountId(r: Random): string {
  return `2${String(r.int(10000000, 99999999))}${String(r.int(100000000, 999999999))}`;
}

export function seedState(taskCount = DEFAULT_TASK_COUNT, seed = DEFAULT_SEED): EmulatorState {
  const r = new Random(seed);
  const base = Date.UTC(2025, 0, 1);
  const owners = Array.from({ length: 8 }, () => accountId(r));

  const projects: ProjectRecord[] = PROJECTS.map(([Id, Name, DisplayName, Description]) => ({
    Id, Name, DisplayName, Description, Owner: owners[0], Status: 'Available', DevEnvironmentEnabled: true,
  }));
  const resourceGroups: ResourceGroupRecord[] = RESOURCE_GROUPS.map(([Id, Name, ResourceGroupType, Standard, Amount], i) => ({
    Id, Name, Remark: `${Name} resource group`, ResourceGroupType, Status: 'Normal',
    PaymentType: ResourceGroupType === 'CommonV2' ? 'PostPaid' : 'PrePaid', Spec: { Standard, Amount }, CreateTime: base - (i + 1) * 86_400_000,
    CreateUser: owners[0], OrderInstanceId: `c442b330-3b10-4584-959e-736e4ed${String(10000 + i)}`, AliyunResourceGroupId: 'rg-aek2kqofrg0dd6q',
    ...(ResourceGroupType === 'CommonV2' ? { DefaultVpcId: 'vpc-m2et4f3oc8msfbcc0dd6q', DefaultVswicthId: `vsw-uf8usrhs7hjd9ams0dd6${i}` } : {}),
  }));
  const taskGroups = resourceGroups.filter((g) => RUNS_TASKS.has(g.ResourceGroupType));
  // Fields added after the first seed come from their own stream, so the tasks' other values stay as they were.
  const extra = new Random(seed + 0x5eed);
  const baselineId = 80000n;
  const dataSources: Record<string, DataSourceRecord[]> = {};
  let dsId = 90001;
  for (const p of projects) {
    dataSources[p.Id] = [];
    for (const [Name, Type, Description] of DATA_SOURCES) {
      for (const EnvType of ['Dev', 'Prod'] as const) {
        dataSources[p.Id].push({ Id: String(dsId++), Name, Type, EnvType, Description, CreateTime: base });
      }
    }
  }

  const dev: Record<string, TaskRecord> = {};
  const prod: Record<string, TaskRecord> = {};
  let smallId = 700000000000n + BigInt(r.int(0, 99999)) * 100n;
  let bigId = BigInt(FIRST_BIG_TASK_ID);
  let firstBig = true;
  let workflowId = 600000000000n + BigInt(r.int(0, 99999)) * 10n;
  const usedNames = new Map<string, Set<string>>(projects.map((p) => [p.Id, new Set()]));
  const workflowsOf = new Map<string, string[]>(projects.map((p) => [p.Id, []]));
  const projectWeights = PROJECTS.map(([id, , , , w]) => [id, w] as const);

  for (let i = 0; i < taskCount; i++) {
    let id: string;
    if (i % 25 === 24) {
      if (!firstBig) bigId += BigInt(r.int(1, 999999)) * 1000n + BigInt(r.int(1, 999));
      firstBig = false;
      id = bigId.toString();
    } else {
      smallId += BigInt(r.int(1, 5000));
      id = smallId.toString();
    }
    const projectId = r.weighted(projectWeights);
    const project = projects.find((p) => p.Id === projectId)!;
    const flows = workflowsOf.get(projectId)!;
    if (flows.length === 0 || r.chance(1 / 15)) flows.push((workflowId += BigInt(r.int(1, 999))).toString());

    const layer = r.pick(LAYERS);
    const names = usedNames.get(projectId)!;
    let name = `${layer}_${r.pick(DOMAINS)}_${r.pick(ENTITIES)}_${r.pick(PERIODS)}`;
    for (let k = 2; names.has(name); k++) name = `${name.replace(/_v\d+$/, '')}_v${k}`;
    names.add(name);

    const type = r.weighted(TASK_TYPES);
    const source = SOURCE_OF_TYPE[type];
    const created = base + r.int(0, 300) * 86_400_000 + r.int(0, 86_399) * 1000;
    const task: TaskRecord = {
      Priority: 1,
      InstanceMode: 'T+1',
      Id: id,
      Name: name,
      Type: type,
      Description: `${layer.toUpperCase()} layer: ${name.replace(/_/g, ' ')}`,
      ProjectId: projectId,
      ProjectEnv: 'Dev',
      WorkflowId: r.pick(flows),
      Owner: r.pick(owners),
      CreateTime: created,
      ModifyTime: created + r.int(0, 30) * 86_400_000,
      Timeout: r.pick([0, 3600, 7200, 10800]),
      RerunMode: r.weighted(RERUN_MODES),
      RerunTimes: r.int(0, 3),
      RerunInterval: r.pick([60000, 120000, 300000]),
      ...(source ? { DataSource: { Name: source } } : {}),
      RuntimeResource: { ResourceGroupId: r.pick(taskGroups).Id, Cu: r.pick(CUS) },
      Trigger: trigger(r),
      Tags: r.chance(0.3) ? [{ Key: 'layer', Value: layer }] : [],
      Script: { Content: scriptFor(type, name), Parameters: 'bizdate=$[yyyymmdd-1]' },
      Dependencies: layer === 'ods' ? [] : [{ Type: 'Normal', Output: `${project.Name}.root` }],
      Outputs: [{ Output: `${project.Name}.${name}` }],
    };
    task.Priority = extra.weighted([[1, 70], [3, 15], [5, 10], [7, 3], [8, 2]] as const);
    task.InstanceMode = extra.chance(0.9) ? 'T+1' : 'Immediately';
    if (extra.chance(0.3)) task.BaselineId = String(baselineId + BigInt(extra.int(1, 6)));
    // Python and shell run in an image on the serverless groups.
    if ((type === 'PY_ODPS3' || type === 'DIDE_SHELL') && task.RuntimeResource.ResourceGroupId.startsWith('Serverless_')) {
      task.RuntimeResource.Image = `i-${String(extra.int(100000, 999999))}dw`;
    }
    dev[id] = task;
    if (!r.chance(0.05)) prod[id] = { ...structuredClone(task), ProjectEnv: 'Prod' as EnvType };
  }

  return {
    version: STATE_VERSION,
    seed,
    taskCount,
    projects,
    tasks: { Dev: dev, Prod: prod },
    resourceGroups,
    dataSources,
    quota: { day: '', used: 0 },
  };
}

function scriptFor(type: string, name: string): string {
  switch (type) {
    case 'DIDE_SHELL': return `#!/bin/bash\necho "run ${name} for \${bizdate}"\n`;
    case 'PY_ODPS3': return `from odps import ODPS\nprint(o.get_table('${name}').name)\n`;
    case 'DI': return `{"type":"job","steps":[{"stepType":"mysql","name":"Reader"},{"stepType":"odps","name":"Writer"}]}`;
    default: return `INSERT OVERWRITE TABLE ${name} PARTITION (ds='\${bizdate}')\nSELECT * FROM ${name.replace(/^\w+?_/, 'ods_')};\n`;
  }
}
