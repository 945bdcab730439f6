// The keys of the one l10n bundle: every English message the sources use, and where. Three kinds:
//   - vscode.l10n.t('...') calls, read by @vscode/l10n-dev (the tool VS Code's own extensions export with);
//   - core's translate(locale, '...') calls and tables written `{...} satisfies Messages` (or a type
//     named ...Messages / ...Texts), read here with the TypeScript parser: every string inside such a
//     table is English to translate, and `{ message, comment }` is keyed `message/comment` as
//     @vscode/l10n keys it;
//   - the JSON schema's user-visible strings (scripts/schema-l10n.mjs).
// Used by test/unit/l10n/keys.test.ts (a key without zh-cn text, or a zh-cn text nothing uses, fails)
// and scripts/l10n-export.mjs (writes l10n/bundle.l10n.json, the English bundle).
import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { getL10nJson } from '@vscode/l10n-dev';
import { findFiles } from './find-files.mjs';
import { generate as generateSchema } from '../schema-l10n.mjs';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');
export const ZH_BUNDLE = join(ROOT, 'l10n/bundle.l10n.zh-cn.json');
export const EN_BUNDLE = join(ROOT, 'l10n/bundle.l10n.json');

const TABLE_TYPE = /(Messages|Texts)$/;

/** A key and its English (differ when the key carries a comment). */
function add(out, key, english, where) {
  const entry = out.get(key) ?? { english, comment: undefined, where: [] };
  entry.where.push(where);
  out.set(key, entry);
  return entry;
}

/** `{ message: '...', comment: '...' }` written with literals, or undefined. */
function commented(node) {
  if (!ts.isObjectLiteralExpression(node) || node.properties.length !== 2) return undefined;
  const props = Object.fromEntries(node.properties.map((p) => [p.name?.getText(), ts.isPropertyAssignment(p) ? p.initializer : undefined]));
  const { message, comment } = props;
  if (!message || !comment || !ts.isStringLiteralLike(message) || !ts.isStringLiteralLike(comment)) return undefined;
  return { message: message.text, comment: comment.text };
}

/**
 * translate() keys and table strings of TypeScript `files` ({path, text}). `problems` lists what
 * cannot be a key: a template with substitutions inside a table.
 */
export function scanSources(files) {
  const keys = new Map();
  const problems = [];
  for (const { path, text } of files) {
    if (!text.includes('translate(') && !text.includes('satisfies')) continue;
    const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
    const where = (node) => `${path}:${sf.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
    const message = (node) => {
      const c = commented(node);
      if (c) add(keys, `${c.message}/${c.comment}`, c.message, where(node)).comment = c.comment;
      else if (ts.isStringLiteralLike(node)) add(keys, node.text, node.text, where(node));
      return c !== undefined || ts.isStringLiteralLike(node);
    };
    const table = (node) => {
      if (message(node)) return;
      // A property's name is not text; a template with values cannot be looked up.
      if (ts.isPropertyAssignment(node)) return table(node.initializer);
      if (ts.isTemplateExpression(node)) problems.push(`${where(node)}: a template with \${...} in a message table`);
      ts.forEachChild(node, table);
    };
    const visit = (node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'translate' && node.arguments.length >= 2) {
        message(node.arguments[1]);
      }
      if (ts.isSatisfiesExpression(node) && TABLE_TYPE.test(node.type.getText())) {
        table(node.expression);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { keys, problems };
}

/** vscode.l10n.t keys of `files`, as @vscode/l10n-dev exports them. */
export async function l10nDevKeys(files) {
  const out = new Map();
  for (const { path, text } of files) {
    if (!text.includes('l10n.t(')) continue;
    for (const [key, value] of Object.entries(await getL10nJson([{ extension: '.ts', contents: text }]))) {
      const e = add(out, key, typeof value === 'string' ? value : value.message, path);
      if (typeof value !== 'string') e.comment = value.comment.join('');
    }
  }
  return out;
}

export function readSources(dir) {
  return findFiles(dir, '.ts').map((p) => ({ path: relative(ROOT, p), text: readFileSync(p, 'utf8') }));
}

/** Every key the product uses: src/ (l10n.t, translate, tables) and the schema. */
export async function usedKeys() {
  const files = readSources(join(ROOT, 'src'));
  const { keys, problems } = scanSources(files);
  for (const [key, e] of await l10nDevKeys(files)) {
    const entry = keys.get(key);
    if (entry) entry.where.push(...e.where);
    else keys.set(key, e);
  }
  for (const s of generateSchema().strings) add(keys, s, s, 'schemas/dwtasks.schema.json');
  return { keys, problems };
}

const placeholders = (s) => [...s.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]).sort().join();

/**
 * What is wrong between the keys used and a translation bundle: keys without text, texts no key
 * uses, and placeholders that differ (`otherArgs`: keys whose translation may name other values).
 */
export function bundleProblems(keys, bundle, otherArgs = new Set()) {
  const missing = [];
  const wrongArgs = [];
  for (const [key, e] of keys) {
    const text = Object.hasOwn(bundle, key) ? bundle[key] : undefined;
    if (typeof text !== 'string' || text === '') missing.push(`${key}  (${e.where[0]})`);
    else if (!otherArgs.has(key) && placeholders(text) !== placeholders(e.english)) wrongArgs.push(key);
  }
  const unused = Object.keys(bundle).filter((k) => !keys.has(k));
  return { missing, unused, wrongArgs };
}

/** l10n/bundle.l10n.json: every key with its English, in @vscode/l10n-dev's format, sorted. */
export function englishBundle(keys) {
  const out = {};
  for (const key of [...keys.keys()].sort()) {
    const e = keys.get(key);
    out[key] = e.comment === undefined ? e.english : { message: e.english, comment: [e.comment] };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}
