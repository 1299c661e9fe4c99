/**
 * Two-factor queries: the encrypted secret on `users`, the last accepted step, recovery codes.
 * Functions that change something take the caller's transaction, so the audit entry written
 * beside them commits (or not) with the change.
 */
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import { recoveryCodes, users } from '../../../db/schema';
import type { StoreDb, StoreExecutor } from '../../../db/store-db';

export interface TwoFactorRow {
  id: number;
  email: string;
  role: string;
  passwordHash: string;
  totpSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
}

export function createTwoFactorRepository(db: StoreDb) {
  return {
    transaction: <T>(work: (tx: StoreExecutor) => Promise<T>): Promise<T> => db.transaction(work),

    async find(userId: number, ex: StoreExecutor = db): Promise<TwoFactorRow | undefined> {
      const [row] = await ex
        .select({
          id: users.id,
          email: users.email,
          role: users.role,
          passwordHash: users.passwordHash,
          totpSecret: users.totpSecret,
          totpEnabledAt: users.totpEnabledAt,
          totpLastStep: users.totpLastStep,
        })
        .from(users)
        .where(eq(users.id, userId))
        .limit(1);
      return row;
    },

    /** A new, unconfirmed secret; never replaces the secret of an enrolment already switched on. */
    async savePendingSecret(userId: number, sealed: string): Promise<boolean> {
      const rows = await db
        .update(users)
        .set({ totpSecret: sealed, totpLastStep: null })
        .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    /** Stores the step a code was accepted for; false when that step (or a later one) was already used — a race lost. */
    async claimStep(ex: StoreExecutor, userId: number, step: number): Promise<boolean> {
      const rows = await ex
        .update(users)
        .set({ totpLastStep: step })
        .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async enable(ex: StoreExecutor, userId: number): Promise<boolean> {
      const rows = await ex
        .update(users)
        .set({ totpEnabledAt: new Date(), updatedAt: new Date() })
        .where(and(eq(users.id, userId), isNull(users.totpEnabledAt), sql`${users.totpSecret} IS NOT NULL`))
        .returning({ id: users.id });
      return rows.length > 0;
    },

    async disable(ex: StoreExecutor, userId: number): Promise<void> {
      await ex
        .update(users)
        .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
        .where(eq(users.id, userId));
      await ex.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
    },

    /** The old codes stop working: a regenerated set replaces them all. */
    async replaceRecoveryCodes(ex: StoreExecutor, userId: number, hashes: string[]): Promise<void> {
      await ex.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
      await ex.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
    },

    /** Spends the code; false when unknown or already used (two requests racing: one wins). */
    async spendRecoveryCode(ex: StoreExecutor, userId: number, codeHash: string): Promise<boolean> {
      const rows = await ex
        .update(recoveryCodes)
        .set({ usedAt: new Date() })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      return rows.length > 0;
    },

    async unusedRecoveryCodes(userId: number): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(recoveryCodes)
        .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },

    async recordLogin(ex: StoreExecutor, userId: number): Promise<void> {
      await ex.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, userId));
    },
  };
}

export type TwoFactorRepository = ReturnType<typeof createTwoFactorRepository>;
