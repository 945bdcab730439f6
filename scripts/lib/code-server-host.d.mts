// Types of code-server-host.mjs for the TypeScript UI tests.
import type { ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';

export const CHROMIUM_PATH: string;
export const CHROMIUM_ARGS: string[];
export function freePort(): Promise<number>;
export function installVsix(vsix: string, dirs: { userDataDir: string; extensionsDir: string }): void;
export interface CodeServer {
  url: string;
  port: number;
  child: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}
export function startCodeServer(options: {
  userDataDir: string;
  extensionsDir: string;
  smokeDriver?: boolean;
  env?: NodeJS.ProcessEnv;
  extraArgs?: string[];
  logFile?: string;
  port?: number;
  host?: string;
  /** `--auth password` with this password (through PASSWORD); default `--auth none`. */
  password?: string;
}): Promise<CodeServer>;
export function killGroup(pid: number, signal: NodeJS.Signals): void;
export function launchChromium(): Promise<Browser>;
export function workbenchUrl(serverUrl: string, folder: string, payload?: [string, string][]): string;
export function remoteUri(serverUrl: string, absPath: string): string;
