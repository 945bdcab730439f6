// `node --require scripts/lib/trace-require.cjs dwtasks ...`: on exit, prints every file in Node's
// module cache to stderr as `dwtasks-load <path>` (what a run loaded: the CLI's bundle files).
'use strict';
process.on('exit', () => {
  for (const file of Object.keys(require.cache)) if (file !== __filename) process.stderr.write(`dwtasks-load ${file}\n`);
});
