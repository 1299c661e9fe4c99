import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagedRuntime } from './packaged';

let cached: string | undefined;

/**
 * The repository folder (where package.json is), found from this module's own location so it
 * is right whether the code runs from `src/` (tests, tsx) or from the bundles in `dist/`. Inside
 * the single executable there is no repository: its files were extracted to a folder of the same layout.
 */
export function projectRoot(): string {
  if (cached) return cached;
  const packaged = packagedRuntime();
  if (packaged) {
    cached = packaged.root;
    return cached;
  }
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
    dir = parent;
  }
  cached = dir;
  return dir;
}
