/**
 * Rows for the Excel exports, read in keyset pages (`WHERE id > last ORDER BY id LIMIT n`) so
 * an export of any size holds one page in memory at a time, on PGlite and PostgreSQL alike
 * (a server-side cursor would need a connection of its own, which PGlite does not have).
 */
import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import { categories, orderItems, orders, products } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { OrderStatus } from '../orders/state-machine';
import type { Period } from './repository';
import type { OrderItemExportRow, StockExportRow } from './types';

export function createExportRepository(db: StoreDb) {
  return {
    /**
     * The items of the next `limit` orders created in the period (every status) after order
     * `afterOrderId`, by order then item. Paging whole orders by their primary key keeps each page
     * an index range (the ids first, then their items by the items' order index), however far the
     * export has gone.
     */
    async orderItemPage(
      period: Period,
      afterOrderId: number,
      limit: number,
    ): Promise<{ rows: OrderItemExportRow[]; lastOrderId?: number }> {
      const page = await db
        .select({ id: orders.id })
        .from(orders)
        .where(and(gt(orders.id, afterOrderId), gte(orders.createdAt, period.from), lt(orders.createdAt, period.to)))
        .orderBy(asc(orders.id))
        .limit(limit);
      const ids = page.map((o) => o.id);
      if (ids.length === 0) return { rows: [] };
      const rows = await db
        .select({
          orderId: orders.id,
          itemId: orderItems.id,
          number: orders.number,
          createdAt: orders.createdAt,
          paidAt: orders.paidAt,
          status: orders.status,
          paymentMethod: orders.paymentMethod,
          customerName: orders.customerName,
          email: orders.email,
          city: orders.shipCity,
          courier: sql<string>`${orders.shippingCourier} || ' ' || ${orders.shippingServiceName}`,
          shippingCharge: orders.shippingCharge,
          orderTotal: orders.total,
          sku: orderItems.sku,
          itemName: orderItems.name,
          quantity: orderItems.quantity,
          unitPrice: orderItems.unitPrice,
          lineTotal: orderItems.lineTotal,
        })
        .from(orders)
        .innerJoin(orderItems, eq(orderItems.orderId, orders.id))
        .where(inArray(orders.id, ids))
        .orderBy(asc(orders.id), asc(orderItems.id));
      // The last order of a full page, to continue after; none once the orders run out.
      return {
        rows: rows.map((r) => ({ ...r, status: r.status as OrderStatus })),
        lastOrderId: ids.length === limit ? ids.at(-1) : undefined,
      };
    },

    /** Every product (archived ones too: their stock still has a value), by id, after `afterId`. */
    async stockPage(afterId: number, limit: number): Promise<StockExportRow[]> {
      return db
        .select({
          id: products.id,
          sku: products.sku,
          name: products.name,
          brand: products.brand,
          category: categories.name,
          isActive: products.isActive,
          stock: products.stock,
          price: products.price,
          value: sql<number>`(${products.stock}::bigint * ${products.price})::float8`,
        })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(gt(products.id, afterId))
        .orderBy(asc(products.id))
        .limit(limit);
    },
  };
}

export type ExportRepository = ReturnType<typeof createExportRepository>;
