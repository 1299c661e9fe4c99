/** The `sessions` table as a session store (the default when Redis is not configured). */
import { and, eq, ne, sql } from 'drizzle-orm';
import { sessions } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { PendingLogin, SessionStore } from './session-store';
import { keyBatches } from '../../lib/key-batches';

export function dbSessionStore(db: StoreDb): SessionStore {
  // Read by every request that carries a session cookie: its SQL is built once, PostgreSQL plans
  // it once per connection (a named prepared statement), and the keys asked while one read is in
  // flight go together in the next (lib/key-batches.ts).
  const byKeys = db
    .select()
    .from(sessions)
    .where(sql`${sessions.id} = ANY(${sql.placeholder('keys')}::varchar[])`)
    .prepare('sessions_by_keys');
  const reads = keyBatches(async (keys: string[]) => new Map((await byKeys.execute({ keys })).map((row) => [row.id, row])));
  return {
    async get(key) {
      const row = await reads.one(key);
      if (!row) return undefined;
      return {
        userId: row.userId,
        csrfSecret: row.csrfSecret,
        remember: row.remember,
        createdAt: row.createdAt.getTime(),
        lastSeenAt: row.lastSeenAt.getTime(),
        expiresAt: row.expiresAt.getTime(),
        ...(row.data.pendingLogin ? { pendingLogin: row.data.pendingLogin as PendingLogin } : {}),
      };
    },
    async save(key, r) {
      const values = {
        userId: r.userId,
        csrfSecret: r.csrfSecret,
        remember: r.remember,
        createdAt: new Date(r.createdAt),
        lastSeenAt: new Date(r.lastSeenAt),
        expiresAt: new Date(r.expiresAt),
        data: r.pendingLogin ? { pendingLogin: r.pendingLogin } : {},
      };
      await db
        .insert(sessions)
        .values({ id: key, ...values })
        .onConflictDoUpdate({ target: sessions.id, set: values });
    },
    async touch(key, r) {
      await db
        .update(sessions)
        .set({ lastSeenAt: new Date(r.lastSeenAt) })
        .where(eq(sessions.id, key));
    },
    async destroy(key) {
      await db.delete(sessions).where(eq(sessions.id, key));
    },
    async destroyForUser(userId, keepKey) {
      await db.delete(sessions).where(keepKey ? and(eq(sessions.userId, userId), ne(sessions.id, keepKey)) : eq(sessions.userId, userId));
    },
    async purgeExpired(idleMs) {
      // Remember-me sessions idle out with their absolute expiry, so the longest idle bounds all.
      await db
        .delete(sessions)
        .where(sql`${sessions.expiresAt} < now() OR ${sessions.lastSeenAt} < now() - make_interval(secs => ${idleMs / 1000})`);
    },
  };
}
