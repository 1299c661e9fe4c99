/**
 * The report's figures (A10), each one aggregate query computed by the database (PostgreSQL and
 * PGlite alike): nothing loads orders into JavaScript. Sales follow the dashboard's definition
 * (repository.ts): status in `COUNTS_AS_SALE`, dated by `paid_at`; "orders by status" counts every
 * order created in the range instead, since unpaid ones have no payment date. Buckets (day, ISO
 * week from Monday, month) are cut in WIB with `AT TIME ZONE 'Asia/Jakarta'`.
 */
import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { categories, orderItems, orders, products } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import { SHOP_TIME_ZONE } from '../../lib/time';
import { COUNTS_AS_SALE, type OrderStatus } from '../orders/state-machine';
import type { Period } from './repository';
import type { Grouping } from './schema';
import type { CategorySales, PaymentMethodFigure, ReportSummary, SalesBucket, StatusFigure, TopCustomer, TopProduct } from './types';

const isSale = inArray(orders.status, [...COUNTS_AS_SALE]);
const paidIn = (p: Period) => and(isSale, gte(orders.paidAt, p.from), lt(orders.paidAt, p.to));
const TRUNC: Record<Grouping, string> = { hari: 'day', minggu: 'week', bulan: 'month' };
const int = (v: unknown) => Number(v ?? 0);

export function createReportRepository(db: StoreDb) {
  return {
    async summary(period: Period): Promise<ReportSummary> {
      const [row] = await db
        .select({
          orders: sql<number>`count(*)::int`,
          revenue: sql<string>`coalesce(sum(${orders.total}), 0)::bigint`,
          subtotal: sql<string>`coalesce(sum(${orders.subtotal}), 0)::bigint`,
          shipping: sql<string>`coalesce(sum(${orders.shippingCharge}), 0)::bigint`,
          customers: sql<number>`count(DISTINCT lower(${orders.email}))::int`,
          averageOrder: sql<string>`coalesce(round(avg(${orders.total})), 0)::bigint`,
          units: sql<string>`coalesce((SELECT sum(${orderItems.quantity}) FROM ${orderItems}
            WHERE ${orderItems.orderId} IN (SELECT ${orders.id} FROM ${orders} WHERE ${paidIn(period)})), 0)::bigint`,
        })
        .from(orders)
        .where(paidIn(period));
      return {
        orders: int(row?.orders),
        revenue: int(row?.revenue),
        subtotal: int(row?.subtotal),
        shipping: int(row?.shipping),
        units: int(row?.units),
        customers: int(row?.customers),
        averageOrder: int(row?.averageOrder),
      };
    },

    /** Sales per bucket that has any; the service fills the empty ones. */
    async salesBuckets(period: Period, per: Grouping): Promise<SalesBucket[]> {
      const start = sql<string>`to_char(date_trunc(${sql.raw(`'${TRUNC[per]}'`)}, ${orders.paidAt} AT TIME ZONE ${sql.raw(
        `'${SHOP_TIME_ZONE}'`,
      )}), 'YYYY-MM-DD')`;
      const rows = await db
        .select({ start, orders: sql<number>`count(*)::int`, amount: sql<string>`sum(${orders.total})::bigint` })
        .from(orders)
        .where(paidIn(period))
        .groupBy(start)
        .orderBy(start);
      return rows.map((r) => ({ start: r.start, orders: int(r.orders), amount: int(r.amount) }));
    },

    /** Goods sold per product category (line totals: shipping belongs to no category). */
    async byCategory(period: Period): Promise<CategorySales[]> {
      const amount = sql<string>`sum(${orderItems.lineTotal})::bigint`;
      const rows = await db
        .select({ categoryId: categories.id, name: categories.name, units: sql<number>`sum(${orderItems.quantity})::int`, amount })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .innerJoin(products, eq(products.id, orderItems.productId))
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(paidIn(period))
        .groupBy(categories.id, categories.name)
        .orderBy(desc(amount), asc(categories.name));
      return rows.map((r) => ({ ...r, units: int(r.units), amount: int(r.amount) }));
    },

    async byStatus(period: Period): Promise<StatusFigure[]> {
      const rows = await db
        .select({ status: orders.status, orders: sql<number>`count(*)::int`, amount: sql<string>`sum(${orders.total})::bigint` })
        .from(orders)
        .where(and(gte(orders.createdAt, period.from), lt(orders.createdAt, period.to)))
        .groupBy(orders.status)
        .orderBy(orders.status);
      return rows.map((r) => ({ status: r.status as OrderStatus, orders: int(r.orders), amount: int(r.amount) }));
    },

    async byPaymentMethod(period: Period): Promise<PaymentMethodFigure[]> {
      const amount = sql<string>`sum(${orders.total})::bigint`;
      const rows = await db
        .select({ method: orders.paymentMethod, orders: sql<number>`count(*)::int`, amount })
        .from(orders)
        .where(paidIn(period))
        .groupBy(orders.paymentMethod)
        .orderBy(desc(amount));
      return rows.map((r) => ({ method: r.method, orders: int(r.orders), amount: int(r.amount) }));
    },

    /** Most units sold first; the name is the order lines' (what was bought), the latest spelling. */
    async topProducts(period: Period, limit: number): Promise<TopProduct[]> {
      const units = sql<number>`sum(${orderItems.quantity})::int`;
      const amount = sql<string>`sum(${orderItems.lineTotal})::bigint`;
      const rows = await db
        .select({
          productId: orderItems.productId,
          name: sql<string>`max(${orderItems.name})`,
          sku: sql<string>`max(${orderItems.sku})`,
          units,
          amount,
        })
        .from(orderItems)
        .innerJoin(orders, eq(orders.id, orderItems.orderId))
        .where(paidIn(period))
        .groupBy(orderItems.productId)
        .orderBy(desc(units), desc(amount), asc(orderItems.productId))
        .limit(limit);
      return rows.map((r) => ({ ...r, units: int(r.units), amount: int(r.amount) }));
    },

    /** Who spent most, one per email address, so a guest and their later account count once. */
    async topCustomers(period: Period, limit: number): Promise<TopCustomer[]> {
      const email = sql<string>`lower(${orders.email})`;
      const spent = sql<string>`sum(${orders.total})::bigint`;
      const rows = await db
        .select({ email, name: sql<string>`max(${orders.customerName})`, orders: sql<number>`count(*)::int`, spent })
        .from(orders)
        .where(paidIn(period))
        .groupBy(email)
        .orderBy(desc(spent), asc(email))
        .limit(limit);
      return rows.map((r) => ({ ...r, orders: int(r.orders), spent: int(r.spent) }));
    },
  };
}

export type ReportRepository = ReturnType<typeof createReportRepository>;
