// An esbuild plugin for code that must not load with its importer: a dynamic import() of a file that
// `outFor` names stays a require() of that file's own bundle, next to the importer's output, and the
// file is remembered so `buildLazyEntries` can bundle it. Source runs (tsx, tests) keep the plain import().
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** outFor(absolute source path without extension) -> output path relative to the importing bundle, or undefined. */
export function lazyBundles(outFor) {
  const entries = new Map(); // source file -> output path relative to the importer's outdir
  const plugin = {
    name: 'lazy-bundles',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'dynamic-import') return undefined;
        const target = resolve(args.resolveDir, args.path).replace(/\.(js|ts)$/, '');
        const out = outFor(target);
        if (!out) return undefined;
        const source = `${target}.ts`;
        if (!existsSync(source)) return { errors: [{ text: `lazy bundle source ${source} not found` }] };
        entries.set(source, out);
        return { path: out, external: true };
      });
    },
  };
  return { plugin, entries };
}

/**
 * Bundles every file the plugin saw, each to `outdir/<its output path>`; a lazy bundle that has lazy
 * parts of its own (options.plugins holding the plugin) adds entries, built in the next round.
 */
export async function buildLazyEntries(esbuild, options, entries, outdir) {
  const built = new Set();
  for (let round = [...entries]; round.length; round = [...entries].filter(([source]) => !built.has(source))) {
    for (const [source] of round) built.add(source);
    await Promise.all(round.map(([source, out]) => esbuild.build({ ...options, entryPoints: [source], outfile: resolve(outdir, out) })));
  }
}
