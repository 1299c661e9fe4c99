/** Shipping service queries (A7). The only file of the area that talks to the database. */
import { and, asc, eq, ne, sql } from 'drizzle-orm';
import { shippingServices } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { ShippingServiceFields, ShippingServiceListRow } from './types';

/** PostgreSQL's unique_violation, as node-postgres and PGlite report it (Drizzle may wrap it in `cause`). */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/*
 * Written out in full: inside a single-table query Drizzle names columns without their table, so
 * `${shippingServices.id}` in a subquery over orders would silently mean orders.id.
 */
const orderCount = sql<number>`(SELECT count(*) FROM orders o WHERE o.shipping_service_id = shipping_services.id)`.mapWith(Number);
const noOrderUses = sql`NOT EXISTS (SELECT 1 FROM orders o WHERE o.shipping_service_id = shipping_services.id)`;

/** A service with how many orders use it: the list's and the edit page's columns. */
const listColumns = {
  id: shippingServices.id,
  code: shippingServices.code,
  courier: shippingServices.courier,
  name: shippingServices.name,
  basePrice: shippingServices.basePrice,
  pricePerKg: shippingServices.pricePerKg,
  volumeDivisor: shippingServices.volumeDivisor,
  minDays: shippingServices.minDays,
  maxDays: shippingServices.maxDays,
  trackingUrlTemplate: shippingServices.trackingUrlTemplate,
  isActive: shippingServices.isActive,
  position: shippingServices.position,
  orderCount,
};

export function createShippingRepository(db: StoreDb) {
  return {
    /** Every service, active or not, in checkout's order, with how many orders point at each. */
    async listAll(tx: StoreExecutor = db): Promise<ShippingServiceListRow[]> {
      return tx.select(listColumns).from(shippingServices).orderBy(asc(shippingServices.position), asc(shippingServices.id));
    },

    async find(id: number): Promise<ShippingServiceListRow | undefined> {
      const [row] = await db.select(listColumns).from(shippingServices).where(eq(shippingServices.id, id));
      return row;
    },

    /** Whether another service (not `exceptId`) already uses this code. */
    async codeTaken(code: string, exceptId?: number): Promise<boolean> {
      const [row] = await db
        .select({ id: shippingServices.id })
        .from(shippingServices)
        .where(
          exceptId === undefined
            ? eq(shippingServices.code, code)
            : and(eq(shippingServices.code, code), ne(shippingServices.id, exceptId)),
        )
        .limit(1);
      return row !== undefined;
    },

    /** A new service goes last. */
    async insert(fields: ShippingServiceFields, isActive: boolean): Promise<number> {
      const [row] = await db
        .insert(shippingServices)
        .values({
          ...fields,
          isActive,
          position: sql`(SELECT COALESCE(MAX(${shippingServices.position}), -1) + 1 FROM ${shippingServices})`,
        })
        .returning({ id: shippingServices.id });
      return row!.id;
    },

    async update(id: number, fields: ShippingServiceFields): Promise<boolean> {
      const rows = await db.update(shippingServices).set(fields).where(eq(shippingServices.id, id)).returning({ id: shippingServices.id });
      return rows.length > 0;
    },

    async setActive(id: number, isActive: boolean): Promise<boolean> {
      const rows = await db
        .update(shippingServices)
        .set({ isActive })
        .where(eq(shippingServices.id, id))
        .returning({ id: shippingServices.id });
      return rows.length > 0;
    },

    /**
     * Deletes the service only if no order points at it, in one statement, so an order placed
     * between a check and the delete cannot lose its link.
     */
    async deleteUnused(id: number): Promise<boolean> {
      const rows = await db
        .delete(shippingServices)
        .where(and(eq(shippingServices.id, id), noOrderUses))
        .returning({ id: shippingServices.id });
      return rows.length > 0;
    },

    /** Writes positions 0…n-1 in the order given (inside the caller's transaction). */
    async reorder(tx: StoreExecutor, ids: readonly number[]): Promise<void> {
      for (const [position, id] of ids.entries()) {
        await tx.update(shippingServices).set({ position }).where(eq(shippingServices.id, id));
      }
    },

    /** Locks the list while it is reordered, so two moves at once apply one after the other. */
    async lockAll(tx: StoreExecutor): Promise<void> {
      await tx.execute(sql`SELECT id FROM ${shippingServices} ORDER BY id FOR UPDATE`);
    },
  };
}

export type ShippingRepository = ReturnType<typeof createShippingRepository>;
