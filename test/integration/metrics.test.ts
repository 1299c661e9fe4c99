/**
 * Prometheus metrics (X5) through HTTP: `/metrics` exists only with METRICS_TOKEN and answers only
 * that bearer token; it reports requests by route pattern and status, orders created and paid by
 * method, provider notifications by outcome, checkouts refused for stock, the email outbox and the
 * event-loop lag; the chat service's own /metrics reports its connections and messages.
 */
import { eq, SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildChatApp } from '../../src/chat/app';
import { products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, checkoutFields, GUEST_ADDRESS, numberFrom, placeOrder } from './checkout-helpers';
import { request as emit, useChat } from '../helpers/chat-harness';
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
  it('counts a checkout refused because another buyer took the units', async () => {
    const db = store.database.db;
    const refused = (t: string) => sample(t, 'hurtrock_stock_reservations_refused_total') ?? 0;
    const before = refused((await scrape(`Bearer ${TOKEN}`)).body);
    const ibanez = await productBySlug(db, 'ibanez-rg550-genesis');
    await db.update(products).set({ stock: 2 }).where(eq(products.id, ibanez.id));
    const buyer = new TestBrowser(store.app, '198.51.100.63');
    await addToCart(store.app, buyer, ibanez.id, 2);
    const page = await buyer.get('/checkout');
    const form = { ...checkoutFields(page.body), payment: 'bank_transfer', email: 'telat@metrics.example', ...GUEST_ADDRESS };
    // After the route's quote, before the order takes the units, they are sold elsewhere.
    const restore = beforeShelfRead(store.database.db, () => db.update(products).set({ stock: 0 }).where(eq(products.id, ibanez.id)));
    try {
      const res = await buyer.post('/checkout', form);
      expect(res.location).toBe('/keranjang?pesan=stok');
    } finally {
      restore();
    }
    expect(refused((await scrape(`Bearer ${TOKEN}`)).body) - before).toBe(1);
  });
});

/** Runs `meanwhile` once, right before the checkout's unlocked read of the shelf (see checkout-stock-race.test.ts). */
function beforeShelfRead(db: TestStore['database']['db'], meanwhile: () => Promise<unknown>): () => void {
  const dialect = new PgDialect();
  const original = db.execute;
  let fired = false;
  (db as unknown as { execute: unknown }).execute = async (query: SQL) => {
    if (!fired && query instanceof SQL && dialect.sqlToQuery(query).sql.includes('p.stock FROM products p JOIN categories c')) {
      fired = true;
      await meanwhile();
    }
    return original.call(db, query);
  };
  return () => {
    delete (db as unknown as { execute?: unknown }).execute;
  };
}

describe.each(dbTargets)('chat metrics on %s', (target) => {
  const harness = useChat(target, { env: { METRICS_TOKEN: TOKEN } });
  const scrapeChat = (authorization?: string) =>
    fetch(`${harness.chat.url}/metrics`, { headers: authorization ? { authorization } : {} }).then(async (r) => ({
      status: r.status,
      type: r.headers.get('content-type'),
      text: await r.text(),
    }));

  it('answers only the bearer token, with its connections and messages by sender role', async () => {
    expect((await scrapeChat()).status).toBe(401);
    expect((await scrapeChat(`Bearer ${TOKEN}x`)).status).toBe(401);
    const customer = await harness.client('customer');
    const staff = await harness.client('staff');
    const sent = await emit(customer, 'message:send', { body: 'Ada senar 0.10?' });
    await emit(customer, 'message:send', { body: 'Yang Ernie Ball' });
    await emit(staff, 'message:send', { conversationId: sent.message.conversationId, body: 'Ada, kak.' });

    const scraped = await scrapeChat(`Bearer ${TOKEN}`);
    expect(scraped.status).toBe(200);
    expect(scraped.type).toContain('text/plain');
    expect(sample(scraped.text, 'hurtrock_chat_connections')).toBe(2);
    expect(sample(scraped.text, 'hurtrock_chat_messages_total{role="customer"}')).toBe(2);
    expect(sample(scraped.text, 'hurtrock_chat_messages_total{role="staff"}')).toBe(1);
    expect(scraped.text).toContain('hurtrock_chat_nodejs_eventloop_lag_seconds');

    customer.disconnect();
    await vi.waitFor(async () => expect(sample((await scrapeChat(`Bearer ${TOKEN}`)).text, 'hurtrock_chat_connections')).toBe(1));
  });

  it('is off without METRICS_TOKEN', async () => {
    const bare = buildChatApp({ config: { ...harness.chat.config, metricsToken: undefined }, db: harness.chat.db, logger: false });
    try {
      const res = await bare.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.statusCode).toBe(404);
    } finally {
      await bare.close();
    }
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
