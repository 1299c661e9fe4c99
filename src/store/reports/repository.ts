/**
 * Read-only queries behind the dashboard's figures. Every figure is computed by the database
 * (PostgreSQL and PGlite alike) in one query each, never row by row. "A sale" is an order whose
 * status is in the lifecycle's `COUNTS_AS_SALE`, dated by when it was paid; periods are WIB days
 * whose boundaries the caller passes (src/lib/time.ts), and days are grouped in SQL with
 * `AT TIME ZONE 'Asia/Jakarta'`.
 */
import { and, asc, count, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { orderItems, orders, products, users } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import { SHOP_TIME_ZONE } from '../../lib/time';
import { COUNTS_AS_SALE, type OrderStatus } from '../orders/state-machine';
import type { BestSeller, DailySales, LowStockProduct, RecentOrder, SalesFigure, ShopTotals, StatusCount } from './types';

const SALE_STATUSES = [...COUNTS_AS_SALE];
const isSale = inArray(orders.status, SALE_STATUSES);

/** A period of time, from `from` (inclusive) to `to` (exclusive). */
export interface Period {
  from: Date;
  to: Date;
}

const inPeriod = (period: Period) => and(gte(orders.paidAt, period.from), lt(orders.paidAt, period.to));

export function createReportsRepository(db: StoreDb) {
  return {
    async totals(): Promise<ShopTotals> {
      const result = await db.execute(sql`SELECT
        (SELECT count(*)::int FROM ${products} WHERE ${products.isActive}) AS "activeProducts",
        (SELECT count(*)::int FROM ${orders}) AS "orders",
        (SELECT count(*)::int FROM ${users} WHERE ${users.role} = 'customer') AS "customers"`);
      const [row] = rowsOf<Record<keyof ShopTotals, number | string>>(result);
      return { activeProducts: Number(row?.activeProducts ?? 0), orders: Number(row?.orders ?? 0), customers: Number(row?.customers ?? 0) };
    },

    async sales(period: Period): Promise<SalesFigure> {
      const [row] = await db
        .select({ orders: sql<number>`count(*)::int`, amount: sql<string>`coalesce(sum(${orders.total}), 0)::bigint` })
        .from(orders)
        .where(and(isSale, inPeriod(period)));
      return { orders: Number(row?.orders ?? 0), amount: Number(row?.amount ?? 0) };
    },

    /** Sales per WIB day in the period; days without sales are missing (the service fills them). */
    async dailySales(period: Period): Promise<DailySales[]> {
      const day = sql<string>`to_char(${orders.paidAt} AT TIME ZONE ${sql.raw(`'${SHOP_TIME_ZONE}'`)}, 'YYYY-MM-DD')`;
      const rows = await db
        .select({ date: day, orders: sql<number>`count(*)::int`, amount: sql<string>`sum(${orders.total})::bigint` })
        .from(orders)
        .where(and(isSale, inPeriod(period)))
        .groupBy(day)
        .orderBy(day);
      return rows.map((r) => ({ date: r.date, orders: Number(r.orders), amount: Number(r.amount) }));
    },

    async ordersByStatus(): Promise<StatusCount[]> {
      const rows = await db.select({ status: orders.status, count: count() }).from(orders).groupBy(orders.status);
      return rows.map((r) => ({ status: r.status as OrderStatus, count: Number(r.count) }));
    },

    async recentOrders(limit: number): Promise<RecentOrder[]> {
      return db
        .select({
          number: orders.number,
          customerName: orders.customerName,
          status: orders.status,
          total: orders.total,
          createdAt: orders.createdAt,
        })
        .from(orders)
        .orderBy(desc(orders.createdAt), desc(orders.id))
        .limit(limit);
    },

    /** Units sold in paid orders of the period, per product, most first. */
    async bestSellers(period: Period, limit: number): Promise<BestSeller[]> {
      const units = sql<number>`sum(${orderItems.quantity})::int`;
      const rows = await db
        .select({
          productId: products.id,
          slug: products.slug,
          name: products.name,
          units,
          amount: sql<string>`sum(${orderItems.lineTotal})::bigint`,
        })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(products, eq(products.id, orderItems.productId))
        .where(and(isSale, inPeriod(period)))
        .groupBy(products.id, products.slug, products.name)
        .orderBy(desc(units), asc(products.name))
        .limit(limit);
      return rows.map((r) => ({ ...r, units: Number(r.units), amount: Number(r.amount) }));
    },

    /** Active products at or below their own low-stock threshold, emptiest first, and how many there are. */
    async lowStock(limit: number): Promise<{ products: LowStockProduct[]; total: number }> {
      const low = and(eq(products.isActive, true), lte(products.stock, products.lowStockThreshold));
      const rows = await db
        .select({
          productId: products.id,
          slug: products.slug,
          name: products.name,
          sku: products.sku,
          stock: products.stock,
          threshold: products.lowStockThreshold,
          total: sql<number>`count(*) OVER ()::int`,
        })
        .from(products)
        .where(low)
        .orderBy(asc(products.stock), asc(products.name))
        .limit(limit);
      return { products: rows.map(({ total: _total, ...p }) => p), total: Number(rows[0]?.total ?? 0) };
    },
  };
}

export type ReportsRepository = ReturnType<typeof createReportsRepository>;
