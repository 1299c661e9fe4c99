/**
 * Personal access tokens' queries (the only file of the area that speaks Drizzle).
 */
import { and, count, desc, eq, isNull, lt, or } from 'drizzle-orm';
import { apiTokens, type ApiTokenScope, users } from '../../db/schema';
import type { StoreDb, StoreExecutor, StoreTx } from '../../db/store-db';
import type { TokenIdentity, TokenSummary } from './types';

const summary = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  hint: apiTokens.hint,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
};

export function createApiTokenRepository(db: StoreDb) {
  return {
    /** Newest first; revoked ones too, so the owner sees what was cut off and when. */
    listForUser(userId: number, limit: number): Promise<TokenSummary[]> {
      return db.select(summary).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id)).limit(limit);
    },

    /**
     * Locks the owner's row, so two creations at once count the live tokens one after the other
     * and the cap holds.
     */
    async lockOwner(tx: StoreTx, userId: number): Promise<void> {
      await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    },

    async countLive(tx: StoreExecutor, userId: number): Promise<number> {
      const [row] = await tx
        .select({ n: count() })
        .from(apiTokens)
        .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
      return Number(row?.n ?? 0);
    },

    async insert(
      tx: StoreExecutor,
      values: { userId: number; name: string; scope: ApiTokenScope; secretHash: string; hint: string },
    ): Promise<TokenSummary> {
      const [row] = await tx.insert(apiTokens).values(values).returning(summary);
      return row!;
    },

    /** Revokes the user's own live token; undefined when it is someone else's, missing or already revoked. */
    async revoke(tx: StoreExecutor, userId: number, id: number, at: Date): Promise<TokenSummary | undefined> {
      const [row] = await tx
        .update(apiTokens)
        .set({ revokedAt: at })
        .where(and(eq(apiTokens.id, id), eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
        .returning(summary);
      return row;
    },

    async findLiveByHash(secretHash: string): Promise<TokenIdentity | undefined> {
      const [row] = await db
        .select({ tokenId: apiTokens.id, userId: apiTokens.userId, scope: apiTokens.scope })
        .from(apiTokens)
        .where(and(eq(apiTokens.secretHash, secretHash), isNull(apiTokens.revokedAt)));
      return row;
    },

    /** Stamps the use, unless it was stamped after `staleBefore` (one write a minute per busy token, not one per request). */
    async touch(id: number, at: Date, staleBefore: Date): Promise<void> {
      await db
        .update(apiTokens)
        .set({ lastUsedAt: at })
        .where(and(eq(apiTokens.id, id), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))));
    },
  };
}

export type ApiTokenRepository = ReturnType<typeof createApiTokenRepository>;
