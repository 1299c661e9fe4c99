/**
 * A4 Stock through HTTP on both databases: alerts by each product's own thresholds, a product's
 * history (sales, releases, adjustments), hand adjustments (refused below zero, nothing changed),
 * restock orders from draft to received, and two identical receipts racing: stock rises once.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products, restockOrderLines, restockOrders, stockMovements, suppliers } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { dbTargets } from '../helpers/databases';
import { pdfText } from '../helpers/pdf-text';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, movementsSum, numberFrom, placeOrder, stockOf } from './checkout-helpers';

describe.each(dbTargets)('admin stock pages on %s', (target) => {
  let store: TestStore;
  let db: StoreDb;
  let admin: TestBrowser;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    await createUser(db, { email: 'gudang@stock.example', role: 'admin', name: 'Gudang Admin' });
    await createUser(db, { email: 'staff@stock.example', role: 'staff' });
    admin = new TestBrowser(store.app, '203.0.113.90');
    expect((await admin.login('gudang@stock.example', PASSWORD)).status).toBe(303);
  });
  afterAll(() => store?.close());

  async function setStock(id: number, stock: number, minStock: number, lowStockThreshold: number) {
    await db.update(products).set({ stock, minStock, lowStockThreshold }).where(eq(products.id, id));
  }

  async function supplierId() {
    const [row] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.isActive, true)).limit(1);
    return row!.id;
  }

  it('is admin-only and shown in the admin sidebar', async () => {
    const staff = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await staff.login('staff@stock.example', PASSWORD);
    expect((await staff.get('/admin/stok')).status).toBe(403);
    const page = await admin.get('/admin/stok');
    expect(page.status).toBe(200);
    expect(page.body).toMatch(/data-admin-nav="stock"/);
  });

  it('lists out-of-stock, critical and low products by their own thresholds, with level and search in the URL', async () => {
    const [a, b, c, d] = await db.select().from(products).orderBy(products.id).limit(4);
    // Everything else is comfortably stocked, so only these four can appear.
    await db.execute(sql`UPDATE products SET stock = 50, min_stock = 2, low_stock_threshold = 5`);
    await setStock(a!.id, 0, 2, 5);
    await setStock(b!.id, 2, 2, 5); // at min_stock: critical
    await setStock(c!.id, 5, 2, 5); // at its low threshold: low
    await setStock(d!.id, 9, 1, 10); // low by its own, higher threshold
    const all = await admin.get('/admin/stok');
    const ids = [...all.body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1]));
    // Worst first: out of stock, then critical, then low.
    expect(ids.slice(0, 2)).toEqual([a!.id, b!.id]);
    expect(new Set(ids)).toEqual(new Set([a!.id, b!.id, c!.id, d!.id]));
    expect(all.body).toContain(`href="/admin/stok/${a!.id}"`);

    const out = await admin.get('/admin/stok?level=out');
    expect([...out.body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([a!.id]);
    const critical = await admin.get('/admin/stok?level=critical');
    expect([...critical.body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([b!.id]);
    const low = await admin.get('/admin/stok?level=low');
    expect(new Set([...low.body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1])))).toEqual(new Set([c!.id, d!.id]));

    const search = await admin.get(`/admin/stok?q=${encodeURIComponent(c!.sku)}`);
    expect([...search.body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1]))).toEqual([c!.id]);
    // A junk level is ignored rather than an error.
    expect((await admin.get('/admin/stok?level=nope&page=abc')).status).toBe(200);

    // Sortable columns, the order in the URL (kept by the level tabs and the search form).
    const rowsOf = async (url: string) => [...(await admin.get(url)).body.matchAll(/data-stock-row="(\d+)"/g)].map((m) => Number(m[1]));
    expect(await rowsOf('/admin/stok?urut=stock_desc')).toEqual([d!.id, c!.id, b!.id, a!.id]);
    expect(await rowsOf('/admin/stok?urut=stock')).toEqual([a!.id, b!.id, c!.id, d!.id]);
    // Best first: low (more stock first), then critical, then out.
    expect(await rowsOf('/admin/stok?urut=level_desc')).toEqual([d!.id, c!.id, b!.id, a!.id]);
    const bySku = [a!, b!, c!, d!].sort((x, y) => (x.sku < y.sku ? -1 : 1)).map((p) => p.id);
    expect(await rowsOf('/admin/stok?urut=sku')).toEqual(bySku);
    expect(await rowsOf('/admin/stok?urut=sku_desc')).toEqual([...bySku].reverse());
    const sorted = await admin.get('/admin/stok?urut=stock_desc&level=low');
    expect(sorted.body).toContain('aria-sort="descending"');
    expect(sorted.body).toContain('href="/admin/stok?urut=stock_desc"');
    expect(sorted.body).toContain('name="urut" value="stock_desc"');
    expect(await rowsOf('/admin/stok?urut=sideways')).toEqual(ids);
  });

  it('adjusts stock by hand with a note, and refuses bad input with one message per field and nothing changed', async () => {
    const p = await productBySlug(db, 'yamaha-f310');
    await setStock(p.id, 3, 1, 3);
    const before = await movementsSum(db, p.id);
    await admin.get(`/admin/stok/${p.id}?lang=id`);

    const ok = await admin.post(`/admin/stok/${p.id}/penyesuaian`, { delta: '-1', note: 'rusak' });
    expect(ok.status).toBe(303);
    expect(ok.location).toBe(`/admin/stok/${p.id}`);
    expect(await stockOf(db, p.id)).toBe(2);
    expect(await movementsSum(db, p.id)).toBe(before - 1);
    const page = await admin.get(ok.location!);
    expect(page.body).toContain('Stok diubah menjadi 2.');

    for (const [form, field, message] of [
      [{ delta: '0', note: 'stock opname' }, 'delta', 'Perubahan tidak boleh nol.'],
      [{ delta: '1.5', note: 'stock opname' }, 'delta', 'Isi bilangan bulat'],
      [{ delta: 'abc', note: 'stock opname' }, 'delta', 'Isi bilangan bulat'],
      [{ delta: '2', note: '   ' }, 'note', 'Tulis alasannya'],
      [{ delta: '-3', note: 'hilang' }, 'delta', 'Hasilnya kurang dari nol'],
    ] as const) {
      const res = await admin.post(`/admin/stok/${p.id}/penyesuaian`, form);
      expect(res.status).toBe(400);
      expect(res.body).toContain(message);
      expect(res.body).toContain(`id="f-${field}-error"`);
      expect(res.body).toContain(`value="${form.delta}"`);
    }
    expect(await stockOf(db, p.id)).toBe(2);
    expect(await movementsSum(db, p.id)).toBe(before - 1);
    // Without the CSRF token nothing happens either.
    const forged = await admin.request('POST', `/admin/stok/${p.id}/penyesuaian`, { form: { delta: '5', note: 'x' } });
    expect(forged.status).toBe(403);
    expect(await stockOf(db, p.id)).toBe(2);
    expect((await admin.get('/admin/stok/999999')).status).toBe(404);
  });

  it('shows a product’s history: sales reservations, releases by cancel and adjustments, with who and the order link', async () => {
    const p = await productBySlug(db, 'yamaha-f310');
    await setStock(p.id, 10, 1, 3);
    const guest = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, guest, p.id, 2);
    const placed = await placeOrder(guest, { email: 'history@stock.example', ...GUEST_ADDRESS });
    expect(placed.status).toBe(303);
    const number = numberFrom(placed.location);
    const k = new URL(placed.location!, 'http://x').searchParams.get('k')!;
    expect((await guest.post(`/pesanan/${number}/batal`, { k })).status).toBe(303);
    await admin.get(`/admin/stok/${p.id}`);
    await admin.post(`/admin/stok/${p.id}/penyesuaian`, { delta: '4', note: 'stock opname' });

    const page = await admin.get(`/admin/stok/${p.id}?lang=en`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('data-movement="order_reserved"');
    expect(page.body).toContain('data-movement="order_released"');
    expect(page.body).toContain('data-movement="adjustment"');
    expect(page.body).toContain('Sale reservation');
    expect(page.body).toContain('Released (order cancelled or expired)');
    expect(page.body).toContain(`href="/pesanan/${number}"`);
    expect(page.body).toContain('Gudang Admin');
    expect(page.body).toContain('stock opname');
    expect(page.body).toContain('WIB');
    const stock = await stockOf(db, p.id);
    expect(page.body).toMatch(new RegExp(`data-stock-current="true">${stock}\\b`));
  });

  it('takes a restock order from draft to ordered to received, in two partial receipts, with its PDF', async () => {
    const [a, b] = await db.select().from(products).orderBy(products.id).limit(2);
    await setStock(a!.id, 1, 1, 3);
    await setStock(b!.id, 0, 1, 3);
    const sid = await supplierId();
    const countBefore = (await db.select().from(restockOrders)).length;
    await admin.get('/admin/stok/restock/baru?lang=id');

    // Bad input: no supplier, a zero quantity, a cost with letters, the same product twice.
    const bad = await admin.post('/admin/stok/restock', {
      supplierId: '',
      productId_0: String(a!.id),
      quantity_0: '0',
      unitCost_0: 'abc',
      productId_1: String(a!.id),
      quantity_1: '1',
      unitCost_1: '100',
    });
    expect(bad.status).toBe(400);
    expect(bad.body).toContain('id="supplierId-error"');
    expect(bad.body).toContain('id="quantity_0-error"');
    expect(bad.body).toContain('id="unitCost_0-error"');
    expect(bad.body).toContain('id="productId_1-error"');
    expect(await db.select().from(restockOrders)).toHaveLength(countBefore);

    const created = await admin.post('/admin/stok/restock', {
      supplierId: String(sid),
      notes: 'Kirim sebelum Jumat',
      productId_0: String(a!.id),
      quantity_0: '5',
      unitCost_0: '1.250.000',
      productId_2: String(b!.id),
      quantity_2: '3',
      unitCost_2: '400000',
    });
    expect(created.status).toBe(303);
    const id = Number(/\/admin\/stok\/restock\/(\d+)$/.exec(created.location!)![1]);
    const draft = await admin.get(created.location!);
    expect(draft.body).toContain('Pesanan restock #');
    expect(draft.body).toContain('Rp\u00a06.250.000');

    // Edit the draft: 6 of A instead of 5.
    const edit = await admin.get(`/admin/stok/restock/${id}/ubah`);
    expect(edit.status).toBe(200);
    expect(edit.body).toContain('value="1250000"');
    const badEdit = await admin.post(`/admin/stok/restock/${id}`, {
      supplierId: String(sid),
      productId_0: '999999',
      quantity_0: '1',
      unitCost_0: '1',
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body).toContain('id="productId_0-error"');
    const edited = await admin.post(`/admin/stok/restock/${id}`, {
      supplierId: String(sid),
      productId_0: String(a!.id),
      quantity_0: '6',
      unitCost_0: '1250000',
      productId_1: String(b!.id),
      quantity_1: '3',
      unitCost_1: '400000',
    });
    expect(edited.status).toBe(303);
    // A draft cannot be received yet.
    await admin.get(`/admin/stok/restock/${id}`);
    expect((await admin.post(`/admin/stok/restock/${id}/terima`, { seen: '0' })).status).toBe(409);

    expect((await admin.post(`/admin/stok/restock/${id}/pesan`)).status).toBe(303);
    expect(
      (
        await admin.post(`/admin/stok/restock/${id}`, {
          supplierId: String(sid),
          productId_0: String(a!.id),
          quantity_0: '1',
          unitCost_0: '1',
        })
      ).status,
    ).toBe(409);
    const lines = await db.select().from(restockOrderLines).where(eq(restockOrderLines.restockOrderId, id)).orderBy(restockOrderLines.id);
    const [la, lb] = lines;

    const ordered = await admin.get(`/admin/stok/restock/${id}`);
    expect(ordered.body).toContain(`name="received_${la!.id}"`);
    // More than outstanding, and nothing at all, are refused with nothing changed.
    const tooMany = await admin.post(`/admin/stok/restock/${id}/terima`, { seen: '0', [`received_${la!.id}`]: '7' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toContain(`id="received_${la!.id}-error"`);
    expect((await admin.post(`/admin/stok/restock/${id}/terima`, { seen: '0' })).status).toBe(400);
    expect(await stockOf(db, a!.id)).toBe(1);

    const first = await admin.post(`/admin/stok/restock/${id}/terima`, {
      seen: '0',
      [`received_${la!.id}`]: '4',
      [`received_${lb!.id}`]: '3',
    });
    expect(first.status).toBe(303);
    expect(await stockOf(db, a!.id)).toBe(5);
    expect(await stockOf(db, b!.id)).toBe(3);
    const [afterFirst] = await db.select().from(restockOrders).where(eq(restockOrders.id, id));
    expect(afterFirst!.status).toBe('ordered');

    const second = await admin.post(`/admin/stok/restock/${id}/terima`, { seen: '7', [`received_${la!.id}`]: '2' });
    expect(second.status).toBe(303);
    expect((await admin.get(second.location!)).body).toContain(`pesanan restock #${id} selesai`);
    const [done] = await db.select().from(restockOrders).where(eq(restockOrders.id, id));
    expect(done!.status).toBe('received');
    expect(done!.receivedAt).toBeInstanceOf(Date);
    expect(await stockOf(db, a!.id)).toBe(7);
    const moves = await db.select().from(stockMovements).where(eq(stockMovements.restockOrderId, id));
    expect(moves.map((m) => [m.productId, m.change, m.reason]).sort()).toEqual(
      [
        [a!.id, 4, 'restock'],
        [b!.id, 3, 'restock'],
        [a!.id, 2, 'restock'],
      ].sort(),
    );
    // Received orders cannot be cancelled.
    expect((await admin.post(`/admin/stok/restock/${id}/batal`)).status).toBe(409);

    const history = await admin.get(`/admin/stok/${a!.id}`);
    expect(history.body).toContain(`href="/admin/stok/restock/${id}"`);
    const list = await admin.get('/admin/stok/restock?status=received');
    expect(list.body).toContain(`data-restock-row="${id}"`);
    expect((await admin.get('/admin/stok/restock?status=draft')).body).not.toContain(`data-restock-row="${id}"`);

    const pdf = await store.app.inject({
      url: `/admin/stok/restock/${id}/po.pdf`,
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(pdf.rawPayload);
    expect(text).toContain(`PO-${String(id).padStart(6, '0')}`);
    expect(text).toContain('Purchase Order');
    const [supplier] = await db.select().from(suppliers).where(eq(suppliers.id, sid));
    const all = text.join(' ');
    expect(all).toContain(supplier!.name);
    expect(all).toContain('Hurtrock Music Store');
    expect(all).toContain('Rp 7.500.000'); // the line: 6 × 1.250.000
    expect(all).toContain('Rp 8.700.000'); // the total, with 3 × 400.000
  });

  it('cancels a draft after confirmation', async () => {
    const [a] = await db.select().from(products).orderBy(products.id).limit(1);
    await admin.get('/admin/stok/restock/baru');
    const created = await admin.post('/admin/stok/restock', {
      supplierId: String(await supplierId()),
      productId_0: String(a!.id),
      quantity_0: '1',
      unitCost_0: '0',
    });
    const id = Number(/(\d+)$/.exec(created.location!)![1]);
    const page = await admin.get(`/admin/stok/restock/${id}`);
    expect(page.body).toContain('data-restock-action="cancel"');
    expect((await admin.post(`/admin/stok/restock/${id}/batal`)).status).toBe(303);
    const [row] = await db.select().from(restockOrders).where(eq(restockOrders.id, id));
    expect(row!.status).toBe('cancelled');
  });

  it('adds the stock of one receipt exactly once when two staff submit it at the same moment', async () => {
    const [a] = await db.select().from(products).orderBy(products.id).limit(1);
    await setStock(a!.id, 2, 1, 3);
    await admin.get('/admin/stok/restock/baru');
    const created = await admin.post('/admin/stok/restock', {
      supplierId: String(await supplierId()),
      productId_0: String(a!.id),
      quantity_0: '10',
      unitCost_0: '50000',
    });
    const id = Number(/(\d+)$/.exec(created.location!)![1]);
    await admin.get(`/admin/stok/restock/${id}`);
    await admin.post(`/admin/stok/restock/${id}/pesan`);
    const [line] = await db.select().from(restockOrderLines).where(eq(restockOrderLines.restockOrderId, id));

    // A second admin with the same form open.
    const other = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await other.login('gudang@stock.example', PASSWORD);
    await other.get(`/admin/stok/restock/${id}`);
    await admin.get(`/admin/stok/restock/${id}`);
    const form = { seen: '0', [`received_${line!.id}`]: '10' };
    const answers = await Promise.all([
      admin.post(`/admin/stok/restock/${id}/terima`, form),
      other.post(`/admin/stok/restock/${id}/terima`, form),
    ]);
    expect(answers.map((r) => r.status).sort()).toEqual([303, 409]);
    const refused = answers.find((r) => r.status === 409)!;
    expect(refused.body).toMatch(/sudah tidak berlaku|out of date/);
    expect(await stockOf(db, a!.id)).toBe(12);
    const moves = await db.select().from(stockMovements).where(eq(stockMovements.restockOrderId, id));
    expect(moves).toHaveLength(1);
    expect(moves[0]!.change).toBe(10);
    const [row] = await db.select().from(restockOrders).where(eq(restockOrders.id, id));
    expect(row!.status).toBe('received');
    const [after] = await db.select().from(restockOrderLines).where(eq(restockOrderLines.id, line!.id));
    expect(after!.quantityReceived).toBe(10);
  });
});
