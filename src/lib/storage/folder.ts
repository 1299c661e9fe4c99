/**
 * The folder driver: one file per key under `root`. Several instances share uploads by mounting
 * the same folder (NFS, a shared volume). A write goes to a temporary file beside its target and
 * is renamed over it, so a reader on any instance sees the old file or the new one, never a part.
 */
import { randomBytes } from 'node:crypto';
import type { Stats } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkKey, checkPrefix, checkPut, contentTypeOf, isValidKey } from './keys';
import type { ObjectInfo, ObjectStorage, StoredObject } from './types';

export interface FolderStorageOptions {
  /** Receipts and import sheets: folders 0700 and files 0600, readable by the service's user only. */
  private?: boolean;
}

/** Errors that mean "no such object" (a file where a folder is expected counts too). */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function isMissing(error: unknown): boolean {
  return MISSING.has((error as NodeJS.ErrnoException).code ?? '');
}

/** The same weak ETag @fastify/static (send) gave these files, so browsers' cached copies stay valid. */
function folderEtag(info: Stats): string {
  return `W/"${info.size.toString(16)}-${info.mtime.getTime().toString(16)}"`;
}

function infoOf(key: string, info: Stats): ObjectInfo {
  return { key, size: info.size, contentType: contentTypeOf(key), etag: folderEtag(info), lastModified: info.mtime };
}

export function createFolderStorage(root: string, options: FolderStorageOptions = {}): ObjectStorage {
  const base = path.resolve(root);
  const dirMode = options.private ? 0o700 : 0o755;
  const fileMode = options.private ? 0o600 : 0o644;
  // The key was checked; this is a second fence in case the rules ever loosen.
  const fileOf = (key: string) => {
    const file = path.join(base, checkKey(key));
    if (!file.startsWith(base + path.sep)) throw new Error(`storage key escapes its folder: ${key}`);
    return file;
  };

  async function walk(dir: string, prefix: string, found: ObjectInfo[]): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true }).catch((error: unknown) => {
      if (isMissing(error)) return [];
      throw error;
    });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const key = prefix + entry.name;
      if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${key}/`, found);
      else if (entry.isFile() && isValidKey(key)) {
        const info = await stat(path.join(dir, entry.name)).catch(() => undefined);
        if (info) found.push(infoOf(key, info));
      }
    }
  }

  return {
    async put(key, bytes, contentType) {
      checkPut(key, contentType);
      const file = fileOf(key);
      await mkdir(path.dirname(file), { recursive: true, mode: dirMode });
      const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
      try {
        await writeFile(temp, bytes, { mode: fileMode, flag: 'wx' });
        await rename(temp, file);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    async get(key): Promise<StoredObject | null> {
      const file = fileOf(key);
      // An open handle keeps the bytes readable even if a new upload replaces the file meanwhile.
      const handle = await open(file, 'r').catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      if (!handle) return null;
      try {
        const info = await handle.stat();
        if (!info.isFile()) {
          await handle.close();
          return null;
        }
        return { ...infoOf(key, info), body: handle.createReadStream() };
      } catch (error) {
        await handle.close().catch(() => {});
        throw error;
      }
    },

    async stat(key) {
      const info = await stat(fileOf(key)).catch((error: unknown) => {
        if (isMissing(error)) return undefined;
        throw error;
      });
      return info?.isFile() ? infoOf(key, info) : null;
    },

    async delete(key) {
      await rm(fileOf(key), { force: true });
    },

    async list(prefix) {
      checkPrefix(prefix);
      const found: ObjectInfo[] = [];
      await walk(path.join(base, prefix), prefix, found);
      return found;
    },
  };
}
