/**
 * The orders desk's queries (A6): the filtered list, counts per status, what needs staff's action
 * (the sidebar badge), a customer's other orders, the timeline with names, and staff notes.
 *
 * Fast at 50 000 orders (migration 0008): newest first walks `orders_created_idx`; a status tab
 * walks `orders_status_idx` (status, created_at); a payment method `orders_payment_idx`; the search
 * is `LIKE '%…%'` on one lower-cased text that the trigram index `orders_search_idx` covers.
 */
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { ORDER_SEARCH_TEXT, orderEvents, orderNotes, orders, shopSettings, storeProfile, users } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { DeskFilters } from './schema';
import type { DeskOrderRow, OrderNote, TimelineEvent } from './types';

/** `%`, `_` and `\` typed by staff are literal characters, not wildcards. */
const likeEscape = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The search terms: what was typed, and for a phone-like query its national digits (stored as +62…). */
export function searchTerms(q: string): string[] {
  const terms = [q.toLowerCase()];
  if (/^[+\d\s().-]+$/.test(q)) {
    const digits = q.replace(/\D/g, '').replace(/^(?:62|0)/, '');
    if (digits.length >= 4 && !terms.includes(digits)) terms.push(digits);
  }
  return terms;
}

function conditions(filters: DeskFilters, withStatus: boolean): SQL[] {
  const where: SQL[] = [];
  if (withStatus && filters.status) where.push(eq(orders.status, filters.status));
  if (filters.paymentMethod) where.push(eq(orders.paymentMethod, filters.paymentMethod));
  if (filters.from) where.push(gte(orders.createdAt, filters.from));
  if (filters.until) where.push(lt(orders.createdAt, filters.until));
  if (filters.q) {
    const matches = searchTerms(filters.q).map((term) => sql`${ORDER_SEARCH_TEXT} LIKE ${`%${likeEscape(term)}%`}`);
    where.push(or(...matches)!);
  }
  return where;
}

export function createDeskRepository(db: StoreDb) {
  return {
    async list(filters: DeskFilters, limit: number, offset: number): Promise<DeskOrderRow[]> {
      const rows = await db
        .select({
          id: orders.id,
          number: orders.number,
          createdAt: orders.createdAt,
          customerName: orders.customerName,
          email: orders.email,
          phone: orders.shipPhone,
          status: orders.status,
          paymentMethod: orders.paymentMethod,
          total: orders.total,
          courier: orders.shippingCourier,
          serviceName: orders.shippingServiceName,
          trackingNumber: orders.trackingNumber,
          hasProof: sql<boolean>`${orders.transferProofKey} IS NOT NULL`,
        })
        .from(orders)
        .where(and(...conditions(filters, true)))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit)
        .offset(offset);
      return rows.map((r) => ({ ...r, hasProof: Boolean(r.hasProof) }));
    },

    /** Orders per status under every filter but the status (the tabs); their sum is "all". */
    async countsByStatus(filters: DeskFilters): Promise<Partial<Record<DeskOrderRow['status'], number>>> {
      const rows = await db
        .select({ status: orders.status, n: sql<number>`count(*)::int` })
        .from(orders)
        .where(and(...conditions(filters, false)))
        .groupBy(orders.status);
      return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    },

    /**
     * What waits for staff: paid orders not shipped yet, and transfer receipts to check (unpaid
     * orders with a receipt), plus the newest order's id (a change means "a new order arrived").
     * Both counts walk `orders_status_idx` on three statuses, never the whole table.
     */
    async needsAction(): Promise<{ toShip: number; receipts: number; latestId: number }> {
      const [row] = await db
        .select({
          toShip: sql<number>`count(*) FILTER (WHERE ${orders.status} IN ('paid', 'processing'))::int`,
          receipts: sql<number>`count(*) FILTER (
            WHERE ${orders.status} = 'awaiting_payment' AND ${isNotNull(orders.transferProofKey)})::int`,
          latestId: sql<number>`(SELECT coalesce(max(id), 0) FROM orders)::int`,
        })
        .from(orders)
        .where(inArray(orders.status, ['paid', 'processing', 'awaiting_payment']));
      return { toShip: Number(row?.toShip ?? 0), receipts: Number(row?.receipts ?? 0), latestId: Number(row?.latestId ?? 0) };
    },

    /** The same customer's other orders (their account, or the same email for guests), newest first. */
    async otherOrders(order: { id: number; userId: number | null; email: string }, limit = 10) {
      const sameCustomer =
        order.userId !== null
          ? or(eq(orders.userId, order.userId), sql`lower(${orders.email}) = lower(${order.email})`)
          : sql`lower(${orders.email}) = lower(${order.email})`;
      return db
        .select({ number: orders.number, status: orders.status, total: orders.total, createdAt: orders.createdAt })
        .from(orders)
        .where(and(sameCustomer, ne(orders.id, order.id)))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
    },

    async timeline(orderId: number): Promise<TimelineEvent[]> {
      return db
        .select({
          id: orderEvents.id,
          fromStatus: orderEvents.fromStatus,
          toStatus: orderEvents.toStatus,
          actorKind: orderEvents.actorKind,
          actorName: users.name,
          note: orderEvents.note,
          createdAt: orderEvents.createdAt,
        })
        .from(orderEvents)
        .leftJoin(users, eq(users.id, orderEvents.actorUserId))
        .where(eq(orderEvents.orderId, orderId))
        .orderBy(asc(orderEvents.id));
    },

    async notes(orderId: number): Promise<OrderNote[]> {
      return db
        .select({ id: orderNotes.id, body: orderNotes.body, authorName: users.name, createdAt: orderNotes.createdAt })
        .from(orderNotes)
        .leftJoin(users, eq(users.id, orderNotes.authorUserId))
        .where(eq(orderNotes.orderId, orderId))
        .orderBy(asc(orderNotes.id));
    },

    /**
     * Where the shop's own emails go: the settings' notification address when set, else the store
     * profile's email. Read in the caller's transaction: the shop's emails are queued inside the
     * order's transaction, where PGlite's single connection is taken.
     */
    async shopAddress(tx: StoreExecutor = db): Promise<string | undefined> {
      const [settings] = await tx.select({ email: shopSettings.notificationEmail }).from(shopSettings).where(eq(shopSettings.id, 1));
      if (settings?.email?.trim()) return settings.email;
      const [row] = await tx.select({ email: storeProfile.email }).from(storeProfile).where(eq(storeProfile.id, 1));
      return row?.email;
    },

    async addNote(orderId: number, authorUserId: number, body: string, tx: StoreExecutor = db): Promise<void> {
      await tx.insert(orderNotes).values({ orderId, authorUserId, body });
    },
  };
}

export type DeskRepository = ReturnType<typeof createDeskRepository>;
