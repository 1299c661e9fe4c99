/**
 * Staff's printed documents through HTTP on a real database: each PDF (shipping label, address
 * label, packing slip, invoice) parses and carries the order number as text; the bulk print keeps
 * the list's order, one label per page; labels for unpaid orders and unknown numbers are refused
 * with pages that name them; customers and visitors get the admin guard's answer.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbTargets } from '../helpers/databases';
import { pdfText } from '../helpers/pdf-text';
import { insertPrintOrders, printNumber } from '../helpers/print-orders';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { type Answer, createUser, PASSWORD, TestBrowser } from './accounts-client';

const N = {
  paid: printNumber(1),
  processing: printNumber(2),
  shipped: printNumber(3),
  awaiting: printNumber(4),
  cancelled: printNumber(5),
  expired: printNumber(6),
  refunded: printNumber(7),
  long: printNumber(8),
};
const UNKNOWN = printNumber(999);

/** The store under test (each database target in turn). */
let app: FastifyInstance;

/** The PDF's pages, counted by their page objects (pdfkit writes no object streams). */
const pageCount = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;

async function pdfOf(b: TestBrowser, method: 'GET' | 'POST', url: string, form?: Record<string, string | string[]>) {
  const res = await app.inject({
    method,
    url,
    remoteAddress: '203.0.113.170',
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
    },
    payload: form ? bulkBody({ _csrf: b.csrf ?? '', ...form }) : undefined,
  });
  return { status: res.statusCode, headers: res.headers, pdf: res.rawPayload, body: res.body };
}

/** A form body with repeated fields (`nomor=…&nomor=…`), as the list's checkboxes send it. */
function bulkBody(form: Record<string, string | string[]>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(form)) for (const v of [value].flat()) params.append(key, v);
  return params.toString();
}

function expectPdf(res: { status: number; headers: Record<string, unknown>; pdf: Buffer }, file: string) {
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('application/pdf');
  expect(res.headers['content-disposition']).toBe(`inline; filename="${file}"`);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(res.pdf.subarray(-6).toString()).toContain('%%EOF');
}

describe.each(dbTargets)('admin printed documents on %s', (target) => {
  let store: TestStore;
  let staff: TestBrowser;

  beforeAll(async () => {
    store = await createTestStore(target);
    app = store.app;
    const db = store.database.db;
    await createUser(db, { email: 'staff@labels.example', role: 'staff', password: PASSWORD });
    await createUser(db, { email: 'buyer@labels.example', password: PASSWORD });
    await insertPrintOrders(db, [
      { number: N.paid, status: 'paid', note: 'Tolong bubble wrap ya' },
      { number: N.processing, status: 'processing', lines: 3 },
      { number: N.shipped, status: 'shipped' },
      { number: N.awaiting, status: 'awaiting_payment' },
      { number: N.cancelled, status: 'cancelled' },
      { number: N.expired, status: 'expired' },
      { number: N.refunded, status: 'refunded' },
      {
        number: N.long,
        status: 'paid',
        lines: 30,
        recipient: 'Raden Mas Bagus Wicaksono Adiningrat Purbakusuma Hadiningrat Sastrowardoyo Tjokroaminoto',
        street: 'Jl. Letnan Jenderal Soeprapto Gang Mawar Merah No. 123 RT 004 RW 011, Kelurahan Sukamaju Baru Indah Permai '.repeat(2),
      },
    ]);
    staff = new TestBrowser(store.app, '203.0.113.170');
    await staff.login('staff@labels.example', PASSWORD);
  });
  afterAll(() => store?.close());

  it.each([
    ['label.pdf', 'label'],
    ['label-alamat.pdf', 'label-alamat'],
    ['slip-paket.pdf', 'slip-paket'],
    ['faktur.pdf', 'faktur'],
  ])('GET /admin/pesanan/:number/%s is a PDF with the order number as text', async (file, prefix) => {
    for (const number of [N.paid, N.long]) {
      const res = await pdfOf(staff, 'GET', `/admin/pesanan/${number}/${file}`);
      expectPdf(res, `${prefix}-${number}.pdf`);
      expect(pdfText(res.pdf)).toContain(number);
    }
  });

  it('the shipping label shows the paid mark, the recipient, the courier and the weight; the slip has the note', async () => {
    const label = pdfText((await pdfOf(staff, 'GET', `/admin/pesanan/${N.paid}/label.pdf`)).pdf);
    expect(label).toEqual(expect.arrayContaining(['LUNAS', 'JNE REG', 'Budi Santoso', 'Berat: 2 kg', 'Hurtrock Music Store']));
    const slip = pdfText((await pdfOf(staff, 'GET', `/admin/pesanan/${N.paid}/slip-paket.pdf`)).pdf).join(' ');
    expect(slip).toContain('Tolong bubble wrap ya');
    // A 30-line slip runs onto more pages.
    expect(pageCount((await pdfOf(staff, 'GET', `/admin/pesanan/${N.long}/slip-paket.pdf`)).pdf)).toBeGreaterThan(1);
  });

  it('bulk: one label per page, in the order the list sent', async () => {
    await staff.get('/admin');
    const order = [N.shipped, N.paid, N.long, N.processing];
    const res = await pdfOf(staff, 'POST', '/admin/pesanan/cetak', { jenis: 'label', nomor: order });
    expectPdf(res, 'label-4-pesanan.pdf');
    expect(pageCount(res.pdf)).toBe(4);
    expect(pdfText(res.pdf).filter((t) => order.includes(t))).toEqual(order);
  });

  it.each([
    ['alamat', 'label-alamat'],
    ['slip', 'slip-paket'],
    ['faktur', 'faktur'],
  ])('bulk %s: one PDF holding every order, in order', async (jenis, prefix) => {
    await staff.get('/admin');
    const order = [N.processing, N.paid];
    const res = await pdfOf(staff, 'POST', '/admin/pesanan/cetak', { jenis, nomor: order });
    expectPdf(res, `${prefix}-2-pesanan.pdf`);
    const numbers = pdfText(res.pdf).filter((t) => order.includes(t));
    expect([...new Set(numbers)]).toEqual(order);
    expect(pageCount(res.pdf)).toBeGreaterThanOrEqual(2);
  });

  it.each([N.awaiting, N.cancelled, N.expired, N.refunded])('a label for %s (not paid) is refused with a message', async (number) => {
    for (const file of ['label.pdf', 'label-alamat.pdf']) {
      const page = await staff.get(`/admin/pesanan/${number}/${file}`);
      expect(page.status).toBe(409);
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.body).toContain('Label belum bisa dicetak');
      expect(page.body).toContain(number);
      const json = await staff.get(`/admin/pesanan/${number}/${file}`, { accept: 'application/json' });
      expect(json.status).toBe(409);
      expect(JSON.parse(json.body).error).toMatchObject({ code: 'order_unpaid' });
      expect(JSON.parse(json.body).error.message).toContain(number);
    }
    // The packing slip and the invoice are not parcels: they print whatever the status.
    expect((await pdfOf(staff, 'GET', `/admin/pesanan/${number}/slip-paket.pdf`)).status).toBe(200);
    expect((await pdfOf(staff, 'GET', `/admin/pesanan/${number}/faktur.pdf`)).status).toBe(200);
  });

  it('bulk labels with unpaid orders among them: refused, naming only those', async () => {
    await staff.get('/admin');
    const body = bulkBody({ _csrf: staff.csrf ?? '', jenis: 'label', nomor: [N.paid, N.awaiting, N.shipped, N.cancelled] });
    const page = await inject(staff, body);
    expect(page.status).toBe(409);
    const listed = [...page.body.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(listed).toEqual([N.awaiting, N.cancelled]);
  });

  it('unknown numbers: 404 naming them, for one order and in bulk', async () => {
    const one = await staff.get(`/admin/pesanan/${UNKNOWN}/label.pdf`);
    expect(one.status).toBe(404);
    expect(one.body).toContain(UNKNOWN);
    await staff.get('/admin');
    const page = await inject(staff, bulkBody({ _csrf: staff.csrf ?? '', jenis: 'slip', nomor: [N.paid, UNKNOWN, 'bukan-nomor'] }));
    expect(page.status).toBe(404);
    expect(page.body).toContain('Pesanan tidak ditemukan');
    const listed = [...page.body.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(listed).toEqual([UNKNOWN, 'bukan-nomor']);
    const json = await staff.get(`/admin/pesanan/${UNKNOWN}/faktur.pdf`, { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(JSON.parse(json.body).error.code).toBe('not_found');
  });

  it('bulk: unknown jenis, no numbers or more than 500 are 400 with the field named; no CSRF token is refused', async () => {
    const cases: [Record<string, string | string[]>, string][] = [
      [{ jenis: 'stiker', nomor: [N.paid] }, 'jenis'],
      [{ nomor: [N.paid] }, 'jenis'],
      [{ jenis: 'label' }, 'nomor'],
      [{ jenis: 'label', nomor: ['  '] }, 'nomor'],
      [{ jenis: 'label', nomor: Array.from({ length: 501 }, (_, i) => printNumber(1000 + i)) }, 'nomor'],
    ];
    for (const [form, field] of cases) {
      await staff.get('/admin');
      const page = await inject(staff, bulkBody({ _csrf: staff.csrf ?? '', ...form }));
      expect(page.status).toBe(400);
      expect(page.body).toContain('Permintaan cetak tidak valid');
      await staff.get('/admin');
      const json = await inject(staff, bulkBody({ _csrf: staff.csrf ?? '', ...form }), { accept: 'application/json' });
      expect(json.status).toBe(400);
      expect(Object.keys(JSON.parse(json.body).error.fields)).toEqual([field]);
    }
    const forged = await inject(staff, bulkBody({ _csrf: 'forged', jenis: 'label', nomor: [N.paid] }));
    expect(forged.status).toBe(403);
  });

  it('customers get 403 and visitors the login redirect (the admin guard), for every print route', async () => {
    const buyer = new TestBrowser(store.app, '203.0.113.171');
    await buyer.login('buyer@labels.example', PASSWORD);
    const visitor = new TestBrowser(store.app, '203.0.113.172');
    for (const file of ['label.pdf', 'label-alamat.pdf', 'slip-paket.pdf', 'faktur.pdf']) {
      expect((await buyer.get(`/admin/pesanan/${N.paid}/${file}`)).status).toBe(403);
      const anon = await visitor.get(`/admin/pesanan/${N.paid}/${file}`);
      expect(anon.status).toBe(303);
      expect(anon.location).toMatch(/^\/masuk\?next=/);
    }
    expect((await buyer.post('/admin/pesanan/cetak', { jenis: 'label', nomor: N.paid })).status).toBe(403);
    expect((await visitor.post('/admin/pesanan/cetak', { jenis: 'label', nomor: N.paid })).location).toMatch(/^\/masuk\?next=/);
  });
});

/** A bulk POST with a prepared body (repeated fields), keeping the browser's cookies. */
async function inject(b: TestBrowser, body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await app.inject({
    method: 'POST',
    url: '/admin/pesanan/cetak',
    remoteAddress: '203.0.113.170',
    headers: {
      cookie: [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
      'content-type': 'application/x-www-form-urlencoded',
      ...headers,
    },
    payload: body,
  });
  return { status: res.statusCode, body: res.body, headers: res.headers, location: res.headers.location as string | undefined };
}
