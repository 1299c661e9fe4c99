/**
 * A10 reports: orders in several statuses, payment methods and WIB days around the range's
 * midnights; every figure of the page checked by hand, the Excel exports opened with exceljs and
 * summed against SQL to the rupiah (with tiny keyset pages too), the PDF read back as text, and
 * bad ranges answered 400 on their field with the values kept.
 */
import { PassThrough } from 'node:stream';
import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, orderItems, orders, products } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { formatRupiah } from '../../src/lib/money';
import { COUNTS_AS_SALE, type OrderStatus } from '../../src/store/orders/state-machine';
import { createExportRepository } from '../../src/store/reports/export-repository';
import { createReportsRepository } from '../../src/store/reports/repository';
import { parseRange } from '../../src/store/reports/schema';
import { createXlsxExports, RUPIAH_FORMAT } from '../../src/store/reports/service';
import { dbTargets } from '../helpers/databases';
import { pdfText } from '../helpers/pdf-text';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';

/** Thursday 3 December 2026, 17:00 WIB. */
const NOW = new Date('2026-12-03T10:00:00Z');
const RANGE = 'dari=2026-11-30&sampai=2026-12-03';
/** WIB midnights bounding the range: 30 Nov 00:00 WIB and 4 Dec 00:00 WIB. */
const START = new Date('2026-11-29T17:00:00Z');
const END = new Date('2026-12-03T17:00:00Z');

let seq = 0;
async function insertOrder(
  db: StoreDb,
  o: {
    status: OrderStatus;
    paidAt: Date | null;
    createdAt: Date;
    email: string;
    method?: string;
    shipping?: number;
    items: Array<{ productId: number; quantity: number; unitPrice: number }>;
  },
) {
  seq += 1;
  const found = await db
    .select()
    .from(products)
    .where(
      inArray(
        products.id,
        o.items.map((i) => i.productId),
      ),
    );
  const subtotal = o.items.reduce((sum, i) => sum + i.quantity * i.unitPrice, 0);
  const shipping = o.shipping ?? 0;
  const [row] = await db
    .insert(orders)
    .values({
      number: `HR-REP-${String(seq).padStart(5, '0')}`,
      email: o.email,
      customerName: `Pembeli ${o.email.split('@')[0]!.toLowerCase()}`,
      status: o.status,
      idempotencyKey: `rep-${seq}-${Math.random()}`,
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
      shippingCost: shipping,
      shippingCharge: shipping,
      subtotal,
      total: subtotal + shipping,
      paymentMethod: o.method ?? 'bank_transfer',
      expiresAt: new Date(NOW.getTime() + 86_400_000),
      paidAt: o.paidAt,
      createdAt: o.createdAt,
    })
    .returning({ id: orders.id });
  await db.insert(orderItems).values(
    o.items.map((item) => {
      const p = found.find((l) => l.id === item.productId)!;
      return {
        orderId: row!.id,
        productId: p.id,
        productSlug: p.slug,
        name: p.name,
        sku: p.sku,
        brand: p.brand,
        unitPrice: item.unitPrice,
        quantity: item.quantity,
        lineTotal: item.unitPrice * item.quantity,
      };
    }),
  );
}

const figure = (html: string, id: string) => Number(new RegExp(`data-figure="${id}" data-value="(\\d+)"`).exec(html)?.[1]);

/** The body rows of one of the page's tables, as cell texts. */
function table(html: string, id: string): string[][] {
  const body = new RegExp(`data-table="${id}"[\\s\\S]*?<tbody>([\\s\\S]*?)</tbody>`).exec(html)?.[1] ?? '';
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) =>
    [...r[1]!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1]!.replace(/&lt;/g, '<').replace(/&gt;/g, '>').trim()),
  );
}

async function workbookOf(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

/** A numeric column's cells below the header. */
function column(sheet: ExcelJS.Worksheet, index: number): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) cells.push(sheet.getRow(r).getCell(index));
  return cells;
}

describe.each(dbTargets)('admin reports on %s', (target) => {
  let store: TestStore;
  let admin: TestBrowser;
  let staff: TestBrowser;
  const ids: number[] = [];

  /** A binary download through the admin's session (inject's `body` is text; XLSX and PDF need the raw bytes). */
  async function download(url: string) {
    const res = await store.app.inject({
      method: 'GET',
      url,
      remoteAddress: '203.0.113.171',
      headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    return res;
  }

  beforeAll(async () => {
    store = await createTestStore(target, { clock: () => NOW });
    const db = store.database.db;
    await createUser(db, { email: 'admin@rep.example', role: 'admin', password: PASSWORD });
    await createUser(db, { email: 'staff@rep.example', role: 'staff', password: PASSWORD });
    admin = new TestBrowser(store.app, '203.0.113.171');
    await admin.login('admin@rep.example', PASSWORD);
    staff = new TestBrowser(store.app, '203.0.113.172');
    await staff.login('staff@rep.example', PASSWORD);

    const all = await db.select({ id: products.id }).from(products).orderBy(products.id);
    const [p1, p2, p3, , p5] = all.map((p) => p.id);
    ids.push(p1!, p2!, p5!);
    // A sale paid one minute before the range (29 Nov 23:59 WIB): outside.
    await insertOrder(db, {
      status: 'delivered',
      paidAt: new Date('2026-11-29T16:59:00Z'),
      createdAt: new Date('2026-11-29T16:00:00Z'),
      email: 'early@rep.example',
      items: [{ productId: p2!, quantity: 1, unitPrice: 99_000 }],
    });
    // B: 30 Nov 00:01 WIB, the range's first minute.
    await insertOrder(db, {
      status: 'paid',
      paidAt: new Date('2026-11-29T17:01:00Z'),
      createdAt: new Date('2026-11-29T17:01:00Z'),
      email: 'Budi@rep.example',
      shipping: 20_000,
      items: [{ productId: p1!, quantity: 3, unitPrice: 150_000 }],
    });
    // C: 3 Dec, by card gateway, the same customer in another case.
    await insertOrder(db, {
      status: 'processing',
      paidAt: new Date('2026-12-03T05:00:00Z'),
      createdAt: new Date('2026-12-03T04:50:00Z'),
      email: 'budi@rep.example',
      method: 'midtrans',
      shipping: 12_000,
      items: [{ productId: p2!, quantity: 2, unitPrice: 75_500 }],
    });
    // D: 1 Dec, two lines.
    await insertOrder(db, {
      status: 'shipped',
      paidAt: new Date('2026-12-01T03:00:00Z'),
      createdAt: new Date('2026-12-01T02:00:00Z'),
      email: 'sari@rep.example',
      items: [
        { productId: p5!, quantity: 1, unitPrice: 1_250_000 },
        { productId: p1!, quantity: 2, unitPrice: 150_000 },
      ],
    });
    // Not sales, but orders of the range: refunded, unpaid, cancelled.
    await insertOrder(db, {
      status: 'refunded',
      paidAt: new Date('2026-12-02T03:00:00Z'),
      createdAt: new Date('2026-12-02T02:00:00Z'),
      email: 'refund@rep.example',
      items: [{ productId: p3!, quantity: 1, unitPrice: 500_000 }],
    });
    await insertOrder(db, {
      status: 'awaiting_payment',
      paidAt: null,
      createdAt: new Date('2026-12-02T08:00:00Z'),
      email: 'wait@rep.example',
      items: [{ productId: p3!, quantity: 4, unitPrice: 10_000 }],
    });
    await insertOrder(db, {
      status: 'cancelled',
      paidAt: null,
      createdAt: new Date('2026-12-01T07:00:00Z'),
      email: 'cancel@rep.example',
      items: [{ productId: p2!, quantity: 1, unitPrice: 75_500 }],
    });
    // A sale at 4 Dec 00:00 WIB: the minute after the range.
    await insertOrder(db, {
      status: 'delivered',
      paidAt: new Date('2026-12-03T17:00:00Z'),
      createdAt: new Date('2026-12-03T17:00:00Z'),
      email: 'late@rep.example',
      items: [{ productId: p5!, quantity: 1, unitPrice: 1_250_000 }],
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('shows every figure of the range, from paid orders by WIB day', async () => {
    const page = await admin.get(`/admin/laporan?${RANGE}&per=hari`);
    expect(page.status).toBe(200);
    const html = page.body;
    expect(figure(html, 'revenue')).toBe(2_183_000);
    expect(figure(html, 'orders')).toBe(3);
    expect(figure(html, 'average')).toBe(727_667);
    expect(figure(html, 'units')).toBe(8);
    expect(figure(html, 'customers')).toBe(2);
    expect(figure(html, 'shipping')).toBe(32_000);
    expect(table(html, 'sales').map((r) => [r[1], r[2]])).toEqual([
      ['1', formatRupiah(470_000)],
      ['1', formatRupiah(1_550_000)],
      ['0', formatRupiah(0)],
      ['1', formatRupiah(163_000)],
    ]);
    expect(table(html, 'products').map((r) => [r[1], r[2]])).toEqual([
      ['5', formatRupiah(750_000)],
      ['2', formatRupiah(151_000)],
      ['1', formatRupiah(1_250_000)],
    ]);
    expect(table(html, 'customers')).toEqual([
      ['Pembeli sari <sari@rep.example>', '1', formatRupiah(1_550_000)],
      ['Pembeli budi <budi@rep.example>', '2', formatRupiah(633_000)],
    ]);
    expect(table(html, 'methods')).toEqual([
      ['Transfer bank', '2', formatRupiah(2_020_000)],
      ['Midtrans', '1', formatRupiah(163_000)],
    ]);
    expect(Object.fromEntries(table(html, 'statuses').map((r) => [r[0], r[1]]))).toEqual({
      'Menunggu pembayaran': '1',
      Dibayar: '1',
      Diproses: '1',
      Dikirim: '1',
      Dibatalkan: '1',
      Dikembalikan: '1',
    });
    // By category: the goods of the three sales, grouped by their products' categories.
    const db = store.database.db;
    const cats = await db
      .select({ id: products.id, name: categories.name })
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .where(inArray(products.id, ids));
    const expected = new Map<string, number>();
    const goods: [number, number][] = [
      [ids[0]!, 750_000],
      [ids[1]!, 151_000],
      [ids[2]!, 1_250_000],
    ];
    for (const [id, amount] of goods) {
      const name = cats.find((c) => c.id === id)!.name;
      expected.set(name, (expected.get(name) ?? 0) + amount);
    }
    const shown = new Map(table(html, 'categories').map((r) => [r[0], r[2]]));
    expect(shown).toEqual(new Map([...expected].map(([k, v]) => [k, formatRupiah(v)])));
    // The charts' JSON holds the table's numbers.
    const json = /id="report-chart-data">([\s\S]*?)<\/script>/.exec(html)?.[1];
    expect(JSON.parse(json!).sales.amounts).toEqual([470_000, 1_550_000, 0, 163_000]);
  });

  it('groups by ISO week and by month', async () => {
    const weeks = await admin.get('/admin/laporan?dari=2026-11-25&sampai=2026-12-07&per=minggu');
    expect(table(weeks.body, 'sales').map((r) => r[2])).toEqual([formatRupiah(99_000), formatRupiah(3_433_000), formatRupiah(0)]);
    const months = await admin.get('/admin/laporan?dari=2026-11-01&sampai=2026-12-31&per=bulan');
    expect(table(months.body, 'sales').map((r) => r[2])).toEqual([formatRupiah(569_000), formatRupiah(2_963_000)]);
  });

  it('defaults to this month so far', async () => {
    const page = await admin.get('/admin/laporan');
    expect(page.body).toContain('data-range="2026-12-01/2026-12-03"');
    expect(figure(page.body, 'revenue')).toBe(1_550_000 + 163_000);
  });

  it('refuses bad ranges with a field error, the values kept, status 400', async () => {
    const backwards = await admin.get('/admin/laporan?dari=2026-12-05&sampai=2026-12-01&per=hari');
    expect(backwards.status).toBe(400);
    expect(backwards.body).toMatch(/id="f-sampai"[^>]*class="form-control is-invalid"|class="form-control is-invalid"[^>]*id="f-sampai"/);
    expect(backwards.body).toContain('Tanggal akhir tidak boleh sebelum tanggal awal.');
    expect(backwards.body).toContain('value="2026-12-05"');
    expect(backwards.body).not.toContain('data-figure=');
    const long = await admin.get('/admin/laporan?dari=2020-01-01&sampai=2025-01-01');
    expect(long.status).toBe(400);
    expect(long.body).toContain('Rentang laporan paling panjang 5 tahun.');
    const malformed = await admin.get('/admin/laporan?dari=kemarin&sampai=2026-12-01');
    expect(malformed.status).toBe(400);
    expect(malformed.body).toContain('Masukkan tanggal yang valid');
    expect(malformed.body).toContain('value="kemarin"');
    for (const file of ['penjualan.xlsx', 'pesanan.xlsx', 'laporan.pdf']) {
      expect((await admin.get(`/admin/laporan/${file}?dari=2026-12-05&sampai=2026-12-01`)).status).toBe(400);
    }
  });

  it('is for admins only', async () => {
    expect((await staff.get(`/admin/laporan?${RANGE}`)).status).toBe(403);
    expect((await staff.get('/admin/laporan/stok.xlsx')).status).toBe(403);
  });

  it('exports sales per day whose sum is the SQL sum to the rupiah, with typed cells', async () => {
    const res = await download(`/admin/laporan/penjualan.xlsx?${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="penjualan_2026-11-30_2026-12-03.xlsx"');
    const sheet = await workbookOf(res.rawPayload);
    expect(sheet.rowCount).toBe(5);
    expect(sheet.getRow(1).getCell(1).value).toBe('Tanggal');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(3).width).toBeGreaterThan(10);
    const dates = column(sheet, 1);
    expect(dates[0]!.value).toEqual(new Date('2026-11-30T00:00:00Z'));
    const amounts = column(sheet, 3);
    expect(amounts[0]!.numFmt).toBe(RUPIAH_FORMAT);
    expect(amounts.every((c) => typeof c.value === 'number')).toBe(true);
    const [row] = await store.database.db
      .select({ sum: sql<string>`sum(${orders.total})::bigint` })
      .from(orders)
      .where(and(inArray(orders.status, [...COUNTS_AS_SALE]), gte(orders.paidAt, START), lt(orders.paidAt, END)));
    expect(amounts.reduce((s, c) => s + Number(c.value), 0)).toBe(Number(row!.sum));
    expect(Number(row!.sum)).toBe(2_183_000);
  });

  it('exports orders with their items, one row per item, matching SQL', async () => {
    const res = await download(`/admin/laporan/pesanan.xlsx?${RANGE}`);
    expect(res.statusCode).toBe(200);
    const sheet = await workbookOf(res.rawPayload);
    const [row] = await store.database.db
      .select({ lines: sql<number>`count(*)::int`, sum: sql<string>`sum(${orderItems.lineTotal})::bigint` })
      .from(orderItems)
      .innerJoin(orders, eq(orders.id, orderItems.orderId))
      .where(and(gte(orders.createdAt, START), lt(orders.createdAt, END)));
    expect(sheet.rowCount - 1).toBe(Number(row!.lines));
    expect(Number(row!.lines)).toBe(7);
    const lineTotals = column(sheet, 16);
    expect(lineTotals[0]!.numFmt).toBe(RUPIAH_FORMAT);
    expect(lineTotals.reduce((s, c) => s + Number(c.value), 0)).toBe(Number(row!.sum));
    // Dates are real dates, in WIB wall-clock time: order B was created on 30 Nov 00:01 WIB.
    const created = column(sheet, 2).map((c) => c.value);
    expect(created).toContainEqual(new Date('2026-11-30T00:01:00Z'));
    expect(column(sheet, 4).map((c) => c.value)).toContain('Dikirim');
  });

  it('exports stock with its value (stock × price), matching SQL', async () => {
    const res = await download('/admin/laporan/stok.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="stok_2026-12-03.xlsx"');
    const sheet = await workbookOf(res.rawPayload);
    const [row] = await store.database.db
      .select({ n: sql<number>`count(*)::int`, value: sql<string>`sum(${products.stock}::bigint * ${products.price})::bigint` })
      .from(products);
    expect(sheet.rowCount - 1).toBe(Number(row!.n));
    expect(column(sheet, 8).reduce((s, c) => s + Number(c.value), 0)).toBe(Number(row!.value));
  });

  it('reads the rows in keyset pages: tiny pages give the same workbook rows', async () => {
    const db = store.database.db;
    const exports = createXlsxExports({ exports: createExportRepository(db), reports: createReportsRepository(db), pageRows: 2 });
    const parsed = parseRange({ dari: '2026-11-30', sampai: '2026-12-03' }, NOW);
    if (!parsed.ok) throw new Error('range');
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    const text = { sheet: 'Orders', header: (k: string) => k, status: (s: string) => s };
    await exports.orders(out, parsed.range, text);
    const sheet = await workbookOf(Buffer.concat(chunks));
    expect(sheet.rowCount - 1).toBe(7);
    expect(column(sheet, 16).reduce((s, c) => s + Number(c.value), 0)).toBe(
      450_000 + 151_000 + 1_250_000 + 300_000 + 500_000 + 40_000 + 75_500,
    );
  });

  it('renders a PDF with the shop header, the range and the totals as text', async () => {
    const res = await download(`/admin/laporan/laporan.pdf?${RANGE}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(res.rawPayload).join('\n');
    expect(text).toContain('Laporan Penjualan');
    expect(text).toContain('Hurtrock');
    expect(text).toContain('30 November 2026');
    expect(text).toContain('3 Desember 2026');
    expect(text).toContain('Rp 2.183.000');
    expect(text).toContain('Rp 727.667');
  });
});
