/**
 * An uploaded sheet kept between its preview and "apply", for one hour, for the user who uploaded
 * it. Files live beside the uploads in a folder nothing serves (like transfer receipts), so every
 * store instance sharing the upload volume finds them; the token is random and the file also
 * names its owner, so another user's token is useless.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Sheet } from './sheet';
import type { PendingImports } from './types';

const TTL_MS = 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;

export function pendingImportsDir(uploadDir: string): string {
  return path.join(path.dirname(path.resolve(uploadDir)), 'private-uploads', 'imports');
}

export function createPendingImports(dir: string, clock: () => Date = () => new Date()): PendingImports {
  const file = (token: string) => path.join(dir, `${token}.json`);

  async function sweep(): Promise<number> {
    const now = clock().getTime();
    let removed = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const info = await stat(path.join(dir, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > TTL_MS) {
        await rm(path.join(dir, name), { force: true });
        removed++;
      }
    }
    return removed;
  }

  return {
    async save(sheet: Sheet, userId: number): Promise<string> {
      await mkdir(dir, { recursive: true });
      await sweep();
      const token = randomBytes(16).toString('base64url');
      await writeFile(file(token), JSON.stringify({ userId, savedAt: clock().getTime(), sheet }), { mode: 0o600 });
      return token;
    },

    async load(token: unknown, userId: number): Promise<Sheet | undefined> {
      if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
      const raw = await readFile(file(token), 'utf8').catch(() => undefined);
      if (!raw) return undefined;
      const saved = JSON.parse(raw) as { userId: number; savedAt: number; sheet: Sheet };
      if (saved.userId !== userId || clock().getTime() - saved.savedAt > TTL_MS) return undefined;
      return saved.sheet;
    },

    async remove(token: string): Promise<void> {
      if (TOKEN.test(token)) await rm(file(token), { force: true });
    },

    prune: sweep,
  };
}
