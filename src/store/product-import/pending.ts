/**
 * An uploaded sheet kept between its preview and "apply", for one hour, for the user who uploaded
 * it. It lives in the private upload store (src/lib/storage/uploads.ts: a folder beside the
 * uploads or the bucket's private/ prefix, never served), so every store instance finds it
 * whichever one took the upload; the token is random and the object also names its owner, so
 * another user's token is useless.
 */
import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { ObjectStorage } from '../../lib/storage/types';
import type { Sheet } from './sheet';
import type { PendingImports } from './types';

const TTL_MS = 60 * 60 * 1000;
const TOKEN = /^[A-Za-z0-9_-]{22}$/;
const PREFIX = 'imports/';

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks).toString('utf8');
}

export function createPendingImports(store: ObjectStorage, clock: () => Date = () => new Date()): PendingImports {
  const keyOf = (token: string) => `${PREFIX}${token}.json`;

  /** Removes sheets older than their hour (by the store's time of writing); the pruning job calls it too. */
  async function sweep(): Promise<number> {
    const now = clock().getTime();
    const expired = (await store.list(PREFIX)).filter((o) => now - o.lastModified.getTime() > TTL_MS);
    await Promise.all(expired.map((o) => store.delete(o.key)));
    return expired.length;
  }

  return {
    async save(sheet: Sheet, userId: number): Promise<string> {
      await sweep();
      const token = randomBytes(16).toString('base64url');
      await store.put(keyOf(token), Buffer.from(JSON.stringify({ userId, savedAt: clock().getTime(), sheet })), 'application/json');
      return token;
    },

    async load(token: unknown, userId: number): Promise<Sheet | undefined> {
      if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
      const object = await store.get(keyOf(token));
      if (!object) return undefined;
      const saved = JSON.parse(await text(object.body)) as { userId: number; savedAt: number; sheet: Sheet };
      if (saved.userId !== userId || clock().getTime() - saved.savedAt > TTL_MS) return undefined;
      return saved.sheet;
    },

    async remove(token: string): Promise<void> {
      if (TOKEN.test(token)) await store.delete(keyOf(token));
    },

    prune: sweep,
  };
}
