/**
 * Prometheus metrics (X5) through HTTP: `/metrics` exists only with METRICS_TOKEN and answers only
 * that bearer token; it reports requests by route pattern and status, orders created and paid by
 * method, provider notifications by outcome, the email outbox and the event-loop lag.
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';
import { checkoutWith, type PaymentsWorld, startPaymentsWorld } from './payments-helpers';

const TOKEN = 'metrics-token-for-tests-0123456789';

/** The value of one sample line (`name{labels} value`), or undefined when the line is absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(dbTargets)('metrics on %s', (target) => {
  let store: TestStore;
  let bare: TestStore;

  beforeAll(async () => {
    [store, bare] = await Promise.all([createTestStore(target, { env: { METRICS_TOKEN: TOKEN } }), createTestStore(target)]);
    await createUser(store.database.db, { email: 'kasir@metrics.example', role: 'staff', password: PASSWORD });
  });
  afterAll(async () => {
    await store?.close();
    await bare?.close();
  });

  const scrape = async (authorization?: string) =>
    store.app.inject({ method: 'GET', url: '/metrics', headers: authorization ? { authorization } : {} });

  it('is off without METRICS_TOKEN and answers only its bearer token', async () => {
    expect((await bare.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).statusCode).toBe(404);
    const none = await scrape();
    expect(none.statusCode).toBe(401);
    expect(none.headers['www-authenticate']).toBe('Bearer realm="metrics"');
    expect(JSON.parse(none.body).error.code).toBe('unauthorized');
    expect((await scrape(`Bearer ${TOKEN}x`)).statusCode).toBe(401);
    expect((await scrape(TOKEN)).statusCode).toBe(401);
    const ok = await scrape(`Bearer ${TOKEN}`);
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('text/plain');
    expect(ok.body).toContain('hurtrock_store_nodejs_eventloop_lag_seconds');
  });

  it('times requests by route pattern and status, never by the raw address', async () => {
    const product = await productBySlug(store.database.db, 'yamaha-f310');
    await store.app.inject({ method: 'GET', url: `/produk/${product.slug}` });
    await store.app.inject({ method: 'GET', url: '/produk/no-such-guitar-123' });
    const text = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(
      sample(text, 'hurtrock_http_request_duration_seconds_count{method="GET",route="/produk/:slug",status="200"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sample(text, 'hurtrock_http_request_duration_seconds_count{method="GET",route="/produk/:slug",status="404"}'),
    ).toBeGreaterThanOrEqual(1);
    expect(text).not.toContain('no-such-guitar-123');
  });

  it('counts orders created and paid by method, and the waiting emails', async () => {
    const db = store.database.db;
    const before = (await scrape(`Bearer ${TOKEN}`)).body;
    const created = (t: string) => sample(t, 'hurtrock_orders_created_total{method="bank_transfer"}') ?? 0;
    const paid = (t: string) => sample(t, 'hurtrock_orders_paid_total{method="bank_transfer"}') ?? 0;

    const fender = await productBySlug(db, 'fender-player-stratocaster');
    await db.update(products).set({ stock: 5 }).where(eq(products.id, fender.id));
    const buyer = new TestBrowser(store.app, '198.51.100.61');
    await addToCart(store.app, buyer, fender.id, 1);
    const placed = await placeOrder(buyer, { email: 'metrik@example.com', ...GUEST_ADDRESS });
    const number = numberFrom(placed.location);
    const staff = new TestBrowser(store.app, '198.51.100.62');
    await staff.login('kasir@metrics.example', PASSWORD);
    await staff.get(`/admin/pesanan/${number}`);
    expect((await staff.post(`/admin/pesanan/${number}/status`, { to: 'paid' })).status).toBe(303);

    const after = (await scrape(`Bearer ${TOKEN}`)).body;
    expect(created(after) - created(before)).toBe(1);
    expect(paid(after) - paid(before)).toBe(1);
    expect(sample(after, 'hurtrock_email_outbox_pending')).toBeGreaterThanOrEqual(2);
    expect(sample(after, 'hurtrock_email_outbox_oldest_seconds')).toBeGreaterThanOrEqual(0);
  });
});

describe.each(dbTargets)('payment metrics on %s', (target) => {
  let world: PaymentsWorld;

  beforeAll(async () => {
    world = await startPaymentsWorld(target, { METRICS_TOKEN: TOKEN });
  });
  afterAll(() => world?.close());

  it('counts provider notifications by provider and outcome, rejected ones included', async () => {
    const guitar = await productBySlug(world.db, 'yamaha-f310');
    const { order } = await checkoutWith(world, new TestBrowser(world.store.app), guitar.id, 'midtrans');
    await world.midtrans.notify(order.number, 'settlement');
    await world.midtrans.notify(order.number, 'settlement');
    await world.midtrans.notify(order.number, 'settlement', { signatureKey: 'f'.repeat(128) });
    const text = (await world.store.app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } })).body;
    expect(sample(text, 'hurtrock_payment_events_total{provider="midtrans",outcome="applied"}')).toBe(1);
    expect(sample(text, 'hurtrock_payment_events_total{provider="midtrans",outcome="duplicate"}')).toBe(1);
    expect(sample(text, 'hurtrock_payment_events_total{provider="midtrans",outcome="rejected"}')).toBe(1);
    expect(sample(text, 'hurtrock_orders_paid_total{method="midtrans"}')).toBe(1);
  });
});
