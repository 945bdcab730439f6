// `npm run docs:screenshots`: copies the walkthrough screenshots the UI test took
// (test-results/ui/walkthrough-*.png, from `npm run test:ui -- test/ui/walkthrough/walkthrough.test.ts`) into
// docs/images/, where the README shows them. Fails when a step's screenshot is missing.
// Also the schedule picture's (test-results/ui/schedule-{patch,project,load,load-spread}-{light,dark}.png, from
// test/ui/schedule/schedule.test.ts) and the bulk edit's (test-results/ui/bulk-[1-5]-*.png, from
// test/ui/tree/bulk-flow.test.ts) when present.
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../..');
const from = join(root, 'test-results/ui');
const to = join(root, 'docs/images');
const shots = existsSync(from) ? readdirSync(from).filter((f) => /^walkthrough-\d+-[\w-]+\.png$/.test(f)).sort() : [];
if (shots.length === 0) {
  console.error(`docs:screenshots: no walkthrough screenshots in ${from}; run npm run test:ui -- test/ui/walkthrough/walkthrough.test.ts first`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
// Steps renumbered or removed in the test leave no stale image behind.
for (const f of readdirSync(to)) if (f.startsWith('walkthrough-') && !shots.includes(f)) rmSync(join(to, f));
const extra = readdirSync(from).filter((f) => /^schedule-(patch|project|load|load-spread)-(light|dark)\.png$/.test(f) || /^bulk-[1-5]-[\w-]+\.png$/.test(f)).sort();
for (const f of [...shots, ...extra]) copyFileSync(join(from, f), join(to, f));
console.log(`docs:screenshots: ${shots.length + extra.length} image(s) copied to docs/images/: ${[...shots, ...extra].join(', ')}`);
