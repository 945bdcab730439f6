import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isPatchPath, onlyOtherJsonc } from '@src/extension/wakeReason';

const doc = (languageId: string, path: string) => ({ languageId, path });

test('a settings.json or tsconfig.json alone does not need the real activation', () => {
  assert.equal(onlyOtherJsonc([doc('jsonc', '/home/u/.config/Code/User/settings.json')]), true);
  assert.equal(onlyOtherJsonc([doc('jsonc', '/w/tsconfig.json'), doc('typescript', '/w/a.ts')]), true);
});

test('a patch open, or no JSONC file open (workspaceContains, a command, the view), wakes the extension', () => {
  assert.equal(onlyOtherJsonc([doc('jsonc', '/w/settings.json'), doc('jsonc', '/w/nightly.dwtasks.json')]), false);
  assert.equal(onlyOtherJsonc([doc('jsonc', '/w/NIGHTLY.DWTASKS.JSON')]), false);
  assert.equal(onlyOtherJsonc([]), false);
  assert.equal(onlyOtherJsonc([doc('typescript', '/w/a.ts'), doc('json', '/w/package.json')]), false);
});

test('a patch is named *.dwtasks.json, nothing else', () => {
  assert.equal(isPatchPath('/w/a.dwtasks.json'), true);
  assert.equal(isPatchPath('/w/a.dwtasks.json.bak'), false);
  assert.equal(isPatchPath('/w/dwtasks.json'), false);
});
