/**
 * Rows for the Excel exports, read in keyset pages (`WHERE key > last ORDER BY key LIMIT n`) so
 * an export of any size holds one page in memory at a time, on PGlite and PostgreSQL alike
 * (a server-side cursor would need a connection of its own, which PGlite does not have).
 */
import { and, asc, eq, gt, gte, lt, sql } from 'drizzle-orm';
import { categories, orderItems, orders, products } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { OrderStatus } from '../orders/state-machine';
import type { Period } from './repository';
import type { OrderItemExportRow, StockExportRow } from './types';

export interface OrderItemKey {
  orderId: number;
  itemId: number;
}

export function createExportRepository(db: StoreDb) {
  return {
    /** Items of the orders created in the period (every status), by order then item, after `after`. */
    async orderItemPage(period: Period, after: OrderItemKey | null, limit: number): Promise<OrderItemExportRow[]> {
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
        .where(
          and(
            gte(orders.createdAt, period.from),
            lt(orders.createdAt, period.to),
            after ? sql`(${orders.id}, ${orderItems.id}) > (${after.orderId}, ${after.itemId})` : undefined,
          ),
        )
        .orderBy(asc(orders.id), asc(orderItems.id))
        .limit(limit);
      return rows.map((r) => ({ ...r, status: r.status as OrderStatus }));
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
