// `npm run l10n`: writes l10n/bundle.l10n.json, the English bundle (every key the product uses with
// its English: vscode.l10n.t calls as @vscode/l10n-dev exports them, core's messages, the schema's
// strings), the file a translator starts from. The Chinese is l10n/bundle.l10n.zh-cn.json.
//   node scripts/l10n-export.mjs           write it
//   node scripts/l10n-export.mjs --check   exit 1 when it is out of date
import { readFileSync, writeFileSync } from 'node:fs';
import { EN_BUNDLE, englishBundle, usedKeys } from './lib/l10n-keys.mjs';

const { keys, problems } = await usedKeys();
const text = englishBundle(keys);
if (process.argv.includes('--check')) {
  let current = '';
  try { current = readFileSync(EN_BUNDLE, 'utf8'); } catch { /* missing: out of date */ }
  if (current !== text) problems.push(`${EN_BUNDLE} is out of date: run npm run l10n`);
} else {
  writeFileSync(EN_BUNDLE, text);
}
for (const p of problems) console.error(p);
process.exit(problems.length ? 1 : 0);
