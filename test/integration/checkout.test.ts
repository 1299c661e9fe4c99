/**
 * Checkout journeys (P0–P2, P5, P7) on both databases: guest and account orders, stock reserved
 * with the order, totals the server computed whatever the form says, one order per form, and
 * every refusal (bad fields, changed prices, lowered stock, empty cart).
 */
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderEvents, orderItems, products, shippingServices } from '../../src/db/schema';
import { formatRupiah } from '../../src/lib/money';
import { parcelWeight, shippingCost } from '../../src/store/checkout/shipping';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug, setProduct } from './cart-helpers';
import { addToCart, checkoutFields, GUEST_ADDRESS, movementsSum, numberFrom, orderByNumber, placeOrder, stockOf } from './checkout-helpers';

describe.each(dbTargets)('checkout on %s', (target) => {
  let store: TestStore;
  let db: TestStore['database']['db'];
  let yamaha: Awaited<ReturnType<typeof productBySlug>>;
  let ibanez: Awaited<ReturnType<typeof productBySlug>>;
  let pedal: Awaited<ReturnType<typeof productBySlug>>;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    yamaha = await productBySlug(db, 'yamaha-f310');
    ibanez = await productBySlug(db, 'ibanez-rg550-genesis');
    const [boss] = await db.select().from(products).where(eq(products.brand, 'Boss')).limit(1);
    pedal = boss!;
    await createUser(db, { email: 'dewi@checkout.example', name: 'Dewi' });
  });
  afterAll(() => store?.close());

  it('the cart estimates shipping with the cheapest courier, and a change answers the new estimate', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, yamaha.id, 1);
    const services = await db.select().from(shippingServices).where(eq(shippingServices.isActive, true));
    const cheapest = (quantity: number) =>
      Math.min(...services.map((s) => shippingCost(s, parcelWeight([{ ...yamaha, quantity }], s.volumeDivisor).billableKg)));
    const page = await b.get('/keranjang');
    expect(page.body).toContain(`mulai ${formatRupiah(cheapest(1))}`);
    expect(page.body).toContain(`<dd data-cart-total="true">${formatRupiah(yamaha.price + cheapest(1))}</dd>`);
    const { postJson } = await import('./cart-helpers');
    const changed = await postJson(store.app, b, '/keranjang/ubah', { product: yamaha.id, quantity: 2 });
    expect(changed.json.cart.shippingText).toBe(`mulai ${formatRupiah(cheapest(2))}`);
    expect(changed.json.cart.totalText).toBe(formatRupiah(yamaha.price * 2 + cheapest(2)));
  });

  it('sends an empty cart back to the cart page', async () => {
    const b = new TestBrowser(store.app);
    expect((await b.get('/checkout')).location).toBe('/keranjang');
  });

  it('a guest buys by bank transfer: order awaiting payment, stock reserved, server totals, email with a signed link', async () => {
    const b = new TestBrowser(store.app);
    const before = await stockOf(db, yamaha.id);
    await addToCart(store.app, b, yamaha.id, 2);
    const page = await b.get('/checkout');
    expect(page.status).toBe(200);
    expect(page.body).toContain('JNE Reguler');
    const { shipping } = checkoutFields(page.body);
    const [service] = await db.select().from(shippingServices).where(eq(shippingServices.code, shipping));
    const kg = parcelWeight([{ ...yamaha, quantity: 2 }], service!.volumeDivisor).billableKg;
    const expectedShipping = shippingCost(service!, kg);

    // Tampered money fields are ignored: only choices are read from the form.
    const res = await placeOrder(b, {
      email: 'Rina@Example.com',
      ...GUEST_ADDRESS,
      total: '1',
      subtotal: '1',
      shippingCharge: '0',
      price: '1',
    });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/pesanan\/HR-\d{6}-[0-9A-Z]{6}\?k=[\w-]+&baru=1$/);
    const order = await orderByNumber(db, numberFrom(res.location));
    expect(order).toMatchObject({
      status: 'awaiting_payment',
      email: 'rina@example.com',
      userId: null,
      paymentMethod: 'bank_transfer',
      shipPostalCode: '40115',
      shipPhone: '+6281234567890',
    });
    expect(order!.subtotal).toBe(yamaha.price * 2);
    expect(order!.shippingCharge).toBe(expectedShipping);
    expect(order!.total).toBe(yamaha.price * 2 + expectedShipping);
    // 24 h to pay by transfer.
    expect(Math.round((order!.expiresAt.getTime() - order!.createdAt.getTime()) / 3600_000)).toBe(24);

    // Other tests (in random order) also buy this guitar: compare with this order's own movements.
    expect(await stockOf(db, yamaha.id)).toBe(before - 2);
    expect(await movementsSum(db, yamaha.id, order!.id)).toBe(-2);
    const items = await db.select().from(orderItems).where(eq(orderItems.orderId, order!.id));
    expect(items).toMatchObject([{ productId: yamaha.id, quantity: 2, unitPrice: yamaha.price, name: yamaha.name }]);
    expect(await db.select().from(orderEvents).where(eq(orderEvents.orderId, order!.id))).toMatchObject([
      { fromStatus: null, toStatus: 'awaiting_payment' },
    ]);

    const orderPage = await b.get(res.location!);
    expect(orderPage.status).toBe(200);
    expect(orderPage.headers['cache-control']).toContain('no-store');
    expect(orderPage.body).toContain('Menunggu pembayaran');
    expect(orderPage.body).toContain(formatRupiah(order!.total));
    expect(orderPage.body).toContain('BCA');
    // The cart is empty after ordering.
    expect((await b.get('/keranjang')).body).toContain('Keranjangmu masih kosong');

    const { emailOutbox } = await import('../../src/db/schema');
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'rina@example.com'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toContain(order!.number);
    expect(mails[0]!.textBody).toContain(`/pesanan/${order!.number}?k=`);
    expect(mails[0]!.textBody).toContain(formatRupiah(order!.total));
    expect(mails[0]!.htmlBody).toContain('BCA');
  });

  it('the guest link needs its signature; nobody else sees the order', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, yamaha.id, 1);
    const res = await placeOrder(b, { email: 'tono@example.com', ...GUEST_ADDRESS });
    const number = numberFrom(res.location);
    expect((await b.get(res.location!)).status).toBe(200);
    const stranger = new TestBrowser(store.app, '203.0.113.77');
    expect((await stranger.get(`/pesanan/${number}`)).status).toBe(404);
    expect((await stranger.get(`/pesanan/${number}?k=AAAAAAAAAAAAAAAAAAAAAAAA`)).status).toBe(404);
    expect((await stranger.get(`/pesanan/${number}?k=${'x'.repeat(5000)}`)).status).toBe(404);
    await stranger.login('dewi@checkout.example', PASSWORD);
    expect((await stranger.get(`/pesanan/${number}`)).status).toBe(404);
    expect((await stranger.get('/pesanan/not-a-number')).status).toBe(404);
  });

  it('a double-submitted form creates one order', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, ibanez.id, 1);
    const page = await b.get('/checkout');
    const fields = checkoutFields(page.body);
    const form = {
      key: fields.key,
      quote: fields.quote,
      shipping: fields.shipping,
      payment: 'bank_transfer',
      email: 'double@example.com',
      ...GUEST_ADDRESS,
    };
    const before = await stockOf(db, ibanez.id);
    const [first, second] = await Promise.all([b.post('/checkout', form), b.post('/checkout', form)]);
    expect(first.status).toBe(303);
    expect(second.status).toBe(303);
    expect(numberFrom(first.location)).toBe(numberFrom(second.location));
    expect(await stockOf(db, ibanez.id)).toBe(before - 1);
    // And once more after the cart is already empty: still the same order, not "empty cart".
    const third = await b.post('/checkout', form);
    expect(numberFrom(third.location)).toBe(numberFrom(first.location));
    // And after something new went into the cart: still that order (not "the prices changed"), and the new line stays.
    await addToCart(store.app, b, yamaha.id, 1);
    const fourth = await b.post('/checkout', form);
    expect(fourth.status).toBe(303);
    expect(numberFrom(fourth.location)).toBe(numberFrom(first.location));
    expect((await b.get('/keranjang')).body).toContain(yamaha.name);

    // The key is no password: another client posting a copied key never reaches that guest's order.
    const other = new TestBrowser(store.app, '198.51.100.201');
    await other.get('/');
    await addToCart(store.app, other, ibanez.id, 1);
    await other.get('/checkout');
    const copied = await other.post('/checkout', { ...form, quote: checkoutFields((await other.get('/checkout')).body).quote });
    expect(copied.status).toBe(303);
    expect(numberFrom(copied.location)).not.toBe(numberFrom(first.location));
    expect(copied.location).not.toContain(numberFrom(first.location));
    // And with an empty cart, a copied key is just an empty checkout.
    const empty = new TestBrowser(store.app, '198.51.100.202');
    await empty.get('/masuk');
    const nothing = await empty.post('/checkout', form);
    expect(nothing.location ?? '').not.toContain(numberFrom(first.location));
  });

  it('a 100 000-character note comes back as the form with the note’s message, everything else kept', async () => {
    const b = new TestBrowser(store.app, '198.51.100.203');
    await addToCart(store.app, b, yamaha.id, 1);
    const res = await placeOrder(b, { email: 'panjang@example.com', ...GUEST_ADDRESS, note: 'n'.repeat(100_000) });
    expect(res.status).toBe(400);
    expect(res.body).toMatch(/id="f-note-error"/);
    expect(res.body).toContain('value="panjang@example.com"');
    expect(res.body).toContain(`value="${GUEST_ADDRESS.street}"`);
  });

  it('re-renders with a message per field and keeps what was typed', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, yamaha.id, 1);
    const res = await placeOrder(b, {
      email: 'not-an-email',
      ...GUEST_ADDRESS,
      postalCode: '4011',
      phone: '12',
      street: '<script>alert(1)</script>',
      payment: 'bitcoin',
      shipping: 'nope',
    });
    expect(res.status).toBe(400);
    expect(res.body).toContain('Masukkan alamat email yang valid');
    expect(res.body).toContain('Kode pos terdiri dari 5 angka');
    expect(res.body).toContain('Masukkan nomor Indonesia');
    expect(res.body).toContain('Pilih metode pembayaran yang tersedia');
    expect(res.body).toContain('value="not-an-email"');
    expect(res.body).toContain('value="&lt;script>alert(1)&lt;/script>"');
    expect(res.body).not.toContain('<script>alert(1)');
    // Nothing was reserved and the cart is intact.
    expect((await b.get('/keranjang')).body).toContain(yamaha.name);
  });

  it('an unknown courier is refused without an order', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, yamaha.id, 1);
    const res = await placeOrder(b, { email: 'x@example.com', ...GUEST_ADDRESS, shipping: 'teleport' });
    expect(res.status).toBe(409);
    expect(res.body).toContain('Kurir yang dipilih tidak tersedia');
  });

  it('a price changed after the page was shown is shown before the order is placed', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, pedal.id, 1);
    const page = await b.get('/checkout');
    const fields = checkoutFields(page.body);
    await setProduct(db, pedal.id, { price: pedal.price + 50_000 });
    try {
      const res = await b.post('/checkout', { ...fields, payment: 'bank_transfer', email: 'p@example.com', ...GUEST_ADDRESS });
      expect(res.status).toBe(409);
      expect(res.body).toContain('Ada perubahan harga');
      expect(res.body).toContain(formatRupiah(pedal.price + 50_000));
      // Sending the new page's form places it at the new price.
      const again = await placeOrder(b, { email: 'p@example.com', ...GUEST_ADDRESS });
      expect(again.status).toBe(303);
      expect((await orderByNumber(db, numberFrom(again.location)))!.subtotal).toBe(pedal.price + 50_000);
    } finally {
      await setProduct(db, pedal.id, { price: pedal.price });
    }
  });

  it('stock lowered by the shop between cart and checkout: the cart is adjusted and nothing is oversold', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, ibanez.id, 2);
    const page = await b.get('/checkout');
    const fields = checkoutFields(page.body);
    const original = await stockOf(db, ibanez.id);
    await setProduct(db, ibanez.id, { stock: 1 });
    try {
      const res = await b.post('/checkout', { ...fields, payment: 'bank_transfer', email: 's@example.com', ...GUEST_ADDRESS });
      expect(res.status).toBe(409);
      expect(await stockOf(db, ibanez.id)).toBe(1);
    } finally {
      await setProduct(db, ibanez.id, { stock: original });
    }
  });

  it('an account orders to a saved address; another customer’s address id is refused', async () => {
    const b = new TestBrowser(store.app);
    await b.login('dewi@checkout.example', PASSWORD);
    await b.get('/akun/alamat');
    await b.post('/akun/alamat', { ...GUEST_ADDRESS, recipient: 'Dewi Drum', isDefault: 'on' });
    const own = /name="address" id="addr-(\d+)"/.exec(
      (
        await (async () => {
          await addToCart(store.app, b, yamaha.id, 1);
          return b.get('/checkout');
        })()
      ).body,
    )?.[1];
    expect(own).toBeDefined();

    const other = new TestBrowser(store.app, '203.0.113.88');
    await createUser(db, { email: 'eko@checkout.example' });
    await other.login('eko@checkout.example', PASSWORD);
    await addToCart(store.app, other, yamaha.id, 1);
    const refused = await placeOrder(other, { address: own! });
    expect(refused.status).toBe(400);
    expect(refused.body).toContain('Pilih alamat tersimpanmu');

    const res = await placeOrder(b, { address: own! });
    expect(res.status).toBe(303);
    expect(res.location).toMatch(/^\/pesanan\/HR-[^?]+\?baru=1$/);
    const order = await orderByNumber(db, numberFrom(res.location));
    expect(order).toMatchObject({ shipRecipient: 'Dewi Drum', email: 'dewi@checkout.example', customerName: 'Dewi' });
    const list = await b.get('/akun/pesanan');
    expect(list.body).toContain(order!.number);
    expect((await other.get('/akun/pesanan')).body).not.toContain(order!.number);
  });

  it('offers a login when a guest uses an email that has an account, then continues as a guest', async () => {
    const b = new TestBrowser(store.app);
    await addToCart(store.app, b, yamaha.id, 1);
    const first = await placeOrder(b, { email: 'dewi@checkout.example', ...GUEST_ADDRESS });
    expect(first.status).toBe(200);
    expect(first.body).toContain('sudah terdaftar');
    expect(first.body).toContain('name="asGuest" value="1"');
    const fields = checkoutFields(first.body);
    const second = await b.post('/checkout', {
      ...fields,
      payment: 'bank_transfer',
      asGuest: '1',
      email: 'dewi@checkout.example',
      ...GUEST_ADDRESS,
    });
    expect(second.status).toBe(303);
    const order = await orderByNumber(db, numberFrom(second.location));
    expect(order!.userId).toBeNull();
    // Dewi's email is verified when she next logs in… (createUser makes verified users)
    const dewi = new TestBrowser(store.app, '203.0.113.99');
    await dewi.login('dewi@checkout.example', PASSWORD);
    expect((await orderByNumber(db, order!.number))!.userId).not.toBeNull();
    expect((await dewi.get('/akun/pesanan')).body).toContain(order!.number);
  });
});
