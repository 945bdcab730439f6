// The command table, one line per command. A command lives in its own file exporting a CliCommand;
// the build bundles each separately (dist/commands/<name>.js) and `lazy` loads it only when it runs,
// so `dwtasks --help`, `validate` and `cron` never load the SDK. The summary is repeated here for
// --help (test/unit/cli/command-table.test.ts keeps the two equal).
// Every command runs on safeIO: this is the one place the process's streams become a command's.
import { type CliCommand, type ProcessIO, safeIO } from '../io';

export interface LazyCommand {
  summary: string;
  /** The command itself (its own file's CliCommand). */
  load(): Promise<CliCommand>;
  /** Runs it on the process's streams made safe. */
  run(args: string[], io: ProcessIO): Promise<number>;
}

const lazy = (summary: string, load: () => Promise<CliCommand>, redactEnv = true): LazyCommand => ({
  summary,
  load,
  run: async (args, io) => (await load()).run(args, safeIO(io, redactEnv)),
});

export const commands: Record<string, LazyCommand> = {
  apply: lazy('Apply a patch to DataWorks (chunks, journal, revert patch)', async () => (await import('./apply.js')).applyCommand),
  capacity: lazy('Show how many CUs each resource group needs, slot by slot, before and after a patch', async () => (await import('./capacity.js')).capacityCommand),
  cron: lazy('check, describe and list next fire times of a DataWorks cron expression', async () => (await import('./cron.js')).cronCommand),
  diff: lazy('Show the plan of a patch: what would change, what already matches (alias of plan)', async () => (await import('./plan.js')).diffCommand),
  emulator: lazy('Run a local DataWorks OpenAPI emulator (seed data, V3 signatures, fault injection)', async () => (await import('./emulator.js')).emulatorCommand, false),
  list: lazy('List the tasks of a project', async () => (await import('./list.js')).listCommand),
  plan: lazy('Plan a patch: read current values, show what would change; --out saves it for apply', async () => (await import('./plan.js')).planCommand),
  pull: lazy('Pull the tasks a filter matches into a patch', async () => (await import('./pull.js')).pullCommand),
  revert: lazy('Write the patch that undoes a run, from its journal', async () => (await import('./revert.js')).revertCommand),
  schedule: lazy('Show when the tasks of a patch or a project fire, and where they pile up', async () => (await import('./schedule.js')).scheduleCommand),
  validate: lazy('check .dwtasks.json files: schema and every DataWorks rule', async () => (await import('./validate.js')).validateCommand),
};
