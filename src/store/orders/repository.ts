/**
 * The orders area's queries. Placing an order and every status change are single transactions:
 * the order row is locked (`FOR UPDATE`) and its status checked before it moves, and stock goes
 * with the move in the same transaction, so a give-back happens exactly once. The expiry job
 * claims due orders with `FOR UPDATE SKIP LOCKED`, so any number of instances can run it.
 */
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { orderEvents, orderItems, orders } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import { checkTransition, type OrderActor, type OrderStatus, OrderTransitionError } from './state-machine';
import { countSale, returnOrderStock, type StoreTx, takeStock } from './stock';

export type OrderRow = typeof orders.$inferSelect;
export type OrderItemRow = typeof orderItems.$inferSelect;
export type OrderEventRow = typeof orderEvents.$inferSelect;

/** The courier service as the order keeps it (a copy: later edits of the service do not change it). */
export interface ShippingSnapshot {
  courier: string;
  name: string;
  minDays: number;
  maxDays: number;
  trackingUrlTemplate: string | null;
  billableKg: number;
  /** What the courier charges, and what the customer pays (0 past the free-shipping threshold). */
  cost: number;
  charge: number;
}

/** What checkout hands over: everything already validated and priced by the server. */
export interface OrderDraft {
  number: string;
  idempotencyKey: string;
  userId: number | null;
  email: string;
  customerName: string;
  locale: string;
  address: { recipient: string; phone: string; street: string; city: string; province: string; postalCode: string };
  shipping: ShippingSnapshot & { serviceId: number };
  lines: { productId: number; quantity: number; unitPrice: number }[];
  subtotal: number;
  paymentMethod: string;
  note: string;
  expiresAt: Date;
}

export type PlaceResult = { ok: true; number: string; created: boolean } | { ok: false; reason: 'stock' | 'price'; productId: number };

/** Thrown inside the transaction to roll it back; never leaves this file. */
class PlaceAborted extends Error {
  constructor(readonly result: Extract<PlaceResult, { ok: false }>) {
    super(result.reason);
  }
}

const isUniqueViolation = (error: unknown) => {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
};

export interface TransitionRequest {
  to: OrderStatus;
  actor: OrderActor;
  userId: number | null;
  note?: string;
  /** Only move from these statuses (e.g. a customer cancel needs awaiting_payment). */
  onlyFrom?: OrderStatus[];
  trackingNumber?: string;
}

export function createOrdersRepository(db: StoreDb) {
  async function findNumberByKey(key: string): Promise<string | undefined> {
    const [row] = await db.select({ number: orders.number }).from(orders).where(eq(orders.idempotencyKey, key)).limit(1);
    return row?.number;
  }

  /** Moves an order locked by the caller; writes the event and the stock effects. */
  async function applyTransition(tx: StoreTx, order: { id: number; status: OrderStatus }, req: TransitionRequest) {
    if (req.onlyFrom && !req.onlyFrom.includes(order.status)) throw new OrderTransitionError(order.status, req.to, 'stale');
    const check = checkTransition(order.status, req.to, req.actor);
    if (!check.ok) throw new OrderTransitionError(order.status, req.to, check.reason);
    await tx
      .update(orders)
      .set({
        status: req.to,
        updatedAt: new Date(),
        ...(req.to === 'paid' ? { paidAt: new Date() } : {}),
        ...(req.trackingNumber !== undefined ? { trackingNumber: req.trackingNumber } : {}),
      })
      .where(eq(orders.id, order.id));
    if (check.releasesStock) await returnOrderStock(tx, order.id, req.userId, req.to === 'refunded' ? 'order_refunded' : 'order_released');
    if (check.countsAsSale) await countSale(tx, order.id, 1);
    if (req.to === 'refunded') await countSale(tx, order.id, -1);
    await tx.insert(orderEvents).values({
      orderId: order.id,
      fromStatus: order.status,
      toStatus: req.to,
      actorKind: req.actor,
      actorUserId: req.userId,
      note: (req.note ?? '').slice(0, 500),
    });
  }

  return {
    findNumberByKey,

    /**
     * Creates the order awaiting payment and reserves its stock, all or nothing. A resubmitted
     * form (same idempotency key) gets the order it already created, even when both submissions
     * race: the loser's insert hits the unique key and reads the winner's order.
     */
    async place(draft: OrderDraft): Promise<PlaceResult> {
      const existing = await findNumberByKey(draft.idempotencyKey);
      if (existing) return { ok: true, number: existing, created: false };
      try {
        await db.transaction(async (tx) => {
          const [order] = await tx
            .insert(orders)
            .values({
              number: draft.number,
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
          const orderId = order!.id;
          // Always in product-id order, so two orders locking the same rows never deadlock.
          for (const line of [...draft.lines].sort((a, b) => a.productId - b.productId)) {
            const product = await takeStock(tx, line.productId, line.quantity, orderId);
            if (!product) throw new PlaceAborted({ ok: false, reason: 'stock', productId: line.productId });
            // The price moved between the page the customer confirmed and now: show it first (K4).
            if (product.price !== line.unitPrice) throw new PlaceAborted({ ok: false, reason: 'price', productId: line.productId });
            await tx.insert(orderItems).values({
              orderId,
              productId: product.id,
              productSlug: product.slug,
              name: product.name,
              sku: product.sku,
              brand: product.brand,
              unitPrice: product.price,
              quantity: line.quantity,
              lineTotal: product.price * line.quantity,
            });
          }
          await tx.insert(orderEvents).values({
            orderId,
            fromStatus: null,
            toStatus: 'awaiting_payment',
            actorKind: draft.userId ? 'customer' : 'system',
            actorUserId: draft.userId,
          });
        });
        return { ok: true, number: draft.number, created: true };
      } catch (error) {
        if (error instanceof PlaceAborted) return error.result;
        if (isUniqueViolation(error)) {
          const winner = await findNumberByKey(draft.idempotencyKey);
          if (winner) return { ok: true, number: winner, created: false };
        }
        throw error;
      }
    },

    async findByNumber(number: string): Promise<OrderRow | undefined> {
      const [row] = await db.select().from(orders).where(eq(orders.number, number)).limit(1);
      return row;
    },

    async findById(id: number): Promise<OrderRow | undefined> {
      const [row] = await db.select().from(orders).where(eq(orders.id, id)).limit(1);
      return row;
    },

    async itemsOf(orderId: number): Promise<OrderItemRow[]> {
      return db.select().from(orderItems).where(eq(orderItems.orderId, orderId)).orderBy(asc(orderItems.id));
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

    /** Moves one order along the state machine, under a row lock. Returns the status it came from. */
    async transition(orderId: number, req: TransitionRequest): Promise<OrderStatus> {
      return db.transaction(async (tx) => {
        const [order] = rowsOf<{ id: number; status: OrderStatus }>(
          await tx.execute(sql`SELECT id, status FROM orders WHERE id = ${orderId} FOR UPDATE`),
        );
        if (!order) throw new Error(`order ${orderId} not found`);
        await applyTransition(tx, order, req);
        return order.status;
      });
    },

    /**
     * Expires unpaid orders whose time is up, giving their stock back, `limit` at a time.
     * Orders another instance is expiring right now are skipped, not waited for.
     */
    async expireDue(now: Date, limit = 50): Promise<number[]> {
      return db.transaction(async (tx) => {
        const due = rowsOf<{ id: number; status: OrderStatus }>(
          await tx.execute(sql`
            SELECT id, status FROM orders
            WHERE status = 'awaiting_payment' AND expires_at <= ${now.toISOString()}::timestamptz
            ORDER BY expires_at LIMIT ${limit}
            FOR UPDATE SKIP LOCKED`),
        );
        for (const order of due) await applyTransition(tx, order, { to: 'expired', actor: 'system', userId: null });
        return due.map((o) => o.id);
      });
    },

    /** Only while the order awaits payment (a receipt after staff confirmed it is refused). */
    async setTransferProof(orderId: number, key: string): Promise<boolean> {
      const rows = await db
        .update(orders)
        .set({ transferProofKey: key, transferProofAt: new Date(), updatedAt: new Date() })
        .where(and(eq(orders.id, orderId), eq(orders.status, 'awaiting_payment')))
        .returning({ id: orders.id });
      return rows.length > 0;
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
