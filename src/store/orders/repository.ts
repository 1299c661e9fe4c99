/**
 * The orders area's queries. Writes take the caller's transaction: the orders service places an
 * order and moves its status in one transaction each, with the row locked (`FOR UPDATE`) before
 * the move. The expiry job claims due orders with `FOR UPDATE SKIP LOCKED`, so any number of
 * instances can run it.
 */
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { orderEvents, orderItems, orders } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { OrderStatus } from './state-machine';
import type { OrderDraft, OrderEventRow, OrderItemRow, OrderRow } from './types';
import { keyBatches } from '../../lib/key-batches';

export interface NewOrderItem {
  orderId: number;
  productId: number;
  productSlug: string;
  name: string;
  sku: string;
  brand: string;
  unitPrice: number;
  quantity: number;
}

export interface NewOrderEvent {
  orderId: number;
  fromStatus: OrderStatus | null;
  toStatus: OrderStatus;
  actorKind: string;
  actorUserId: number | null;
  note?: string;
}

/** What a status move writes onto the order row besides the status. */
export interface StatusWrite {
  status: OrderStatus;
  paidAt?: Date;
  trackingNumber?: string;
}

export function createOrdersRepository(db: StoreDb) {
  // Asked by every checkout POST that finds its cart empty or sold out (was this form already an
  // order?): under a race the keys go together (lib/key-batches.ts).
  const numbersByKey = keyBatches(async (keys: string[]) => {
    const rows = await db
      .select({ key: orders.idempotencyKey, number: orders.number })
      .from(orders)
      .where(sql`${orders.idempotencyKey} = ANY(${sql.param(keys)}::varchar[])`);
    return new Map(rows.map((r) => [r.key, r.number]));
  });
  return {
    findNumberByKey: (key: string): Promise<string | undefined> => numbersByKey.one(key),

    async insertOrder(tx: StoreExecutor, draft: OrderDraft, number: string): Promise<number> {
      const [order] = await tx
        .insert(orders)
        .values({
          number,
          idempotencyKey: draft.idempotencyKey,
          userId: draft.userId,
          email: draft.email,
          customerName: draft.customerName,
          locale: draft.locale,
          shipRecipient: draft.address.recipient,
          shipPhone: draft.address.phone,
          shipStreet: draft.address.street,
          shipCity: draft.address.city,
          shipProvince: draft.address.province,
          shipPostalCode: draft.address.postalCode,
          shippingServiceId: draft.shipping.serviceId,
          shippingCourier: draft.shipping.courier,
          shippingServiceName: draft.shipping.name,
          shippingMinDays: draft.shipping.minDays,
          shippingMaxDays: draft.shipping.maxDays,
          trackingUrlTemplate: draft.shipping.trackingUrlTemplate,
          billableKg: draft.shipping.billableKg,
          shippingCost: draft.shipping.cost,
          shippingCharge: draft.shipping.charge,
          subtotal: draft.subtotal,
          total: draft.subtotal + draft.shipping.charge,
          paymentMethod: draft.paymentMethod,
          note: draft.note,
          expiresAt: draft.expiresAt,
        })
        .returning({ id: orders.id });
      return order!.id;
    },

    async insertItem(tx: StoreExecutor, item: NewOrderItem): Promise<void> {
      await tx.insert(orderItems).values({ ...item, lineTotal: item.unitPrice * item.quantity });
    },

    async insertEvent(tx: StoreExecutor, event: NewOrderEvent): Promise<void> {
      await tx.insert(orderEvents).values({ ...event, note: (event.note ?? '').slice(0, 500) });
    },

    /** Locks the order's row for the rest of the transaction; undefined when there is no such order. */
    async lockById(tx: StoreExecutor, id: number): Promise<OrderRow | undefined> {
      const [row] = await tx.select().from(orders).where(eq(orders.id, id)).limit(1).for('update');
      return row;
    },

    /** Unpaid orders whose time is up, locked; rows another instance holds are skipped, not waited for. */
    async lockDueForExpiry(tx: StoreExecutor, now: Date, limit: number): Promise<number[]> {
      const due = rowsOf<{ id: number }>(
        await tx.execute(sql`
          SELECT id FROM orders
          WHERE status = 'awaiting_payment' AND expires_at <= ${now.toISOString()}::timestamptz
            -- A card payment held for fraud review keeps its units until the review ends.
            AND NOT EXISTS (SELECT 1 FROM payment_attempts a WHERE a.order_id = orders.id AND a.status = 'review')
          ORDER BY expires_at LIMIT ${limit}
          FOR UPDATE SKIP LOCKED`),
      );
      return due.map((o) => o.id);
    },

    async writeStatus(tx: StoreExecutor, id: number, write: StatusWrite): Promise<OrderRow> {
      const [row] = await tx
        .update(orders)
        .set({ ...write, updatedAt: new Date() })
        .where(eq(orders.id, id))
        .returning();
      return row!;
    },

    /** The method the customer pays with now (a new attempt may use another); not a status move. */
    async setPaymentMethod(tx: StoreExecutor, orderId: number, method: string): Promise<void> {
      await tx.update(orders).set({ paymentMethod: method, updatedAt: new Date() }).where(eq(orders.id, orderId));
    },

    async setPaymentFlag(tx: StoreExecutor, orderId: number, flag: string | null): Promise<void> {
      await tx.update(orders).set({ paymentFlag: flag, updatedAt: new Date() }).where(eq(orders.id, orderId));
    },

    async setTransferProof(tx: StoreExecutor, orderId: number, key: string): Promise<void> {
      await tx
        .update(orders)
        .set({ transferProofKey: key, transferProofAt: new Date(), updatedAt: new Date() })
        .where(eq(orders.id, orderId));
    },

    async findByNumber(number: string, tx: StoreExecutor = db): Promise<OrderRow | undefined> {
      const [row] = await tx.select().from(orders).where(eq(orders.number, number)).limit(1);
      return row;
    },

    /** The orders with these numbers (any order; numbers that match none are simply absent). */
    async findByNumbers(numbers: readonly string[]): Promise<OrderRow[]> {
      if (numbers.length === 0) return [];
      return db
        .select()
        .from(orders)
        .where(inArray(orders.number, [...numbers]));
    },

    /** The items of several orders in one query, in line order within each order. */
    async itemsOfMany(orderIds: readonly number[]): Promise<OrderItemRow[]> {
      if (orderIds.length === 0) return [];
      return db
        .select()
        .from(orderItems)
        .where(inArray(orderItems.orderId, [...orderIds]))
        .orderBy(asc(orderItems.orderId), asc(orderItems.id));
    },

    async findById(id: number, tx: StoreExecutor = db): Promise<OrderRow | undefined> {
      const [row] = await tx.select().from(orders).where(eq(orders.id, id)).limit(1);
      return row;
    },

    async itemsOf(orderId: number, tx: StoreExecutor = db): Promise<OrderItemRow[]> {
      return tx.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
    },

    async eventsOf(orderId: number): Promise<OrderEventRow[]> {
      return db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(asc(orderEvents.id));
    },

    async listByUser(userId: number, limit: number, offset: number): Promise<OrderRow[]> {
      return db
        .select()
        .from(orders)
        .where(eq(orders.userId, userId))
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit)
        .offset(offset);
    },

    async countByUser(userId: number): Promise<number> {
      const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(orders).where(eq(orders.userId, userId));
      return Number(row?.n ?? 0);
    },

    /** Guest orders placed with this (verified) email join the account. Returns how many. */
    async claimGuestOrders(userId: number, email: string): Promise<number> {
      const rows = await db
        .update(orders)
        .set({ userId, updatedAt: new Date() })
        .where(and(isNull(orders.userId), sql`lower(${orders.email}) = lower(${email})`))
        .returning({ id: orders.id });
      return rows.length;
    },
  };
}

export type OrdersRepository = ReturnType<typeof createOrdersRepository>;
