/**
 * The orders desk (A6) through HTTP on both databases: the list's filters return exactly the right
 * orders (status, payment method, WIB dates, search by number, name, email or phone), the tabs count
 * per status, pages do not overlap, bad filters are field messages; an order's page shows only the
 * moves the table allows; refused moves are 409 with nothing changed; two staff shipping at once:
 * one wins; tracking numbers are checked per courier; notes stay staff-only; the shop is emailed for
 * each new order and receipt; the badge endpoint answers with an ETag; unknown numbers are 404.
 */
import { and, asc, eq, like } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, orderEvents, orderNotes, orders } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { multipart } from '../helpers/multipart';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, orderByNumber, placeOrder } from './checkout-helpers';

const SHOP = 'info@hurtrock.com';
const rowsOf = (html: string) => [...html.matchAll(/data-desk-row="([^"]+)"/g)].map((m) => m[1]);
function tabCount(html: string, tab: string): number {
  const match = new RegExp(`data-desk-tab="${tab}"[^>]*>[^<]*<span class="desk-tab-count">(\\d+)</span>`).exec(html);
  if (!match) throw new Error(`no tab ${tab}`);
  return Number(match[1]);
}

/** An order row written straight to the table: the filters care only about these columns. */
function seeded(i: number, over: Partial<typeof orders.$inferInsert> & { createdAt: Date }): typeof orders.$inferInsert {
  const suffix = String(i).padStart(5, '0');
  return {
    number: `HR-250301-T${suffix}`,
    idempotencyKey: `desk-test-${i}`,
    email: `pelanggan${i}@desk.example`,
    customerName: `Pelanggan ${i}`,
    shipRecipient: `Pelanggan ${i}`,
    shipPhone: `+62813000${suffix}`,
    shipStreet: 'Jl. Braga 1',
    shipCity: 'Bandung',
    shipProvince: 'Jawa Barat',
    shipPostalCode: '40111',
    shippingCourier: 'JNE',
    shippingServiceName: 'JNE Reguler',
    shippingMinDays: 2,
    shippingMaxDays: 4,
    billableKg: 1,
    shippingCost: 15_000,
    shippingCharge: 15_000,
    subtotal: 100_000,
    total: 115_000,
    paymentMethod: 'bank_transfer',
    expiresAt: new Date(over.createdAt.getTime() + 86_400_000),
    status: 'delivered',
    ...over,
  };
}

describe.each(dbTargets)('orders desk on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  let productId: number;
  let staff: TestBrowser;
  let staff2: TestBrowser;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    productId = (await productBySlug(db, 'yamaha-f310')).id;
    await createUser(db, { email: 'wulan@desk.example', role: 'staff', name: 'Wulan Staf' });
    await createUser(db, { email: 'yoga@desk.example', role: 'staff', name: 'Yoga Staf' });
    staff = new TestBrowser(store.app, '203.0.113.220');
    staff2 = new TestBrowser(store.app, '203.0.113.221');
    await staff.login('wulan@desk.example', PASSWORD);
    await staff2.login('yoga@desk.example', PASSWORD);

    // March 2025 in WIB: around the day boundaries (midnight WIB is 17:00 UTC the day before).
    await db.insert(orders).values([
      seeded(1, {
        createdAt: new Date('2025-02-28T17:30:00Z'),
        status: 'paid',
        customerName: 'Budi Santoso',
        shipPhone: '+6281111112222',
      }),
      seeded(2, { createdAt: new Date('2025-03-01T16:59:00Z'), status: 'awaiting_payment', email: 'sari.dewi@desk.example' }),
      seeded(3, { createdAt: new Date('2025-03-01T17:00:00Z'), status: 'shipped', trackingNumber: '1234567890123456' }),
      seeded(4, { createdAt: new Date('2025-02-28T16:59:00Z'), status: 'paid', customerName: 'Budi Kemarin' }),
      seeded(5, { createdAt: new Date('2025-03-05T03:00:00Z'), status: 'processing', customerName: 'Budi Hartono' }),
      seeded(6, { createdAt: new Date('2025-03-06T03:00:00Z'), status: 'delivered', customerName: 'Andi_Wijaya' }),
      seeded(7, { createdAt: new Date('2025-03-07T03:00:00Z'), status: 'cancelled', customerName: 'Andi Wijaya' }),
    ]);
    // 30 orders on one day of June 2024, a minute apart, for the pages.
    await db
      .insert(orders)
      .values(Array.from({ length: 30 }, (_, k) => seeded(100 + k, { createdAt: new Date(Date.UTC(2024, 5, 10, 3, k)) })));
  });
  afterAll(() => store?.close());

  let ip = 1;
  async function guestOrder(email = `guest${ip}@desk.example`) {
    const b = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, b, productId, 1);
    const res = await placeOrder(b, { email, ...GUEST_ADDRESS });
    expect(res.status).toBe(303);
    const url = res.location!.replace('&baru=1', '');
    await b.get(url);
    return { b, url, number: numberFrom(res.location) };
  }

  async function move(who: TestBrowser, number: string, form: Record<string, string>) {
    await who.get(`/admin/pesanan/${number}`);
    return who.post(`/admin/pesanan/${number}/status`, form);
  }

  const list = async (query: string) => {
    const res = await staff.get(`/admin/pesanan${query}`);
    return { ...res, rows: rowsOf(res.body) };
  };

  it('filters by WIB day, exactly: the day boundaries fall at 17:00 UTC', async () => {
    const day = await list('?dari=2025-03-01&sampai=2025-03-01');
    expect(day.status).toBe(200);
    expect(day.rows).toEqual(['HR-250301-T00002', 'HR-250301-T00001']);
    const march = await list('?dari=2025-03-01&sampai=2025-03-31');
    expect(march.rows).toEqual([
      'HR-250301-T00007',
      'HR-250301-T00006',
      'HR-250301-T00005',
      'HR-250301-T00003',
      'HR-250301-T00002',
      'HR-250301-T00001',
    ]);
    // The tabs count every status under the other filters.
    expect(tabCount(march.body, 'all')).toBe(6);
    expect(tabCount(march.body, 'paid')).toBe(1);
    expect(tabCount(march.body, 'awaiting_payment')).toBe(1);
    expect(tabCount(march.body, 'processing')).toBe(1);
    expect(tabCount(march.body, 'shipped')).toBe(1);
    expect(tabCount(march.body, 'delivered')).toBe(1);
    expect(tabCount(march.body, 'cancelled')).toBe(1);
    expect(tabCount(march.body, 'refunded')).toBe(0);
  });

  it('filters by status (keeping the tab counts), payment method and search', async () => {
    const paid = await list('?status=paid&dari=2025-02-01&sampai=2025-03-31');
    expect(paid.rows).toEqual(['HR-250301-T00001', 'HR-250301-T00004']);
    expect(tabCount(paid.body, 'all')).toBe(7);
    expect(paid.body).toContain('href="/admin/pesanan?status=shipped&amp;dari=2025-02-01&amp;sampai=2025-03-31"');
    expect((await list('?bayar=bank_transfer&dari=2025-03-01&sampai=2025-03-31')).rows).toHaveLength(6);

    const range = '&dari=2025-03-01&sampai=2025-03-31';
    expect((await list(`?q=budi${range}`)).rows).toEqual(['HR-250301-T00005', 'HR-250301-T00001']);
    expect((await list('?q=BUDI')).rows).toEqual(['HR-250301-T00005', 'HR-250301-T00001', 'HR-250301-T00004']);
    expect((await list('?q=sari.dewi@desk')).rows).toEqual(['HR-250301-T00002']);
    expect((await list('?q=hr-250301-t00003')).rows).toEqual(['HR-250301-T00003']);
    // A phone as people write it finds the stored +62 number.
    expect((await list('?q=0811-1111-2222')).rows).toEqual(['HR-250301-T00001']);
    // "_" is a character, not a wildcard.
    expect((await list('?q=andi_w')).rows).toEqual(['HR-250301-T00006']);
    expect((await list('?q=andi%20w')).rows).toEqual(['HR-250301-T00007']);
  });

  it('pages newest first without overlap', async () => {
    const one = await list('?dari=2024-06-10&sampai=2024-06-10');
    const two = await list('?dari=2024-06-10&sampai=2024-06-10&page=2');
    expect(one.rows).toHaveLength(25);
    expect(two.rows).toHaveLength(5);
    expect(new Set([...one.rows, ...two.rows]).size).toBe(30);
    expect(one.rows[0]).toBe('HR-250301-T00129');
    expect(two.rows.at(-1)).toBe('HR-250301-T00100');
    expect(one.body).toContain('rel="next"');
    // Past the last page: the last page.
    expect((await list('?dari=2024-06-10&sampai=2024-06-10&page=99')).rows).toEqual(two.rows);
  });

  it('answers bad filters with a message beside the field, the value kept, never a crash', async () => {
    const res = await list('?dari=2025-03-31&sampai=2025-03-01&status=hilang&bayar=tunai&q=budi');
    expect(res.status).toBe(400);
    expect(res.body).toContain('Tanggal akhir tidak boleh sebelum tanggal awal.');
    expect(res.body).toContain('Status ini tidak dikenal.');
    expect(res.body).toContain('Cara bayar ini tidak dikenal.');
    expect(res.body).toContain('value="2025-03-01"');
    expect(res.body).toMatch(/id="desk-sampai"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*id="desk-sampai"/);
    // Links keep only what applies.
    expect(res.body).toContain('data-desk-tab="paid"');
    expect(res.body).not.toContain('bayar=tunai');
    // The valid part still applies: "budi" in every date and status.
    expect(res.rows).toEqual(['HR-250301-T00005', 'HR-250301-T00001', 'HR-250301-T00004']);
    expect((await list('?dari=31-03-2025')).status).toBe(400);
    expect((await list(`?q=${'x'.repeat(150)}`)).body).toContain('Pencarian paling banyak 100 karakter.');
  });

  it('offers the print form and quick actions only where they apply', async () => {
    const res = await list('?dari=2025-03-01&sampai=2025-03-31');
    expect(res.body).toContain('action="/admin/pesanan/cetak"');
    expect(res.body).toContain('formtarget="_blank"');
    expect(res.body).toMatch(
      /<option value="label">[\s\S]*<option value="alamat">[\s\S]*<option value="slip">[\s\S]*<option value="faktur">/,
    );
    expect([...res.body.matchAll(/name="nomor" value="([^"]+)" form="desk-print"/g)].map((m) => m[1])).toEqual(res.rows);
    // Quick ship only on the order being processed, "process" only on the paid one.
    expect([...res.body.matchAll(/data-desk-quickship="([^"]+)"/g)].map((m) => m[1])).toEqual(['HR-250301-T00005']);
    expect([...res.body.matchAll(/data-desk-process="([^"]+)"/g)].map((m) => m[1])).toEqual(['HR-250301-T00001']);
  });

  it('a new order: the shop is emailed and the badge counts it once paid', async () => {
    const badge = await staff.get('/admin/pesanan/perlu-tindakan', { accept: 'application/json' });
    expect(badge.status).toBe(200);
    const before = JSON.parse(badge.body) as { count: number; toShip: number; receipts: number; latestId: number };
    const etag = badge.headers.etag as string;
    expect((await staff.get('/admin/pesanan/perlu-tindakan', { 'if-none-match': etag })).status).toBe(304);

    const { number } = await guestOrder('baru@desk.example');
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, SHOP), like(emailOutbox.subject, `%${number}%`)));
    expect(mails.map((m) => m.subject)).toEqual([`Pesanan baru ${number}`]);
    expect(mails[0]!.textBody).toContain(`/admin/pesanan/${number}`);

    const after = await staff.get('/admin/pesanan/perlu-tindakan', { 'if-none-match': etag });
    expect(after.status).toBe(200);
    const now = JSON.parse(after.body) as typeof before;
    expect(now.latestId).toBeGreaterThan(before.latestId);
    expect(now.count).toBe(before.count);
    expect((await move(staff, number, { to: 'paid', from: 'awaiting_payment' })).status).toBe(303);
    const paid = JSON.parse((await staff.get('/admin/pesanan/perlu-tindakan')).body) as typeof before;
    expect(paid).toMatchObject({ toShip: before.toShip + 1, count: before.count + 1 });
  });

  it('a transfer receipt: the shop is emailed and the badge counts it as one to check', async () => {
    const { b, url, number } = await guestOrder('bukti@desk.example');
    const before = JSON.parse((await staff.get('/admin/pesanan/perlu-tindakan')).body) as { receipts: number };
    const key = new URL(url, 'http://x').searchParams.get('k')!;
    const image = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#3366cc' } })
      .jpeg()
      .toBuffer();
    const body = multipart([
      { name: '_csrf', value: b.csrf! },
      { name: 'k', value: key },
      { name: 'proof', filename: 'bukti.jpg', type: 'image/jpeg', data: image },
    ]);
    const cookie = [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await store.app.inject({
      method: 'POST',
      url: `/pesanan/${number}/bukti-transfer?k=${key}`,
      headers: { cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(303);
    const mails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, SHOP), like(emailOutbox.subject, `%${number}%`)));
    expect(mails.map((m) => m.subject).sort()).toEqual([`Bukti transfer untuk ${number}`, `Pesanan baru ${number}`]);
    const after = JSON.parse((await staff.get('/admin/pesanan/perlu-tindakan')).body) as { receipts: number };
    expect(after.receipts).toBe(before.receipts + 1);
    // The receipt is shown inline on the order's page.
    expect((await staff.get(`/admin/pesanan/${number}`)).body).toContain(`src="/pesanan/${number}/bukti-transfer.jpg"`);
  });

  it("shows an order's page with only the moves the table allows, and 404 for unknown numbers", async () => {
    await guestOrder('lain@desk.example');
    const { number, b } = await guestOrder('lain@desk.example');
    const page = await staff.get(`/admin/pesanan/${number}`);
    expect(page.status).toBe(200);
    expect([...page.body.matchAll(/data-desk-move="([^"]+)"/g)].map((m) => m[1])).toEqual(['paid', 'cancelled']);
    expect(page.body).toContain('Yamaha F310');
    expect(page.body).toContain('lain@desk.example');
    expect(page.body).toMatch(/data-desk-other-orders[\s\S]*href="\/admin\/pesanan\/HR-/);
    expect(page.body).toContain(`href="/admin/pesanan/${number}/label.pdf"`);
    expect(page.body).toContain(`href="/admin/pesanan/${number}/faktur.pdf"`);
    // The customer's page links staff to the desk and carries no move buttons of its own.
    const customerView = await staff.get(`/pesanan/${number}`);
    expect(customerView.body).toContain(`href="/admin/pesanan/${number}"`);
    expect(customerView.body).not.toContain('/status"');
    // The customer who placed it is a guest here: the back office sends them to log in.
    const outsider = await b.get(`/admin/pesanan/${number}`);
    expect(outsider.status).toBe(303);
    expect(outsider.location).toMatch(/^\/masuk/);

    const unknown = await staff.get('/admin/pesanan/HR-000000-AAAAAA');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toContain('admin-body');
    expect((await staff.get('/admin/pesanan/bukan-nomor')).status).toBe(404);
    expect((await staff.post('/admin/pesanan/HR-000000-AAAAAA/status', { to: 'paid' })).status).toBe(404);
  });

  it('refuses a move the state machine does not allow (409, with why), and nothing changes', async () => {
    const { number } = await guestOrder();
    const order = (await orderByNumber(db, number))!;
    const res = await move(staff, number, { to: 'delivered', from: 'awaiting_payment' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Tidak diubah: pesanan berstatus &quot;Menunggu pembayaran&quot; tidak dapat menjadi &quot;Diterima&quot;.');
    expect((await orderByNumber(db, number))!.status).toBe('awaiting_payment');
    expect(await db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id))).toHaveLength(1);
    expect((await move(staff, number, { to: 'lost' })).status).toBe(400);
  });

  it('checks the tracking number against the courier before shipping; quick ship returns to the list', async () => {
    const { number } = await guestOrder();
    await move(staff, number, { to: 'paid', from: 'awaiting_payment' });
    await move(staff, number, { to: 'processing', from: 'paid' });
    const courier = (await orderByNumber(db, number))!.shippingCourier;
    expect(courier).toBe('POS Indonesia');
    const wrong = await move(staff, number, { to: 'shipped', from: 'processing', trackingNumber: 'JP1234567890' });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toContain('tidak sesuai format POS Indonesia');
    expect(wrong.body).toContain('value="JP1234567890"');
    expect((await orderByNumber(db, number))!.status).toBe('processing');
    expect((await move(staff, number, { to: 'shipped', from: 'processing', trackingNumber: '' })).status).toBe(400);

    const back = '/admin/pesanan?status=processing';
    const ok = await move(staff, number, { to: 'shipped', from: 'processing', trackingNumber: 'p 2612 0300 12345', back });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(back);
    expect((await staff.get(back)).body).toContain(`Pesanan ${number} sekarang: Dikirim.`);
    expect((await orderByNumber(db, number))!).toMatchObject({ status: 'shipped', trackingNumber: 'P2612030012345' });
    // A "back" elsewhere is ignored (no open redirect).
    const evil = await move(staff, number, { to: 'delivered', from: 'shipped', back: 'https://evil.example/admin/pesanan' });
    expect(evil.status).toBe(400);
  });

  it('two staff shipping at the same moment: one wins, the other sees the new state', async () => {
    const { number } = await guestOrder('balapan@desk.example');
    await move(staff, number, { to: 'paid', from: 'awaiting_payment' });
    await move(staff, number, { to: 'processing', from: 'paid' });
    await Promise.all([staff.get(`/admin/pesanan/${number}`), staff2.get(`/admin/pesanan/${number}`)]);
    const [a, b] = await Promise.all([
      staff.post(`/admin/pesanan/${number}/status`, { to: 'shipped', from: 'processing', trackingNumber: 'P2612030000001' }),
      staff2.post(`/admin/pesanan/${number}/status`, { to: 'shipped', from: 'processing', trackingNumber: 'P2612030000002' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body).toContain('sudah berubah menjadi &quot;Dikirim&quot;');
    expect(loser.body).toMatch(/data-order-status="shipped"/);
    const order = (await orderByNumber(db, number))!;
    expect(order.trackingNumber).toBe(a.status === 303 ? 'P2612030000001' : 'P2612030000002');
    const shippedEvents = await db
      .select()
      .from(orderEvents)
      .where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.toStatus, 'shipped')));
    expect(shippedEvents).toHaveLength(1);
    const shippedMails = await db
      .select()
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, 'balapan@desk.example'), like(emailOutbox.subject, '%dikirim%')));
    expect(shippedMails).toHaveLength(1);
  });

  it('keeps internal notes with who and when, for staff only', async () => {
    const { b, url, number } = await guestOrder();
    const empty = await staff.post(`/admin/pesanan/${number}/catatan`, { body: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toContain('Tulis catatannya dulu.');
    const long = await staff.post(`/admin/pesanan/${number}/catatan`, { body: 'x'.repeat(1001) });
    expect(long.status).toBe(400);
    expect(long.body).toContain('Catatan paling banyak 1000 karakter.');
    const res = await staff.post(`/admin/pesanan/${number}/catatan`, { body: 'Pelanggan minta dibungkus <b>kado</b>' });
    expect(res.status).toBe(303);
    const page = await staff.get(`/admin/pesanan/${number}`);
    expect(page.body).toContain('Pelanggan minta dibungkus &lt;b>kado&lt;/b>');
    expect(page.body).not.toContain('<b>kado');
    expect(page.body).toContain('Wulan Staf');
    const order = (await orderByNumber(db, number))!;
    expect(await db.select().from(orderNotes).where(eq(orderNotes.orderId, order.id)).orderBy(asc(orderNotes.id))).toHaveLength(1);
    expect((await b.get(url)).body).not.toContain('dibungkus');
    expect((await staff.post('/admin/pesanan/HR-000000-AAAAAA/catatan', { body: 'x' })).status).toBe(404);
  });

  it('names the staff member in the timeline', async () => {
    const { number } = await guestOrder();
    await move(staff2, number, { to: 'cancelled', from: 'awaiting_payment' });
    const page = await staff.get(`/admin/pesanan/${number}`);
    expect(page.body).toMatch(/data-desk-timeline[\s\S]*Dibatalkan[\s\S]*Yoga Staf/);
  });
});
