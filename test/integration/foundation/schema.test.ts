// The built-in JSON language server serves *.dwtasks.json with schemas/dwtasks.schema.json
// (contributed through jsonValidation): completion of enum values and schema diagnostics.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { completionLabels, openFixture, positionAfter, waitForDiagnostics } from '../helpers';

const unquote = (s: string): string => s.replace(/^"|"$/g, '');

/** Diagnostics of the JSON language server (ours carry their own source). */
const fromJsonServer = (d: vscode.Diagnostic): boolean => d.source === undefined || d.source === 'json';

suite('foundation: schema through the JSON language server', () => {
  test('completion inside "RerunMode": "" offers exactly the three rerun modes', async () => {
    const { document } = await openFixture('completion.dwtasks.json');
    const at = positionAfter(document, '"RerunMode": "');
    const labels = await completionLabels(document.uri, at, (l) => l.map(unquote).includes('AllDenied'));
    assert.deepEqual(labels.map(unquote).sort(), ['AllAllowed', 'AllDenied', 'FailureAllowed']);
  });

  test('completion inside "EnvType": "" offers exactly Prod and Dev', async () => {
    const { document } = await openFixture('completion.dwtasks.json');
    const at = positionAfter(document, '"EnvType": "');
    const labels = await completionLabels(document.uri, at, (l) => l.map(unquote).includes('Prod'));
    assert.deepEqual(labels.map(unquote).sort(), ['Dev', 'Prod']);
  });

  test('an unknown property and a wrong type produce schema diagnostics at their ranges', async () => {
    const { document } = await openFixture('schema-errors.dwtasks.json');
    const unknownAt = positionAfter(document, '"NotAF');
    const wrongTypeAt = positionAfter(document, '"an h');
    const diags = await waitForDiagnostics(document.uri, (ds) => {
      const schema = ds.filter(fromJsonServer);
      return schema.some((d) => d.range.contains(unknownAt)) && schema.some((d) => d.range.contains(wrongTypeAt));
    });
    const unknown = diags.filter(fromJsonServer).find((d) => d.range.contains(unknownAt));
    const wrongType = diags.filter(fromJsonServer).find((d) => d.range.contains(wrongTypeAt));
    assert.match(unknown?.message ?? '', /NotAField/);
    assert.match(wrongType?.message ?? '', /type/i);
  });

  test('a valid patch with comments gets no schema errors', async () => {
    const { document } = await openFixture('valid.dwtasks.json');
    // Wait for the schema check of a file that has errors, so the server is known to be running.
    const errorsDoc = (await openFixture('schema-errors.dwtasks.json')).document;
    await waitForDiagnostics(errorsDoc.uri, (ds) => ds.some(fromJsonServer));
    const errors = vscode.languages
      .getDiagnostics(document.uri)
      .filter((d) => fromJsonServer(d) && d.severity === vscode.DiagnosticSeverity.Error);
    assert.deepEqual(errors.map((d) => d.message), []);
  });
});
