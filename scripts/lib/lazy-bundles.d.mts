// Types of lazy-bundles.mjs for the TypeScript benches.
import type { BuildOptions, Plugin } from 'esbuild';

export function lazyBundles(outFor: (path: string) => string | undefined): { plugin: Plugin; entries: Map<string, string> };
export function buildLazyEntries(esbuild: typeof import('esbuild'), options: BuildOptions, entries: Map<string, string>, outdir: string): Promise<unknown[]>;
