/**
 * The order core on a real database (both, when TEST_DATABASE_URL is set), wired the way the
 * store app wires it but with an email queue that can be made to fail: an order, its items, its
 * stock and its email commit together or not at all; hand adjustments change the stock and write
 * the movements that explain it; a status move whose email cannot be queued leaves the order, its
 * stock and its history as they were.
 */
import { and, count, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emailOutbox, orderEvents, orderItems, orders, products, shippingServices, stockMovements } from '../../src/db/schema';
import { transactionRunner } from '../../src/db/store-db';
import type { OutgoingEmail } from '../../src/lib/mail/transport';
import { createOutboxRepository } from '../../src/store/mail/outbox-repository';
import { ORDER_NUMBER_PATTERN } from '../../src/store/orders/order-number';
import { createDeskRepository } from '../../src/store/orders/desk-repository';
import { createOrdersRepository } from '../../src/store/orders/repository';
import { createOrdersService, type OrdersService } from '../../src/store/orders/service';
import type { OrderDraft } from '../../src/store/orders/types';
import { createShopSettingsRepository } from '../../src/store/shop-settings/repository';
import { createShopSettingsService } from '../../src/store/shop-settings/service';
import { createStockRepository } from '../../src/store/stock/repository';
import { createStockService, type StockService } from '../../src/store/stock/service';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser } from './accounts-client';
import { productBySlug, setProduct } from './cart-helpers';
import { movementsSum, stockOf } from './checkout-helpers';

describe.each(dbTargets)('order core on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  let orderService: OrdersService;
  let stock: StockService;
  let emailFails = false;
  let queued: OutgoingEmail[] = [];
  let guitar: Awaited<ReturnType<typeof productBySlug>>;
  let ibanez: Awaited<ReturnType<typeof productBySlug>>;
  let serviceId: number;
  let staffId: number;
  let seq = 0;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    // Built as src/store/app.ts builds them, with an outbox queue this test controls.
    const transaction = transactionRunner(db);
    stock = createStockService({ repo: createStockRepository(db), transaction });
    const outbox = createOutboxRepository(db);
    orderService = createOrdersService({
      repo: createOrdersRepository(db),
      deskRepo: createDeskRepository(db),
      stock,
      settings: createShopSettingsService({ repo: createShopSettingsRepository(db) }),
      transaction,
      async queueEmail(email, tx) {
        if (emailFails) throw new Error('outbox unavailable');
        await outbox.enqueue(email, tx);
        queued.push(email);
      },
      secret: store.config.sessionSecret,
      publicUrl: store.config.store.publicUrl,
    });
    guitar = await productBySlug(db, 'yamaha-f310');
    ibanez = await productBySlug(db, 'ibanez-rg550-genesis');
    const [service] = await db.select().from(shippingServices).where(eq(shippingServices.isActive, true)).limit(1);
    serviceId = service!.id;
    staffId = (await createUser(db, { email: 'staff@order-core.example', role: 'staff' })).id;
  });
  afterAll(() => store?.close());

  beforeEach(async () => {
    emailFails = false;
    queued = [];
    await setProduct(db, guitar.id, { stock: 20, price: guitar.price, isActive: true });
    await setProduct(db, ibanez.id, { stock: 20, price: ibanez.price, isActive: true });
  });

  function draft(email: string): OrderDraft {
    seq++;
    return {
      idempotencyKey: `order-core-${target}-${seq}-${Math.random().toString(36).slice(2)}`,
      userId: null,
      email,
      customerName: 'Rina Distorsi',
      locale: 'id',
      address: {
        recipient: 'Rina Distorsi',
        phone: '0812-3456-7890',
        street: 'Jl. Riau No. 17',
        city: 'Kota Bandung',
        province: 'Jawa Barat',
        postalCode: '40115',
      },
      shipping: {
        serviceId,
        courier: 'JNE',
        name: 'REG',
        minDays: 2,
        maxDays: 3,
        trackingUrlTemplate: null,
        billableKg: 3,
        cost: 45_000,
        charge: 45_000,
      },
      lines: [
        { productId: ibanez.id, quantity: 1, unitPrice: ibanez.price },
        { productId: guitar.id, quantity: 2, unitPrice: guitar.price },
      ],
      subtotal: ibanez.price + 2 * guitar.price,
      paymentMethod: 'bank_transfer',
      note: '',
      expiresAt: new Date(Date.now() + 24 * 3600_000),
    };
  }

  const countOf = async (table: typeof orders | typeof orderItems | typeof stockMovements | typeof orderEvents) =>
    (await db.select({ n: count() }).from(table))[0]!.n;

  async function placed(email: string) {
    const d = draft(email);
    const result = await orderService.place(d);
    expect(result).toEqual({ ok: true, number: expect.stringMatching(ORDER_NUMBER_PATTERN), created: true });
    if (!result.ok) throw new Error('not placed');
    const [order] = await db.select().from(orders).where(eq(orders.number, result.number));
    return order!;
  }

  describe('placing: the order and its "placed" email commit together', () => {
    it('when the email cannot be queued there is no order, no item, no movement, and the stock is unchanged', async () => {
      const before = {
        orders: await countOf(orders),
        items: await countOf(orderItems),
        movements: await countOf(stockMovements),
        events: await countOf(orderEvents),
        guitar: await stockOf(db, guitar.id),
        ibanez: await stockOf(db, ibanez.id),
      };
      emailFails = true;
      const d = draft('nomail@order-core.example');
      await expect(orderService.place(d)).rejects.toThrow('outbox unavailable');

      expect(await db.select().from(orders).where(eq(orders.idempotencyKey, d.idempotencyKey))).toEqual([]);
      expect({
        orders: await countOf(orders),
        items: await countOf(orderItems),
        movements: await countOf(stockMovements),
        events: await countOf(orderEvents),
        guitar: await stockOf(db, guitar.id),
        ibanez: await stockOf(db, ibanez.id),
      }).toEqual(before);
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'nomail@order-core.example'))).toEqual([]);

      // The same form succeeds once the outbox is back: it was not half-created.
      emailFails = false;
      expect(await orderService.place(d)).toEqual({ ok: true, number: expect.stringMatching(ORDER_NUMBER_PATTERN), created: true });
    });

    it('when it succeeds the order, its items, its reservations and exactly one outbox row exist', async () => {
      const before = { guitar: await stockOf(db, guitar.id), ibanez: await stockOf(db, ibanez.id) };
      const order = await placed('placed@order-core.example');

      expect(order.status).toBe('awaiting_payment');
      const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order.id));
      expect(items.map((i) => [i.productId, i.quantity, i.unitPrice]).sort((a, b) => a[0]! - b[0]!)).toEqual(
        [
          [guitar.id, 2, guitar.price],
          [ibanez.id, 1, ibanez.price],
        ].sort((a, b) => a[0]! - b[0]!),
      );
      expect(await stockOf(db, guitar.id)).toBe(before.guitar - 2);
      expect(await stockOf(db, ibanez.id)).toBe(before.ibanez - 1);
      expect(await movementsSum(db, guitar.id, order.id)).toBe(-2);
      expect(await movementsSum(db, ibanez.id, order.id)).toBe(-1);

      const rows = await db
        .select()
        .from(emailOutbox)
        .where(and(eq(emailOutbox.toAddress, 'placed@order-core.example'), like(emailOutbox.subject, `%${order.number}%`)));
      expect(rows).toHaveLength(1);
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'placed@order-core.example'))).toHaveLength(1);
      expect(queued.map((e) => e.to)).toEqual(['placed@order-core.example']);

      // A resubmitted form finds the order; nothing is queued twice.
      const again = await orderService.place({ ...draft('placed@order-core.example'), idempotencyKey: order.idempotencyKey });
      expect(again).toEqual({ ok: true, number: order.number, created: false });
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'placed@order-core.example'))).toHaveLength(1);
    });
  });

  describe('hand adjustments on the real shelf', () => {
    const movementsOf = (productId: number) =>
      db
        .select({ change: stockMovements.change, reason: stockMovements.reason, userId: stockMovements.userId, note: stockMovements.note })
        .from(stockMovements)
        .where(eq(stockMovements.productId, productId))
        .orderBy(stockMovements.id);

    it('a restock of 3 and an adjustment of −2 change the stock, and the movements explain it', async () => {
      // Start from a shelf the movements fully explain: the current stock restocked from zero.
      await setProduct(db, guitar.id, { stock: 0 });
      await db.delete(stockMovements).where(eq(stockMovements.productId, guitar.id));
      expect(await stock.adjust(guitar.id, 5, 'restock', { userId: staffId, note: 'opening count' })).toEqual({ ok: true, stock: 5 });

      expect(await stock.adjust(guitar.id, 3, 'restock', { userId: staffId, note: 'delivery from Yamaha' })).toEqual({
        ok: true,
        stock: 8,
      });
      expect(await stock.adjust(guitar.id, -2, 'adjustment', { userId: staffId, note: 'two damaged in store' })).toEqual({
        ok: true,
        stock: 6,
      });
      expect(await stockOf(db, guitar.id)).toBe(6);
      expect(await movementsOf(guitar.id)).toEqual([
        { change: 5, reason: 'restock', userId: staffId, note: 'opening count' },
        { change: 3, reason: 'restock', userId: staffId, note: 'delivery from Yamaha' },
        { change: -2, reason: 'adjustment', userId: staffId, note: 'two damaged in store' },
      ]);
      expect(await movementsSum(db, guitar.id)).toBe(await stockOf(db, guitar.id));
    });

    it('an adjustment below zero is refused and changes nothing', async () => {
      await setProduct(db, ibanez.id, { stock: 1 });
      const before = await movementsOf(ibanez.id);
      expect(await stock.adjust(ibanez.id, -2, 'adjustment', { userId: staffId, note: 'miscount' })).toEqual({
        ok: false,
        reason: 'insufficient',
      });
      expect(await stockOf(db, ibanez.id)).toBe(1);
      expect(await movementsOf(ibanez.id)).toEqual(before);
    });

    it('an unknown product is not found and writes nothing', async () => {
      const movements = await countOf(stockMovements);
      expect(await stock.adjust(987_654, 1, 'restock', { userId: staffId })).toEqual({ ok: false, reason: 'not_found' });
      expect(await countOf(stockMovements)).toBe(movements);
    });
  });

  describe('a status move whose email cannot be queued', () => {
    it('a cancel rolls back: the order still awaits payment, its units stay reserved, no event, no release', async () => {
      const order = await placed('cancel@order-core.example');
      const stockAfterPlacing = { guitar: await stockOf(db, guitar.id), ibanez: await stockOf(db, ibanez.id) };
      const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));

      emailFails = true;
      await expect(orderService.transition(order.id, 'cancelled', 'staff', { userId: staffId, note: 'customer called' })).rejects.toThrow(
        'outbox unavailable',
      );

      const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
      expect(after!.status).toBe('awaiting_payment');
      expect(after!.updatedAt).toEqual(order.updatedAt);
      expect({ guitar: await stockOf(db, guitar.id), ibanez: await stockOf(db, ibanez.id) }).toEqual(stockAfterPlacing);
      expect(await movementsSum(db, guitar.id, order.id)).toBe(-2);
      expect(await movementsSum(db, ibanez.id, order.id)).toBe(-1);
      expect(await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).toEqual(events);
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'cancel@order-core.example'))).toHaveLength(1);

      // Once the outbox is back, the same move goes through and gives the units back once.
      emailFails = false;
      await orderService.transition(order.id, 'cancelled', 'staff', { userId: staffId, note: 'customer called' });
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe('cancelled');
      expect(await stockOf(db, guitar.id)).toBe(stockAfterPlacing.guitar + 2);
      expect(await stockOf(db, ibanez.id)).toBe(stockAfterPlacing.ibanez + 1);
      expect(await movementsSum(db, guitar.id, order.id)).toBe(0);
      expect(await movementsSum(db, ibanez.id, order.id)).toBe(0);
    });

    it('confirming payment rolls back: no paid stamp and no sale counted', async () => {
      const order = await placed('paid@order-core.example');
      const [soldBefore] = await db.select({ sold: products.soldCount }).from(products).where(eq(products.id, guitar.id));

      emailFails = true;
      await expect(orderService.transition(order.id, 'paid', 'staff', { userId: staffId })).rejects.toThrow('outbox unavailable');

      const [after] = await db.select().from(orders).where(eq(orders.id, order.id));
      expect(after!.status).toBe('awaiting_payment');
      expect(after!.paidAt).toBeNull();
      const [soldAfter] = await db.select({ sold: products.soldCount }).from(products).where(eq(products.id, guitar.id));
      expect(soldAfter!.sold).toBe(soldBefore!.sold);
    });

    it('the expiry job rolls back too: the order stays unpaid with its units until the email can be queued', async () => {
      const order = await placed('expiry@order-core.example');
      await db
        .update(orders)
        .set({ expiresAt: new Date(Date.now() - 60_000) })
        .where(eq(orders.id, order.id));
      const reserved = await stockOf(db, guitar.id);

      emailFails = true;
      await expect(orderService.expireDue()).rejects.toThrow('outbox unavailable');
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe('awaiting_payment');
      expect(await stockOf(db, guitar.id)).toBe(reserved);

      emailFails = false;
      expect(await orderService.expireDue()).toBeGreaterThanOrEqual(1);
      expect((await db.select().from(orders).where(eq(orders.id, order.id)))[0]!.status).toBe('expired');
      expect(await movementsSum(db, guitar.id, order.id)).toBe(0);
    });
  });
});
