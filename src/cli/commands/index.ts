// The command table. Each command lives in its own file and exports a CliCommand.
import type { CliCommand } from '../io';
import { applyCommand } from './apply';
import { cronCommand } from './cron';
import { diffCommand } from './diff';
import { emulatorCommand } from './emulator';
import { listCommand } from './list';
import { pullCommand } from './pull';
import { validateCommand } from './validate';

export const commands: Record<string, CliCommand> = {
  apply: applyCommand,
  cron: cronCommand,
  diff: diffCommand,
  emulator: emulatorCommand,
  list: listCommand,
  pull: pullCommand,
  validate: validateCommand,
};
