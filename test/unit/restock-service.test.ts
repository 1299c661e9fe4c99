/**
 * Restock orders against an in-memory repository: the status moves allowed by hand, the receipt
 * rules (only while ordered, never more than outstanding, at least one unit, a stale form refused)
 * and that a receipt hands stock to the stock service in the transaction that locked the order.
 */
import { describe, expect, it, vi } from 'vitest';
import type { StoreTx } from '../../src/db/store-db';
import type { StockRepository } from '../../src/store/stock/repository';
import type { RestockRepository } from '../../src/store/stock/restock-repository';
import { createStockService } from '../../src/store/stock/service';
import { createRestockService } from '../../src/store/stock/restock-service';
import { parseReceiptForm, parseRestockForm } from '../../src/store/stock/schema';
import { stockLevel } from '../../src/store/stock/model';
import type { RestockLine, RestockOrderHead, RestockStatus } from '../../src/store/stock/types';

const TX = { token: 'restock-transaction' } as unknown as StoreTx;

function world(status: RestockStatus, lines: Array<Pick<RestockLine, 'id' | 'productId' | 'quantityOrdered' | 'quantityReceived'>>) {
  const order: RestockOrderHead = {
    id: 7,
    supplierId: 1,
    status,
    notes: '',
    createdBy: 1,
    createdAt: new Date(),
    updatedAt: new Date(),
    orderedAt: null,
    receivedAt: null,
  };
  const full: RestockLine[] = lines.map((l) => ({
    ...l,
    unitCost: 1000,
    productName: `P${l.productId}`,
    sku: `S${l.productId}`,
    brand: 'B',
  }));
  const locks: unknown[] = [];
  const repo = {
    lockOrder: vi.fn(async (tx: StoreTx, id: number) => {
      locks.push(tx);
      return id === order.id ? { ...order } : undefined;
    }),
    lines: vi.fn(async () => full.map((l) => ({ ...l }))),
    addReceived: vi.fn(async (_tx: StoreTx, lineId: number, q: number) => {
      full.find((l) => l.id === lineId)!.quantityReceived += q;
    }),
    setStatus: vi.fn(async (_tx: StoreTx, _id: number, s: RestockStatus) => {
      order.status = s;
    }),
    touch: vi.fn(async () => {}),
  } as unknown as RestockRepository;
  const stock = { receive: vi.fn(async () => {}) };
  const service = createRestockService({ repo, stock, transaction: async (work) => work(TX) });
  return { service, order, full, stock, locks };
}

describe('restock receipts', () => {
  it('adds the units through the stock service in the locking transaction and completes the order when all arrived', async () => {
    const w = world('ordered', [
      { id: 1, productId: 10, quantityOrdered: 5, quantityReceived: 2 },
      { id: 2, productId: 11, quantityOrdered: 1, quantityReceived: 0 },
    ]);
    const result = await w.service.receive(
      7,
      {
        seen: 2,
        quantities: new Map([
          [1, 3],
          [2, 1],
        ]),
      },
      99,
    );
    expect(result).toEqual({ ok: true, status: 'received', units: 4 });
    expect(w.stock.receive).toHaveBeenCalledWith(
      TX,
      [
        { productId: 10, quantity: 3 },
        { productId: 11, quantity: 1 },
      ],
      7,
      99,
    );
    expect(w.locks).toEqual([TX]);
    expect(w.order.status).toBe('received');
  });

  it('keeps the order open after a partial receipt', async () => {
    const w = world('ordered', [{ id: 1, productId: 10, quantityOrdered: 5, quantityReceived: 0 }]);
    expect(await w.service.receive(7, { seen: 0, quantities: new Map([[1, 2]]) }, 1)).toEqual({ ok: true, status: 'ordered', units: 2 });
    expect(w.order.status).toBe('ordered');
  });

  it('refuses a stale form, more than outstanding, nothing at all, and orders that are not ordered; stock untouched', async () => {
    const lines = [{ id: 1, productId: 10, quantityOrdered: 5, quantityReceived: 2 }];
    const stale = world('ordered', lines);
    expect(await stale.service.receive(7, { seen: 0, quantities: new Map([[1, 3]]) }, 1)).toEqual({ ok: false, reason: 'stale' });
    const many = world('ordered', lines);
    expect(await many.service.receive(7, { seen: 2, quantities: new Map([[1, 4]]) }, 1)).toEqual({
      ok: false,
      errors: { received_1: 'restock.error.receivedTooMany' },
    });
    const none = world('ordered', lines);
    expect(await none.service.receive(7, { seen: 2, quantities: new Map([[1, 0]]) }, 1)).toEqual({
      ok: false,
      errors: { _form: 'restock.error.receivedNothing' },
    });
    const draft = world('draft', lines);
    expect(await draft.service.receive(7, { seen: 2, quantities: new Map([[1, 1]]) }, 1)).toEqual({ ok: false, reason: 'not_receivable' });
    const done = world('received', lines);
    expect(await done.service.receive(7, { seen: 2, quantities: new Map([[1, 1]]) }, 1)).toEqual({ ok: false, reason: 'stale' });
    expect(await done.service.receive(8, { seen: 2, quantities: new Map() }, 1)).toEqual({ ok: false, reason: 'missing' });
    for (const w of [stale, many, none, draft, done]) expect(w.stock.receive).not.toHaveBeenCalled();
  });

  it('moves draft → ordered → cancelled but never out of received or cancelled', async () => {
    const w = world('draft', [{ id: 1, productId: 10, quantityOrdered: 5, quantityReceived: 0 }]);
    expect(await w.service.move(7, 'ordered')).toEqual({ ok: true });
    expect(await w.service.move(7, 'ordered')).toEqual({ ok: false, reason: 'invalid' });
    expect(await w.service.move(7, 'cancelled')).toEqual({ ok: true });
    expect(await w.service.move(7, 'cancelled')).toEqual({ ok: false, reason: 'invalid' });
    const received = world('received', []);
    expect(await received.service.move(7, 'cancelled')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('restock and receipt forms', () => {
  it('reads filled rows, skips blank ones and names each bad field', () => {
    expect(parseRestockForm({ supplierId: '3', notes: ' x ', productId_0: '4', quantity_0: '2', unitCost_0: '1.250.000' })).toEqual({
      ok: true,
      data: { supplierId: 3, notes: 'x', lines: [{ productId: 4, quantityOrdered: 2, unitCost: 1_250_000 }] },
    });
    const bad = parseRestockForm({
      supplierId: '',
      productId_1: '4',
      quantity_1: '0',
      unitCost_1: '-5',
      productId_2: '4',
      quantity_2: '1',
      unitCost_2: '1',
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        supplierId: 'restock.error.supplier',
        quantity_1: 'restock.error.quantity',
        unitCost_1: 'restock.error.unitCost',
        productId_2: 'restock.error.productTwice',
      },
    });
    expect(parseRestockForm({ supplierId: '1' })).toEqual({ ok: false, errors: { productId_0: 'restock.error.noLines' } });
  });

  it('reads a receipt: blank is zero, decimals and negatives are refused', () => {
    const ok = parseReceiptForm({ seen: '3', received_5: '2', received_6: '' });
    expect(ok.ok && [...ok.data.quantities]).toEqual([[5, 2]]);
    expect(parseReceiptForm({ seen: '3', received_5: '-1', received_6: '1.5' })).toEqual({
      ok: false,
      errors: { received_5: 'restock.error.receivedInteger', received_6: 'restock.error.receivedInteger' },
    });
  });
});

describe('stock levels', () => {
  it('uses each product’s own thresholds, the tightest first', () => {
    expect(stockLevel({ stock: 0, minStock: 2, lowStockThreshold: 5 })).toBe('out');
    expect(stockLevel({ stock: 2, minStock: 2, lowStockThreshold: 5 })).toBe('critical');
    expect(stockLevel({ stock: 5, minStock: 2, lowStockThreshold: 5 })).toBe('low');
    expect(stockLevel({ stock: 6, minStock: 2, lowStockThreshold: 5 })).toBe('ok');
    expect(stockLevel({ stock: 3, minStock: 4, lowStockThreshold: 1 })).toBe('critical');
  });
});

describe('stock.receive', () => {
  it('adds each line in product order in the caller’s transaction, one restock movement per line naming the restock order', async () => {
    const calls: string[] = [];
    const repo = {
      addUnits: vi.fn(async (tx: StoreTx, productId: number, delta: number) => {
        calls.push(`add ${productId} ${delta} ${tx === TX}`);
        return 10 + delta;
      }),
      insertMovement: vi.fn(async (tx: StoreTx, m: unknown) => {
        calls.push(`move ${JSON.stringify(m)} ${tx === TX}`);
      }),
    } as unknown as StockRepository;
    const stock = createStockService({ repo, transaction: async () => expect.unreachable('own transaction') });
    await stock.receive(
      TX,
      [
        { productId: 9, quantity: 2 },
        { productId: 3, quantity: 1 },
      ],
      7,
      42,
    );
    expect(calls).toEqual([
      'add 3 1 true',
      `move ${JSON.stringify({ productId: 3, change: 1, reason: 'restock', restockOrderId: 7, userId: 42 })} true`,
      'add 9 2 true',
      `move ${JSON.stringify({ productId: 9, change: 2, reason: 'restock', restockOrderId: 7, userId: 42 })} true`,
    ]);
  });
});
