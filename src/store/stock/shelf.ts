/**
 * The shelf as a sale sees it: each product's price and stock, read without a lock, with the
 * moment each read was sent.
 *
 * Under a burst (500 buyers for the last 10 units) every buyer reads the shelf; the reads go
 * together (lib/key-batches.ts), and each read also tells the buyers who read before it. A buyer
 * whose own read still showed units, but who is about to write an order after a *later* read
 * found too few, has lost: `outrunSince` says so before the order's rows are written, instead of
 * after ten statements and a rollback. It is the same answer a read of its own at that moment
 * would give; placing still decides for real, under the product rows' locks.
 */
import { keyBatches } from '../../lib/key-batches';
import type { StockRepository } from './repository';
import type { ReservedProduct } from './types';

export type ShelfProduct = ReservedProduct & {
  stock: number;
  /** When the read that saw this stock was sent (performance.now(), this process). */
  readAt: number;
};

/** Levels older than this are of no use: a buyer begins an order within moments of reading. */
const LEVEL_KEPT_MS = 10_000;

export function createShelf(repo: Pick<StockRepository, 'onSale'>, now: () => number = () => performance.now()) {
  /** The newest level read of each product lately, and when that read was sent. */
  const latest = new Map<number, { stock: number; readAt: number }>();
  let pruneAfter = 0;

  function remember(id: number, stock: number, readAt: number) {
    const known = latest.get(id);
    if (!known || known.readAt < readAt) latest.set(id, { stock, readAt });
    if (readAt > pruneAfter) {
      pruneAfter = readAt + LEVEL_KEPT_MS;
      for (const [key, level] of latest) if (level.readAt < readAt - LEVEL_KEPT_MS) latest.delete(key);
    }
  }

  const reads = keyBatches(async (ids: number[]) => {
    const readAt = now();
    const rows = await repo.onSale(ids);
    for (const row of rows) remember(row.id, row.stock, readAt);
    return new Map(rows.map((row): [number, ShelfProduct] => [row.id, { ...row, readAt }]));
  });

  return {
    /** A level known without a read: what a committed order left (`now` is after its commit). */
    noteLevel(productId: number, stock: number): void {
      remember(productId, stock, now());
    },

    /** Active products in active categories among these, read now (together with other buyers' reads). */
    read: (productIds: readonly number[]): Promise<Map<number, ShelfProduct>> => reads.many(productIds),

    /**
     * The first line of which a read sent after the buyer's own (`seen`) found fewer units than it
     * needs, if any. A product no longer on sale is left to the placing, which explains it.
     */
    outrunSince(lines: readonly { productId: number; quantity: number }[], seen: ReadonlyMap<number, ShelfProduct>): number | undefined {
      const outrun = lines.find((line) => {
        const mine = seen.get(line.productId);
        const newer = latest.get(line.productId);
        return mine !== undefined && newer !== undefined && newer.readAt > mine.readAt && newer.stock < line.quantity;
      });
      return outrun?.productId;
    },
  };
}
