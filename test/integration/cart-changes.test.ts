/**
 * Bad input (K3) and products that change after being added (K4) on both databases: every
 * refused quantity names the `quantity` field, unknown products are 404, inactive products leave
 * the cart with a notice, price changes and stock drops are shown with old and new values.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/lib/money';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { TestBrowser } from './accounts-client';
import { badgeOf, guestToken, postJson, productBySlug, setProduct } from './cart-helpers';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe.each(dbTargets)('cart changes and bad input on %s', (target) => {
  let store: TestStore;
  type P = Awaited<ReturnType<typeof productBySlug>>;
  let ibanez: P;
  let cable: P;
  let pedal: P;

  beforeAll(async () => {
    store = await createTestStore(target);
    ibanez = await productBySlug(store.database.db, 'ibanez-rg550-genesis');
    cable = await productBySlug(store.database.db, 'planet-waves-classic-cable-10ft');
    pedal = await productBySlug(store.database.db, 'ehx-big-muff-pi');
  });
  afterAll(() => store?.close());

  async function guestWith(lines: [P, number][]) {
    const b = new TestBrowser(store.app);
    await guestToken(b);
    for (const [product, quantity] of lines) {
      expect((await postJson(store.app, b, '/keranjang/tambah', { product: product.id, quantity })).status).toBe(200);
    }
    return b;
  }

  it.each(['0', '-1', '1.5', '1000000000000', 'abc', '', '1e2', ' '])(
    'quantity %j is refused with an error naming `quantity`',
    async (quantity) => {
      const b = await guestWith([[ibanez, 1]]);
      for (const url of ['/keranjang/tambah', '/keranjang/ubah']) {
        const res = await postJson(store.app, b, url, { product: ibanez.id, quantity });
        expect(res.status, url).toBe(400);
        expect(res.json.error.fields).toEqual({ quantity: res.json.error.message });
        expect(res.json.error.message).toMatch(/Jumlah|Stok/);
      }
      // The plain form gets the cart page back with the message at the field.
      const form = await b.post('/keranjang/ubah', { product: String(ibanez.id), quantity });
      expect(form.status).toBe(400);
      expect(form.body).toContain('class="form-control is-invalid"');
      expect(badgeOf((await b.get('/keranjang')).body)).toBe(1);
    },
  );

  it('numbers in JSON are checked the same way', async () => {
    const b = await guestWith([]);
    for (const quantity of [0, -1, 1.5, 10 ** 12]) {
      const res = await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity });
      expect(res.status).toBe(400);
      expect(res.json.error.fields).toEqual({ quantity: res.json.error.message });
    }
  });

  it('more than the stock is refused; adding again caps the line at the stock with a notice', async () => {
    const b = await guestWith([[ibanez, 3]]);
    const tooMany = await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity: ibanez.stock + 1 });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toBe('Jumlah melebihi stok yang tersedia.');
    const capped = await postJson(store.app, b, '/keranjang/tambah', { product: ibanez.id, quantity: 3 });
    expect(capped.status).toBe(200);
    expect(capped.json.cart.units).toBe(ibanez.stock);
    expect(capped.json.message).toContain('semua stok yang tersedia');
    expect((await postJson(store.app, b, '/keranjang/ubah', { product: ibanez.id, quantity: ibanez.stock + 1 })).status).toBe(400);
  });

  it('an unknown, malformed or inactive product id is refused', async () => {
    const b = await guestWith([]);
    expect((await postJson(store.app, b, '/keranjang/tambah', { product: 999999, quantity: 1 })).status).toBe(404);
    const bad = await postJson(store.app, b, '/keranjang/tambah', { product: 'abc', quantity: 1 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual({ product: bad.json.error.message });
    expect((await postJson(store.app, b, '/keranjang/tambah', { quantity: 1 })).status).toBe(400);
    await setProduct(store.database.db, pedal.id, { isActive: false });
    try {
      expect((await postJson(store.app, b, '/keranjang/tambah', { product: pedal.id, quantity: 1 })).status).toBe(404);
      const form = await b.post('/keranjang/tambah', { product: String(pedal.id), quantity: '1' });
      expect(form.status).toBe(404);
      expect(form.body).toContain('Produk tidak ditemukan');
    } finally {
      await setProduct(store.database.db, pedal.id, { isActive: true });
    }
  });

  it('a product made inactive leaves the cart with a notice, once', async () => {
    const b = await guestWith([
      [pedal, 1],
      [cable, 2],
    ]);
    await setProduct(store.database.db, pedal.id, { isActive: false });
    try {
      const page = (await b.get('/keranjang')).body;
      expect(page).toContain(escapeHtml(`${pedal.name} tidak dijual lagi dan sudah dihapus dari keranjang.`));
      expect(page).not.toContain(`data-cart-line="${pedal.id}"`);
      expect(page).toContain(formatRupiah(cable.price * 2));
      expect(badgeOf(page)).toBe(2);
      expect((await b.get('/keranjang')).body).not.toContain('tidak dijual lagi');
    } finally {
      await setProduct(store.database.db, pedal.id, { isActive: true });
    }
  });

  it('a price change is flagged with old and new price until acknowledged; totals use today’s price', async () => {
    const b = await guestWith([[cable, 2]]);
    const newPrice = cable.price + 20_000;
    await setProduct(store.database.db, cable.id, { price: newPrice });
    try {
      const page = (await b.get('/keranjang')).body;
      expect(page).toContain(escapeHtml(`Harga berubah: ${formatRupiah(cable.price)} → ${formatRupiah(newPrice)}`));
      expect(page).toContain(formatRupiah(newPrice * 2));
      // Still flagged on the next visit: nothing was acknowledged yet.
      expect((await b.get('/keranjang')).body).toContain('Harga berubah');
      const ack = await b.post('/keranjang/konfirmasi');
      expect(ack.status).toBe(303);
      expect((await b.get('/keranjang')).body).not.toContain('Harga berubah');
    } finally {
      await setProduct(store.database.db, cable.id, { price: cable.price });
    }
  });

  it('a stock drop below the quantity caps it with the old and new values; sold out removes the line', async () => {
    const b = await guestWith([
      [cable, 5],
      [pedal, 1],
    ]);
    await setProduct(store.database.db, cable.id, { stock: 3 });
    await setProduct(store.database.db, pedal.id, { stock: 0 });
    try {
      const page = (await b.get('/keranjang')).body;
      expect(page).toContain(`Stok ${cable.name} turun dari ${cable.stock} menjadi 3: jumlahnya kami ubah dari 5 menjadi 3.`);
      expect(page).toContain(escapeHtml(`${pedal.name} sedang habis dan sudah dihapus dari keranjang.`));
      expect(page).toContain('value="3"');
      expect(page).toContain(formatRupiah(cable.price * 3));
      expect(badgeOf(page)).toBe(3);
    } finally {
      await setProduct(store.database.db, cable.id, { stock: cable.stock });
      await setProduct(store.database.db, pedal.id, { stock: pedal.stock });
    }
  });

  it('English text with ?lang=en', async () => {
    const b = await guestWith([[cable, 1]]);
    const page = (await b.get('/keranjang?lang=en')).body;
    expect(page).toContain('Shopping Cart');
    expect(page).toContain('Estimated shipping');
    expect(page).toMatch(/data-cart-shipping="true">from Rp/);
    const res = await postJson(store.app, b, '/keranjang/ubah', { product: cable.id, quantity: 'abc' });
    expect(res.json.error.message).toBe('The quantity must be a whole number, at least 1.');
  });
});
