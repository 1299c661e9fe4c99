/**
 * The only queries that write `products.stock`, `products.sold_count` and `stock_movements`.
 * Taking units is a conditional update (`stock >= q`), so two buyers can never take the last unit
 * twice; every caller passes its transaction, so a movement is written with the change it explains.
 */
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreExecutor } from '../../db/store-db';
import type {
  AlertLevel,
  AlertSort,
  MovementRow,
  ReservedProduct,
  RestockMovement,
  StockAlertRow,
  StockProductSummary,
  StockReason,
  TakenProduct,
} from './types';

/** The alerts table's orders (whitelisted SQL); ties fall back to worst first, then name. */
const WORST_FIRST = sql`CASE level WHEN 'out' THEN 0 WHEN 'critical' THEN 1 ELSE 2 END, stock, lower(name) COLLATE "C", id`;
const ALERT_ORDER: Record<AlertSort, SQL> = {
  level: WORST_FIRST,
  level_desc: sql`CASE level WHEN 'out' THEN 0 WHEN 'critical' THEN 1 ELSE 2 END DESC, stock DESC, lower(name) COLLATE "C", id`,
  name: sql`lower(name) COLLATE "C", id`,
  name_desc: sql`lower(name) COLLATE "C" DESC, id`,
  sku: sql`sku COLLATE "C", id`,
  sku_desc: sql`sku COLLATE "C" DESC, id`,
  stock: sql`stock, ${WORST_FIRST}`,
  stock_desc: sql`stock DESC, ${WORST_FIRST}`,
};

/** Writes take the caller's transaction; the back office's reads (alerts, history) use `db`. */
export function createStockRepository(db?: StoreExecutor) {
  const reader = (): StoreExecutor => {
    if (!db) throw new Error('This stock repository has no database to read from');
    return db;
  };
  return {
    /**
     * Takes units of an active product in an active category for an order, with its movement, in
     * one statement: under a race the product's row stays locked only from here to the commit.
     * `price`: only at this price (the one the customer confirmed). Undefined when there are too
     * few units, the price moved, or the product cannot be sold.
     */
    async takeUnits(
      tx: StoreExecutor,
      take: { orderId: number; productId: number; quantity: number; price?: number },
    ): Promise<TakenProduct | undefined> {
      const atPrice = take.price === undefined ? sql`` : sql`AND p.price = ${take.price}`;
      const [row] = rowsOf<{ id: number; slug: string; name: string; sku: string; brand: string; price: string | number; stock: number }>(
        await tx.execute(sql`
          WITH taken AS (
            UPDATE products p SET stock = p.stock - ${take.quantity}, updated_at = now()
            FROM categories c
            WHERE p.id = ${take.productId} AND c.id = p.category_id AND p.is_active AND c.is_active
              AND p.stock >= ${take.quantity} ${atPrice}
            RETURNING p.id, p.slug, p.name, p.sku, p.brand, p.price, p.stock
          ), movement AS (
            INSERT INTO stock_movements (product_id, change, reason, order_id)
            SELECT id, ${-take.quantity}, 'order_reserved', ${take.orderId} FROM taken
          )
          SELECT * FROM taken`),
      );
      return row ? { ...row, id: Number(row.id), price: Number(row.price), stockLeft: Number(row.stock) } : undefined;
    },

    /** What a sale of these products would take, read without a lock: active products in active categories. */
    async onSale(productIds: readonly number[]): Promise<(ReservedProduct & { stock: number })[]> {
      if (productIds.length === 0) return [];
      const rows = rowsOf<{ id: number; slug: string; name: string; sku: string; brand: string; price: string | number; stock: number }>(
        await reader().execute(sql`
          SELECT p.id, p.slug, p.name, p.sku, p.brand, p.price, p.stock FROM products p JOIN categories c ON c.id = p.category_id
          WHERE p.id = ANY(${sql.param([...productIds])}::int[]) AND p.is_active AND c.is_active`),
      );
      return rows.map((r) => ({ ...r, id: Number(r.id), price: Number(r.price), stock: Number(r.stock) }));
    },

    async putBack(tx: StoreExecutor, productId: number, quantity: number): Promise<void> {
      await tx.execute(sql`UPDATE products SET stock = stock + ${quantity}, updated_at = now() WHERE id = ${productId}`);
    },

    /**
     * Adds `delta` (either sign) unless the result would be negative. Returns the new stock, or
     * undefined when the product does not exist or has too few units.
     */
    async addUnits(tx: StoreExecutor, productId: number, delta: number): Promise<number | undefined> {
      const [row] = rowsOf<{ stock: number }>(
        await tx.execute(sql`
          UPDATE products SET stock = stock + ${delta}, updated_at = now()
          WHERE id = ${productId} AND stock + ${delta} >= 0
          RETURNING stock`),
      );
      return row ? Number(row.stock) : undefined;
    },

    /** The product's stock, its row locked for the rest of the transaction; undefined when there is no such product. */
    async lockStock(tx: StoreExecutor, productId: number): Promise<number | undefined> {
      const [row] = rowsOf<{ stock: number }>(await tx.execute(sql`SELECT stock FROM products WHERE id = ${productId} FOR UPDATE`));
      return row ? Number(row.stock) : undefined;
    },

    /** The product's name (for the audit log's subject). */
    async nameOf(tx: StoreExecutor, productId: number): Promise<string | undefined> {
      const [row] = rowsOf<{ name: string }>(await tx.execute(sql`SELECT name FROM products WHERE id = ${productId}`));
      return row?.name;
    },

    async exists(tx: StoreExecutor, productId: number): Promise<boolean> {
      return rowsOf(await tx.execute(sql`SELECT 1 FROM products WHERE id = ${productId}`)).length > 0;
    },

    /** The best-selling count never goes below zero. */
    async addSold(tx: StoreExecutor, productId: number, delta: number): Promise<void> {
      await tx.execute(sql`UPDATE products SET sold_count = GREATEST(0, sold_count + ${delta}) WHERE id = ${productId}`);
    },

    async insertMovement(tx: StoreExecutor, m: RestockMovement): Promise<void> {
      await tx.execute(sql`
        INSERT INTO stock_movements (product_id, change, reason, order_id, restock_order_id, user_id, note)
        VALUES (${m.productId}, ${m.change}, ${m.reason}, ${m.orderId ?? null}, ${m.restockOrderId ?? null},
          ${m.userId ?? null}, ${(m.note ?? '').slice(0, 300)})`);
    },

    /** Products at or below their own thresholds, worst first; `level` narrows to one level, `q` searches name, SKU and brand. */
    async alerts(filter: {
      level?: AlertLevel;
      q?: string;
      sort: AlertSort;
      limit: number;
      offset: number;
    }): Promise<{ rows: StockAlertRow[]; total: number }> {
      const pattern = filter.q ? `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const rows = rowsOf<Omit<StockAlertRow, 'level'> & { level: StockAlertRow['level']; total: string | number }>(
        await reader().execute(sql`
          WITH leveled AS (
            SELECT p.id, p.name, p.sku, p.brand, p.stock, p.min_stock AS "minStock", p.low_stock_threshold AS "lowStockThreshold",
              p.is_active AS "isActive",
              CASE WHEN p.stock <= 0 THEN 'out' WHEN p.stock <= p.min_stock THEN 'critical' ELSE 'low' END AS level
            FROM products p
            WHERE p.stock <= GREATEST(p.min_stock, p.low_stock_threshold, 0)
          )
          SELECT *, count(*) OVER () AS total FROM leveled
          WHERE (${filter.level ?? null}::text IS NULL OR level = ${filter.level ?? null})
            AND (${pattern}::text IS NULL OR name ILIKE ${pattern} OR sku ILIKE ${pattern} OR brand ILIKE ${pattern})
          ORDER BY ${ALERT_ORDER[filter.sort]}
          LIMIT ${filter.limit} OFFSET ${filter.offset}`),
      );
      const total = rows[0] ? Number(rows[0].total) : 0;
      return { rows: rows.map(({ total: _t, ...r }) => ({ ...r, stock: Number(r.stock) })), total };
    },

    async alertCounts(): Promise<Record<AlertLevel, number>> {
      const rows = rowsOf<{ level: AlertLevel; n: string | number }>(
        await reader().execute(sql`
          SELECT CASE WHEN stock <= 0 THEN 'out' WHEN stock <= min_stock THEN 'critical' ELSE 'low' END AS level, count(*) AS n
          FROM products WHERE stock <= GREATEST(min_stock, low_stock_threshold, 0) GROUP BY 1`),
      );
      const counts: Record<AlertLevel, number> = { out: 0, critical: 0, low: 0 };
      for (const r of rows) counts[r.level] = Number(r.n);
      return counts;
    },

    async productSummary(productId: number): Promise<StockProductSummary | undefined> {
      const [row] = rowsOf<StockProductSummary>(
        await reader().execute(sql`
          SELECT id, name, sku, brand, stock, min_stock AS "minStock", low_stock_threshold AS "lowStockThreshold"
          FROM products WHERE id = ${productId}`),
      );
      return row;
    },

    /** A product's movements, newest first, with the order number and who made them; plus their count and sum. */
    async movements(
      productId: number,
      page: { limit: number; offset: number },
    ): Promise<{ rows: MovementRow[]; total: number; sum: number }> {
      const [totals] = rowsOf<{ total: string | number; sum: string | number | null }>(
        await reader().execute(sql`SELECT count(*) AS total, sum(change) AS sum FROM stock_movements WHERE product_id = ${productId}`),
      );
      const rows = rowsOf<{
        id: number;
        change: number;
        reason: StockReason;
        createdAt: Date | string;
        orderNumber: string | null;
        restockOrderId: number | null;
        userName: string | null;
        note: string;
      }>(
        await reader().execute(sql`
          SELECT m.id, m.change, m.reason, m.created_at AS "createdAt", o.number AS "orderNumber",
            m.restock_order_id AS "restockOrderId", u.name AS "userName", m.note
          FROM stock_movements m
          LEFT JOIN orders o ON o.id = m.order_id
          LEFT JOIN users u ON u.id = m.user_id
          WHERE m.product_id = ${productId}
          ORDER BY m.created_at DESC, m.id DESC
          LIMIT ${page.limit} OFFSET ${page.offset}`),
      );
      return {
        rows: rows.map((r) => ({ ...r, change: Number(r.change), createdAt: new Date(r.createdAt) })),
        total: Number(totals?.total ?? 0),
        sum: Number(totals?.sum ?? 0),
      };
    },
  };
}

export type StockRepository = ReturnType<typeof createStockRepository>;
