/**
 * After checkout (O1, O2, P5, P7, P8) on both databases: the customer cancels (stock back once),
 * staff confirm a transfer, process, ship with a tracking number and deliver (an email each),
 * invalid moves are refused, unpaid orders expire exactly once, the invoice is only for the
 * owner, staff or the guest link, and "buy again" refills the cart.
 */
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emailOutbox, orderEvents, orders, products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, movementsSum, numberFrom, orderByNumber, placeOrder, stockOf } from './checkout-helpers';

describe.each(dbTargets)('orders on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  let fender: Awaited<ReturnType<typeof productBySlug>>;
  let staff: TestBrowser;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    fender = await productBySlug(db, 'yamaha-f310');
    await createUser(db, { email: 'fajar@orders.example', name: 'Fajar' });
    await createUser(db, { email: 'staff@orders.example', role: 'staff' });
    staff = new TestBrowser(store.app, '203.0.113.200');
    await staff.login('staff@orders.example', PASSWORD);
  });
  afterAll(() => store?.close());

  async function guestOrder(quantity = 1, email = 'guest@orders.example') {
    const b = new TestBrowser(store.app, `198.51.100.${Math.floor(Math.random() * 200) + 1}`);
    await addToCart(store.app, b, fender.id, quantity);
    const res = await placeOrder(b, { email, ...GUEST_ADDRESS });
    expect(res.status).toBe(303);
    return { b, url: res.location!.replace('&baru=1', ''), number: numberFrom(res.location) };
  }

  async function staffMove(number: string, to: string, extra: Record<string, string> = {}) {
    await staff.get(`/pesanan/${number}`);
    return staff.post(`/admin/pesanan/${number}/status`, { to, ...extra });
  }

  const mailsTo = (email: string) => db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, email)).orderBy(asc(emailOutbox.id));

  it('the customer cancels an unpaid order: stock comes back once, a second cancel is refused', async () => {
    const before = await stockOf(db, fender.id);
    const { b, url, number } = await guestOrder(2, 'cancel@orders.example');
    expect(await stockOf(db, fender.id)).toBe(before - 2);
    await b.get(url);
    const res = await b.post(`/pesanan/${number}/batal`, { k: new URL(url, 'http://x').searchParams.get('k')! });
    expect(res.status).toBe(303);
    const order = await orderByNumber(db, number);
    expect(order!.status).toBe('cancelled');
    expect(await stockOf(db, fender.id)).toBe(before);
    expect(await movementsSum(db, fender.id, order!.id)).toBe(0);
    const again = await b.post(`/pesanan/${number}/batal`, { k: new URL(url, 'http://x').searchParams.get('k')! });
    expect(again.status).toBe(409);
    expect(again.body).toContain('Status pesanan sudah berubah');
    expect(await stockOf(db, fender.id)).toBe(before);
    expect((await mailsTo('cancel@orders.example')).map((m) => m.subject)).toEqual([
      expect.stringContaining('diterima'),
      expect.stringContaining('dibatalkan'),
    ]);
  });

  it('the emailed link works in a fresh browser: the page gets a session, so its forms work', async () => {
    const { url, number } = await guestOrder(1, 'fresh@orders.example');
    const fresh = new TestBrowser(store.app, '198.51.100.249');
    const page = await fresh.get(url);
    expect(page.status).toBe(200);
    expect(fresh.csrf).toBeDefined();
    const res = await fresh.post(`/pesanan/${number}/batal`, { k: new URL(url, 'http://x').searchParams.get('k')! });
    expect(res.status).toBe(303);
    expect((await orderByNumber(db, number))!.status).toBe('cancelled');
  });

  it('a cancel without the guest link is a 404 and changes nothing', async () => {
    const { number } = await guestOrder(1, 'nolink@orders.example');
    const stranger = new TestBrowser(store.app, '198.51.100.250');
    await stranger.get('/masuk');
    expect((await stranger.post(`/pesanan/${number}/batal`, {})).status).toBe(404);
    expect((await stranger.post(`/pesanan/${number}/batal`, { k: 'forged-key-forged-key-12' })).status).toBe(404);
    expect((await orderByNumber(db, number))!.status).toBe('awaiting_payment');
  });

  it('staff confirm the transfer, process, ship with a tracking number and deliver; the customer sees each step', async () => {
    const { b, url, number } = await guestOrder(1, 'happy@orders.example');
    const sold = (await db.select({ n: products.soldCount }).from(products).where(eq(products.id, fender.id)))[0]!.n;
    expect((await staffMove(number, 'paid')).status).toBe(303);
    expect((await db.select({ n: products.soldCount }).from(products).where(eq(products.id, fender.id)))[0]!.n).toBe(sold + 1);
    expect((await staffMove(number, 'processing')).status).toBe(303);
    // Shipping needs the tracking number, in the courier's format (the cheapest service: POS).
    expect((await staffMove(number, 'shipped')).status).toBe(400);
    expect((await staffMove(number, 'shipped', { trackingNumber: 'P2612030012345' })).status).toBe(303);
    const page = await b.get(url);
    expect(page.body).toContain('P2612030012345');
    const template = (await orderByNumber(db, number))!.trackingUrlTemplate!;
    expect(page.body).toContain(template.replace('{awb}', 'P2612030012345'));
    expect((await staffMove(number, 'delivered')).status).toBe(303);
    const order = await orderByNumber(db, number);
    expect(order).toMatchObject({ status: 'delivered', trackingNumber: 'P2612030012345' });
    expect(order!.paidAt).toBeInstanceOf(Date);
    const events = await db.select().from(orderEvents).where(eq(orderEvents.orderId, order!.id));
    expect(events.map((e) => `${e.fromStatus ?? '-'}>${e.toStatus}:${e.actorKind}`)).toEqual([
      '->awaiting_payment:system',
      'awaiting_payment>paid:staff',
      'paid>processing:staff',
      'processing>shipped:staff',
      'shipped>delivered:staff',
    ]);
    expect(events.slice(1).every((e) => e.actorUserId !== null)).toBe(true);
    const subjects = (await mailsTo('happy@orders.example')).map((m) => m.subject);
    expect(subjects).toHaveLength(4); // placed, paid, shipped, delivered (processing sends none)
    const shipped = (await mailsTo('happy@orders.example')).find((m) => m.subject.includes('dikirim'));
    expect(shipped!.textBody).toContain('P2612030012345');
    // A finished order cannot go back.
    expect((await staffMove(number, 'paid')).status).toBe(409);
  });

  it('refunding a paid order gives the stock back and takes the sale off the count', async () => {
    const { number } = await guestOrder(1, 'refund@orders.example');
    const before = await stockOf(db, fender.id);
    await staffMove(number, 'paid');
    expect((await staffMove(number, 'refunded')).status).toBe(303);
    expect(await stockOf(db, fender.id)).toBe(before + 1);
    const order = await orderByNumber(db, number);
    expect(await movementsSum(db, fender.id, order!.id)).toBe(0);
  });

  it('refuses unknown statuses and moves the machine does not allow', async () => {
    const { number } = await guestOrder(1, 'bad@orders.example');
    expect((await staffMove(number, 'teleported')).status).toBe(400);
    expect((await staffMove(number, 'delivered')).status).toBe(409);
    expect((await staffMove(number, 'expired')).status).toBe(409); // only the system expires orders
    expect((await orderByNumber(db, number))!.status).toBe('awaiting_payment');
  });

  it('expires unpaid orders past their deadline exactly once, even with two runs at the same time', async () => {
    const { number } = await guestOrder(3, 'late@orders.example');
    const before = await stockOf(db, fender.id);
    await db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.number, number));
    const [a, b] = await Promise.all([store.app.maintenance.expireOrders(), store.app.maintenance.expireOrders()]);
    expect(a + b).toBeGreaterThanOrEqual(1);
    const order = await orderByNumber(db, number);
    expect(order!.status).toBe('expired');
    expect(await stockOf(db, fender.id)).toBe(before + 3);
    expect(await movementsSum(db, fender.id, order!.id)).toBe(0);
    expect(await store.app.maintenance.expireOrders()).toBe(0);
    expect((await mailsTo('late@orders.example')).some((m) => m.subject.includes('kedaluwarsa'))).toBe(true);
    // A paid order is never expired.
    const paid = await guestOrder(1, 'paid-late@orders.example');
    await staffMove(paid.number, 'paid');
    await db
      .update(orders)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(orders.number, paid.number));
    await store.app.maintenance.expireOrders();
    expect((await orderByNumber(db, paid.number))!.status).toBe('paid');
  });

  it('the invoice PDF is for the owner, staff and the guest link only', async () => {
    const { b, url, number } = await guestOrder(1, 'invoice@orders.example');
    const key = new URL(url, 'http://x').searchParams.get('k')!;
    const pdf = await b.get(`/pesanan/${number}/faktur.pdf?k=${key}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.body.startsWith('%PDF-')).toBe(true);
    expect((await staff.get(`/pesanan/${number}/faktur.pdf`)).status).toBe(200);
    const stranger = new TestBrowser(store.app, '198.51.100.251');
    await stranger.login('fajar@orders.example', PASSWORD);
    expect((await stranger.get(`/pesanan/${number}/faktur.pdf`)).status).toBe(404);
  });

  it('a customer sees only their own orders; "buy again" puts the items back in the cart', async () => {
    const b = new TestBrowser(store.app, '198.51.100.252');
    await b.login('fajar@orders.example', PASSWORD);
    await addToCart(store.app, b, fender.id, 1);
    const res = await placeOrder(b, { ...GUEST_ADDRESS });
    const number = numberFrom(res.location);
    expect((await b.get(`/pesanan/${number}`)).body).toContain(number);
    await staffMove(number, 'paid');
    await b.get(`/pesanan/${number}`);
    expect((await b.post(`/pesanan/${number}/beli-lagi`)).location).toBe('/keranjang?pesan=ditambah');
    expect((await b.get('/keranjang')).body).toContain(fender.name);
    // Staff cannot "buy again" or cancel on the customer's behalf from the customer routes.
    expect((await staff.post(`/pesanan/${number}/beli-lagi`)).status).toBe(404);
  });

  it('a guest order joins the account registered and verified with its email', async () => {
    const { number } = await guestOrder(1, 'later@orders.example');
    const b = new TestBrowser(store.app, '198.51.100.253');
    await b.get('/daftar');
    await b.post('/daftar', { name: 'Later', email: 'later@orders.example', password: PASSWORD });
    // Not yet: the address is not proven.
    expect((await orderByNumber(db, number))!.userId).toBeNull();
    const mail = (await mailsTo('later@orders.example')).find((m) => m.textBody.includes('/verifikasi-email?token='));
    const link = /\/verifikasi-email\?token=[\w.-]+/.exec(mail!.textBody)![0];
    expect((await b.get(link)).status).toBe(200);
    expect((await orderByNumber(db, number))!.userId).not.toBeNull();
    expect((await b.get('/akun/pesanan')).body).toContain(number);
  });
});
