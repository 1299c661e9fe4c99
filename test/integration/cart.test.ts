/**
 * Cart journeys (K1–K3) on both databases: a guest cart in the session, the merge at login,
 * account carts across devices, isolation between customers, and CSRF on every change.
 */
import { desc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { carts } from '../../src/db/schema';
import { formatRupiah } from '../../src/lib/money';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { badgeOf, guestToken, postJson, productBySlug } from './cart-helpers';

describe.each(dbTargets)('cart on %s', (target) => {
  let store: TestStore;
  let ibanez: { id: number; price: number; stock: number; name: string };
  let yamaha: { id: number; price: number; stock: number; name: string };

  beforeAll(async () => {
    store = await createTestStore(target);
    ibanez = await productBySlug(store.database.db, 'ibanez-rg550-genesis');
    yamaha = await productBySlug(store.database.db, 'yamaha-f310');
    await createUser(store.database.db, { email: 'ani@cart.example' });
    await createUser(store.database.db, { email: 'budi@cart.example' });
    await createUser(store.database.db, { email: 'cici@cart.example' });
  });
  afterAll(() => store?.close());

  it('a visitor without a session sees an empty cart and gets no session for it', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/keranjang' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Keranjangmu masih kosong');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect(badgeOf(res.body)).toBe(0);
  });

  it('refuses changes without a CSRF token, with or without a session', async () => {
    const b = new TestBrowser(store.app);
    const none = await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity: 1 }, '');
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('csrf');
    await guestToken(b);
    const wrong = await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity: 1 }, 'forged');
    expect(wrong.status).toBe(403);
    const form = await b.request('POST', '/keranjang/tambah', { form: { product: String(ibanez.id), quantity: '1' } });
    expect(form.status).toBe(403);
    expect((await b.get('/keranjang')).body).toContain('Keranjangmu masih kosong');
  });

  it('a guest adds without reload (JSON), sees the badge and the cart page with the server’s totals', async () => {
    const b = new TestBrowser(store.app);
    await guestToken(b);
    const first = await postJson(store.app, b, '/keranjang/tambah', { product: String(ibanez.id), quantity: '2' });
    expect(first.status).toBe(200);
    expect(first.json.cart.units).toBe(2);
    expect(first.json.message).toContain(ibanez.name);
    const second = await postJson(store.app, b, '/keranjang/tambah', { product: yamaha.id, quantity: 1 });
    expect(second.json.cart.units).toBe(3);

    const page = await b.get('/keranjang');
    expect(page.status).toBe(200);
    expect(page.body).toContain(ibanez.name);
    expect(page.body).toContain(formatRupiah(ibanez.price));
    expect(page.body).toContain(formatRupiah(ibanez.price * 2));
    expect(page.body).toContain(`<dd data-cart-subtotal="true">${formatRupiah(ibanez.price * 2 + yamaha.price)}</dd>`);
    // Past the sample free-shipping threshold (Rp 10.000.000): the estimate says free.
    expect(page.body).toMatch(/data-cart-shipping="true">Gratis ongkir</);
    expect(page.body).toContain(`<dd data-cart-total="true">${formatRupiah(ibanez.price * 2 + yamaha.price)}</dd>`);
    expect(page.body).toContain(`max="${ibanez.stock}"`);
    expect(badgeOf(page.body)).toBe(3);
    // The home page is shared only by visitors without a session: this one has its own, with its badge.
    expect(badgeOf((await b.get('/')).body)).toBe(3);
    expect(badgeOf((await store.app.inject({ method: 'GET', url: '/' })).body)).toBe(0);
  });

  it('the plain form adds and lands on the cart with a message; change and remove work as forms too', async () => {
    const b = new TestBrowser(store.app);
    await guestToken(b);
    const add = await b.post('/keranjang/tambah', { product: String(yamaha.id), quantity: '2' });
    expect(add.status).toBe(303);
    expect(add.location).toBe('/keranjang?pesan=ditambah');
    expect((await b.get(add.location!)).body).toContain('Produk ditambahkan ke keranjang.');
    const change = await b.post('/keranjang/ubah', { product: String(yamaha.id), quantity: '5' });
    expect(change.location).toBe('/keranjang?pesan=diperbarui');
    const page = (await b.get('/keranjang')).body;
    expect(page).toContain(formatRupiah(yamaha.price * 5));
    expect(badgeOf(page)).toBe(5);
    const remove = await b.post('/keranjang/hapus', { product: String(yamaha.id) });
    expect(remove.location).toBe('/keranjang?pesan=dihapus');
    expect((await b.get('/keranjang')).body).toContain('Keranjangmu masih kosong');
  });

  it('changes quantity and removes live: the JSON carries the recomputed subtotal', async () => {
    const b = new TestBrowser(store.app);
    await guestToken(b);
    await postJson(store.app, b, '/keranjang/tambah', { product: yamaha.id, quantity: 1 });
    await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity: 1 });
    const changed = await postJson(store.app, b, '/keranjang/ubah', { product: yamaha.id, quantity: 3 });
    expect(changed.status).toBe(200);
    expect(changed.json.cart.subtotal).toBe(yamaha.price * 3 + ibanez.price);
    expect(changed.json.cart.subtotalText).toBe(formatRupiah(yamaha.price * 3 + ibanez.price));
    expect(changed.json.cart.lines.find((l: any) => l.productId === yamaha.id).lineTotalText).toBe(formatRupiah(yamaha.price * 3));
    const removed = await postJson(store.app, b, '/keranjang/hapus', { product: ibanez.id });
    expect(removed.json.cart.units).toBe(3);
    expect(removed.json.cart.lines.map((l: any) => l.productId)).toEqual([yamaha.id]);
    const again = await postJson(store.app, b, '/keranjang/hapus', { product: ibanez.id });
    expect(again.status).toBe(404);
  });

  it('at login the guest cart joins the account cart, capped by stock, and follows the account to other devices', async () => {
    const laptop = new TestBrowser(store.app);
    await laptop.login('ani@cart.example', PASSWORD);
    expect((await postJson(store.app, laptop, '/keranjang/tambah', { product: ibanez.id, quantity: 3 })).status).toBe(200);

    const phone = new TestBrowser(store.app, '203.0.113.11');
    await guestToken(phone);
    await postJson(store.app, phone, '/keranjang/tambah', { product: ibanez.id, quantity: 3 });
    await postJson(store.app, phone, '/keranjang/tambah', { product: yamaha.id, quantity: 2 });
    const before = (await store.database.db.select().from(carts)).length;
    const login = await phone.login('ani@cart.example', PASSWORD);
    expect(login.status).toBe(303);

    // 3 + 3 of a product with stock 4 → 4; the guest cart is gone.
    const page = (await phone.get('/keranjang')).body;
    expect(badgeOf(page)).toBe(ibanez.stock + 2);
    expect(page).toContain(`value="${ibanez.stock}"`);
    expect(page).toContain(formatRupiah(ibanez.price * ibanez.stock + yamaha.price * 2));
    expect((await store.database.db.select().from(carts)).length).toBe(before - 1);

    // Same account, other device: the same cart.
    expect(badgeOf((await laptop.get('/keranjang')).body)).toBe(ibanez.stock + 2);
    // Logging out leaves an empty guest cart behind; the account keeps its cart.
    await phone.post('/keluar');
    expect((await phone.get('/keranjang')).body).toContain('Keranjangmu masih kosong');
    await phone.login('ani@cart.example', PASSWORD);
    expect(badgeOf((await phone.get('/keranjang')).body)).toBe(ibanez.stock + 2);
  });

  it('another customer never sees or changes someone else’s cart', async () => {
    // Tests run in random order: this one fills its own customer's cart.
    const ani = new TestBrowser(store.app);
    await ani.login('cici@cart.example', PASSWORD);
    await postJson(store.app, ani, '/keranjang/tambah', { product: ibanez.id, quantity: 2 });
    const budi = new TestBrowser(store.app, '203.0.113.12');
    await budi.login('budi@cart.example', PASSWORD);
    const page = (await budi.get('/keranjang')).body;
    expect(page).toContain('Keranjangmu masih kosong');
    expect(page).not.toContain(ibanez.name);
    // Budi's requests only ever reach Budi's cart: Ani's lines are "not found" to him.
    expect((await postJson(store.app, budi, '/keranjang/ubah', { product: ibanez.id, quantity: 1 })).status).toBe(404);
    expect((await postJson(store.app, budi, '/keranjang/hapus', { product: ibanez.id })).status).toBe(404);
    expect(badgeOf((await ani.get('/keranjang')).body)).toBe(2);
    // A guest session cannot reach an account cart either.
    const guest = new TestBrowser(store.app, '203.0.113.13');
    await guestToken(guest);
    expect((await postJson(store.app, guest, '/keranjang/hapus', { product: ibanez.id })).status).toBe(404);
    expect(badgeOf((await ani.get('/keranjang')).body)).toBe(2);
  });

  it('guest carts of sessions that must have expired are swept when a new guest cart starts', async () => {
    const old = new TestBrowser(store.app, '203.0.113.14');
    await guestToken(old);
    await postJson(store.app, old, '/keranjang/tambah', { product: yamaha.id, quantity: 1 });
    const [row] = await store.database.db.select().from(carts).orderBy(desc(carts.id)).limit(1);
    await store.database.db
      .update(carts)
      .set({ createdAt: new Date(Date.now() - 26 * 3600_000) })
      .where(eq(carts.id, row!.id));
    const fresh = new TestBrowser(store.app, '203.0.113.15');
    await guestToken(fresh);
    await postJson(store.app, fresh, '/keranjang/tambah', { product: yamaha.id, quantity: 1 });
    expect(await store.database.db.select().from(carts).where(eq(carts.id, row!.id))).toEqual([]);
    expect(badgeOf((await fresh.get('/keranjang')).body)).toBe(1);
  });
});
