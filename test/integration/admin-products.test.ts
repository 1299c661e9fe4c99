import { existsSync, readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages, products, stockMovements } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { imagePath } from '../../src/store/media/service';
import { dbTargets } from '../helpers/databases';
import { pngBomb } from '../helpers/images';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { multipart } from '../helpers/multipart';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, placeOrder } from './checkout-helpers';

/** A phone photo with the shop's street address and GPS position in its EXIF. */
function gpsJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#cc3333' } })
    .withExif({
      IFD0: { ImageDescription: 'Gudang Hurtrock, Jl. Braga 12', Copyright: 'Hurtrock' },
      IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '6/1 54/1 3600/100', GPSLongitudeRef: 'E', GPSLongitude: '107/1 36/1 0/1' },
    })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 80 })
    .toBuffer();
}

const validProduct = (extra: Record<string, string> = {}) => ({
  name: 'Gitar Uji Distorsi 3000',
  slug: '',
  sku: 'UJI-3000',
  brand: 'Hurtrock',
  model: 'D3000',
  categoryId: '',
  supplierId: '',
  price: '2.750.000',
  stock: '5',
  minStock: '2',
  lowStockThreshold: '3',
  weightGrams: '4200',
  lengthCm: '110',
  widthCm: '40',
  heightCm: '12',
  description: 'Gitar listrik untuk pengujian.',
  isActive: 'on',
  ...extra,
});

const cookieOf = (b: TestBrowser) => [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

describe.each(dbTargets)('admin products on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let admin: TestBrowser;
  let categoryId: number;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    await createUser(db, { email: 'admin@products.example', role: 'admin' });
    await createUser(db, { email: 'staff@products.example', role: 'staff' });
    admin = new TestBrowser(store.app, '192.0.2.200');
    await admin.login('admin@products.example', PASSWORD);
    categoryId = (await productBySlug(db, 'yamaha-f310')).categoryId;
  });
  afterAll(() => store?.close());

  async function upload(
    b: TestBrowser,
    productId: number,
    files: { data: Buffer; filename: string; type: string }[],
    csrf = b.csrf ?? '',
    accept = 'text/html',
  ) {
    const body = multipart([{ name: '_csrf', value: csrf }, ...files.map((f) => ({ name: 'images', ...f }))]);
    const res = await store.app.inject({
      method: 'POST',
      url: `/admin/produk/${productId}/gambar`,
      remoteAddress: '192.0.2.200',
      headers: { cookie: cookieOf(b), 'content-type': body.contentType, accept },
      payload: body.payload,
    });
    for (const c of res.cookies) b.cookies.set(c.name, c.value);
    return res;
  }

  async function create(extra: Record<string, string>) {
    await admin.get('/admin/produk/baru');
    const res = await admin.post('/admin/produk/baru', validProduct({ categoryId: String(categoryId), ...extra }));
    expect(res.status, [...res.body.matchAll(/invalid-feedback d-block">([^<]+)/g)].map((m) => m[1]).join('; ')).toBe(303);
    return Number(/\/admin\/produk\/(\d+)$/.exec(res.location!)![1]);
  }

  it('is for admins only: staff get a 403, the sidebar shows Products to admins', async () => {
    const staff = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await staff.login('staff@products.example', PASSWORD);
    expect((await staff.get('/admin/produk')).status).toBe(403);
    const page = await admin.get('/admin/produk');
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-admin-nav="products"');
  });

  it('lists products with thumbnails, Rupiah prices, and search (typos too), filters, sort and pages in the URL', async () => {
    const page = await admin.get('/admin/produk?urut=harga-turun');
    expect(page.body).toContain('data-product-row=');
    expect(page.body).toMatch(/Rp\u00a0[\d.]+/);
    expect(page.body).toMatch(/class="admin-thumb" src="\/media\/products\/[\w-]+-320\.webp"/);
    const prices = [...page.body.matchAll(/<td class="text-end text-nowrap">Rp\u00a0([\d.]+)<\/td>/g)].map((m) =>
      Number(m[1]!.replace(/\./g, '')),
    );
    expect(prices.length).toBeGreaterThan(1);
    expect([...prices].sort((a, b) => b - a)).toEqual(prices);

    const typo = await admin.get('/admin/produk?q=yamaah');
    expect(typo.body).toContain('Yamaha');
    const none = await admin.get('/admin/produk?q=zzzqqqxxx');
    expect(none.body).not.toContain('data-product-row=');

    await db.update(products).set({ stock: 0 }).where(eq(products.slug, 'yamaha-f310'));
    const out = await admin.get('/admin/produk?stok=habis');
    expect(out.body).toContain('data-stock-state="out"');
    expect(out.body).not.toContain('data-stock-state="ok"');
    const ok = await admin.get('/admin/produk?stok=aman');
    expect(ok.body).not.toContain('data-stock-state="out"');

    // A parent category lists what is below it; sub-categories are named after their parent.
    const [acoustic] = await db.select().from(categories).where(eq(categories.id, categoryId));
    const byParent = await admin.get(`/admin/produk?kategori=${acoustic!.parentId}`);
    expect(byParent.body).toContain('data-product-row="GTR-YMH-F310"');
    expect(byParent.body).not.toContain('data-product-row="ACC-DAD-EXL110"');
    expect(byParent.body).toContain(`>Gitar › ${acoustic!.name}<`);

    const paged = await admin.get('/admin/produk?hal=2');
    expect(paged.body).toContain('aria-current="page">2<');
    // A wrong value falls back to the default instead of an error.
    expect((await admin.get('/admin/produk?urut=%3Cscript%3E&hal=-4&stok=x')).status).toBe(200);
  });

  it('creates a product with a slug from the name, its initial stock as a movement, visible in the shop at once', async () => {
    // Ask the shop first: the product page caches a missing product.
    expect((await new TestBrowser(store.app).get('/produk/gitar-uji-distorsi-3000')).status).toBe(404);
    const id = await create({});
    const [row] = await db.select().from(products).where(eq(products.id, id));
    expect(row).toMatchObject({ slug: 'gitar-uji-distorsi-3000', price: 2_750_000, stock: 5, isActive: true });
    const movements = await db.select().from(stockMovements).where(eq(stockMovements.productId, id));
    expect(movements).toMatchObject([{ change: 5, reason: 'adjustment' }]);
    const edit = await admin.get(`/admin/produk/${id}`);
    expect(edit.body).toContain('Produk ditambahkan');
    expect((await new TestBrowser(store.app).get('/produk/gitar-uji-distorsi-3000')).status).toBe(200);
    expect((await new TestBrowser(store.app).get('/produk?q=distorsi+3000')).body).toContain('Gitar Uji Distorsi 3000');

    // Same name again: the next free slug.
    const second = await create({ sku: 'UJI-3001' });
    const [again] = await db.select().from(products).where(eq(products.id, second));
    expect(again!.slug).toBe('gitar-uji-distorsi-3000-2');
  });

  it('re-renders bad input with the values kept and one message per field (400), SKU and slug conflicts too', async () => {
    await admin.get('/admin/produk/baru');
    const bad = await admin.post(
      '/admin/produk/baru',
      validProduct({ name: '', price: '0', weightGrams: 'abc', categoryId: String(categoryId), sku: 'UJI-BAD', brand: 'Merek <b>X</b>' }),
    );
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('Isi nama produk');
    expect(bad.body).toContain('Isi harga dalam rupiah utuh');
    expect(bad.body).toContain('Isi berat dalam gram');
    expect(bad.body).toContain('value="UJI-BAD"');
    expect(bad.body).toContain('value="Merek &lt;b>X&lt;/b>"');
    expect(bad.body).not.toContain('Merek <b>X</b>');

    const tooDear = await admin.post(
      '/admin/produk/baru',
      validProduct({ categoryId: String(categoryId), price: '1000000000000', sku: 'X1' }),
    );
    expect(tooDear.status).toBe(400);

    const taken = await admin.post(
      '/admin/produk/baru',
      validProduct({ categoryId: String(categoryId), sku: 'GTR-YMH-F310', slug: 'yamaha-f310' }),
    );
    expect(taken.status).toBe(400);
    expect(taken.body).toContain('SKU ini sudah dipakai');
    expect(taken.body).toContain('Slug ini sudah dipakai');
    const noCategory = await admin.post('/admin/produk/baru', validProduct({ categoryId: '999999', sku: 'X2' }));
    expect(noCategory.status).toBe(400);
    expect(noCategory.body).toContain('Pilih kategori.');
  });

  it('edits every field; stock changes only as an adjustment movement by the difference', async () => {
    const id = await create({ sku: 'UJI-EDIT', name: 'Bass Uji Edit' });
    const page = await admin.get(`/admin/produk/${id}`);
    expect(page.body).toContain('name="stockWas" value="5"');
    const res = await admin.post(
      `/admin/produk/${id}`,
      validProduct({
        categoryId: String(categoryId),
        sku: 'UJI-EDIT',
        name: 'Bass Uji Edit',
        slug: 'bass-uji-edit',
        stockWas: '5',
        stock: '8',
        price: '3000000',
        isFeatured: 'on',
      }),
    );
    expect(res.status).toBe(303);
    const [row] = await db.select().from(products).where(eq(products.id, id));
    expect(row).toMatchObject({ stock: 8, price: 3_000_000, isFeatured: true });
    const movements = await db.select().from(stockMovements).where(eq(stockMovements.productId, id));
    expect(movements.map((m) => m.change).sort()).toEqual([3, 5]);

    const clash = await admin.post(
      `/admin/produk/${id}`,
      validProduct({
        categoryId: String(categoryId),
        sku: 'GTR-YMH-F310',
        name: 'Bass Uji Edit',
        slug: 'bass-uji-edit',
        stockWas: '8',
        stock: '8',
      }),
    );
    expect(clash.status).toBe(400);
    expect(clash.body).toContain('SKU ini sudah dipakai');
    expect(clash.body).toContain('value="GTR-YMH-F310"');
    expect((await admin.get('/admin/produk/999999')).status).toBe(404);
  });

  it('bulk-switches the checked products with one POST', async () => {
    const a = await create({ sku: 'UJI-BULK-A', name: 'Bulk A' });
    const b = await create({ sku: 'UJI-BULK-B', name: 'Bulk B' });
    await admin.get('/admin/produk');
    const res = await store.app.inject({
      method: 'POST',
      url: '/admin/produk/massal',
      remoteAddress: '192.0.2.200',
      headers: { cookie: cookieOf(admin), 'content-type': 'application/x-www-form-urlencoded' },
      payload:
        `_csrf=${encodeURIComponent(admin.csrf!)}&action=deactivate&ids=${a}&ids=${b}` +
        `&back=${encodeURIComponent('/admin/produk?aktif=tidak')}`,
    });
    expect(res.statusCode).toBe(303);
    for (const c of res.cookies) admin.cookies.set(c.name, c.value);
    expect(res.headers.location).toBe('/admin/produk?aktif=tidak');
    const rows = await db.select({ active: products.isActive }).from(products).where(eq(products.sku, 'UJI-BULK-A'));
    expect(rows[0]!.active).toBe(false);
    const list = await admin.get('/admin/produk?aktif=tidak');
    expect(list.body).toContain('2 produk dinonaktifkan');
    expect(list.body).toContain('data-product-row="UJI-BULK-B"');
    // Without CSRF: refused.
    const forged = await store.app.inject({
      method: 'POST',
      url: '/admin/produk/massal',
      remoteAddress: '192.0.2.200',
      headers: { cookie: cookieOf(admin), 'content-type': 'application/x-www-form-urlencoded' },
      payload: `action=activate&ids=${a}`,
    });
    expect(forged.statusCode).toBe(403);

    // Re-activated: the shop shows it at once, although it had just answered (and cached) a 404.
    const [bulkA] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, a));
    expect((await new TestBrowser(store.app).get(`/produk/${bulkA!.slug}`)).status).toBe(404);
    await admin.get('/admin/produk');
    const back = await admin.post('/admin/produk/massal', { action: 'activate', ids: String(a) });
    expect(back.location).toBe('/admin/produk');
    expect((await new TestBrowser(store.app).get(`/produk/${bulkA!.slug}`)).status).toBe(200);
    // Nothing checked: a notice, no change.
    await admin.get('/admin/produk');
    expect((await admin.post('/admin/produk/massal', { action: 'feature' })).location).toBe('/admin/produk');
    expect((await admin.get('/admin/produk')).body).toContain('Centang minimal satu produk');
  });

  it('uploads a JPEG with EXIF GPS: stored sizes carry no EXIF and the shop shows it as the main image', async () => {
    const id = await create({ sku: 'UJI-IMG', name: 'Ampli Uji Gambar' });
    await admin.get(`/admin/produk/${id}`);
    const jpeg = await gpsJpeg();
    expect((await sharp(jpeg).metadata()).exif!.includes(Buffer.from([0x25, 0x88]))).toBe(true);
    const png = await sharp({ create: { width: 500, height: 500, channels: 3, background: '#00ff00' } })
      .png()
      .toBuffer();
    const res = await upload(admin, id, [
      { data: jpeg, filename: 'foto.jpg', type: 'image/jpeg' },
      { data: png, filename: 'kedua.png', type: 'image/png' },
    ]);
    expect(res.statusCode, res.body.slice(0, 500)).toBe(303);
    const images = await db.select().from(productImages).where(eq(productImages.productId, id)).orderBy(productImages.position);
    expect(images).toHaveLength(2);
    expect(images[0]!.isMain).toBe(true);
    for (const width of [320, 640, 1280]) {
      for (const format of ['webp', 'jpg'] as const) {
        const file = imagePath(store.config.uploadDir, images[0]!.storageKey, width, format);
        const meta = await sharp(readFileSync(file)).metadata();
        expect(meta.exif).toBeUndefined();
        expect(meta.orientation).toBeUndefined();
        expect(readFileSync(file).toString('latin1')).not.toContain('Braga');
      }
    }
    // Upright: the sideways photo is stored portrait.
    expect(images[0]!.sizes[2]).toEqual({ width: 1000, height: 1600 });

    // The second becomes main, then moves up; the shop shows the new main image at once.
    await admin.get(`/admin/produk/${id}`);
    expect((await admin.post(`/admin/produk/${id}/gambar/${images[1]!.id}/utama`)).status).toBe(303);
    const shop = await new TestBrowser(store.app).get('/produk/ampli-uji-gambar');
    expect(shop.status).toBe(200);
    expect(shop.body.indexOf(images[1]!.storageKey)).toBeGreaterThan(-1);
    expect(shop.body.indexOf(images[1]!.storageKey)).toBeLessThan(shop.body.indexOf(images[0]!.storageKey));
    expect((await admin.post(`/admin/produk/${id}/gambar/${images[1]!.id}/geser`, { direction: 'up' })).status).toBe(303);
    const moved = await db.select().from(productImages).where(eq(productImages.productId, id)).orderBy(productImages.position);
    expect(moved.map((m) => m.id)).toEqual([images[1]!.id, images[0]!.id]);

    // Removing the main image makes the other one main and deletes its files.
    const edit = await admin.get(`/admin/produk/${id}`);
    expect(edit.body).toContain('Hapus gambar ini dari produk?');
    expect((await admin.post(`/admin/produk/${id}/gambar/${images[1]!.id}/hapus`)).status).toBe(303);
    const left = await db.select().from(productImages).where(eq(productImages.productId, id));
    expect(left).toMatchObject([{ id: images[0]!.id, isMain: true }]);
    expect(existsSync(imagePath(store.config.uploadDir, images[1]!.storageKey, 640, 'webp'))).toBe(false);
  });

  it('refuses a text file renamed .jpg and a decompression bomb with a clear message, keeping the good files', async () => {
    const id = await create({ sku: 'UJI-BAD-IMG', name: 'Efek Uji Tolak' });
    await admin.get(`/admin/produk/${id}`);
    const good = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#123456' } })
      .jpeg()
      .toBuffer();
    const res = await upload(admin, id, [
      { data: Buffer.from('ini bukan gambar, hanya teks\n'), filename: 'catatan.jpg', type: 'image/jpeg' },
      { data: await pngBomb(), filename: 'bom.png', type: 'image/png' },
      { data: good, filename: 'bagus.jpg', type: 'image/jpeg' },
    ]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('catatan.jpg</strong>: File ini bukan gambar yang bisa dibaca.');
    expect(res.body).toContain('bom.png</strong>: Gambar ini terlalu besar resolusinya');
    expect(res.body).toContain('1 gambar ditambahkan.');
    expect(res.body).toContain('value="UJI-BAD-IMG"');
    expect(await db.select().from(productImages).where(eq(productImages.productId, id))).toHaveLength(1);

    // The drop zone sends one file at a time and asks for JSON.
    const json = await upload(
      admin,
      id,
      [{ data: Buffer.from('teks'), filename: 'x.jpg', type: 'image/jpeg' }],
      admin.csrf,
      'application/json',
    );
    expect(json.statusCode).toBe(400);
    expect(json.json()).toMatchObject({ ok: false, refused: [{ filename: 'x.jpg', message: 'File ini bukan gambar yang bisa dibaca.' }] });
    const jsonOk = await upload(admin, id, [{ data: good, filename: 'y.jpg', type: 'image/jpeg' }], admin.csrf, 'application/json');
    expect(jsonOk.json()).toEqual({ ok: true, added: 1, refused: [] });

    // No file, and no CSRF token.
    await admin.get(`/admin/produk/${id}`);
    expect((await upload(admin, id, [])).statusCode).toBe(400);
    expect((await upload(admin, id, [{ data: good, filename: 'a.jpg', type: 'image/jpeg' }], 'wrong')).statusCode).toBe(403);
  });

  it('puts the images in a dragged order, refusing a stale or foreign list of ids', async () => {
    const id = await create({ sku: 'UJI-URUT', name: 'Bass Uji Urutan' });
    const other = await create({ sku: 'UJI-URUT-2', name: 'Bass Uji Lain' });
    await admin.get(`/admin/produk/${id}`);
    const tile = (background: string) =>
      sharp({ create: { width: 64, height: 64, channels: 3, background } })
        .png()
        .toBuffer();
    const files = [await tile('#111111'), await tile('#555555'), await tile('#999999')];
    expect(
      (
        await upload(
          admin,
          id,
          files.map((data, i) => ({ data, filename: `u${i}.png`, type: 'image/png' })),
        )
      ).statusCode,
    ).toBe(303);
    await upload(admin, other, [{ data: files[0]!, filename: 'x.png', type: 'image/png' }]);
    const positions = () => db.select().from(productImages).where(eq(productImages.productId, id)).orderBy(productImages.position);
    const [a, b, c] = (await positions()).map((img) => img.id) as [number, number, number];
    const [foreign] = (await db.select().from(productImages).where(eq(productImages.productId, other))).map((img) => img.id);
    const json = { accept: 'application/json' };

    const moved = await admin.post(`/admin/produk/${id}/gambar/urutan`, { urutan: `${c},${a},${b}` }, json);
    expect(moved.status).toBe(200);
    expect(JSON.parse(moved.body)).toEqual({ ok: true });
    expect((await positions()).map((img) => img.id)).toEqual([c, a, b]);
    const shop = (await new TestBrowser(store.app).get('/produk/bass-uji-urutan')).body;
    expect(shop).toContain((await positions())[0]!.storageKey);

    // A missing, repeated or foreign id (another tab changed the images) changes nothing: 409 with the field.
    for (const urutan of [`${a},${b}`, `${a},${a},${b}`, `${a},${b},${foreign}`, 'satu,dua']) {
      const refused = await admin.post(`/admin/produk/${id}/gambar/urutan`, { urutan }, json);
      expect(refused.status, urutan).toBe(409);
      expect(JSON.parse(refused.body).error.fields.urutan).toContain('Muat ulang');
    }
    expect((await positions()).map((img) => img.id)).toEqual([c, a, b]);
    // Without script, the form post redirects back with the message.
    const page = await admin.post(`/admin/produk/${id}/gambar/urutan`, { urutan: `${a}` });
    expect(page.status).toBe(303);
    expect((await admin.get(`/admin/produk/${id}`)).body).toContain('Muat ulang halaman');
    expect((await admin.post('/admin/produk/999999/gambar/urutan', { urutan: `${a}` })).status).toBe(404);
  });

  it('answers an upload bigger than every allowed file at once with "too large" (413), unread', async () => {
    const id = await create({ sku: 'UJI-BESAR', name: 'Kabinet Uji Besar' });
    await admin.get(`/admin/produk/${id}`);
    const body = multipart([{ name: '_csrf', value: admin.csrf ?? '' }]);
    const send = (accept: string) =>
      store.app.inject({
        method: 'POST',
        url: `/admin/produk/${id}/gambar`,
        remoteAddress: '192.0.2.200',
        // Declared far above 8 × 10 MB: nothing is read, not even the CSRF field.
        headers: { cookie: cookieOf(admin), 'content-type': body.contentType, 'content-length': String(200 * 1024 * 1024), accept },
        payload: body.payload,
      });
    const page = await send('text/html');
    expect(page.statusCode).toBe(413);
    expect(page.body).toContain('File terlalu besar');
    expect(page.headers.connection).toBe('close');
    const json = await send('application/json');
    expect(json.statusCode).toBe(413);
    expect(JSON.parse(json.body).message).toContain('File terlalu besar');
  });

  it('allows at most 8 images per product', async () => {
    const id = await create({ sku: 'UJI-MAX', name: 'Drum Uji Maks' });
    await admin.get(`/admin/produk/${id}`);
    const small = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#999999' } })
      .png()
      .toBuffer();
    const nine = Array.from({ length: 9 }, (_, i) => ({ data: small, filename: `g${i}.png`, type: 'image/png' }));
    const res = await upload(admin, id, nine);
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('maksimal 8 gambar');
    expect(await db.select().from(productImages).where(eq(productImages.productId, id))).toHaveLength(0);
  });

  it('deletes a product that never sold, archives one that appears in an order', async () => {
    const id = await create({ sku: 'UJI-DEL', name: 'Produk Uji Hapus' });
    await admin.get(`/admin/produk/${id}`);
    const del = await admin.post(`/admin/produk/${id}/hapus`);
    expect(del.location).toBe('/admin/produk');
    expect(await db.select().from(products).where(eq(products.id, id))).toHaveLength(0);

    const sold = await productBySlug(db, 'yamaha-pacifica-pac112v');
    await db.update(products).set({ stock: 5 }).where(eq(products.id, sold.id));
    const buyer = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, buyer, sold.id, 1);
    expect((await placeOrder(buyer, { email: 'buyer@products.example', ...GUEST_ADDRESS })).status).toBe(303);
    await admin.get(`/admin/produk/${sold.id}`);
    const archived = await admin.post(`/admin/produk/${sold.id}/hapus`);
    expect(archived.location).toBe(`/admin/produk/${sold.id}`);
    const [row] = await db.select().from(products).where(eq(products.id, sold.id));
    expect(row!.isActive).toBe(false);
    expect((await admin.get(archived.location!)).body).toContain('diarsipkan');
    expect((await new TestBrowser(store.app).get(`/produk/${sold.slug}`)).status).toBe(404);
  });
});
