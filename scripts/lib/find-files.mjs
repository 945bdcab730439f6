// Files under a folder whose names end with a suffix, recursively, sorted (test and build entry lists).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export function findFiles(dir, suffix) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(suffix))
    .map((e) => join(e.parentPath ?? e.path, e.name))
    .sort();
}
