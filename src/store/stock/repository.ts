/**
 * The only queries that write `products.stock`, `products.sold_count` and `stock_movements`.
 * Taking units is a conditional update (`stock >= q`), so two buyers can never take the last unit
 * twice; every caller passes its transaction, so a movement is written with the change it explains.
 */
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreExecutor } from '../../db/store-db';
import type { ReservedProduct, StockMovement } from './types';

export function createStockRepository() {
  return {
    /** Takes units of an active product in an active category; undefined when there are too few or it cannot be sold. */
    async takeUnits(tx: StoreExecutor, productId: number, quantity: number): Promise<ReservedProduct | undefined> {
      const [row] = rowsOf<{ id: number; slug: string; name: string; sku: string; brand: string; price: string | number }>(
        await tx.execute(sql`
          UPDATE products p SET stock = p.stock - ${quantity}, updated_at = now()
          FROM categories c
          WHERE p.id = ${productId} AND c.id = p.category_id AND p.is_active AND c.is_active AND p.stock >= ${quantity}
          RETURNING p.id, p.slug, p.name, p.sku, p.brand, p.price`),
      );
      return row ? { ...row, price: Number(row.price) } : undefined;
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

    async exists(tx: StoreExecutor, productId: number): Promise<boolean> {
      return rowsOf(await tx.execute(sql`SELECT 1 FROM products WHERE id = ${productId}`)).length > 0;
    },

    /** The best-selling count never goes below zero. */
    async addSold(tx: StoreExecutor, productId: number, delta: number): Promise<void> {
      await tx.execute(sql`UPDATE products SET sold_count = GREATEST(0, sold_count + ${delta}) WHERE id = ${productId}`);
    },

    async insertMovement(tx: StoreExecutor, m: StockMovement): Promise<void> {
      await tx.execute(sql`
        INSERT INTO stock_movements (product_id, change, reason, order_id, user_id, note)
        VALUES (${m.productId}, ${m.change}, ${m.reason}, ${m.orderId ?? null}, ${m.userId ?? null}, ${(m.note ?? '').slice(0, 300)})`);
    },
  };
}

export type StockRepository = ReturnType<typeof createStockRepository>;
