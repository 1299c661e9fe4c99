/**
 * Midtrans Snap through HTTP against a local server speaking its contract (P4, P3): checkout sends
 * the customer to Snap with the right amount, a verified notification pays the order exactly once,
 * and every forged, mismatched, unknown, contradicted or late notification changes nothing it must not.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, orders, paymentAttempts, paymentEvents, products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { midtransSignature } from '../helpers/payment-fakes';
import { TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { orderByNumber, stockOf } from './checkout-helpers';
import {
  attemptsOf,
  checkoutWith,
  eventsOf,
  guestKeyOf,
  mailsTo,
  movesOf,
  type PaymentsWorld,
  startPaymentsWorld,
} from './payments-helpers';

describe.each(dbTargets)('Midtrans payments on %s', (target) => {
  let world: PaymentsWorld;
  let guitar: Awaited<ReturnType<typeof productBySlug>>;

  beforeAll(async () => {
    world = await startPaymentsWorld(target);
    guitar = await productBySlug(world.db, 'yamaha-f310');
    await world.db.update(products).set({ stock: 500 }).where(eq(products.id, guitar.id));
  });
  afterAll(() => world?.close());

  /** A notification as Midtrans signs it, posted straight to the store (the status API says what it says). */
  async function postNotification(body: Record<string, string>, sign = true) {
    const signed = sign
      ? { ...body, signature_key: midtransSignature(body.order_id!, body.status_code!, body.gross_amount!, world.midtrans.serverKey) }
      : body;
    const res = await fetch(`${world.url}/webhooks/midtrans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(signed),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  }

  const paidMoves = async (orderId: number) => (await movesOf(world.db, orderId)).filter((m) => m.toStatus === 'paid');

  it('checkout with Midtrans sends the customer to Snap with the whole rupiah total, shipping as an item', async () => {
    const { order, location } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans', 2);
    expect(order.status).toBe('awaiting_payment');
    expect(order.paymentMethod).toBe('midtrans');
    expect(location).toMatch(new RegExp(`^${world.midtrans.url}/snap/v4/redirection/`));
    const snap = world.midtrans.snapOrders.get(order.number)!;
    expect(snap.grossAmount).toBe(order.total);
    const items = snap.body.item_details as { price: number; quantity: number; name: string }[];
    expect(items.reduce((sum, i) => sum + i.price * i.quantity, 0)).toBe(order.total);
    expect(items.every((i) => Number.isInteger(i.price) && i.name.length <= 50)).toBe(true);
    expect(snap.finishUrl).toContain(`/pesanan/${order.number}?k=`);
    const [attempt] = await attemptsOf(world.db, order.id);
    expect(attempt).toMatchObject({ provider: 'midtrans', reference: order.number, status: 'pending', amount: order.total });
  });

  it('a settlement pays the order once: one move, one email, one stored event, however often it is delivered', async () => {
    const { order, email } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    expect(await world.midtrans.notify(order.number, 'settlement', { paymentType: 'qris' })).toBe(200);
    // Midtrans retries; five more deliveries of the same notification arrive at once.
    const again = await Promise.all(
      Array.from({ length: 5 }, () => world.midtrans.notify(order.number, 'settlement', { paymentType: 'qris' })),
    );
    expect(again).toEqual([200, 200, 200, 200, 200]);
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
    expect(await paidMoves(order.id)).toHaveLength(1);
    expect((await mailsTo(world.db, email)).filter((m) => /^(Pembayaran|Payment)/.test(m.subject))).toHaveLength(1);
    expect(await eventsOf(world.db, order.id)).toHaveLength(1);
    expect((await attemptsOf(world.db, order.id))[0]).toMatchObject({ status: 'paid', channel: 'qris' });
  });

  it('five different deliveries racing for one settlement still make one payment', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    world.midtrans.setStatus(order.number, {
      transaction_status: 'settlement',
      status_code: '200',
      gross_amount: `${order.total}.00`,
      payment_type: 'bank_transfer',
      settlement_time: '2026-12-04 10:00:00',
    });
    // Distinct bodies (a pending, a settlement, …) all confirmed by the same status answer.
    const statuses = ['pending', 'settlement', 'settlement', 'pending', 'settlement'];
    const answers = await Promise.all(
      statuses.map((s) =>
        postNotification({
          order_id: order.number,
          status_code: s === 'pending' ? '201' : '200',
          gross_amount: `${order.total}.00`,
          transaction_status: s,
        }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(answers.filter((a) => a.json.outcome === 'applied')).toHaveLength(1);
    expect(await paidMoves(order.id)).toHaveLength(1);
  });

  it('a pending virtual account payment shows its number on the order page, with no self-refresh', async () => {
    const b = new TestBrowser(world.store.app);
    const { order } = await checkoutWith(world, b, guitar.id, 'midtrans');
    expect(await world.midtrans.notify(order.number, 'pending', { paymentType: 'bank_transfer' })).toBe(200);
    const [attempt] = await attemptsOf(world.db, order.id);
    const va = world.midtrans.transactions.get(order.number)!.va_numbers![0]!;
    expect(attempt).toMatchObject({ status: 'pending', channel: `bank_transfer:${va.bank}` });
    expect(attempt!.instructions).toEqual([{ label: `va:${va.bank.toUpperCase()}`, value: va.va_number }]);
    const page = await b.get(`/pesanan/${order.number}?k=${guestKeyOf(world, order)}&bayar=selesai`);
    expect(page.body).toContain(va.va_number);
    expect(page.body).toContain(`Nomor virtual account ${va.bank.toUpperCase()}`);
    expect(page.body).not.toContain('http-equiv="refresh"');
  });

  it('a wrong signature is refused with 400 and stores nothing', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    const status = await world.midtrans.notify(order.number, 'settlement', { signatureKey: 'f'.repeat(128) });
    expect(status).toBe(400);
    expect((await orderByNumber(world.db, order.number))!.status).toBe('awaiting_payment');
    expect(await eventsOf(world.db, order.id)).toHaveLength(0);
    const unsigned = await postNotification({ order_id: order.number, status_code: '200', gross_amount: '1.00' }, false);
    expect(unsigned.status).toBe(400);
    expect((await fetch(`${world.url}/webhooks/midtrans`, { method: 'POST', body: 'not json' })).status).toBe(400);
  });

  it('a signed notification the status API contradicts is acted on as the status API says', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'pending', { paymentType: 'bank_transfer' });
    // Someone who knows a notification's shape (but the signature covers only id, code and amount) claims a settlement.
    const forged = await postNotification({
      order_id: order.number,
      status_code: '201',
      gross_amount: `${order.total}.00`,
      transaction_status: 'settlement',
    });
    expect(forged.status).toBe(200);
    expect((await orderByNumber(world.db, order.number))!.status).toBe('awaiting_payment');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('pending');
  });

  it('a settlement for a different amount does not pay the order and is kept for staff', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    const status = await world.midtrans.notify(order.number, 'settlement', { grossAmount: '1000.00' });
    expect(status).toBe(200);
    expect((await orderByNumber(world.db, order.number))!.status).toBe('awaiting_payment');
    const [event] = await eventsOf(world.db, order.id);
    expect(event!.outcome).toBe('amount_mismatch');
  });

  it('a notification for an order we never made is recorded and answered, and changes nothing', async () => {
    const before = await world.db.select({ n: sql<number>`count(*)::int` }).from(orders);
    expect(await world.midtrans.notify('HR-000000-NOSUCH', 'settlement')).toBe(200);
    const [row] = await world.db.select().from(paymentEvents).where(eq(paymentEvents.eventKey, 'unknown|HR-000000-NOSUCH'));
    expect(row).toMatchObject({ outcome: 'unknown_attempt', orderId: null });
    expect(await world.db.select({ n: sql<number>`count(*)::int` }).from(orders)).toEqual(before);
  });

  it('a late expire after the settlement is ignored', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'settlement');
    await world.midtrans.notify(order.number, 'expire');
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('paid');
  });

  it('a card under review keeps the reservation past the deadline; the accept then pays it', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'capture', { fraudStatus: 'challenge', paymentType: 'credit_card' });
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('review');
    await world.db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    await world.store.app.maintenance.expireOrders();
    expect((await orderByNumber(world.db, order.number))!.status).toBe('awaiting_payment');
    const page = await new TestBrowser(world.store.app).get(`/pesanan/${order.number}?k=${guestKeyOf(world, order)}`);
    expect(page.body).toContain('data-online-payment="review"');
    await world.midtrans.notify(order.number, 'capture', { fraudStatus: 'accept', paymentType: 'credit_card' });
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
  });

  it('a settlement after the order expired takes the stock again when it is still there', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans', 3);
    await world.db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    await world.store.app.maintenance.expireOrders();
    expect((await orderByNumber(world.db, order.number))!.status).toBe('expired');
    const stockAfterExpiry = await stockOf(world.db, guitar.id);
    await world.midtrans.notify(order.number, 'settlement');
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
    expect(await stockOf(world.db, guitar.id)).toBe(stockAfterExpiry - 3);
  });

  it('a settlement after the order expired and its units sold flags the order for a refund, with an audit entry', async () => {
    const rare = await productBySlug(world.db, 'ibanez-rg550-genesis');
    await world.db.update(products).set({ stock: 1 }).where(eq(products.id, rare.id));
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), rare.id, 'midtrans');
    await world.db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    await world.store.app.maintenance.expireOrders();
    await world.db.update(products).set({ stock: 0 }).where(eq(products.id, rare.id));
    await world.midtrans.notify(order.number, 'settlement');
    const after = (await orderByNumber(world.db, order.number))!;
    expect(after).toMatchObject({ status: 'expired', paymentFlag: 'refund_needed' });
    expect(await stockOf(world.db, rare.id)).toBe(0);
    const audit = await world.db.select().from(auditLog).where(eq(auditLog.action, 'payment.refund_needed'));
    expect(audit.some((a) => a.subjectId === order.number)).toBe(true);
    expect((await eventsOf(world.db, order.id)).at(-1)!.outcome).toBe('refund_needed');
  });

  it('the return from Snap alone changes nothing; a payment whose notification was lost is found by asking', async () => {
    const b = new TestBrowser(world.store.app);
    const { order } = await checkoutWith(world, b, guitar.id, 'midtrans');
    const key = guestKeyOf(world, order);
    // A forged "finish" redirect, as if Snap said it settled: the status API knows nothing of it.
    const forged = await b.get(`/pesanan/${order.number}?k=${key}&bayar=selesai&transaction_status=settlement&status_code=200`);
    expect(forged.status).toBe(200);
    expect(forged.body).toContain('http-equiv="refresh"');
    expect((await orderByNumber(world.db, order.number))!.status).toBe('awaiting_payment');
    // The customer really paid but the notification never came: the return page asks Midtrans.
    world.midtrans.setStatus(order.number, {
      transaction_status: 'settlement',
      status_code: '200',
      gross_amount: `${order.total}.00`,
      payment_type: 'gopay',
      settlement_time: '2026-12-04 11:00:00',
    });
    const back = await b.get(`/pesanan/${order.number}?k=${key}&bayar=selesai`);
    expect(back.body).not.toContain('http-equiv="refresh"');
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
  });

  it('the reconciliation job asks about open payments that are due and applies the answer', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    world.midtrans.setStatus(order.number, {
      transaction_status: 'settlement',
      status_code: '200',
      gross_amount: `${order.total}.00`,
      payment_type: 'qris',
      settlement_time: '2026-12-04 12:00:00',
    });
    await world.db
      .update(paymentAttempts)
      .set({ checkAfter: new Date(Date.now() - 1000) })
      .where(eq(paymentAttempts.orderId, order.id));
    expect(await world.store.app.maintenance.reconcilePayments()).toBeGreaterThanOrEqual(1);
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
  });

  it('a declined payment can be paid again: a new attempt with its own reference', async () => {
    const b = new TestBrowser(world.store.app);
    const { order } = await checkoutWith(world, b, guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'deny', { paymentType: 'credit_card' });
    const key = guestKeyOf(world, order);
    const page = await b.get(`/pesanan/${order.number}?k=${key}`);
    expect(page.body).toContain('data-payment-failed');
    const again = await b.post(`/pesanan/${order.number}/bayar`, { k: key, metode: 'midtrans' });
    expect(again.status).toBe(303);
    expect(again.location).toMatch(/\/snap\/v4\/redirection\//);
    const attempts = await attemptsOf(world.db, order.id);
    expect(attempts.map((a) => [a.reference, a.status])).toEqual([
      [order.number, 'failed'],
      [`${order.number}-2`, 'pending'],
    ]);
    await world.midtrans.notify(`${order.number}-2`, 'settlement');
    expect((await orderByNumber(world.db, order.number))!.status).toBe('paid');
  });

  it('the order page allows Midtrans’ popup on its own CSP, and the pay form answers its script with the Snap token', async () => {
    const b = new TestBrowser(world.store.app);
    const { order } = await checkoutWith(world, b, guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'deny', { paymentType: 'credit_card' });
    const key = guestKeyOf(world, order);
    const page = await b.get(`/pesanan/${order.number}?k=${key}`);
    const origin = new URL(world.midtrans.url).origin;
    expect(page.headers['content-security-policy']).toContain(`script-src 'self' ${origin};`);
    expect(page.body).toContain(`data-snap-src="${origin}/snap/snap.js"`);
    expect(page.body).toContain(`data-snap-client-key="${world.midtrans.clientKey}"`);
    expect((await b.get('/produk')).headers['content-security-policy']).toContain("script-src 'self';");

    const answer = await b.request('POST', `/pesanan/${order.number}/bayar`, {
      form: { _csrf: b.csrf!, k: key, metode: 'midtrans' },
      headers: { accept: 'application/json' },
    });
    expect(answer.status).toBe(200);
    const json = JSON.parse(answer.body) as { token: string; redirectUrl: string; finishUrl: string };
    const attempt = (await attemptsOf(world.db, order.id)).at(-1)!;
    expect(attempt.reference).toBe(`${order.number}-2`);
    expect(json).toEqual({
      token: attempt.externalId,
      redirectUrl: attempt.redirectUrl,
      finishUrl: `/pesanan/${order.number}?k=${key}&bayar=selesai`,
    });
    // Asked again, the same open payment is reused, not a third attempt.
    const again = await b.request('POST', `/pesanan/${order.number}/bayar`, {
      form: { _csrf: b.csrf!, k: key, metode: 'midtrans' },
      headers: { accept: 'application/json' },
    });
    expect(JSON.parse(again.body).token).toBe(json.token);
    expect(await attemptsOf(world.db, order.id)).toHaveLength(2);
  });

  it('paying needs the guest link: without it the same 404 as a wrong number, and no attempt', async () => {
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    const stranger = new TestBrowser(world.store.app, '198.51.100.251');
    await stranger.get('/masuk');
    const res = await stranger.post(`/pesanan/${order.number}/bayar`, { metode: 'midtrans' });
    expect(res.status).toBe(404);
    expect(await attemptsOf(world.db, order.id)).toHaveLength(1);
  });

  it('a body over 1 MB is refused with 413 before anything is read or stored', async () => {
    const count = async () => (await world.db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents))[0]!.n;
    const before = await count();
    const res = await fetch(`${world.url}/webhooks/midtrans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ order_id: 'x', pad: 'a'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
    expect(await count()).toBe(before);
  });
});
