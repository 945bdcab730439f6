// What a CLI command gets instead of touching process globals, so unit tests run commands in-process.
export interface CliIO {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}
