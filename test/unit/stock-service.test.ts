/**
 * The stock service against an in-memory shelf: reservations take units product by product (one
 * statement each, which writes its own movement) at the confirmed price when one is given, and
 * stop at the first line that cannot be served; the unlocked "on sale" read answers by product;
 * give-backs and sale counts follow the lines, and hand adjustments refuse what would be wrong.
 * Every change writes the movement that explains it.
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

type Take = { orderId: number; productId: number; quantity: number; price?: number };

function shelf(products: ShelfProduct[]) {
  const byId = new Map(products.map((p) => [p.id, p]));
  const movements: StockMovement[] = [];
  const txSeen: unknown[] = [];
  const repo = {
    // Like the repository's one statement: the conditional update and its movement, or nothing.
    takeUnits: vi.fn(async (tx: StoreTx, take: Take) => {
      txSeen.push(tx);
      const p = byId.get(take.productId);
      if (!p?.sellable || p.stock < take.quantity) return undefined;
      if (take.price !== undefined && p.price !== take.price) return undefined;
      p.stock -= take.quantity;
      movements.push({ productId: p.id, change: -take.quantity, reason: 'order_reserved', orderId: take.orderId });
      const { stock: _s, sold: _c, sellable: _a, ...reserved } = p;
      return reserved;
    }),
    onSale: vi.fn(async (productIds: readonly number[]) =>
      productIds.flatMap((id) => {
        const p = byId.get(id);
        if (!p?.sellable) return [];
        const { sold: _c, sellable: _a, ...onSale } = p;
        return [onSale];
      }),
    ),
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
  it('takes every line in product-id order, one statement per product with its movement, in the caller’s transaction', async () => {
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
    // Each take names the order (its movement is written by the same statement); no price: any price.
    expect(s.repo.takeUnits.mock.calls.map(([, take]) => take)).toEqual([
      { orderId: 70, productId: 3, quantity: 4, price: undefined },
      { orderId: 70, productId: 8, quantity: 2, price: undefined },
      { orderId: 70, productId: 11, quantity: 1, price: undefined },
    ]);
    expect(s.repo.insertMovement).not.toHaveBeenCalled();
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
    expect(s.repo.takeUnits.mock.calls.map(([, take]) => take.productId)).toEqual([3, 8]);
    // Only the line that was served has a movement (the caller's rollback undoes it).
    expect(s.movements).toEqual([{ productId: 3, change: -1, reason: 'order_reserved', orderId: 71 }]);
    expect(s.byId.get(11)!.stock).toBe(9);
  });

  it('a product that cannot be sold is not served', async () => {
    const s = shelf([product(4, 10, { sellable: false })]);
    expect(await s.service.reserve(TX, 72, [{ productId: 4, quantity: 1 }])).toEqual({ ok: false, productId: 4 });
    expect(s.movements).toEqual([]);
  });

  it('takes each product only at the price the customer confirmed, passed with its take', async () => {
    const s = shelf([product(3, 5), product(8, 2)]);
    const prices = new Map([
      [3, 30_000],
      [8, 80_000],
    ]);
    const lines = [
      { productId: 8, quantity: 1 },
      { productId: 3, quantity: 2 },
    ];
    const result = await s.service.reserve(TX, 73, lines, prices);
    expect(result.ok).toBe(true);
    expect(s.repo.takeUnits.mock.calls.map(([, take]) => take)).toEqual([
      { orderId: 73, productId: 3, quantity: 2, price: 30_000 },
      { orderId: 73, productId: 8, quantity: 1, price: 80_000 },
    ]);
    expect([s.byId.get(3)!.stock, s.byId.get(8)!.stock]).toEqual([3, 1]);
  });

  it('a price that moved stops the reservation at that line, even with enough units', async () => {
    const s = shelf([product(3, 5), product(8, 2, { price: 85_000 }), product(11, 4)]);
    const prices = new Map([
      [3, 30_000],
      [8, 80_000],
      [11, 110_000],
    ]);
    const lines = [
      { productId: 3, quantity: 1 },
      { productId: 8, quantity: 1 },
      { productId: 11, quantity: 1 },
    ];
    expect(await s.service.reserve(TX, 74, lines, prices)).toEqual({ ok: false, productId: 8 });
    expect(s.repo.takeUnits.mock.calls.map(([, take]) => [take.productId, take.price])).toEqual([
      [3, 30_000],
      [8, 80_000],
    ]);
    expect(s.byId.get(8)!.stock).toBe(2);
    expect(s.byId.get(11)!.stock).toBe(4);
  });

  it('a line without a confirmed price in the map is taken at whatever the price is', async () => {
    const s = shelf([product(3, 5), product(8, 2)]);
    const result = await s.service.reserve(
      TX,
      75,
      [
        { productId: 3, quantity: 1 },
        { productId: 8, quantity: 1 },
      ],
      new Map([[3, 30_000]]),
    );
    expect(result.ok).toBe(true);
    expect(s.repo.takeUnits.mock.calls.map(([, take]) => take.price)).toEqual([30_000, undefined]);
  });
});

describe('stock service: on sale (the unlocked read before an order)', () => {
  it('answers each product that can be sold by its id, with its price and stock, without a transaction', async () => {
    const s = shelf([product(3, 5), product(8, 0), product(11, 2, { sellable: false })]);
    const found = await s.service.onSale([8, 3, 11, 99]);
    expect(s.repo.onSale).toHaveBeenCalledWith([8, 3, 11, 99]);
    expect([...found.keys()].sort((a, b) => a - b)).toEqual([3, 8]);
    expect(found.get(3)).toEqual({
      id: 3,
      slug: 'p-3',
      name: 'Product 3',
      sku: 'SKU-3',
      brand: 'Brand',
      price: 30_000,
      stock: 5,
      readAt: expect.any(Number),
    });
    // Sold out is still on sale (with no units): the caller tells "too few" from "not for sale".
    expect(found.get(8)!.stock).toBe(0);
    expect(found.has(11)).toBe(false);
    expect(found.has(99)).toBe(false);
    expect(s.transactions.opened).toBe(0);
    expect(s.txSeen).toEqual([]);
    expect(s.byId.get(3)!.stock).toBe(5);
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
