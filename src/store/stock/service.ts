/**
 * Stock (the shelf): reserve units for an order, give them back, count sales, adjust by hand.
 * Every function writes one stock movement per product it changes, so the movements of a product
 * always explain its stock. Order-driven changes run inside the caller's transaction (the order
 * and its stock commit together); an adjustment opens its own.
 */
import { type AuditActor, recordAudit } from '../audit/record';
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import type { StockRepository } from './repository';
import { stockLevel } from './model';
import { createShelf, type ShelfProduct } from './shelf';
import type { AlertLevel, MovementHistory, StockAlertFilter, TakenProduct, StockAlertPage, StockLine, StockReason } from './types';

export const ALERTS_PAGE_SIZE = 25;
export const HISTORY_PAGE_SIZE = 30;

export type ReserveResult = { ok: true; products: Map<number, TakenProduct> } | { ok: false; productId: number };

/** Who moves stock by hand: the user (for the movement) and, for the audit log, how to name them. */
export interface StockActor {
  userId: number | null;
  note?: string;
  audit?: AuditActor;
}

export type AdjustResult = { ok: true; stock: number } | { ok: false; reason: 'not_found' | 'insufficient' | 'zero' };

/** Always in product-id order, so two transactions locking the same rows never deadlock. */
const byProduct = (lines: readonly StockLine[]) => [...lines].sort((a, b) => a.productId - b.productId);

export function createStockService(deps: { repo: StockRepository; transaction: RunInTransaction }) {
  const { repo } = deps;
  const shelf = createShelf(repo);

  async function adjustIn(
    tx: StoreTx,
    productId: number,
    delta: number,
    reason: Extract<StockReason, 'adjustment' | 'restock'>,
    actor: StockActor,
  ): Promise<AdjustResult> {
    if (!Number.isSafeInteger(delta) || delta === 0) return { ok: false, reason: 'zero' };
    const stock = await repo.addUnits(tx, productId, delta);
    if (stock === undefined) return { ok: false, reason: (await repo.exists(tx, productId)) ? 'insufficient' : 'not_found' };
    await repo.insertMovement(tx, { productId, change: delta, reason, userId: actor.userId, note: actor.note });
    // A hand correction is audited; restocks are recorded by their restock order.
    if (actor.audit && reason === 'adjustment') {
      await recordAudit(tx, actor.audit, {
        action: 'stock.adjusted',
        subject: { type: 'product', id: productId, label: await repo.nameOf(tx, productId) },
        before: { stock: stock - delta },
        after: { stock, ...(actor.note ? { note: actor.note } : {}) },
      });
    }
    return { ok: true, stock };
  }

  return {
    /**
     * Takes every line's units for an order, in the caller's transaction. On the first line that
     * cannot be served it stops and says which; the caller rolls back, which undoes the others.
     * `prices`: take a product only at this price (the one the customer confirmed).
     */
    async reserve(tx: StoreTx, orderId: number, lines: readonly StockLine[], prices?: ReadonlyMap<number, number>): Promise<ReserveResult> {
      const products = new Map<number, TakenProduct>();
      for (const line of byProduct(lines)) {
        const take = { orderId, productId: line.productId, quantity: line.quantity, price: prices?.get(line.productId) };
        const product = await repo.takeUnits(tx, take);
        if (!product) return { ok: false, productId: line.productId };
        products.set(line.productId, product);
      }
      return { ok: true, products };
    },

    /** What a sale of these products would take now (name, price, stock…), read without locking them. */
    onSale: (productIds: readonly number[]): Promise<Map<number, ShelfProduct>> => shelf.read(productIds),

    /** A line that a read sent after `seen` (an `onSale` answer) found short: that buyer has lost (shelf.ts). */
    outrunSince: shelf.outrunSince,

    /** What an order's committed units left on the shelf: the buyers still waiting to write theirs learn it (shelf.ts). */
    noteTaken(products: Iterable<TakenProduct>): void {
      for (const p of products) shelf.noteLevel(p.id, p.stockLeft);
    },

    /** Gives an order's units back (cancelled, expired, refunded). The caller's status move under lock makes it once per order. */
    async release(
      tx: StoreTx,
      orderId: number,
      lines: readonly StockLine[],
      reason: Extract<StockReason, 'order_released' | 'order_refunded'>,
      userId: number | null,
    ) {
      for (const line of byProduct(lines)) {
        await repo.putBack(tx, line.productId, line.quantity);
        await repo.insertMovement(tx, { productId: line.productId, change: line.quantity, reason, orderId, userId });
      }
    },

    /** The best-selling count: +units when an order is paid, −units when a paid order is refunded. */
    async countSale(tx: StoreTx, lines: readonly StockLine[], sign: 1 | -1) {
      for (const line of byProduct(lines)) await repo.addSold(tx, line.productId, sign * line.quantity);
    },

    /**
     * A hand adjustment or a restock by staff: `delta` units (either sign, never below zero), with
     * its reason and who made it, in one transaction.
     */
    adjust(
      productId: number,
      delta: number,
      reason: Extract<StockReason, 'adjustment' | 'restock'>,
      actor: StockActor,
    ): Promise<AdjustResult> {
      if (!Number.isSafeInteger(delta) || delta === 0) return Promise.resolve({ ok: false, reason: 'zero' });
      return deps.transaction((tx) => adjustIn(tx, productId, delta, reason, actor));
    },

    /** The same inside the caller's transaction (a catalogue import commits all its rows at once). */
    adjustIn,

    /**
     * Sets a product's stock to a counted number (a stock take, an imported sheet) inside the
     * caller's transaction: the row is locked, the difference is recorded as one movement.
     */
    async setIn(
      tx: StoreTx,
      productId: number,
      target: number,
      reason: Extract<StockReason, 'adjustment' | 'restock'>,
      actor: StockActor,
    ): Promise<AdjustResult> {
      if (!Number.isSafeInteger(target) || target < 0) return { ok: false, reason: 'insufficient' };
      const current = await repo.lockStock(tx, productId);
      if (current === undefined) return { ok: false, reason: 'not_found' };
      if (current === target) return { ok: true, stock: current };
      return adjustIn(tx, productId, target - current, reason, actor);
    },

    /**
     * Goods received from a supplier, in the caller's transaction (the one that holds the restock
     * order's row lock, so a receipt adds its units once): one `restock` movement per line.
     */
    async receive(tx: StoreTx, lines: readonly StockLine[], restockOrderId: number, userId: number | null): Promise<void> {
      for (const line of byProduct(lines)) {
        if (line.quantity <= 0) continue;
        const stock = await repo.addUnits(tx, line.productId, line.quantity);
        if (stock === undefined) throw new Error(`Product ${line.productId} vanished during a restock receipt`);
        await repo.insertMovement(tx, { productId: line.productId, change: line.quantity, reason: 'restock', restockOrderId, userId });
      }
    },

    /** Products that need attention, by each product's own thresholds; search and level narrow it. */
    async alerts(filter: StockAlertFilter): Promise<StockAlertPage> {
      const page = Math.max(1, filter.page);
      const [found, counts] = await Promise.all([
        repo.alerts({
          level: filter.level,
          q: filter.q,
          sort: filter.sort,
          limit: ALERTS_PAGE_SIZE,
          offset: (page - 1) * ALERTS_PAGE_SIZE,
        }),
        repo.alertCounts(),
      ]);
      return { ...found, page, pageSize: ALERTS_PAGE_SIZE, counts: counts as Record<AlertLevel, number> };
    },

    /** A product's movements, newest first, with its stock and the sum of every movement; undefined for an unknown product. */
    async history(productId: number, pageNumber: number): Promise<MovementHistory | undefined> {
      const product = await repo.productSummary(productId);
      if (!product) return undefined;
      const page = Math.max(1, pageNumber);
      const found = await repo.movements(productId, { limit: HISTORY_PAGE_SIZE, offset: (page - 1) * HISTORY_PAGE_SIZE });
      return {
        product,
        level: stockLevel(product),
        rows: found.rows,
        total: found.total,
        page,
        pageSize: HISTORY_PAGE_SIZE,
        movementSum: found.sum,
      };
    },
  };
}

export type StockService = ReturnType<typeof createStockService>;

/** Restock orders to suppliers live beside the shelf; the back office reaches them through here. */
export { createRestockService, type RestockService, RESTOCK_PAGE_SIZE } from './restock-service';
