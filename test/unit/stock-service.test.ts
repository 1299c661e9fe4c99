/**
 * The stock service against an in-memory shelf: reservations take units product by product and
 * stop at the first line that cannot be served, give-backs and sale counts follow the lines, and
 * hand adjustments refuse what would be wrong. Every change writes the movement that explains it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoreTx } from '../../src/db/store-db';
import type { StockRepository } from '../../src/store/stock/repository';
import { createStockService } from '../../src/store/stock/service';
import type { ReservedProduct, StockMovement } from '../../src/store/stock/types';

const TX = { token: 'order-transaction' } as unknown as StoreTx;
const OWN_TX = { token: 'adjustment-transaction' } as unknown as StoreTx;

interface ShelfProduct extends ReservedProduct {
  stock: number;
  sold: number;
  sellable: boolean;
}

function product(id: number, stock: number, values: Partial<ShelfProduct> = {}): ShelfProduct {
  return {
    id,
    slug: `p-${id}`,
    name: `Product ${id}`,
    sku: `SKU-${id}`,
    brand: 'Brand',
    price: 10_000 * id,
    stock,
    sold: 0,
    sellable: true,
    ...values,
  };
}

function shelf(products: ShelfProduct[]) {
  const byId = new Map(products.map((p) => [p.id, p]));
  const movements: StockMovement[] = [];
  const txSeen: unknown[] = [];
  const repo = {
    takeUnits: vi.fn(async (tx: StoreTx, productId: number, quantity: number) => {
      txSeen.push(tx);
      const p = byId.get(productId);
      if (!p?.sellable || p.stock < quantity) return undefined;
      p.stock -= quantity;
      const { stock: _s, sold: _c, sellable: _a, ...reserved } = p;
      return reserved;
    }),
    putBack: vi.fn(async (tx: StoreTx, productId: number, quantity: number) => {
      txSeen.push(tx);
      byId.get(productId)!.stock += quantity;
    }),
    addUnits: vi.fn(async (tx: StoreTx, productId: number, delta: number) => {
      txSeen.push(tx);
      const p = byId.get(productId);
      if (!p || p.stock + delta < 0) return undefined;
      p.stock += delta;
      return p.stock;
    }),
    exists: vi.fn(async (tx: StoreTx, productId: number) => {
      txSeen.push(tx);
      return byId.has(productId);
    }),
    addSold: vi.fn(async (tx: StoreTx, productId: number, delta: number) => {
      txSeen.push(tx);
      const p = byId.get(productId)!;
      p.sold = Math.max(0, p.sold + delta);
    }),
    insertMovement: vi.fn(async (tx: StoreTx, m: StockMovement) => {
      txSeen.push(tx);
      movements.push({ ...m });
    }),
  };
  const transactions = { opened: 0 };
  const transaction = async <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => {
    transactions.opened++;
    return work(OWN_TX);
  };
  const service = createStockService({ repo: repo as unknown as StockRepository, transaction });
  return { service, repo, byId, movements, txSeen, transactions };
}

describe('stock service: reserve', () => {
  it('takes every line in product-id order with one order_reserved movement each, in the caller’s transaction', async () => {
    const s = shelf([product(3, 5), product(8, 2), product(11, 1)]);
    const result = await s.service.reserve(TX, 70, [
      { productId: 11, quantity: 1 },
      { productId: 3, quantity: 4 },
      { productId: 8, quantity: 2 },
    ]);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect([...result.products.keys()]).toEqual([3, 8, 11]);
    expect(result.products.get(8)).toEqual({ id: 8, slug: 'p-8', name: 'Product 8', sku: 'SKU-8', brand: 'Brand', price: 80_000 });
    expect(s.repo.takeUnits.mock.calls.map(([, id, q]) => [id, q])).toEqual([
      [3, 4],
      [8, 2],
      [11, 1],
    ]);
    expect(s.movements).toEqual([
      { productId: 3, change: -4, reason: 'order_reserved', orderId: 70 },
      { productId: 8, change: -2, reason: 'order_reserved', orderId: 70 },
      { productId: 11, change: -1, reason: 'order_reserved', orderId: 70 },
    ]);
    expect([3, 8, 11].map((id) => s.byId.get(id)!.stock)).toEqual([1, 0, 0]);
    expect(s.txSeen.every((tx) => tx === TX)).toBe(true);
    expect(s.transactions.opened).toBe(0);
  });

  it('stops at the first line it cannot serve and names it; later lines are not touched', async () => {
    const s = shelf([product(3, 5), product(8, 1), product(11, 9)]);
    const result = await s.service.reserve(TX, 71, [
      { productId: 11, quantity: 1 },
      { productId: 8, quantity: 2 },
      { productId: 3, quantity: 1 },
    ]);
    expect(result).toEqual({ ok: false, productId: 8 });
    expect(s.repo.takeUnits.mock.calls.map(([, id]) => id)).toEqual([3, 8]);
    // Only the line that was served has a movement (the caller's rollback undoes it).
    expect(s.movements).toEqual([{ productId: 3, change: -1, reason: 'order_reserved', orderId: 71 }]);
    expect(s.byId.get(11)!.stock).toBe(9);
  });

  it('a product that cannot be sold is not served', async () => {
    const s = shelf([product(4, 10, { sellable: false })]);
    expect(await s.service.reserve(TX, 72, [{ productId: 4, quantity: 1 }])).toEqual({ ok: false, productId: 4 });
    expect(s.movements).toEqual([]);
  });
});

describe('stock service: release and sale count', () => {
  it('puts the units back in product-id order with the reason, order and user on each movement', async () => {
    const s = shelf([product(2, 0), product(6, 1)]);
    await s.service.release(
      TX,
      80,
      [
        { productId: 6, quantity: 3 },
        { productId: 2, quantity: 1 },
      ],
      'order_released',
      14,
    );
    expect(s.byId.get(2)!.stock).toBe(1);
    expect(s.byId.get(6)!.stock).toBe(4);
    expect(s.movements).toEqual([
      { productId: 2, change: 1, reason: 'order_released', orderId: 80, userId: 14 },
      { productId: 6, change: 3, reason: 'order_released', orderId: 80, userId: 14 },
    ]);
    expect(s.txSeen.every((tx) => tx === TX)).toBe(true);
  });

  it('a refund gives back with its own reason; the system has no user', async () => {
    const s = shelf([product(2, 0)]);
    await s.service.release(TX, 81, [{ productId: 2, quantity: 2 }], 'order_refunded', null);
    expect(s.movements).toEqual([{ productId: 2, change: 2, reason: 'order_refunded', orderId: 81, userId: null }]);
    expect(s.byId.get(2)!.stock).toBe(2);
  });

  it('counts sold units up when paid and down when refunded, without touching the stock or writing movements', async () => {
    const s = shelf([product(2, 5), product(6, 5)]);
    const lines = [
      { productId: 6, quantity: 3 },
      { productId: 2, quantity: 1 },
    ];
    await s.service.countSale(TX, lines, 1);
    expect(s.repo.addSold.mock.calls.map(([, id, d]) => [id, d])).toEqual([
      [2, 1],
      [6, 3],
    ]);
    expect([s.byId.get(2)!.sold, s.byId.get(6)!.sold]).toEqual([1, 3]);
    await s.service.countSale(TX, lines, -1);
    expect(s.repo.addSold.mock.calls.slice(2).map(([, id, d]) => [id, d])).toEqual([
      [2, -1],
      [6, -3],
    ]);
    expect([s.byId.get(2)!.sold, s.byId.get(6)!.sold]).toEqual([0, 0]);
    expect([s.byId.get(2)!.stock, s.byId.get(6)!.stock]).toEqual([5, 5]);
    expect(s.movements).toEqual([]);
  });
});

describe('stock service: hand adjustments', () => {
  it.each([0, 1.5, -0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60])(
    'refuses a delta of %s as zero without opening a transaction',
    async (delta) => {
      const s = shelf([product(5, 3)]);
      expect(await s.service.adjust(5, delta, 'adjustment', { userId: 1 })).toEqual({ ok: false, reason: 'zero' });
      expect(s.transactions.opened).toBe(0);
      expect(s.byId.get(5)!.stock).toBe(3);
      expect(s.movements).toEqual([]);
    },
  );

  it('an unknown product is not_found', async () => {
    const s = shelf([product(5, 3)]);
    expect(await s.service.adjust(99, 2, 'restock', { userId: 1 })).toEqual({ ok: false, reason: 'not_found' });
    expect(s.movements).toEqual([]);
  });

  it('going below zero is insufficient and changes nothing', async () => {
    const s = shelf([product(5, 3)]);
    expect(await s.service.adjust(5, -4, 'adjustment', { userId: 1, note: 'lost' })).toEqual({ ok: false, reason: 'insufficient' });
    expect(s.byId.get(5)!.stock).toBe(3);
    expect(s.movements).toEqual([]);
  });

  it('down to exactly zero is allowed', async () => {
    const s = shelf([product(5, 3)]);
    expect(await s.service.adjust(5, -3, 'adjustment', { userId: 1 })).toEqual({ ok: true, stock: 0 });
  });

  it('a restock returns the new stock and writes a restock movement with who made it and the note, in its own transaction', async () => {
    const s = shelf([product(5, 3)]);
    expect(await s.service.adjust(5, 7, 'restock', { userId: 12, note: 'delivery from Yamaha' })).toEqual({ ok: true, stock: 10 });
    expect(s.movements).toEqual([{ productId: 5, change: 7, reason: 'restock', userId: 12, note: 'delivery from Yamaha' }]);
    expect(s.transactions.opened).toBe(1);
    expect(s.txSeen.every((tx) => tx === OWN_TX)).toBe(true);
  });

  it('an adjustment down writes an adjustment movement with the negative change', async () => {
    const s = shelf([product(5, 3)]);
    expect(await s.service.adjust(5, -2, 'adjustment', { userId: null, note: 'damaged in store' })).toEqual({ ok: true, stock: 1 });
    expect(s.movements).toEqual([{ productId: 5, change: -2, reason: 'adjustment', userId: null, note: 'damaged in store' }]);
  });
});
