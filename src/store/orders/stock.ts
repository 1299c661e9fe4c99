/**
 * Stock changes made by orders, inside the caller's transaction. Taking units is a conditional
 * update (`stock >= q`), so two buyers can never take the last unit twice; every change writes a
 * stock movement, so the movements of a product always explain its stock.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';

export type StoreTx = Parameters<Parameters<StoreDb['transaction']>[0]>[0];
type Executor = Pick<StoreDb, 'execute'>;

export interface ReservedProduct {
  id: number;
  slug: string;
  name: string;
  sku: string;
  brand: string;
  price: number;
}

/**
 * Takes `quantity` units of an active product (in an active category). Undefined when there are
 * not enough units or the product cannot be sold: the caller rolls its transaction back.
 */
export async function takeStock(tx: Executor, productId: number, quantity: number, orderId: number): Promise<ReservedProduct | undefined> {
  const [row] = rowsOf<{ id: number; slug: string; name: string; sku: string; brand: string; price: string | number }>(
    await tx.execute(sql`
      UPDATE products p SET stock = p.stock - ${quantity}, updated_at = now()
      FROM categories c
      WHERE p.id = ${productId} AND c.id = p.category_id AND p.is_active AND c.is_active AND p.stock >= ${quantity}
      RETURNING p.id, p.slug, p.name, p.sku, p.brand, p.price`),
  );
  if (!row) return undefined;
  await recordMovement(tx, { productId, change: -quantity, reason: 'order_reserved', orderId });
  return { ...row, price: Number(row.price) };
}

/** Gives an order's units back (cancel, expiry, refund); the caller has already moved the order's status under a lock, so this runs once per order. */
export async function returnOrderStock(tx: Executor, orderId: number, userId: number | null, reason: string) {
  const items = rowsOf<{ product_id: number; quantity: number }>(
    await tx.execute(sql`SELECT product_id, quantity FROM order_items WHERE order_id = ${orderId} ORDER BY product_id`),
  );
  for (const item of items) {
    await tx.execute(sql`UPDATE products SET stock = stock + ${item.quantity}, updated_at = now() WHERE id = ${item.product_id}`);
    await recordMovement(tx, { productId: item.product_id, change: item.quantity, reason, orderId, userId });
  }
}

/** Keeps the best-selling count: +units when paid, −units when a paid order is refunded. */
export async function countSale(tx: Executor, orderId: number, sign: 1 | -1) {
  await tx.execute(sql`
    UPDATE products p SET sold_count = GREATEST(0, p.sold_count + ${sign} * i.quantity)
    FROM order_items i WHERE i.order_id = ${orderId} AND p.id = i.product_id`);
}

async function recordMovement(
  tx: Executor,
  m: { productId: number; change: number; reason: string; orderId: number; userId?: number | null },
) {
  await tx.execute(sql`
    INSERT INTO stock_movements (product_id, change, reason, order_id, user_id)
    VALUES (${m.productId}, ${m.change}, ${m.reason}, ${m.orderId}, ${m.userId ?? null})`);
}
