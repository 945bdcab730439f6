// An esbuild plugin: imports of the source files `sourceRe` matches stay out of the bundle and become
// a require() of one shared bundle at `outPath` (relative to the importing bundle). The CLI's service
// commands each used to embed the Alibaba Cloud SDK; with this they share dist/client.js.
import { resolve } from 'node:path';

export function sharedBundle(sourceRe, outPath) {
  return {
    name: 'shared-bundle',
    setup(build) {
      build.onResolve({ filter: /^\./ }, (args) => {
        if (args.kind !== 'import-statement') return undefined;
        const target = resolve(args.resolveDir, args.path).replace(/\.(js|ts)$/, '');
        return sourceRe.test(target) ? { path: outPath, external: true } : undefined;
      });
    },
  };
}
