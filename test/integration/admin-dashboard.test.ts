/**
 * A1 dashboard: figures from orders in every status around WIB midnight (the store's clock is
 * pinned), the chart's JSON equal to its table, and the waiting chats from the chat service —
 * counted when it answers, "Chat offline" (and still a page) when it hangs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, inArray, ne } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatConversations, chatMessages } from '../../src/db/chat-schema';
import { orderItems, orders, products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { formatRupiah } from '../../src/lib/money';
import type { OrderStatus } from '../../src/store/orders/state-machine';
import type { SalesChartData } from '../../src/store/admin/dashboard/chart-data';
import { type ChatHarness, startChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

const CHAT_SECRET = 'test-chat-token-secret-'.padEnd(48, 'y');
/** Thursday 3 December 2026, 17:00 WIB. WIB midnight of that day is 2 Dec 17:00 UTC. */
const NOW = new Date('2026-12-03T10:00:00Z');

let seq = 0;
async function insertOrder(
  db: StoreDb,
  o: { status: OrderStatus; paidAt: Date | null; createdAt?: Date; total: number; items: Array<{ productId: number; quantity: number }> },
) {
  seq += 1;
  const lines = await db
    .select()
    .from(products)
    .where(
      inArray(
        products.id,
        o.items.map((i) => i.productId),
      ),
    );
  const [row] = await db
    .insert(orders)
    .values({
      number: `HR-TEST-${String(seq).padStart(5, '0')}`,
      email: `buyer${seq}@dash.example`,
      customerName: `Pembeli ${seq}`,
      status: o.status,
      idempotencyKey: `dash-${seq}-${Math.random()}`,
      shipRecipient: 'Pembeli',
      shipPhone: '081234567890',
      shipStreet: 'Jl. Contoh 1',
      shipCity: 'Bandung',
      shipProvince: 'Jawa Barat',
      shipPostalCode: '40111',
      shippingCourier: 'JNE',
      shippingServiceName: 'REG',
      shippingMinDays: 1,
      shippingMaxDays: 2,
      billableKg: 1,
      shippingCost: 0,
      shippingCharge: 0,
      subtotal: o.total,
      total: o.total,
      paymentMethod: 'bank_transfer',
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      paidAt: o.paidAt,
      createdAt: o.createdAt ?? o.paidAt ?? NOW,
    })
    .returning({ id: orders.id, number: orders.number });
  await db.insert(orderItems).values(
    o.items.map((item) => {
      const p = lines.find((l) => l.id === item.productId)!;
      return {
        orderId: row!.id,
        productId: p.id,
        productSlug: p.slug,
        name: p.name,
        sku: p.sku,
        brand: p.brand,
        unitPrice: 1000,
        quantity: item.quantity,
        lineTotal: 1000 * item.quantity,
      };
    }),
  );
  return row!.number;
}

const figure = (html: string, id: string) =>
  html.match(new RegExp(`data-figure="${id}"[\\s\\S]*?data-figure-value[^>]*>([^<]*)<`))?.[1]?.trim();

function chartJson(html: string): SalesChartData {
  const json = html.match(/<script type="application\/json" id="dashboard-sales-data">([\s\S]*?)<\/script>/)?.[1];
  return JSON.parse(json!);
}

function tableRows(html: string) {
  return [...html.matchAll(/<tr data-date="([\d-]+)" data-amount="(\d+)" data-orders="(\d+)">/g)].map((m) => ({
    date: m[1]!,
    amount: Number(m[2]),
    orders: Number(m[3]),
  }));
}

describe.each(dbTargets)('admin dashboard on %s', (target) => {
  let chat: ChatHarness;
  let store: TestStore;
  let staff: TestBrowser;
  const numbers: Record<string, string> = {};
  const slugs: string[] = [];

  beforeAll(async () => {
    chat = await startChat(target, { env: { CHAT_TOKEN_SECRET: CHAT_SECRET } });
    store = await createTestStore(target, { clock: () => NOW, env: { CHAT_URL: chat.url, CHAT_TOKEN_SECRET: CHAT_SECRET } });
    const db = store.database.db;
    await createUser(db, { email: 'staff@dash.example', role: 'staff', password: PASSWORD });
    await createUser(db, { email: 'c1@dash.example', password: PASSWORD });
    await createUser(db, { email: 'c2@dash.example', password: PASSWORD });
    staff = new TestBrowser(store.app, '203.0.113.160');
    await staff.login('staff@dash.example', PASSWORD);

    // Five products to sell; every other product well stocked, then four stock situations.
    const all = await db.select().from(products).orderBy(products.id);
    const [p1, p2, p3, p4, p5, low1, low2, above, inactive] = all;
    slugs.push(p1!.slug, p2!.slug, p5!.slug);
    await db.update(products).set({ stock: 50, lowStockThreshold: 3 });
    await db.update(products).set({ stock: 2 }).where(eq(products.id, low1!.id));
    await db.update(products).set({ stock: 3 }).where(eq(products.id, low2!.id));
    await db.update(products).set({ stock: 4 }).where(eq(products.id, above!.id));
    await db.update(products).set({ stock: 0, isActive: false }).where(eq(products.id, inactive!.id));

    // Just before WIB midnight (2 Dec 23:59 WIB): yesterday.
    numbers.a = await insertOrder(db, {
      status: 'delivered',
      paidAt: new Date('2026-12-02T16:59:00Z'),
      total: 1000,
      items: [{ productId: p2!.id, quantity: 1 }],
    });
    // Just after it (3 Dec 00:01 WIB): today.
    numbers.b = await insertOrder(db, {
      status: 'paid',
      paidAt: new Date('2026-12-02T17:01:00Z'),
      total: 3000,
      items: [{ productId: p1!.id, quantity: 3 }],
    });
    numbers.c = await insertOrder(db, {
      status: 'processing',
      paidAt: new Date('2026-12-03T05:00:00Z'),
      total: 2000,
      items: [{ productId: p2!.id, quantity: 2 }],
    });
    // 1 Dec 00:30 WIB: this month; 30 Nov 23:30 WIB: last month, still within 30 days.
    numbers.d = await insertOrder(db, {
      status: 'shipped',
      paidAt: new Date('2026-11-30T17:30:00Z'),
      total: 1000,
      items: [{ productId: p5!.id, quantity: 1 }],
    });
    numbers.e = await insertOrder(db, {
      status: 'delivered',
      paidAt: new Date('2026-11-30T16:30:00Z'),
      total: 1000,
      items: [{ productId: p1!.id, quantity: 1 }],
    });
    // Not sales: refunded today, unpaid today, cancelled, and a sale 40 days ago.
    numbers.f = await insertOrder(db, {
      status: 'refunded',
      paidAt: new Date('2026-12-03T03:00:00Z'),
      total: 5000,
      items: [{ productId: p3!.id, quantity: 5 }],
    });
    numbers.g = await insertOrder(db, {
      status: 'awaiting_payment',
      paidAt: null,
      createdAt: new Date('2026-12-03T08:00:00Z'),
      total: 7000,
      items: [{ productId: p3!.id, quantity: 7 }],
    });
    numbers.h = await insertOrder(db, {
      status: 'cancelled',
      paidAt: null,
      createdAt: new Date('2026-12-03T07:00:00Z'),
      total: 4000,
      items: [{ productId: p4!.id, quantity: 4 }],
    });
    numbers.i = await insertOrder(db, {
      status: 'delivered',
      paidAt: new Date('2026-10-24T05:00:00Z'),
      total: 10000,
      items: [{ productId: p4!.id, quantity: 10 }],
    });

    // Chats: two open conversations wait (unread customer messages), one open is read, one archived waits but does not count.
    const cdb = chat.db.db;
    const conversation = async (name: string, status: 'open' | 'archived', read: boolean) => {
      const [c] = await cdb
        .insert(chatConversations)
        .values({ customerId: `user:${name}`, customerName: name, status })
        .returning();
      const [m] = await cdb
        .insert(chatMessages)
        .values({ conversationId: c!.id, senderId: `user:${name}`, senderRole: 'customer', body: 'Halo' })
        .returning();
      if (read) await cdb.update(chatConversations).set({ staffLastReadId: m!.id }).where(eq(chatConversations.id, c!.id));
    };
    await conversation('Ani', 'open', false);
    await conversation('Budi', 'open', false);
    await conversation('Citra', 'open', true);
    await conversation('Dedi', 'archived', false);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    await chat?.close();
  });

  it('shows the WIB-day sales, totals and chats', async () => {
    const res = await staff.get('/admin');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toContain('no-store');
    const html = res.body;
    // Today: the order paid one minute after midnight and the one paid this noon, not the one a minute before.
    expect(figure(html, 'sales-today')).toBe(formatRupiah(5000));
    expect(html).toContain('2 pesanan dibayar');
    // This month: 1 Dec onwards.
    expect(figure(html, 'sales-month')).toBe(formatRupiah(7000));
    expect(figure(html, 'orders')).toBe('9');
    const activeProducts = (await store.database.db.select({ id: products.id }).from(products).where(ne(products.isActive, false))).length;
    expect(figure(html, 'products')).toBe(String(activeProducts));
    expect(figure(html, 'customers')).toBe('2');
    expect(figure(html, 'chats')).toBe('2');
    expect(html).toContain('dari 3 percakapan terbuka');
    expect(html).not.toContain('data-chat-offline');
  });

  it('draws the chart from the same 30 numbers as its table', async () => {
    const html = (await staff.get('/admin')).body;
    const data = chartJson(html);
    const rows = tableRows(html);
    expect(data.dates).toHaveLength(30);
    expect(data.dates[0]).toBe('2026-11-04');
    expect(data.dates[29]).toBe('2026-12-03');
    expect(rows.map((r) => r.date)).toEqual(data.dates);
    expect(rows.map((r) => r.amount)).toEqual(data.amounts);
    expect(rows.map((r) => r.orders)).toEqual(data.orders);
    const byDate = Object.fromEntries(rows.map((r) => [r.date, r]));
    expect(byDate['2026-12-03']).toEqual({ date: '2026-12-03', amount: 5000, orders: 2 });
    expect(byDate['2026-12-02']).toEqual({ date: '2026-12-02', amount: 1000, orders: 1 });
    expect(byDate['2026-12-01']).toEqual({ date: '2026-12-01', amount: 1000, orders: 1 });
    expect(byDate['2026-11-30']).toEqual({ date: '2026-11-30', amount: 1000, orders: 1 });
    expect(data.amounts.reduce((a, b) => a + b, 0)).toBe(8000);
  });

  it('lists orders by status, the recent orders, best sellers and low stock', async () => {
    const html = (await staff.get('/admin')).body;
    const statusCount = (s: string) => html.match(new RegExp(`data-status="${s}"[\\s\\S]*?class="dash-count">(\\d+)<`))?.[1];
    expect(statusCount('delivered')).toBe('3');
    expect(statusCount('paid')).toBe('1');
    expect(statusCount('refunded')).toBe('1');
    expect(html).toContain('href="/admin/pesanan?status=awaiting_payment"');
    // Staff may not open the users list: their customers figure is no link.
    expect(html).not.toContain('href="/admin/pengguna');

    const recent = [...html.matchAll(/<tr data-order="([^"]+)">/g)].map((m) => m[1]);
    // Newest first, eight of nine; the order from October is left out.
    expect(recent).toEqual([numbers.g, numbers.h, numbers.c, numbers.f, numbers.b, numbers.a, numbers.d, numbers.e]);
    expect(html).toContain(`href="/admin/pesanan/${numbers.c}"`);

    const best = [...html.matchAll(/<li data-product="([^"]+)" data-units="(\d+)">/g)].map((m) => [m[1], Number(m[2])]);
    expect(best).toEqual([
      [slugs[0], 4],
      [slugs[1], 3],
      [slugs[2], 1],
    ]);
    expect(html).toContain(`href="/produk/${slugs[0]}"`);

    const low = [...html.matchAll(/<tr data-product="([^"]+)" data-stock="(\d+)">/g)].map((m) => Number(m[2]));
    expect(low).toEqual([2, 3]);
    expect(html).toContain('href="/admin/stok"');
    // Staff may not open the admin's product and stock pages: their links go to the shop.
    expect(html).not.toContain('href="/admin/produk');

    // An admin's figures lead to the back office pages that explain them.
    await createUser(store.database.db, { email: 'admin@dash.example', role: 'admin', password: PASSWORD });
    const admin = new TestBrowser(store.app, '203.0.113.162');
    await admin.login('admin@dash.example', PASSWORD);
    const adminHtml = (await admin.get('/admin')).body;
    expect(adminHtml).toContain('href="/admin/produk?aktif=ya"');
    expect(adminHtml).toMatch(/<li data-product="[^"]+" data-units="\d+"><a href="\/admin\/produk\/\d+">/);
    expect(adminHtml).toMatch(/<tr data-product="[^"]+" data-stock="\d+"><th scope="row" class="dash-wrap"><a href="\/admin\/stok\/\d+">/);
    // The customers figure opens the users list, filtered to customers (A8).
    expect(adminHtml).toContain('href="/admin/pengguna?peran=customer"');
  });

  it('is for staff and admins only', async () => {
    const customer = new TestBrowser(store.app, '203.0.113.161');
    await customer.login('c1@dash.example', PASSWORD);
    expect((await customer.get('/admin')).status).toBe(403);
    const anon = new TestBrowser(store.app, '203.0.113.162');
    expect((await anon.get('/admin')).status).toBe(303);
  });
});

describe.each(dbTargets)('admin dashboard with the chat service hanging on %s', (target) => {
  let store: TestStore;
  let hanging: http.Server;
  let staff: TestBrowser;

  beforeAll(async () => {
    // Accepts the connection and never answers.
    hanging = http.createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(hanging.address() as AddressInfo).port}`;
    store = await createTestStore(target, { sampleData: false, env: { CHAT_URL: url } });
    await createUser(store.database.db, { email: 'staff@dash-down.example', role: 'staff', password: PASSWORD });
    staff = new TestBrowser(store.app, '203.0.113.170');
    await staff.login('staff@dash-down.example', PASSWORD);
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    hanging?.closeAllConnections();
    await new Promise((resolve) => hanging?.close(resolve));
  });

  it('shows "Chat offline" within the timeout and still renders the page', async () => {
    const started = Date.now();
    const res = await staff.get('/admin');
    expect(Date.now() - started).toBeLessThan(4000);
    expect(res.status).toBe(200);
    expect(figure(res.body, 'chats')).toBe('Chat offline');
    expect(res.body).toContain('data-chat-offline');
    expect(figure(res.body, 'sales-today')).toBe(formatRupiah(0));
    expect(tableRows(res.body)).toHaveLength(30);
  });
});
