/** The users area's queries (A8): the back office's list and account page, invitations, role and status changes. */
import { and, asc, count, desc, eq, gt, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import { auditLog, orders, recoveryCodes, type UserRole, users, userTokens } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { RoleFilter, StatusFilter, UserActionRow, UserDetail, UserListRow, UserOrderRow, UserSort } from './types';

/** `%`, `_` and `\` typed by the user match themselves, not "anything". */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ORDER: Record<UserSort, SQL[]> = {
  name: [asc(users.name), asc(users.id)],
  name_desc: [desc(users.name), desc(users.id)],
  email: [asc(users.email)],
  email_desc: [desc(users.email)],
  // Never-signed-in accounts go last whichever way the column is sorted.
  login: [sql`${users.lastLoginAt} ASC NULLS LAST`, asc(users.id)],
  login_desc: [sql`${users.lastLoginAt} DESC NULLS LAST`, desc(users.id)],
  created: [asc(users.createdAt), asc(users.id)],
  created_desc: [desc(users.createdAt), desc(users.id)],
};

/**
 * An invitation is open while no password was chosen: someone invited who set one through
 * "forgot password" instead of the invitation link has a normal account, whatever invited_at says.
 */
const OPEN_INVITATION = sql`(${users.invitedAt} IS NOT NULL AND ${users.passwordHash} = '')`;
const openInvitedAt = sql<Date | null>`CASE WHEN ${OPEN_INVITATION} THEN ${users.invitedAt} END`.mapWith(users.invitedAt);

const listColumns = {
  id: users.id,
  name: users.name,
  email: users.email,
  phone: users.phone,
  role: users.role,
  isActive: users.isActive,
  invitedAt: openInvitedAt,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  twoFactor: sql<boolean>`${users.totpEnabledAt} IS NOT NULL`.mapWith(Boolean),
};

export function createUsersRepository(db: StoreDb) {
  function where(q: string, role: RoleFilter, status: StatusFilter): SQL | undefined {
    const filters: (SQL | undefined)[] = [];
    if (q) {
      const pattern = likePattern(q);
      filters.push(or(ilike(users.name, pattern), ilike(users.email, pattern), ilike(users.phone, pattern)));
    }
    if (role !== 'all') filters.push(eq(users.role, role));
    if (status === 'deactivated') filters.push(eq(users.isActive, false));
    if (status === 'active') filters.push(and(eq(users.isActive, true), sql`NOT ${OPEN_INVITATION}`));
    if (status === 'invited') filters.push(and(eq(users.isActive, true), OPEN_INVITATION));
    return and(...filters);
  }

  return {
    async list(
      filter: { q: string; role: RoleFilter; status: StatusFilter; sort: UserSort },
      limit: number,
      offset: number,
    ): Promise<{ rows: UserListRow[]; total: number }> {
      const condition = where(filter.q, filter.role, filter.status);
      const [totalRow] = await db.select({ n: count() }).from(users).where(condition);
      const rows = await db
        .select(listColumns)
        .from(users)
        .where(condition)
        .orderBy(...ORDER[filter.sort])
        .limit(limit)
        .offset(offset);
      return { rows, total: Number(totalRow?.n ?? 0) };
    },

    async find(id: number, tx: StoreExecutor = db): Promise<UserDetail | undefined> {
      const [row] = await tx
        .select({ ...listColumns, emailVerifiedAt: users.emailVerifiedAt, locale: users.locale })
        .from(users)
        .where(eq(users.id, id));
      return row;
    },

    /** The account row, locked until the transaction ends: its role and status are read for a decision. */
    async lock(tx: StoreExecutor, id: number) {
      const [row] = await tx
        .select({
          id: users.id,
          name: users.name,
          email: users.email,
          role: users.role,
          isActive: users.isActive,
          invitedAt: openInvitedAt,
          locale: users.locale,
          totpSecret: users.totpSecret,
          totpEnabledAt: users.totpEnabledAt,
        })
        .from(users)
        .where(eq(users.id, id))
        .for('update');
      return row;
    },

    /**
     * Locks every active admin (in id order, so two transactions never lock them crosswise) and
     * returns how many there are. A concurrent demotion waits here and then sees the other's result.
     */
    async lockActiveAdmins(tx: StoreExecutor): Promise<number> {
      const rows = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), eq(users.isActive, true)))
        .orderBy(asc(users.id))
        .for('update');
      return rows.length;
    },

    async setRole(tx: StoreExecutor, id: number, role: UserRole) {
      await tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, id));
    },

    async setActive(tx: StoreExecutor, id: number, isActive: boolean) {
      await tx.update(users).set({ isActive, updatedAt: new Date() }).where(eq(users.id, id));
    },

    /** undefined when the email is taken (the unique index on lower(email) decides, race-free). */
    async insertInvited(tx: StoreExecutor, values: { name: string; email: string; role: UserRole; locale: string }) {
      const [row] = await tx
        .insert(users)
        // An empty hash matches no password: nobody can sign in until the invitation is accepted.
        .values({ ...values, passwordHash: '', invitedAt: new Date() })
        .onConflictDoNothing()
        .returning({ id: users.id });
      return row?.id;
    },

    async insertToken(tx: StoreExecutor, values: { userId: number; purpose: string; nonceHash: string; expiresAt: Date }) {
      await tx.insert(userTokens).values(values);
    },

    /** Earlier links of this purpose stop working (a new invitation replaces the old). */
    async voidTokens(tx: StoreExecutor, userId: number, purpose: string) {
      await tx
        .update(userTokens)
        .set({ usedAt: new Date() })
        .where(and(eq(userTokens.userId, userId), eq(userTokens.purpose, purpose), isNull(userTokens.usedAt)));
    },

    /** The nonce's user when it is unused and unexpired; `spend` marks it used in the same statement (race-free). */
    async usableToken(nonceHash: string, purpose: string, spend: boolean, tx: StoreExecutor = db): Promise<number | undefined> {
      const usable = and(
        eq(userTokens.nonceHash, nonceHash),
        eq(userTokens.purpose, purpose),
        isNull(userTokens.usedAt),
        gt(userTokens.expiresAt, new Date()),
      );
      if (!spend) {
        const [row] = await tx.select({ userId: userTokens.userId }).from(userTokens).where(usable).limit(1);
        return row?.userId;
      }
      const [row] = await tx.update(userTokens).set({ usedAt: new Date() }).where(usable).returning({ userId: userTokens.userId });
      return row?.userId;
    },

    /** The invitee chose a password: the account becomes a normal one with a proven address. */
    async acceptInvitation(tx: StoreExecutor, id: number, passwordHash: string) {
      await tx
        .update(users)
        .set({ passwordHash, invitedAt: null, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())`, updatedAt: new Date() })
        .where(eq(users.id, id));
    },

    /** Two-factor off: the secret, its state and every recovery code go. */
    async clearTwoFactor(tx: StoreExecutor, id: number) {
      await tx
        .update(users)
        .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: new Date() })
        .where(eq(users.id, id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    },

    async ordersOf(userId: number, limit: number): Promise<UserOrderRow[]> {
      return db
        .select({ number: orders.number, status: orders.status, total: orders.total, createdAt: orders.createdAt })
        .from(orders)
        .where(eq(orders.userId, userId))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
    },

    /** What this person did lately, from the audit log (entries they are the actor of). */
    async actionsOf(userId: number, limit: number): Promise<UserActionRow[]> {
      return db
        .select({
          id: auditLog.id,
          at: auditLog.at,
          action: auditLog.action,
          subjectType: auditLog.subjectType,
          subjectId: auditLog.subjectId,
          subjectLabel: auditLog.subjectLabel,
        })
        .from(auditLog)
        .where(eq(auditLog.actorId, userId))
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(limit);
    },
  };
}

export type UsersRepository = ReturnType<typeof createUsersRepository>;
