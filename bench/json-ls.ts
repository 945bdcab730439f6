// The reference the validation benchmark compares against: VS Code's own JSON language service
// validating a .dwtasks.json with our schema, as the editor does. Run directly it is the
// "JSON language service only" process: `node --import tsx bench/json-ls.ts FILE` (prints the count).
import { readFileSync } from 'node:fs';
import { getLanguageService, TextDocument, type Diagnostic, type JSONSchema } from 'vscode-json-languageservice';
import schema from '../schemas/dwtasks.schema.json';

const SCHEMA_URI = 'file:///schemas/dwtasks.schema.json';

export function createJsonLsValidator(): (text: string) => Promise<Diagnostic[]> {
  // A file naming its schema in "$schema" gets that one, as in VS Code; here every such name is ours.
  const ls = getLanguageService({ schemaRequestService: async () => JSON.stringify(schema) });
  ls.configure({ validate: true, allowComments: true, schemas: [{ uri: SCHEMA_URI, fileMatch: ['*.dwtasks.json'], schema: schema as JSONSchema }] });
  let version = 0;
  return async (text: string) => {
    const doc = TextDocument.create('file:///bench/patch.dwtasks.json', 'jsonc', ++version, text);
    const json = ls.parseJSONDocument(doc);
    return ls.doValidation(doc, json, { comments: 'ignore', trailingCommas: 'ignore' });
  };
}

if (process.argv[1]?.endsWith('json-ls.ts') || process.argv[1]?.endsWith('json-ls.js')) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: json-ls FILE\n');
    process.exit(2);
  }
  const validate = createJsonLsValidator();
  void validate(readFileSync(file, 'utf8')).then((d) => {
    process.stdout.write(`${d.length} diagnostics\n`);
  });
}
