// The command table. Each command lives in its own file and exports a CliCommand.
import type { CliCommand } from '../io';

export const commands: Record<string, CliCommand> = {};
