// Reports and patches the tools write: whole or not at all (temp file + rename), an existing file or
// symlink replaced only when forced (the link itself, never the file it points to), no temp left over.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWritable, writeFileAtomic, WriteRefusedError } from '@src/files/write-report';
import { checkDwtasksFolder, DwtasksFolderError } from '@src/files/dwtasks-folder';

const fresh = () => mkdtempSync(join(tmpdir(), 'dwwrite-'));
const refused = (reason: WriteRefusedError['reason']) => (e: unknown) => e instanceof WriteRefusedError && e.reason === reason;

test('a new file is written whole, and nothing else is left in the folder', () => {
  const dir = fresh();
  writeFileAtomic(join(dir, 'r.html'), '<p>report</p>');
  assert.equal(readFileSync(join(dir, 'r.html'), 'utf8'), '<p>report</p>');
  assert.deepEqual(readdirSync(dir), ['r.html']);
});

test('an existing file is refused (and kept) unless forced, then replaced', () => {
  const dir = fresh();
  const path = join(dir, 'r.html');
  writeFileSync(path, 'old');
  assert.throws(() => writeFileAtomic(path, 'new'), refused('exists'));
  assert.throws(() => checkWritable(path), /r\.html exists; give another path, or --force to replace it/);
  assert.equal(readFileSync(path, 'utf8'), 'old');
  writeFileAtomic(path, 'new', { force: true });
  assert.equal(readFileSync(path, 'utf8'), 'new');
  assert.deepEqual(readdirSync(dir), ['r.html']);
});

test('a symlink at the path is refused; forced, the link is replaced and its target left alone', () => {
  const dir = fresh();
  const target = join(dir, 'precious.txt');
  writeFileSync(target, 'keep me');
  const link = join(dir, 'r.html');
  symlinkSync(target, link);
  assert.throws(() => writeFileAtomic(link, 'report'), refused('symlink'));
  const dangling = join(dir, 'dangling.html');
  symlinkSync(join(dir, 'nowhere'), dangling);
  assert.throws(() => writeFileAtomic(dangling, 'report'), refused('symlink'), 'a dangling link too');
  writeFileAtomic(link, 'report', { force: true });
  assert.equal(readFileSync(target, 'utf8'), 'keep me');
  assert.equal(lstatSync(link).isSymbolicLink(), false);
  assert.equal(readFileSync(link, 'utf8'), 'report');
});

test('a directory at the path is refused even when forced', () => {
  const dir = fresh();
  mkdirSync(join(dir, 'sub'));
  assert.throws(() => writeFileAtomic(join(dir, 'sub'), 'x', { force: true }), refused('not-a-file'));
});

test('.dwtasks: a plain folder, a missing one or a link inside the patch folder pass; a link out is refused', () => {
  const dir = fresh();
  const patch = join(dir, 'p.dwtasks.json');
  checkDwtasksFolder(patch);
  mkdirSync(join(dir, '.dwtasks'));
  checkDwtasksFolder(patch);
  const inside = fresh();
  mkdirSync(join(inside, 'state'));
  symlinkSync(join(inside, 'state'), join(inside, '.dwtasks'));
  checkDwtasksFolder(join(inside, 'p.dwtasks.json'));
  const out = fresh();
  const elsewhere = fresh();
  symlinkSync(elsewhere, join(out, '.dwtasks'));
  assert.throws(() => checkDwtasksFolder(join(out, 'p.dwtasks.json')), (e: unknown) =>
    e instanceof DwtasksFolderError && e.message.includes(elsewhere) && /outside the folder of the patch/.test(e.message));
});
