// Types of start-auth.mjs for the TypeScript tests.
export function isLoopbackHost(host: string): boolean;
export function startAuth(host: string, env?: NodeJS.ProcessEnv): { password: string; generated: boolean } | undefined;
