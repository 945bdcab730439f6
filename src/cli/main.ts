// `dwtasks`: the command line over the same core as the extension.
// Exit codes: 0 ok, 1 findings/failures, 2 usage or invalid input, 3 auth/network/quota.
import { commands } from './commands/index';
import { escapeControls } from '../core/text/safe-text';

// A reader that closed the pipe (`dwtasks validate --json F | head -c 700`) wants no more output:
// exit quietly, as a shell tool killed by SIGPIPE would (128 + 13), for every command.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(141);
    throw e;
  });
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  if (name === '--version') {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`dwtasks: unknown command '${escapeControls(name)}'\n\n${usage()}`);
    return 2;
  }
  // stdin on first use: touching process.stdin sets up a stream (and loads its modules) that most commands never read.
  return command.run(rest, { get stdin() { return process.stdin; }, stdout: process.stdout, stderr: process.stderr, env: process.env });
}

const EXIT_HELP = `Exit status: 0 done; 1 findings, or tasks failed or not sent (read the results first; applying
the same file again is safe); 2 usage or invalid input (do not retry: fix it); 3 the service could not
be reached or refused (retry after a wait; fix credentials if refused).
Options, environment variables, limits: docs/cli.md in the package.
`;

declare const VERSION_FROM_BUILD: string | undefined;
const VERSION = typeof VERSION_FROM_BUILD === 'string' ? VERSION_FROM_BUILD : '0.1.0';

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `Usage: dwtasks <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'dwtasks <command> --help' for a command's options.\n\n${EXIT_HELP}`;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`dwtasks: ${escapeControls(err instanceof Error ? err.message : String(err))}\n`);
    process.exitCode = 2;
  },
);
