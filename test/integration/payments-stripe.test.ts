/**
 * Stripe Checkout through HTTP against a local server speaking its contract (P3): checkout sends the customer to a
 * hosted session in IDR minor units (×100) carrying the attempt's reference, a signed event pays the order exactly once
 * however often it is delivered, and forged, stale, mismatched, unknown or merely "declined" signals change nothing
 * they must not. The last test builds a store that logs (pino into memory) and checks no provider key reaches its logs.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openStoreDatabase } from '../../src/db/store-db';
import { orders, paymentEvents, products } from '../../src/db/schema';
import { buildStoreApp } from '../../src/store/app';
import { prepareStoreDatabase } from '../../src/store/startup';
import { createTestDatabase, dbTargets } from '../helpers/databases';
import type { StripeSession } from '../helpers/payment-fakes';
import { testConfig } from '../helpers/store-app';
import { TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { orderByNumber } from './checkout-helpers';
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

/** Every log line of the stores built with a logger in this file (the app's own pino options, plus this stream). */
const captured = vi.hoisted(() => ({ lines: [] as string[] }));

vi.mock('../../src/lib/logger', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/lib/logger')>();
  return {
    ...original,
    loggerOptions: (service: 'store' | 'chat' | 'launcher', level: string) => ({
      ...original.loggerOptions(service, level),
      stream: { write: (line: string) => captured.lines.push(line) },
    }),
  };
});

type SessionObject = Omit<StripeSession, 'line_items_input'>;

describe.each(dbTargets)('Stripe payments on %s', (target) => {
  let world: PaymentsWorld;
  let guitar: Awaited<ReturnType<typeof productBySlug>>;

  beforeAll(async () => {
    world = await startPaymentsWorld(target);
    guitar = await productBySlug(world.db, 'yamaha-f310');
    await world.db.update(products).set({ stock: 500 }).where(eq(products.id, guitar.id));
  });
  afterAll(() => world?.close());

  /** A guest checks out with Stripe; returns the order, its browser and the session checkout sent them to. */
  async function stripeOrder(quantity = 1) {
    const browser = new TestBrowser(world.store.app);
    const placed = await checkoutWith(world, browser, guitar.id, 'stripe', quantity);
    const sessionId = /\/c\/pay\/([^/?]+)$/.exec(placed.location)?.[1];
    if (!sessionId) throw new Error(`checkout did not send the customer to Stripe: ${placed.location}`);
    const session = world.stripe.sessions.get(sessionId)!;
    return { ...placed, browser, sessionId, session };
  }

  /** The session as the API shows it (no line_items_input), with overrides: an event's data.object. */
  function sessionObject(session: StripeSession, changes: Partial<SessionObject> = {}): SessionObject {
    const { line_items_input: _items, ...rest } = session;
    return { ...rest, ...changes };
  }

  const paidObject = (session: StripeSession) =>
    sessionObject(session, { status: 'complete', payment_status: 'paid', url: null, payment_intent: `pi_${session.id.slice(-12)}` });

  /** Posts an event the fake signed, reading the store's JSON answer (the fake's sendEvent returns the status only). */
  async function post(type: string, object: object, opts: Parameters<PaymentsWorld['stripe']['signedEvent']>[2] = {}) {
    const delivery = world.stripe.signedEvent(type, object, opts);
    const res = await fetch(`${world.url}/webhooks/stripe`, { method: 'POST', headers: delivery.headers, body: delivery.raw });
    return { status: res.status, json: (await res.json()) as Record<string, unknown>, event: delivery.event };
  }

  const eventCount = async () => (await world.db.select({ n: sql<number>`count(*)::int` }).from(paymentEvents))[0]!.n;
  const paidMoves = async (orderId: number) => (await movesOf(world.db, orderId)).filter((m) => m.toStatus === 'paid');
  const paidMails = async (email: string) => (await mailsTo(world.db, email)).filter((m) => /^(Pembayaran|Payment)/.test(m.subject));
  const statusOf = async (number: string) => (await orderByNumber(world.db, number))!.status;

  it('checkout with Stripe sends the customer to the hosted session: IDR ×100, the attempt reference, the same expiry', async () => {
    const { order, location, sessionId, session } = await stripeOrder(2);
    expect(order).toMatchObject({ status: 'awaiting_payment', paymentMethod: 'stripe' });
    expect(location).toBe(`${world.stripe.url}/c/pay/${sessionId}`);
    expect(session.currency).toBe('idr');
    expect(session.line_items_input.reduce((sum, i) => sum + i.unit_amount * i.quantity, 0)).toBe(order.total * 100);
    expect(session.amount_total).toBe(order.total * 100);
    // The guitar line at its unit price ×100, and shipping as its own line.
    expect(session.line_items_input[0]).toMatchObject({ quantity: 2, unit_amount: guitar.price * 100 });
    expect(session.line_items_input.slice(1)).toEqual(
      order.shippingCharge > 0 ? [expect.objectContaining({ quantity: 1, unit_amount: order.shippingCharge * 100 })] : [],
    );
    expect(session.client_reference_id).toBe(order.number);
    expect(session.metadata).toEqual({ order: order.number, attempt: order.number });
    expect(session.success_url).toContain(`/pesanan/${order.number}?k=`);
    expect(session.success_url).toMatch(/bayar=selesai$/);
    expect(session.cancel_url).toMatch(/bayar=batal$/);
    const [attempt] = await attemptsOf(world.db, order.id);
    expect(attempt).toMatchObject({
      provider: 'stripe',
      seq: 1,
      reference: order.number,
      externalId: sessionId,
      status: 'pending',
      amount: order.total,
      redirectUrl: location,
    });
    // The session ends with the reservation (the shop's 60-minute default lies inside Stripe's 30 min..24 h window).
    expect(attempt!.expiresAt.getTime()).toBe(order.expiresAt.getTime());
    expect(Math.abs(session.expires_at - attempt!.expiresAt.getTime() / 1000)).toBeLessThanOrEqual(1);
    // One request, made idempotent by the attempt.
    const creates = world.stripe.requests.filter((r) => r.path === '/v1/checkout/sessions' && r.body.client_reference_id === order.number);
    expect(creates.map((r) => r.idempotencyKey)).toEqual([`attempt:${order.number}`]);
  });

  it('a paid session pays the order once: one move, one email, one stored event; a replay answers 200 and changes nothing', async () => {
    const { order, email, sessionId } = await stripeOrder();
    await world.stripe.pay(sessionId, 'paid');
    const delivery = world.stripe.deliveries.findLast((d) => d.type === 'checkout.session.completed')!;
    expect(delivery.status).toBe(200);
    expect(await statusOf(order.number)).toBe('paid');
    const [attempt] = await attemptsOf(world.db, order.id);
    expect(attempt).toMatchObject({ status: 'paid', paymentRef: world.stripe.sessions.get(sessionId)!.payment_intent });
    expect(await paidMoves(order.id)).toHaveLength(1);
    expect(await paidMails(email)).toHaveLength(1);

    // Stripe retries the same event (byte for byte, freshly signed): acknowledged, recorded once, applied once.
    expect(await world.stripe.resendEvent(delivery.eventId)).toBe(200);
    const events = await eventsOf(world.db, order.id);
    expect(events.map((e) => [e.eventKey, e.kind, e.outcome])).toEqual([[delivery.eventId, 'checkout.session.completed', 'applied']]);
    expect(await paidMoves(order.id)).toHaveLength(1);
    expect(await paidMails(email)).toHaveLength(1);
  });

  it('five concurrent deliveries of one event make exactly one state change', async () => {
    const { order, email, session } = await stripeOrder();
    // The event exists at Stripe but was never delivered; then five deliveries of it race.
    const { event } = world.stripe.signedEvent('checkout.session.completed', paidObject(session));
    const statuses = await Promise.all(Array.from({ length: 5 }, () => world.stripe.resendEvent(event.id)));
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(await statusOf(order.number)).toBe('paid');
    expect(await paidMoves(order.id)).toHaveLength(1);
    expect(await paidMails(email)).toHaveLength(1);
    const events = await eventsOf(world.db, order.id);
    expect(events.map((e) => [e.eventKey, e.outcome])).toEqual([[event.id, 'applied']]);
  });

  it('forged, unsigned, wrongly signed and stale events are refused with 400 and store nothing', async () => {
    const { order, session } = await stripeOrder();
    const object = paidObject(session);
    const before = await eventCount();
    const now = Math.floor(Date.now() / 1000);
    const garbage = await post('checkout.session.completed', object, { signatureHeader: 'garbage' });
    const unsigned = await post('checkout.session.completed', object, { signatureHeader: null });
    const wrongSecret = await post('checkout.session.completed', object, { secret: 'whsec_wrong' });
    const stale = await post('checkout.session.completed', object, { timestamp: now - 3600 });
    expect([garbage.status, unsigned.status, wrongSecret.status, stale.status]).toEqual([400, 400, 400, 400]);
    expect((unsigned.json.error as { code: string }).code).toBe('signature');
    expect((wrongSecret.json.error as { code: string }).code).toBe('signature');
    expect((stale.json.error as { code: string }).code).toBe('stale');
    expect(await eventCount()).toBe(before);
    expect(await statusOf(order.number)).toBe('awaiting_payment');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('pending');
    // The same object, correctly signed, is what pays: the refusals above were the signatures' doing.
    const genuine = await post('checkout.session.completed', object);
    expect(genuine).toMatchObject({ status: 200, json: { received: true, outcome: 'applied' } });
    expect(await statusOf(order.number)).toBe('paid');
  });

  it('an async payment that fails leaves the order awaiting payment; paying again with Midtrans starts attempt -2', async () => {
    const { order, browser, sessionId } = await stripeOrder();
    await world.stripe.pay(sessionId, 'async_pending');
    // Completed but unpaid (a delayed method): nothing moves yet.
    expect(world.stripe.sessions.get(sessionId)).toMatchObject({ status: 'complete', payment_status: 'unpaid' });
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('pending');
    await world.stripe.pay(sessionId, 'async_failed');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('failed');
    expect(await statusOf(order.number)).toBe('awaiting_payment');
    expect((await eventsOf(world.db, order.id)).map((e) => [e.kind, e.outcome])).toEqual([
      ['checkout.session.completed', 'ignored'],
      ['checkout.session.async_payment_failed', 'applied'],
    ]);

    const key = guestKeyOf(world, order);
    const page = await browser.get(`/pesanan/${order.number}?k=${key}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-online-payment="failed"');
    expect(page.body).toContain('data-payment-failed');
    expect(page.body).toContain(`action="/pesanan/${order.number}/bayar"`);
    expect(page.body).toContain('name="metode"');

    const again = await browser.post(`/pesanan/${order.number}/bayar`, { k: key, metode: 'midtrans' });
    expect(again.status).toBe(303);
    expect(again.location).toMatch(new RegExp(`^${world.midtrans.url}/snap/v4/redirection/`));
    const attempts = await attemptsOf(world.db, order.id);
    expect(attempts.map((a) => [a.provider, a.reference, a.status])).toEqual([
      ['stripe', order.number, 'failed'],
      ['midtrans', `${order.number}-2`, 'pending'],
    ]);
    expect(world.midtrans.snapOrders.get(`${order.number}-2`)!.grossAmount).toBe(order.total);
    expect((await orderByNumber(world.db, order.number))!.paymentMethod).toBe('midtrans');
  });

  it('an expired session ends the attempt; the order keeps waiting until its own expiry', async () => {
    const { order, sessionId } = await stripeOrder();
    await world.stripe.pay(sessionId, 'expired');
    expect(world.stripe.deliveries.findLast((d) => d.type === 'checkout.session.expired')!.status).toBe(200);
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('expired');
    const after = (await orderByNumber(world.db, order.number))!;
    expect(after).toMatchObject({ status: 'awaiting_payment', expiresAt: order.expiresAt });
    expect((await movesOf(world.db, order.id)).map((m) => m.toStatus)).toEqual(['awaiting_payment']);
    expect((await eventsOf(world.db, order.id)).map((e) => [e.kind, e.outcome])).toEqual([['checkout.session.expired', 'applied']]);
  });

  it('when the order expires, the background job expires its open Stripe session, so it can no longer be paid', async () => {
    const { order, sessionId } = await stripeOrder();
    await world.db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.id, order.id));
    await world.store.app.maintenance.expireOrders();
    expect(world.stripe.sessions.get(sessionId)!.status).toBe('open');
    await world.store.app.maintenance.reconcilePayments();
    expect(world.stripe.sessions.get(sessionId)!.status).toBe('expired');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('expired');
    await expect(world.stripe.pay(sessionId, 'paid')).rejects.toThrow();
    expect((await orderByNumber(world.db, order.number))!.status).toBe('expired');
    // Done once: the next run finds nothing left to close.
    const requests = world.stripe.requests.length;
    await world.store.app.maintenance.reconcilePayments();
    expect(world.stripe.requests.slice(requests).filter((r) => r.path.endsWith('/expire'))).toEqual([]);
  });

  it('a completed session for a different amount does not pay the order; the right amount then does', async () => {
    const { order, session } = await stripeOrder();
    const short = paidObject(session);
    short.amount_total = session.amount_total - 100_000 * 100;
    const mismatch = await post('checkout.session.completed', short);
    expect(mismatch).toMatchObject({ status: 200, json: { outcome: 'amount_mismatch' } });
    expect(await statusOf(order.number)).toBe('awaiting_payment');
    expect((await attemptsOf(world.db, order.id))[0]!.status).toBe('pending');
    expect((await eventsOf(world.db, order.id)).map((e) => e.outcome)).toEqual(['amount_mismatch']);
    expect(await paidMoves(order.id)).toHaveLength(0);
    // Only the amount differed: the same session with Stripe's real total pays.
    expect((await post('checkout.session.completed', paidObject(session))).json.outcome).toBe('applied');
    expect(await statusOf(order.number)).toBe('paid');
  });

  it('"Decline" on the hosted page returns to the order page with a warning and changes nothing', async () => {
    const { order, browser, sessionId, location } = await stripeOrder();
    const hosted = await fetch(location);
    expect(hosted.status).toBe(200);
    const action = /<form method="post" action="([^"]+)"><button type="submit">Decline<\/button>/.exec(await hosted.text())?.[1];
    expect(action).toBe(`/c/pay/${sessionId}/decline`);
    const declined = await fetch(`${world.stripe.url}${action}`, { method: 'POST', redirect: 'manual' });
    expect(declined.status).toBe(303);
    const back = new URL(declined.headers.get('location')!);
    expect(back.pathname).toBe(`/pesanan/${order.number}`);
    expect(back.searchParams.get('bayar')).toBe('batal');
    expect(back.searchParams.get('k')).toBe(guestKeyOf(world, order));

    const lookupsBefore = world.stripe.requests.length;
    const page = await browser.get(`${back.pathname}${back.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/class="alert alert-warning" role="status">Pembayaran belum diselesaikan/);
    // The page neither asked Stripe nor changed anything: the session stays open and can be continued.
    expect(world.stripe.requests.length).toBe(lookupsBefore);
    expect(world.stripe.sessions.get(sessionId)!.status).toBe('open');
    expect(await statusOf(order.number)).toBe('awaiting_payment');
    expect((await attemptsOf(world.db, order.id)).map((a) => a.status)).toEqual(['pending']);
    expect(await eventsOf(world.db, order.id)).toHaveLength(0);
    expect(page.body).toContain('data-online-payment="pending"');
  });

  it('"Pay" on the hosted page pays through the webhook and the success page shows it paid', async () => {
    const { order, browser, sessionId, location } = await stripeOrder();
    const action = /<form method="post" action="([^"]+)"><button type="submit">Pay<\/button>/.exec(
      await (await fetch(location)).text(),
    )?.[1];
    const paid = await fetch(`${world.stripe.url}${action}`, { method: 'POST', redirect: 'manual' });
    expect(paid.status).toBe(303);
    const back = new URL(paid.headers.get('location')!);
    expect(back.searchParams.get('bayar')).toBe('selesai');
    expect(await statusOf(order.number)).toBe('paid');
    const page = await browser.get(`${back.pathname}${back.search}`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('alert alert-success');
    expect(page.body).not.toContain('data-online-payment');
    expect((await attemptsOf(world.db, order.id))[0]).toMatchObject({ status: 'paid', externalId: sessionId });
  });

  it('an event for a session we never created is answered 200 as unknown_attempt and changes nothing', async () => {
    const ordersBefore = await world.db.select({ n: sql<number>`count(*)::int` }).from(orders);
    const stranger = {
      id: `cs_test_${randomBytes(8).toString('hex')}`,
      object: 'checkout.session',
      amount_total: 150_000 * 100,
      currency: 'idr',
      metadata: { order: 'HR-000000-NOSUCH', attempt: 'HR-000000-NOSUCH' },
      payment_intent: 'pi_nosuch',
      payment_status: 'paid',
      status: 'complete',
    };
    const res = await post('checkout.session.completed', stranger);
    expect(res).toMatchObject({ status: 200, json: { received: true, outcome: 'unknown_attempt' } });
    const [row] = await world.db.select().from(paymentEvents).where(eq(paymentEvents.eventKey, res.event.id));
    expect(row).toMatchObject({ provider: 'stripe', outcome: 'unknown_attempt', orderId: null, attemptId: null });
    // Without our reference either (only Stripe's ids), still nobody's.
    const { metadata: _m, ...bare } = stranger;
    expect((await post('checkout.session.completed', { ...bare, id: `cs_test_${randomBytes(8).toString('hex')}` })).json.outcome).toBe(
      'unknown_attempt',
    );
    expect(await world.db.select({ n: sql<number>`count(*)::int` }).from(orders)).toEqual(ordersBefore);
  });

  it('provider keys never reach the logs, even when a provider refuses them', async () => {
    // A store that logs at info into memory, with keys the providers refuse (so the error paths log) and Stripe's signing secret.
    const stripeKey = `sk_test_wrong_${randomBytes(12).toString('hex')}`;
    const midtransKey = `SB-Mid-server-wrong${randomBytes(12).toString('hex')}`;
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-paylog-'));
    const config = testConfig(dataDir, {
      LOG_LEVEL: 'info',
      STRIPE_SECRET_KEY: stripeKey,
      STRIPE_WEBHOOK_SECRET: world.stripe.webhookSecret,
      STRIPE_API_BASE: world.stripe.url,
      MIDTRANS_SERVER_KEY: midtransKey,
      MIDTRANS_CLIENT_KEY: world.midtrans.clientKey,
      MIDTRANS_API_BASE: world.midtrans.url,
      MIDTRANS_SNAP_BASE: world.midtrans.snapBase,
    });
    const testDb = await createTestDatabase(target);
    const database = await openStoreDatabase(config, { url: testDb.url, inMemory: !testDb.url });
    try {
      await prepareStoreDatabase(config, database, () => {});
      const app = await buildStoreApp({ config, database, logger: true });
      await app.ready();
      try {
        const logWorld = { ...world, store: { ...world.store, app, database, config }, db: database.db } as PaymentsWorld;
        const product = await productBySlug(database.db, 'yamaha-f310');
        captured.lines.length = 0;
        // Both providers refuse the key: checkout still answers, back to the order page.
        const viaStripe = await checkoutWith(logWorld, new TestBrowser(app), product.id, 'stripe');
        const viaMidtrans = await checkoutWith(logWorld, new TestBrowser(app), product.id, 'midtrans');
        expect(viaStripe.location).toContain('bayar=gagal');
        expect(viaMidtrans.location).toContain('bayar=gagal');
        // Webhooks: one refused (with a key in an Authorization header, as a confused client might send), one applied.
        const forged = world.stripe.signedEvent('checkout.session.completed', { id: 'cs_x' }, { secret: 'whsec_wrong' });
        const refused = await app.inject({
          method: 'POST',
          url: '/webhooks/stripe',
          headers: { ...forged.headers, authorization: `Bearer ${stripeKey}` },
          payload: forged.raw,
        });
        expect(refused.statusCode).toBe(400);
        const signed = world.stripe.signedEvent('checkout.session.expired', { id: 'cs_unknown', object: 'checkout.session' });
        const accepted = await app.inject({ method: 'POST', url: '/webhooks/stripe', headers: signed.headers, payload: signed.raw });
        expect(accepted.json()).toMatchObject({ outcome: 'unknown_attempt' });
      } finally {
        await app.close();
      }
    } finally {
      await database.close().catch(() => {});
      await testDb.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }

    const log = captured.lines.join('');
    // The logger really captured the error paths (so the absence below means something).
    expect(log).toContain('payment could not be started');
    expect(log).toContain('Stripe refused or did not answer');
    expect(log).toContain('Midtrans refused or did not answer');
    expect(log).toContain('payment webhook rejected');
    expect(log).toContain('"outcome":"unknown_attempt"');
    const secrets = [
      stripeKey,
      world.stripe.webhookSecret,
      midtransKey,
      world.midtrans.clientKey,
      Buffer.from(`${midtransKey}:`).toString('base64'),
      Buffer.from(`${stripeKey}:`).toString('base64'),
    ];
    for (const secret of secrets) expect(log).not.toContain(secret);
  });
});
