/**
 * The order lifecycle's interpreter (`createLifecycle`) against in-memory fakes: every move the
 * shop allows does exactly what the EXPECTED table below says (status, paid stamp, tracking
 * number, stock, sale count, event, email), every other move is refused without touching
 * anything, and placing and expiring orders take the creation and expiry edges. Placing reads the
 * shelf once without a lock (refusing at once what it cannot serve), writes the order, and takes
 * the units last, at the confirmed prices; a failed take is explained after the rollback.
 *
 * EXPECTED is written out here on purpose, not read from LIFECYCLE: it is the specification the
 * table must meet.
 */
import type { AuditActor, AuditEntry } from '../../src/store/audit/record';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StoreExecutor, StoreTx } from '../../src/db/store-db';
import type { OrderEmailKind } from '../../src/store/orders/emails';
import type { NewOrderEvent, NewOrderItem, OrdersRepository, StatusWrite } from '../../src/store/orders/repository';
import { ORDER_STATUSES, type OrderActor, type OrderStatus, OrderTransitionError } from '../../src/store/orders/state-machine';
import { createLifecycle } from '../../src/store/orders/transition';
import { orderRowAt } from '../helpers/order-fixtures';
import type { OrderDraft, OrderItemRow, OrderRow } from '../../src/store/orders/types';
import type { StockService } from '../../src/store/stock/service';
import type { ReservedProduct, StockLine, TakenProduct } from '../../src/store/stock/types';

interface ExpectedMove {
  from: OrderStatus;
  to: OrderStatus;
  actors: OrderActor[];
  /** The stock movement reason of the give-back, or none. */
  release?: 'order_released' | 'order_refunded';
  /** The order's lines taken from the shelf again (money that arrived after the order closed). */
  reserve?: true;
  sale?: 1 | -1;
  paidAt?: true;
  tracking?: true;
  email?: OrderEmailKind;
}

const EXPECTED: ExpectedMove[] = [
  { from: 'awaiting_payment', to: 'paid', actors: ['staff', 'system'], sale: 1, paidAt: true, email: 'paid' },
  { from: 'expired', to: 'paid', actors: ['system'], reserve: true, sale: 1, paidAt: true, email: 'paid' },
  { from: 'cancelled', to: 'paid', actors: ['system'], reserve: true, sale: 1, paidAt: true, email: 'paid' },
  { from: 'awaiting_payment', to: 'cancelled', actors: ['customer', 'staff'], release: 'order_released', email: 'cancelled' },
  { from: 'awaiting_payment', to: 'expired', actors: ['system'], release: 'order_released', email: 'expired' },
  { from: 'paid', to: 'processing', actors: ['staff'] },
  { from: 'paid', to: 'refunded', actors: ['staff', 'system'], release: 'order_refunded', sale: -1, email: 'refunded' },
  { from: 'processing', to: 'shipped', actors: ['staff'], tracking: true, email: 'shipped' },
  { from: 'processing', to: 'refunded', actors: ['staff', 'system'], release: 'order_refunded', sale: -1, email: 'refunded' },
  { from: 'shipped', to: 'delivered', actors: ['staff', 'system'], email: 'delivered' },
];

const ACTORS: OrderActor[] = ['customer', 'staff', 'system'];
const OWNER_ID = 31;
const STAFF_ID = 7;
const userOf = (actor: OrderActor) => (actor === 'customer' ? OWNER_ID : actor === 'staff' ? STAFF_ID : null);

const NOW = new Date('2026-12-01T03:04:05Z');
const CREATED = new Date('2026-11-30T01:00:00Z');
const TX = { token: 'the-transaction' } as unknown as StoreTx;

/** A customer's bank-transfer order of 120 000 placed at CREATED, due a day later. */
const orderRow = (values: Partial<OrderRow> = {}): OrderRow =>
  orderRowAt(CREATED, {
    number: 'HR-261130-ABCDEF',
    userId: OWNER_ID,
    customerName: 'Rina',
    shipPhone: '0812',
    subtotal: 100_000,
    total: 120_000,
    expiresAt: new Date('2026-12-01T01:00:00Z'),
    ...values,
  });

function itemRow(orderId: number, id: number, productId: number, quantity: number): OrderItemRow {
  return {
    id,
    orderId,
    productId,
    productSlug: `p-${productId}`,
    name: `Product ${productId}`,
    sku: `SKU-${productId}`,
    brand: 'Brand',
    unitPrice: 50_000,
    quantity,
    lineTotal: 50_000 * quantity,
  };
}

/** What the shelf knows about a product when an order reads it (each has 10 units unless a test says otherwise). */
const CATALOG = new Map<number, ReservedProduct>([
  [5, { id: 5, slug: 'yamaha-f310', name: 'Yamaha F310', sku: 'GTR-5', brand: 'Yamaha', price: 1_500_000 }],
  [12, { id: 12, slug: 'ernie-ball-slinky', name: 'Ernie Ball Slinky', sku: 'STR-12', brand: 'Ernie Ball', price: 95_000 }],
  // The lines of a seeded order (a late payment takes them again).
  [9, { id: 9, slug: 'boss-ds-1', name: 'Boss DS-1', sku: 'PDL-9', brand: 'Boss', price: 50_000 }],
  [4, { id: 4, slug: 'dunlop-tortex', name: 'Dunlop Tortex', sku: 'ACC-4', brand: 'Dunlop', price: 50_000 }],
]);

function harness() {
  /** Everything that happens, in order, so "after the commit" can be checked. */
  const log: string[] = [];
  const orders = new Map<number, OrderRow>();
  const items: OrderItemRow[] = [];
  const events: NewOrderEvent[] = [];
  const writes: { id: number; write: StatusWrite }[] = [];
  const emails: { order: OrderRow; kind: OrderEmailKind }[] = [];
  const releases: { orderId: number; lines: StockLine[]; reason: string; userId: number | null }[] = [];
  const sales: { lines: StockLine[]; sign: 1 | -1 }[] = [];
  const reserves: { orderId: number; lines: StockLine[]; prices?: Map<number, number> }[] = [];
  /** Every unlocked read of the shelf, and whether a transaction was open at the time. */
  const onSaleCalls: { ids: number[]; inTransaction: boolean }[] = [];
  const foreignTx: string[] = [];
  const keys = new Map<string, string>();
  let nextId = 100;
  let inTransaction = false;
  /** The product whose units the update cannot take, whatever the shelf says (a row it did not match). */
  let stockFailsAt: number | undefined;
  /** What another buyer (or the shop) does between the unlocked read and the update: run once, as reserve starts. */
  let race: (() => void) | undefined;
  /** A product a later read of the shelf (another buyer's) found short while this order waited for its transaction. */
  let outrunBy: number | undefined;
  /** What winners' commits reported to the shelf: product and units left. */
  const noted: { productId: number; stockLeft: number }[] = [];
  /** The shelf as it is now: price and units of each product on sale. */
  const shelf = new Map([...CATALOG].map(([id, p]) => [id, { ...p, stock: 10 }]));

  const own = (what: string, tx: unknown) => {
    if (tx !== TX) foreignTx.push(what);
  };

  const repo = {
    findNumberByKey: vi.fn(async (key: string) => keys.get(key)),
    insertOrder: vi.fn(async (tx: StoreTx, draft: OrderDraft, number: string) => {
      own('insertOrder', tx);
      const id = nextId++;
      orders.set(
        id,
        orderRow({
          id,
          number,
          idempotencyKey: draft.idempotencyKey,
          userId: draft.userId,
          paymentMethod: draft.paymentMethod,
          expiresAt: draft.expiresAt,
        }),
      );
      log.push(`insertOrder ${id}`);
      return id;
    }),
    insertItem: vi.fn(async (tx: StoreTx, item: NewOrderItem) => {
      own('insertItem', tx);
      items.push({ ...item, id: items.length + 1, lineTotal: item.unitPrice * item.quantity });
      log.push(`insertItem ${item.productId}`);
    }),
    insertEvent: vi.fn(async (tx: StoreTx, event: NewOrderEvent) => {
      own('insertEvent', tx);
      events.push(event);
      log.push(`insertEvent ${event.toStatus}`);
    }),
    lockById: vi.fn(async (tx: StoreTx, id: number) => {
      own('lockById', tx);
      const order = orders.get(id);
      return order && { ...order };
    }),
    lockDueForExpiry: vi.fn(async (tx: StoreTx, now: Date, limit: number) => {
      own('lockDueForExpiry', tx);
      return [...orders.values()]
        .filter((o) => o.status === 'awaiting_payment' && o.expiresAt <= now)
        .sort((a, b) => a.expiresAt.getTime() - b.expiresAt.getTime())
        .slice(0, limit)
        .map((o) => o.id);
    }),
    writeStatus: vi.fn(async (tx: StoreTx, id: number, write: StatusWrite) => {
      own('writeStatus', tx);
      writes.push({ id, write: { ...write } });
      const moved = { ...orders.get(id)!, ...write, updatedAt: NOW };
      orders.set(id, moved);
      log.push(`writeStatus ${id} ${write.status}`);
      return { ...moved };
    }),
    findById: vi.fn(async (id: number, tx?: StoreTx) => {
      own('findById', tx);
      const order = orders.get(id);
      return order && { ...order };
    }),
    itemsOf: vi.fn(async (orderId: number, tx?: StoreTx) => {
      own('itemsOf', tx);
      return items.filter((i) => i.orderId === orderId);
    }),
  };

  const stock = {
    onSale: vi.fn(async (productIds: readonly number[]) => {
      onSaleCalls.push({ ids: [...productIds], inTransaction });
      log.push(`onSale ${productIds.join(',')}`);
      return new Map(productIds.flatMap((id) => (shelf.has(id) ? [[id, { ...shelf.get(id)! }] as const] : [])));
    }),
    // Like the real one: each line taken by a conditional update (enough units, and the confirmed price when given).
    reserve: vi.fn(async (tx: StoreTx, orderId: number, lines: readonly StockLine[], prices?: ReadonlyMap<number, number>) => {
      own('reserve', tx);
      log.push(`reserve ${orderId}`);
      reserves.push({
        orderId,
        lines: lines.map((l) => ({ productId: l.productId, quantity: l.quantity })),
        ...(prices ? { prices: new Map(prices) } : {}),
      });
      race?.();
      race = undefined;
      const products = new Map<number, TakenProduct>();
      for (const line of lines) {
        const p = shelf.get(line.productId);
        const price = prices?.get(line.productId);
        if (line.productId === stockFailsAt || !p || p.stock < line.quantity || (price !== undefined && p.price !== price)) {
          return { ok: false as const, productId: line.productId };
        }
        const { stock: units, ...product } = p;
        products.set(line.productId, { ...product, stockLeft: units - line.quantity });
      }
      return { ok: true as const, products };
    }),
    outrunSince: vi.fn((_lines: readonly StockLine[], _seen: unknown) => {
      log.push('outrunSince');
      return outrunBy;
    }),
    noteTaken: vi.fn((products: Iterable<TakenProduct>) => {
      for (const p of products) noted.push({ productId: p.id, stockLeft: p.stockLeft });
      log.push('noteTaken');
    }),
    release: vi.fn(async (tx: StoreTx, orderId: number, lines: readonly StockLine[], reason: string, userId: number | null) => {
      own('release', tx);
      releases.push({ orderId, lines: lines.map((l) => ({ ...l })), reason, userId });
    }),
    countSale: vi.fn(async (tx: StoreTx, lines: readonly StockLine[], sign: 1 | -1) => {
      own('countSale', tx);
      sales.push({ lines: lines.map((l) => ({ ...l })), sign });
    }),
    adjust: vi.fn(),
  };

  let committed = 0;
  let rolledBack = 0;
  const transaction = async <T>(work: (tx: StoreTx) => Promise<T>): Promise<T> => {
    log.push('begin');
    inTransaction = true;
    try {
      const result = await work(TX);
      committed++;
      log.push('commit');
      return result;
    } catch (error) {
      rolledBack++;
      log.push('rollback');
      throw error;
    } finally {
      inTransaction = false;
    }
  };

  const emailsQueued = vi.fn(() => {
    log.push('emailsQueued');
  });
  const onMoved = vi.fn((_order: OrderRow) => {});
  const queueEmail = vi.fn(async (tx: StoreTx, order: OrderRow, kind: OrderEmailKind) => {
    own('queueEmail', tx);
    emails.push({ order: { ...order }, kind });
    log.push(`queueEmail ${kind}`);
  });

  const audits: { action: string; actor: AuditActor }[] = [];
  const recordAudit = vi.fn(async (tx: StoreExecutor, actor: AuditActor, entry: AuditEntry) => {
    own('recordAudit', tx);
    audits.push({ action: entry.action, actor });
  });

  const lifecycle = createLifecycle({
    repo: repo as unknown as OrdersRepository,
    stock: stock as unknown as StockService,
    transaction,
    queueEmail,
    emailsQueued,
    onMoved,
    clock: () => NOW,
    newNumber: () => 'HR-261201-QWERTY',
    recordAudit,
  });

  return {
    lifecycle,
    repo,
    stock,
    queueEmail,
    emailsQueued,
    onMoved,
    orders,
    items,
    events,
    writes,
    emails,
    audits,
    releases,
    sales,
    reserves,
    onSaleCalls,
    foreignTx,
    keys,
    log,
    txCounts: () => ({ committed, rolledBack }),
    failStockAt: (productId: number) => {
      stockFailsAt = productId;
    },
    outrunWhileWaiting: (productId: number) => {
      outrunBy = productId;
    },
    noted,
    /** The shelf's product (its price and units can be changed). */
    shelfOf: (productId: number) => shelf.get(productId)!,
    /** Takes a product off sale (deactivated, or its category). */
    offSale: (productId: number) => shelf.delete(productId),
    setPrice: (productId: number, price: number) => {
      shelf.get(productId)!.price = price;
    },
    /** `fn` runs once, after the unlocked read, just before the units are taken: another buyer commits first. */
    raceBeforeReserve: (fn: () => void) => {
      race = fn;
    },
    /** An order in `status` with two lines (products 9 and 4, in that item order). */
    seed(status: OrderStatus, values: Partial<OrderRow> = {}) {
      const order = orderRow({ id: nextId++, status, ...values });
      orders.set(order.id, order);
      items.push(itemRow(order.id, items.length + 1, 9, 2), itemRow(order.id, items.length + 2, 4, 1));
      return order;
    },
  };
}

type Harness = ReturnType<typeof harness>;

/** Nothing at all happened to the order besides reading it. */
function expectUntouched(h: Harness, before: OrderRow) {
  expect(h.orders.get(before.id)).toEqual(before);
  expect(h.writes).toEqual([]);
  expect(h.events).toEqual([]);
  expect(h.emails).toEqual([]);
  expect(h.releases).toEqual([]);
  expect(h.sales).toEqual([]);
  expect(h.audits).toEqual([]);
  expect(h.emailsQueued).not.toHaveBeenCalled();
}

async function refusal(promise: Promise<unknown>): Promise<OrderTransitionError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OrderTransitionError);
  return error as OrderTransitionError;
}

const moves = EXPECTED.flatMap((m) => m.actors.map((actor) => [`${m.from} → ${m.to} by ${actor}`, m, actor] as const));

describe('order lifecycle: every allowed move and its effects', () => {
  it.each(moves)('%s', async (_name, move, actor) => {
    const h = harness();
    const order = h.seed(move.from);
    const userId = userOf(actor);
    const note = `note for ${move.to}`;
    const input = { userId, note, ...(move.tracking ? { trackingNumber: '  JNE0012345678  ' } : {}) };

    const moved = await h.lifecycle.transition(order.id, move.to, actor, input);

    // The status (and only the listed fields) written, once.
    const write: StatusWrite = { status: move.to };
    if (move.paidAt) write.paidAt = NOW;
    if (move.tracking) write.trackingNumber = 'JNE0012345678';
    expect(h.writes).toEqual([{ id: order.id, write }]);
    expect(moved.status).toBe(move.to);
    expect(moved.paidAt).toEqual(move.paidAt ? NOW : null);
    expect(moved.trackingNumber).toBe(move.tracking ? 'JNE0012345678' : null);

    // Stock: the order's lines given back with the reason and who did it, or nothing.
    const lines = [
      { productId: 9, quantity: 2 },
      { productId: 4, quantity: 1 },
    ];
    expect(h.releases).toEqual(move.release ? [{ orderId: order.id, lines, reason: move.release, userId }] : []);
    expect(h.sales).toEqual(move.sale ? [{ lines, sign: move.sale }] : []);
    expect(h.reserves).toEqual(move.reserve ? [{ orderId: order.id, lines }] : []);

    // The order's history.
    expect(h.events).toEqual([
      { orderId: order.id, fromStatus: move.from, toStatus: move.to, actorKind: actor, actorUserId: userId, note },
    ]);

    // The email, about the order as it is after the move; the sender is woken only after the commit.
    if (move.email) {
      expect(h.emails.map((e) => e.kind)).toEqual([move.email]);
      expect(h.emails[0]!.order.status).toBe(move.to);
      if (move.tracking) expect(h.emails[0]!.order.trackingNumber).toBe('JNE0012345678');
      expect(h.emailsQueued).toHaveBeenCalledTimes(1);
      expect(h.log.slice(-3)).toEqual([`queueEmail ${move.email}`, 'commit', 'emailsQueued']);
    } else {
      expect(h.emails).toEqual([]);
      expect(h.emailsQueued).not.toHaveBeenCalled();
      expect(h.log.at(-1)).toBe('commit');
    }
    // Money confirmed or given back is audited (A11), once, in the move's transaction; nothing else is.
    const audited = move.to === 'paid' ? 'order.payment_confirmed' : move.to === 'refunded' ? 'order.refunded' : undefined;
    expect(h.audits).toEqual(audited ? [{ action: audited, actor: { id: userId, email: null, role: actor, ip: null } }] : []);
    expect(h.txCounts()).toEqual({ committed: 1, rolledBack: 0 });
    expect(h.foreignTx).toEqual([]);
  });

  it('the audit entry names the staff member as the route saw them', async () => {
    const h = harness();
    const order = h.seed('awaiting_payment');
    const staff = { id: STAFF_ID, email: 'kasir@hurtrock.example', role: 'staff', ip: '203.0.113.5' };
    await h.lifecycle.transition(order.id, 'paid', 'staff', { userId: STAFF_ID, auditActor: staff });
    expect(h.audits).toEqual([{ action: 'order.payment_confirmed', actor: staff }]);
  });

  it('the expected table names every email kind a move sends, and no email for processing', () => {
    const byTarget = new Map(EXPECTED.map((m) => [m.to, m.email]));
    expect(byTarget.get('processing')).toBeUndefined();
    expect(byTarget.get('refunded')).toBe('refunded');
    expect(
      EXPECTED.map((m) => m.email)
        .filter(Boolean)
        .sort(),
    ).toEqual(['cancelled', 'delivered', 'expired', 'paid', 'paid', 'paid', 'refunded', 'refunded', 'shipped']);
  });
});

describe('order lifecycle: refused moves change nothing', () => {
  const allowed = new Set(EXPECTED.map((m) => `${m.from}>${m.to}`));
  const refusals = ORDER_STATUSES.flatMap((from) =>
    ORDER_STATUSES.flatMap((to) =>
      ACTORS.flatMap((actor) => {
        const move = EXPECTED.find((m) => m.from === from && m.to === to);
        if (move?.actors.includes(actor)) return [];
        const reason = allowed.has(`${from}>${to}`) ? ('forbidden' as const) : ('invalid' as const);
        return [[`${from} → ${to} by ${actor}: ${reason}`, from, to, actor, reason] as const];
      }),
    ),
  );

  it.each(refusals)('%s', async (_name, from, to, actor, reason) => {
    const h = harness();
    const order = h.seed(from);
    const error = await refusal(h.lifecycle.transition(order.id, to, actor, { userId: userOf(actor), trackingNumber: 'JNE1' }));
    expect(error.reason).toBe(reason);
    expect(error.from).toBe(from);
    expect(error.to).toBe(to);
    expectUntouched(h, order);
  });

  it('a late payment for an expired order whose units are gone is refused whole as unavailable', async () => {
    const h = harness();
    const order = h.seed('expired');
    h.failStockAt(4);
    const error = await refusal(h.lifecycle.transition(order.id, 'paid', 'system', { userId: null }));
    expect(error.reason).toBe('unavailable');
    expectUntouched(h, order);
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
  });

  it('a move from a status the actor no longer sees is stale, even when the move itself would be allowed', async () => {
    const h = harness();
    const order = h.seed('awaiting_payment');
    const error = await refusal(h.lifecycle.transition(order.id, 'cancelled', 'staff', { userId: STAFF_ID, expectFrom: ['paid'] }));
    expect(error.reason).toBe('stale');
    expect(error.from).toBe('awaiting_payment');
    expectUntouched(h, order);
  });

  it('the status the actor saw lets the move through', async () => {
    const h = harness();
    const order = h.seed('paid');
    await h.lifecycle.transition(order.id, 'processing', 'staff', { userId: STAFF_ID, expectFrom: ['paid'] });
    expect(h.orders.get(order.id)!.status).toBe('processing');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['blank', '   \t '],
  ])('shipping without a tracking number (%s) is refused as missing and writes nothing', async (_name, trackingNumber) => {
    const h = harness();
    const order = h.seed('processing');
    const error = await refusal(h.lifecycle.transition(order.id, 'shipped', 'staff', { userId: STAFF_ID, trackingNumber }));
    expect(error.reason).toBe('missing');
    expect(error.field).toBe('trackingNumber');
    expectUntouched(h, order);
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
  });

  it('a tracking number given for a move that does not need one is not written', async () => {
    const h = harness();
    const order = h.seed('shipped');
    const moved = await h.lifecycle.transition(order.id, 'delivered', 'staff', { userId: STAFF_ID, trackingNumber: 'OTHER123' });
    expect(h.writes).toEqual([{ id: order.id, write: { status: 'delivered' } }]);
    expect(moved.trackingNumber).toBeNull();
  });

  it('staff may not mark an order paid by another method (a gateway confirms those); the system may', async () => {
    const h = harness();
    const order = h.seed('awaiting_payment', { paymentMethod: 'midtrans' });
    const error = await refusal(h.lifecycle.transition(order.id, 'paid', 'staff', { userId: STAFF_ID }));
    expect(error.reason).toBe('forbidden');
    expectUntouched(h, order);

    const moved = await h.lifecycle.transition(order.id, 'paid', 'system', { userId: null });
    expect(moved.status).toBe('paid');
    expect(moved.paidAt).toEqual(NOW);
    expect(h.sales).toEqual([
      {
        lines: [
          { productId: 9, quantity: 2 },
          { productId: 4, quantity: 1 },
        ],
        sign: 1,
      },
    ]);
    expect(h.emails.map((e) => e.kind)).toEqual(['paid']);
  });

  it('an unknown order is an error, not a refusal, and nothing is written', async () => {
    const h = harness();
    await expect(h.lifecycle.transition(424242, 'paid', 'system', { userId: null })).rejects.toThrow(/not found/);
    expect(h.writes).toEqual([]);
    expect(h.emailsQueued).not.toHaveBeenCalled();
  });

  it('when queueing the email fails the move fails and the sender is not woken', async () => {
    const h = harness();
    const order = h.seed('awaiting_payment');
    h.queueEmail.mockRejectedValueOnce(new Error('outbox down'));
    await expect(h.lifecycle.transition(order.id, 'cancelled', 'customer', { userId: OWNER_ID })).rejects.toThrow('outbox down');
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
    expect(h.emailsQueued).not.toHaveBeenCalled();
  });
});

function draft(values: Partial<OrderDraft> = {}): OrderDraft {
  return {
    idempotencyKey: 'form-key-1',
    userId: OWNER_ID,
    email: 'rina@example.test',
    customerName: 'Rina',
    locale: 'id',
    address: { recipient: 'Rina', phone: '0812', street: 'Jl. Riau 17', city: 'Bandung', province: 'Jawa Barat', postalCode: '40115' },
    shipping: {
      serviceId: 3,
      courier: 'JNE',
      name: 'REG',
      minDays: 2,
      maxDays: 3,
      trackingUrlTemplate: null,
      billableKg: 2,
      cost: 30_000,
      charge: 30_000,
    },
    // Deliberately not in product-id order.
    lines: [
      { productId: 12, quantity: 3, unitPrice: 95_000 },
      { productId: 5, quantity: 1, unitPrice: 1_500_000 },
    ],
    subtotal: 1_785_000,
    paymentMethod: 'bank_transfer',
    note: '',
    expiresAt: new Date('2026-12-02T03:04:05Z'),
    ...values,
  };
}

describe('order lifecycle: placing an order (the creation edge)', () => {
  let h: Harness;
  beforeEach(() => {
    h = harness();
  });

  const ITEMS = (orderId: number) => [
    {
      orderId,
      productId: 5,
      productSlug: 'yamaha-f310',
      name: 'Yamaha F310',
      sku: 'GTR-5',
      brand: 'Yamaha',
      unitPrice: 1_500_000,
      quantity: 1,
      lineTotal: 1_500_000,
    },
    {
      orderId,
      productId: 12,
      productSlug: 'ernie-ball-slinky',
      name: 'Ernie Ball Slinky',
      sku: 'STR-12',
      brand: 'Ernie Ball',
      unitPrice: 95_000,
      quantity: 3,
      lineTotal: 285_000,
    },
  ];

  const placesAnOrder =
    'reads the shelf once, copies its products at the confirmed prices, records the event, queues "placed" and takes the units';
  it(placesAnOrder, async () => {
    const result = await h.lifecycle.place(draft());
    expect(result).toEqual({ ok: true, number: 'HR-261201-QWERTY', created: true });

    const [orderId] = [...h.orders.keys()];
    expect(h.onSaleCalls).toEqual([{ ids: [5, 12], inTransaction: false }]);
    expect(h.items.map(({ id: _id, ...item }) => item)).toEqual(ITEMS(orderId!));
    // One reservation for the whole order, in product-id order, each line at the price the customer confirmed.
    expect(h.reserves).toEqual([
      {
        orderId,
        lines: [
          { productId: 5, quantity: 1 },
          { productId: 12, quantity: 3 },
        ],
        prices: new Map([
          [5, 1_500_000],
          [12, 95_000],
        ]),
      },
    ]);
    expect(h.events).toEqual([{ orderId, fromStatus: null, toStatus: 'awaiting_payment', actorKind: 'customer', actorUserId: OWNER_ID }]);
    expect(h.emails.map((e) => [e.kind, e.order.id, e.order.status])).toEqual([['placed', orderId, 'awaiting_payment']]);
    expect(h.emailsQueued).toHaveBeenCalledTimes(1);
    expect(h.onMoved).toHaveBeenCalledTimes(1);
    expect(h.onMoved.mock.calls[0]![0]).toMatchObject({ id: orderId, status: 'awaiting_payment' });
    expect(h.log.slice(-4)).toEqual(['reserve 100', 'commit', 'emailsQueued', 'noteTaken']);
    // What the order left on the shelf is told to the buyers still waiting to write theirs.
    expect(h.noted).toEqual([
      { productId: 5, stockLeft: 9 },
      { productId: 12, stockLeft: 7 },
    ]);
    expect(h.txCounts()).toEqual({ committed: 1, rolledBack: 0 });
    expect(h.writes).toEqual([]);
    expect(h.releases).toEqual([]);
    expect(h.sales).toEqual([]);
    expect(h.foreignTx).toEqual([]);
  });

  it('the units are taken last, after the order, its items, event and email (the row stays locked only to the commit)', async () => {
    await h.lifecycle.place(draft());
    expect(h.log).toEqual([
      'onSale 5,12',
      'begin',
      'outrunSince',
      'insertOrder 100',
      'insertItem 5',
      'insertItem 12',
      'insertEvent awaiting_payment',
      'queueEmail placed',
      'reserve 100',
      'commit',
      'emailsQueued',
      'noteTaken',
    ]);
    const lastWrite = Math.max(
      ...[h.repo.insertOrder, h.repo.insertItem, h.repo.insertEvent, h.queueEmail].flatMap((f) => f.mock.invocationCallOrder),
    );
    expect(h.stock.reserve.mock.invocationCallOrder[0]).toBeGreaterThan(lastWrite);
  });

  it('a guest order is created by the system, with no user', async () => {
    await h.lifecycle.place(draft({ userId: null }));
    expect(h.events).toEqual([
      { orderId: expect.any(Number), fromStatus: null, toStatus: 'awaiting_payment', actorKind: 'system', actorUserId: null },
    ]);
    expect(h.emails.map((e) => e.kind)).toEqual(['placed']);
  });

  it('a line asking for exactly the units on the shelf is placed', async () => {
    h.shelfOf(12).stock = 3;
    h.shelfOf(5).stock = 1;
    expect(await h.lifecycle.place(draft())).toMatchObject({ ok: true, created: true });
  });

  describe('refused before any transaction (the unlocked read)', () => {
    /** Nothing was opened, written, queued or taken: only the shelf was read, once. */
    function expectNothingOpened() {
      expect(h.log).toEqual(['onSale 5,12']);
      expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 0 });
      expect(h.repo.insertOrder).not.toHaveBeenCalled();
      expect(h.items).toEqual([]);
      expect(h.stock.reserve).not.toHaveBeenCalled();
      expect(h.queueEmail).not.toHaveBeenCalled();
      expect(h.emailsQueued).not.toHaveBeenCalled();
      expect(h.onMoved).not.toHaveBeenCalled();
    }

    it('too few units for a line: "stock" for that product at once', async () => {
      h.shelfOf(12).stock = 2;
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
      expectNothingOpened();
    });

    it('a product no longer on sale (deactivated, or its category) is "stock" too', async () => {
      h.offSale(5);
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 5 });
      expectNothingOpened();
    });

    it('the first line in product-id order that cannot be served is the one named', async () => {
      h.shelfOf(12).stock = 0;
      h.shelfOf(5).stock = 0;
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 5 });
      expectNothingOpened();
    });

    it('a price that moved since the customer confirmed: "price" for that product at once', async () => {
      h.setPrice(12, 99_000);
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'price', productId: 12 });
      expectNothingOpened();
    });

    it('a line with too few units and a new price is "stock": the units are what the customer cannot have', async () => {
      h.shelfOf(12).stock = 1;
      h.setPrice(12, 99_000);
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
      expectNothingOpened();
    });
  });

  it('a later read found the units gone while this order waited for its transaction: "stock", before any row is written', async () => {
    h.outrunWhileWaiting(12);
    expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
    // The transaction that was opened wrote nothing and rolled back; the reason was asked after it.
    expect(h.log).toEqual(['onSale 5,12', 'begin', 'outrunSince', 'rollback', 'onSale 12']);
    expect(h.stock.outrunSince.mock.calls[0]![0].map((l) => l.productId)).toEqual([5, 12]);
    expect(h.repo.insertOrder).not.toHaveBeenCalled();
    expect(h.stock.reserve).not.toHaveBeenCalled();
    expect(h.queueEmail).not.toHaveBeenCalled();
    expect(h.noted).toEqual([]);
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
  });

  describe('units gone by the time they are taken (another buyer committed in between)', () => {
    /** The order was written and rolled back whole; its email never reached the sender; the reason was asked after the rollback. */
    function expectRolledBack(productId: number) {
      expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
      expect(h.log.slice(-3)).toEqual(['reserve 100', 'rollback', `onSale ${productId}`]);
      expect(h.emailsQueued).not.toHaveBeenCalled();
      expect(h.onMoved).not.toHaveBeenCalled();
      expect(h.onSaleCalls).toEqual([
        { ids: [5, 12], inTransaction: false },
        { ids: [productId], inTransaction: false },
      ]);
      expect(h.foreignTx).toEqual([]);
    }

    it('the units went to another buyer: the transaction rolls back and the answer is "stock"', async () => {
      h.raceBeforeReserve(() => {
        h.shelfOf(12).stock = 2;
      });
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
      expectRolledBack(12);
      // The order rows and the email were written before the take, in the transaction that rolled back.
      expect(h.repo.insertOrder).toHaveBeenCalledTimes(1);
      expect(h.queueEmail).toHaveBeenCalledTimes(1);
    });

    it('the price moved but the units are there: after the rollback the answer is "price"', async () => {
      h.raceBeforeReserve(() => h.setPrice(12, 99_000));
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'price', productId: 12 });
      expectRolledBack(12);
      // The take asked for the confirmed price, not today's.
      expect(h.reserves[0]!.prices!.get(12)).toBe(95_000);
    });

    it('the price moved and the units are short too: "stock"', async () => {
      h.raceBeforeReserve(() => {
        h.setPrice(12, 99_000);
        h.shelfOf(12).stock = 1;
      });
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
      expectRolledBack(12);
    });

    it('the product went off sale meanwhile: "stock"', async () => {
      h.raceBeforeReserve(() => h.offSale(5));
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 5 });
      expectRolledBack(5);
    });

    it('a take that failed with enough units at the same price on the second look is still "stock", never "price"', async () => {
      h.failStockAt(12);
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 12 });
      expectRolledBack(12);
    });

    it('the first line the take stops at (product-id order) is the one named', async () => {
      h.raceBeforeReserve(() => {
        h.shelfOf(5).stock = 0;
        h.shelfOf(12).stock = 0;
      });
      expect(await h.lifecycle.place(draft())).toEqual({ ok: false, reason: 'stock', productId: 5 });
      expectRolledBack(5);
    });
  });

  it('the shelf is never read while the transaction runs: one pooled connection per placing, won or lost', async () => {
    await h.lifecycle.place(draft());
    h.raceBeforeReserve(() => h.setPrice(5, 1_450_000));
    await h.lifecycle.place(draft({ idempotencyKey: 'form-key-2' }));
    h.raceBeforeReserve(() => {
      h.shelfOf(12).stock = 0;
    });
    await h.lifecycle.place(draft({ idempotencyKey: 'form-key-3', lines: [{ productId: 12, quantity: 1, unitPrice: 95_000 }] }));
    expect(h.txCounts()).toEqual({ committed: 1, rolledBack: 2 });
    expect(h.onSaleCalls).toHaveLength(5);
    expect(h.onSaleCalls.filter((c) => c.inTransaction)).toEqual([]);
    expect(h.foreignTx).toEqual([]);
  });

  it('a form already placed (same idempotency key) answers with its order and creates nothing', async () => {
    h.keys.set('form-key-1', 'HR-261130-EXISTS');
    expect(await h.lifecycle.place(draft())).toEqual({ ok: true, number: 'HR-261130-EXISTS', created: false });
    expect(h.stock.onSale).not.toHaveBeenCalled();
    expect(h.repo.insertOrder).not.toHaveBeenCalled();
    expect(h.reserves).toEqual([]);
    expect(h.queueEmail).not.toHaveBeenCalled();
    expect(h.emailsQueued).not.toHaveBeenCalled();
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 0 });
  });

  it('losing a race on the idempotency key answers with the winner’s order', async () => {
    h.repo.insertOrder.mockImplementationOnce(async () => {
      h.keys.set('form-key-1', 'HR-261201-WINNER');
      throw Object.assign(new Error('duplicate key'), { code: '23505' });
    });
    expect(await h.lifecycle.place(draft())).toEqual({ ok: true, number: 'HR-261201-WINNER', created: false });
    expect(h.stock.reserve).not.toHaveBeenCalled();
    expect(h.queueEmail).not.toHaveBeenCalled();
    expect(h.emailsQueued).not.toHaveBeenCalled();
  });

  it('any other failure is not swallowed', async () => {
    h.repo.insertOrder.mockRejectedValueOnce(new Error('disk full'));
    await expect(h.lifecycle.place(draft())).rejects.toThrow('disk full');
  });

  it('a failure of the take itself (not a refusal) is not swallowed either, and nothing commits', async () => {
    h.stock.reserve.mockRejectedValueOnce(new Error('connection lost'));
    await expect(h.lifecycle.place(draft())).rejects.toThrow('connection lost');
    expect(h.txCounts()).toEqual({ committed: 0, rolledBack: 1 });
    expect(h.emailsQueued).not.toHaveBeenCalled();
    expect(h.onSaleCalls).toHaveLength(1);
  });
});

describe('order lifecycle: expiring unpaid orders', () => {
  it('expires exactly the unpaid orders past their time: stock released, "expired" email, system event', async () => {
    const h = harness();
    const due1 = h.seed('awaiting_payment', { expiresAt: new Date('2026-12-01T01:00:00Z') });
    const due2 = h.seed('awaiting_payment', { expiresAt: NOW });
    const later = h.seed('awaiting_payment', { expiresAt: new Date('2026-12-01T05:00:00Z') });
    const paid = h.seed('paid', { expiresAt: new Date('2026-11-30T00:00:00Z') });

    expect(await h.lifecycle.expireDue(NOW)).toBe(2);

    expect(h.orders.get(due1.id)!.status).toBe('expired');
    expect(h.orders.get(due2.id)!.status).toBe('expired');
    expect(h.orders.get(later.id)).toEqual(later);
    expect(h.orders.get(paid.id)).toEqual(paid);
    expect(h.writes).toEqual([
      { id: due1.id, write: { status: 'expired' } },
      { id: due2.id, write: { status: 'expired' } },
    ]);
    const lines = [
      { productId: 9, quantity: 2 },
      { productId: 4, quantity: 1 },
    ];
    expect(h.releases).toEqual([
      { orderId: due1.id, lines, reason: 'order_released', userId: null },
      { orderId: due2.id, lines, reason: 'order_released', userId: null },
    ]);
    expect(h.sales).toEqual([]);
    expect(h.events).toEqual([
      { orderId: due1.id, fromStatus: 'awaiting_payment', toStatus: 'expired', actorKind: 'system', actorUserId: null, note: undefined },
      { orderId: due2.id, fromStatus: 'awaiting_payment', toStatus: 'expired', actorKind: 'system', actorUserId: null, note: undefined },
    ]);
    expect(h.emails.map((e) => [e.kind, e.order.id, e.order.status])).toEqual([
      ['expired', due1.id, 'expired'],
      ['expired', due2.id, 'expired'],
    ]);
    expect(h.emailsQueued).toHaveBeenCalledTimes(1);
    expect(h.repo.lockDueForExpiry.mock.calls.every(([, now]) => now === NOW)).toBe(true);
    expect(h.foreignTx).toEqual([]);
  });

  it('works through the due orders in batches of `limit`, and a run with nothing due does nothing', async () => {
    const h = harness();
    for (let i = 0; i < 3; i++) h.seed('awaiting_payment', { expiresAt: new Date(NOW.getTime() - (i + 1) * 60_000) });
    expect(await h.lifecycle.expireDue(NOW, 2)).toBe(3);
    expect([...h.orders.values()].map((o) => o.status)).toEqual(['expired', 'expired', 'expired']);
    expect(h.emails).toHaveLength(3);
    // Two batches queued emails; the last, empty one did not.
    expect(h.emailsQueued).toHaveBeenCalledTimes(2);

    h.emailsQueued.mockClear();
    expect(await h.lifecycle.expireDue(NOW, 2)).toBe(0);
    expect(h.emailsQueued).not.toHaveBeenCalled();
    expect(h.writes).toHaveLength(3);
  });
});
