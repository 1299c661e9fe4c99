/**
 * Catalogue import and export through the admin (A2) on both databases: the export round-trips,
 * a preview saves nothing, applying creates and updates every row or none (stock through
 * movements), a bad row names its row and column, and a preview belongs to whoever uploaded it.
 */
import { and, count, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, stockMovements } from '../../src/db/schema';
import { COLUMNS } from '../../src/store/product-import/schema';
import { dbTargets } from '../helpers/databases';
import { multipart } from '../helpers/multipart';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

describe.each(dbTargets)('catalogue import and export on %s', (target) => {
  let store: TestStore;
  let admin: TestBrowser;

  beforeAll(async () => {
    store = await createTestStore(target);
    await createUser(store.database.db, { email: 'owner@import.example', role: 'admin' });
    await createUser(store.database.db, { email: 'other@import.example', role: 'admin' });
    admin = new TestBrowser(store.app, '203.0.113.91');
    await admin.login('owner@import.example', PASSWORD);
  });
  afterAll(() => store?.close());

  async function upload(b: TestBrowser, data: Buffer, filename = 'katalog.csv') {
    await b.get('/admin/produk/impor');
    const body = multipart([
      { name: '_csrf', value: b.csrf! },
      { name: 'file', filename, type: 'application/octet-stream', data },
    ]);
    const res = await store.app.inject({
      method: 'POST',
      url: '/admin/produk/impor',
      remoteAddress: '203.0.113.91',
      headers: { cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType },
      payload: body.payload,
    });
    const token = /name="token" value="([^"]+)"/.exec(res.body)?.[1];
    return { status: res.statusCode, body: res.body, token };
  }

  const productBySku = async (sku: string) => (await store.database.db.select().from(products).where(eq(products.sku, sku)))[0];

  const csv = (lines: string[][]) =>
    Buffer.from(lines.map((l) => l.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

  it('exports the catalogue as XLSX with the columns the import reads', async () => {
    const res = await store.app.inject({
      method: 'GET',
      url: '/admin/produk/ekspor.xlsx',
      remoteAddress: '203.0.113.91',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...COLUMNS]);
    const [total] = await store.database.db.select({ n: count() }).from(products);
    expect(sheet.actualRowCount - 1).toBe(Number(total!.n));
  });

  it('the exported file uploaded unchanged changes nothing', async () => {
    const res = await store.app.inject({
      method: 'GET',
      url: '/admin/produk/ekspor.xlsx',
      remoteAddress: '203.0.113.91',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    const preview = await upload(admin, res.rawPayload, 'katalog.xlsx');
    expect(preview.status).toBe(200);
    expect(preview.body).toMatch(/0 produk baru, 0 diperbarui, \d+ tidak berubah/);
    expect(preview.token).toBeUndefined();
  });

  it('previews, then creates and updates every row in one go, stock through movements', async () => {
    const before = await productBySku('GTR-IBZ-RG550');
    expect(before).toBeDefined();
    const sheet = csv([
      ['sku', 'name', 'brand', 'category', 'price', 'stock', 'weight_grams', 'length_cm', 'width_cm', 'height_cm', 'featured'],
      ['GTR-IBZ-RG550', '', '', '', '17.999.000', String(before!.stock + 4), '', '', '', '', ''],
      ['IMP-NEW-001', 'Jackson JS22 Dinky', 'Jackson', 'gitar-elektrik', 'Rp 3.250.000', '6', '4200', '105', '40', '12', 'ya'],
    ]);
    const preview = await upload(admin, sheet);
    expect(preview.status).toBe(200);
    expect(preview.body).toContain('1 produk baru, 1 diperbarui, 0 tidak berubah.');
    expect(preview.body).toContain('17999000');
    // Nothing saved by the preview.
    expect(await productBySku('IMP-NEW-001')).toBeUndefined();
    expect((await productBySku('GTR-IBZ-RG550'))!.price).toBe(before!.price);

    await admin.get('/admin/produk/impor');
    const applied = await admin.post('/admin/produk/impor/terapkan', { token: preview.token! });
    expect(applied.status).toBe(303);
    const page = await admin.get(applied.location!);
    expect(page.body).toContain('Impor selesai: 1 produk baru, 1 diperbarui.');

    const updated = (await productBySku('GTR-IBZ-RG550'))!;
    expect(updated.price).toBe(17_999_000);
    expect(updated.stock).toBe(before!.stock + 4);
    const created = (await productBySku('IMP-NEW-001'))!;
    // The sample catalogue already has a product with the slug made from this name: the SKU is appended.
    expect(created).toMatchObject({
      name: 'Jackson JS22 Dinky',
      slug: 'jackson-js22-dinky-imp-new-001',
      price: 3_250_000,
      stock: 6,
      isFeatured: true,
    });
    const movements = await store.database.db
      .select()
      .from(stockMovements)
      .where(and(eq(stockMovements.reason, 'adjustment'), eq(stockMovements.note, 'Impor katalog')));
    expect(movements.map((m) => [m.productId, m.change]).sort()).toEqual(
      [
        [updated.id, 4],
        [created.id, 6],
      ].sort(),
    );
    // The storefront shows the new product at once.
    const shown = await new TestBrowser(store.app).get('/produk/jackson-js22-dinky-imp-new-001');
    expect(shown.status).toBe(200);
    expect(shown.body).toContain('Jackson JS22 Dinky');
    // The same preview cannot be applied twice.
    await admin.get('/admin/produk/impor');
    expect((await admin.post('/admin/produk/impor/terapkan', { token: preview.token! })).status).toBe(410);
  });

  it('a bad row names its row and column, and nothing is saved', async () => {
    const sheet = csv([
      ['sku', 'name', 'brand', 'category', 'price', 'weight_grams', 'length_cm', 'width_cm', 'height_cm', 'warna'],
      ['IMP-OK-001', 'Boss DS-1', 'Boss', 'efek', '850000', '400', '12', '7', '6', ''],
      ['IMP-BAD-002', 'Boss SD-1', 'Boss', 'tidak-ada', 'murah', '400', '12', '7', '6', ''],
      ['IMP-OK-001', 'Boss DS-1 lagi', 'Boss', 'efek', '850000', '400', '12', '7', '6', ''],
    ]);
    const preview = await upload(admin, sheet);
    expect(preview.status).toBe(400);
    expect(preview.token).toBeUndefined();
    const issues = [
      ...preview.body.matchAll(/<tr><td>(\d+)<\/td><td><span class="font-monospace">([^<]+)<\/span><\/td><td>([^<]+)<\/td><\/tr>/g),
    ].map((m) => [Number(m[1]), m[2]]);
    expect(issues).toEqual([
      [1, '—'],
      [3, 'price'],
      [3, 'category'],
      [4, 'sku'],
    ]);
    expect(preview.body).toContain('Kolom &quot;warna&quot; tidak dikenal.');
    expect(await productBySku('IMP-OK-001')).toBeUndefined();
  });

  it('a preview belongs to the admin who uploaded it; no file and unreadable files get a message', async () => {
    const preview = await upload(
      admin,
      csv([
        ['sku', 'price'],
        ['GTR-IBZ-RG550', '18000000'],
      ]),
    );
    expect(preview.token).toBeDefined();
    const other = new TestBrowser(store.app, '203.0.113.92');
    await other.login('other@import.example', PASSWORD);
    await other.get('/admin/produk/impor');
    expect((await other.post('/admin/produk/impor/terapkan', { token: preview.token! })).status).toBe(410);
    expect((await productBySku('GTR-IBZ-RG550'))!.price).not.toBe(18_000_000);

    const broken = await upload(admin, Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'rusak.xlsx');
    expect(broken.status).toBe(400);
    expect(broken.body).toContain('tidak bisa dibaca sebagai XLSX atau CSV');
  });
});
