/**
 * The accounts area's queries (the only file here that speaks Drizzle).
 */
import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { addresses, users, userTokens } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { CurrentUser } from '../plugins/session';
import type { Address, NewAddress, UserRow } from './types';

export function toCurrentUser(u: UserRow): CurrentUser {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    isActive: u.isActive,
    emailVerified: u.emailVerifiedAt !== null,
    locale: u.locale,
    twoFactor: u.totpEnabledAt !== null,
  };
}

export function createAccountsRepository(db: StoreDb) {
  return {
    async hasAdmin(): Promise<boolean> {
      const [row] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
      return row !== undefined;
    },

    /** The first administrator, verified; false when the email is taken (two instances starting together: only one insert wins). */
    async insertFirstAdmin(admin: { email: string; passwordHash: string }): Promise<boolean> {
      const inserted = await db
        .insert(users)
        .values({ email: admin.email, name: 'Administrator', passwordHash: admin.passwordHash, role: 'admin', emailVerifiedAt: new Date() })
        .onConflictDoNothing()
        .returning({ id: users.id });
      return inserted.length > 0;
    },

    async findUserByEmail(email: string): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(sql`lower(${users.email}) = ${email.toLowerCase()}`).limit(1);
      return row;
    },
    async findUserById(id: number): Promise<UserRow | undefined> {
      const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1);
      return row;
    },
    /** undefined when the email is taken (the unique index on lower(email) decides, race-free). */
    async insertUser(values: { email: string; name: string; passwordHash: string; locale: string }): Promise<UserRow | undefined> {
      const [row] = await db.insert(users).values(values).onConflictDoNothing().returning();
      return row;
    },
    async updateProfile(id: number, values: { name: string; phone: string | null }) {
      await db
        .update(users)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(users.id, id));
    },
    async updatePasswordHash(id: number, passwordHash: string) {
      await db.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, id));
    },
    async markEmailVerified(id: number) {
      await db
        .update(users)
        .set({ emailVerifiedAt: new Date() })
        .where(and(eq(users.id, id), isNull(users.emailVerifiedAt)));
    },
    async setLocale(id: number, locale: string) {
      await db.update(users).set({ locale }).where(eq(users.id, id));
    },
    async recordLogin(id: number) {
      await db.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, id));
    },

    async insertToken(values: { userId: number; purpose: string; nonceHash: string; expiresAt: Date }) {
      await db.insert(userTokens).values(values);
    },
    /** When this user's links of a purpose were issued since a moment, oldest first (a per-account send limit). */
    async tokensIssuedSince(userId: number, purpose: string, since: Date): Promise<Date[]> {
      const rows = await db
        .select({ at: userTokens.createdAt })
        .from(userTokens)
        .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), gt(userTokens.createdAt, since)))
        .orderBy(asc(userTokens.createdAt));
      return rows.map((r) => r.at);
    },
    /** Marks the nonce used and returns its user, or undefined when unknown, used or expired. */
    async consumeToken(nonceHash: string, purpose: string): Promise<number | undefined> {
      const [row] = await db
        .update(userTokens)
        .set({ usedAt: new Date() })
        .where(
          and(
            eq(userTokens.nonceHash, nonceHash),
            eq(userTokens.purpose, purpose),
            isNull(userTokens.usedAt),
            gt(userTokens.expiresAt, new Date()),
          ),
        )
        .returning({ userId: userTokens.userId });
      return row?.userId;
    },
    /** The nonce's user when it is still unused and unexpired (without spending it). */
    async findUsableToken(nonceHash: string, purpose: string): Promise<number | undefined> {
      const [row] = await db
        .select({ userId: userTokens.userId })
        .from(userTokens)
        .where(
          and(
            eq(userTokens.nonceHash, nonceHash),
            eq(userTokens.purpose, purpose),
            isNull(userTokens.usedAt),
            gt(userTokens.expiresAt, new Date()),
          ),
        )
        .limit(1);
      return row?.userId;
    },
    /** After a reset, older reset links stop working too. */
    async voidTokens(userId: number, purpose: string) {
      await db
        .update(userTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
    },

    async listAddresses(userId: number): Promise<Address[]> {
      return db.select().from(addresses).where(eq(addresses.userId, userId)).orderBy(desc(addresses.isDefault), asc(addresses.id));
    },
    async addAddress(userId: number, values: NewAddress): Promise<void> {
      await db.transaction(async (tx) => {
        const [existing] = await tx.select({ n: sql<number>`count(*)::int` }).from(addresses).where(eq(addresses.userId, userId));
        // The first address is the default one; a new default replaces the old.
        const isDefault = values.isDefault || (existing?.n ?? 0) === 0;
        if (isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
        await tx.insert(addresses).values({ ...values, userId, isDefault });
      });
    },
    async findAddress(userId: number, id: number): Promise<Address | undefined> {
      const [row] = await db
        .select()
        .from(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .limit(1);
      return row;
    },
    /** false when the address is not the user's. Unticking "default" keeps it default (one must be). */
    async updateAddress(userId: number, id: number, values: NewAddress): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [owned] = await tx
          .select({ isDefault: addresses.isDefault })
          .from(addresses)
          .where(and(eq(addresses.id, id), eq(addresses.userId, userId)));
        if (!owned) return false;
        const isDefault = owned.isDefault || Boolean(values.isDefault);
        if (isDefault && !owned.isDefault) await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
        await tx
          .update(addresses)
          .set({ ...values, isDefault })
          .where(eq(addresses.id, id));
        return true;
      });
    },
    /** Only the owner's address is touched: the id from the URL is checked against the user. */
    async deleteAddress(userId: number, id: number): Promise<boolean> {
      const deleted = await db
        .delete(addresses)
        .where(and(eq(addresses.id, id), eq(addresses.userId, userId)))
        .returning({ isDefault: addresses.isDefault });
      if (deleted[0]?.isDefault) {
        // Keep a default while the user has addresses.
        await db.execute(sql`UPDATE addresses SET is_default = true WHERE id = (SELECT min(id) FROM addresses WHERE user_id = ${userId})`);
      }
      return deleted.length > 0;
    },
    async setDefaultAddress(userId: number, id: number): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [owned] = await tx
          .select({ id: addresses.id })
          .from(addresses)
          .where(and(eq(addresses.id, id), eq(addresses.userId, userId)));
        if (!owned) return false;
        await tx.update(addresses).set({ isDefault: false }).where(eq(addresses.userId, userId));
        await tx.update(addresses).set({ isDefault: true }).where(eq(addresses.id, id));
        return true;
      });
    },
  };
}

export type AccountsRepository = ReturnType<typeof createAccountsRepository>;
