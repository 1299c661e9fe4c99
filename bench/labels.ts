/**
 * Bulk shipping labels: 200 paid orders (`BENCH_LABEL_ORDERS`) in one PDF through the staff's
 * `POST /admin/pesanan/cetak` (session, CSRF, two queries, layout and drawing), on a fresh
 * database (PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL / TEST_DATABASE_URL); and the
 * drawing alone, without HTTP or the database. Median of `BENCH_LABEL_RUNS` (default 3) after a
 * warm-up; the PDF's size. Part of `npm run bench`; alone: `npx tsx bench/labels.ts`.
 */
import { shippingLabelInput } from '../src/store/admin/orders/print-inputs';
import { renderShippingLabelsPdf } from '../src/store/documents/service';
import { translator } from '../src/lib/i18n';
import { insertPrintOrders, printNumber } from '../test/helpers/print-orders';
import { createTestStore } from '../test/helpers/store-app';
import { createUser, PASSWORD, TestBrowser } from '../test/integration/accounts-client';

const ORDERS = Number(process.env.BENCH_LABEL_ORDERS ?? 200);
const RUNS = Number(process.env.BENCH_LABEL_RUNS ?? 3);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

export async function labelsBench(): Promise<string[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const store = await createTestStore(url ? 'postgres' : 'pglite');
  try {
    const db = store.database.db;
    const numbers = Array.from({ length: ORDERS }, (_, i) => printNumber(10_000 + i));
    // A realistic spread: most parcels hold one to three products, every tenth a dozen.
    await insertPrintOrders(
      db,
      numbers.map((number, i) => ({ number, status: i % 2 ? 'paid' : 'processing', lines: i % 10 === 0 ? 12 : (i % 3) + 1 })),
    );
    await createUser(db, { email: 'bench-staff@labels.example', role: 'staff', password: PASSWORD });
    const staff = new TestBrowser(store.app, '203.0.113.200');
    await staff.login('bench-staff@labels.example', PASSWORD);
    const body = new URLSearchParams([['jenis', 'label'], ...numbers.map((n) => ['nomor', n])]);

    const post = async () => {
      await staff.get('/admin');
      body.set('_csrf', staff.csrf ?? '');
      return timed(async () => {
        const res = await store.app.inject({
          method: 'POST',
          url: '/admin/pesanan/cetak',
          remoteAddress: '203.0.113.200',
          headers: {
            cookie: [...staff.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
            'content-type': 'application/x-www-form-urlencoded',
          },
          payload: body.toString(),
        });
        if (res.statusCode !== 200) throw new Error(`bulk labels answered ${res.statusCode}`);
        return res.rawPayload;
      });
    };
    await post();
    const http = [];
    for (let i = 0; i < RUNS; i++) http.push(await post());

    const profile = {
      name: 'Hurtrock Music Store',
      phone: '+62 22 1234 5678',
      street: 'Jl. Riau No. 42',
      city: 'Bandung',
      province: 'Jawa Barat',
      postalCode: '40115',
    };
    const t = translator('id');
    const inputs = numbers.map((number, i) =>
      shippingLabelInput(
        {
          order: {
            number,
            status: 'paid',
            shipRecipient: `Pelanggan ${i}`,
            shipPhone: '0812 3456 7890',
            shipStreet: 'Jl. Dago No. 10, Coblong',
            shipCity: 'Bandung',
            shipProvince: 'Jawa Barat',
            shipPostalCode: '40135',
            shippingCourier: 'JNE',
            shippingServiceName: 'REG',
            billableKg: 2,
          },
          items: Array.from({ length: i % 10 === 0 ? 12 : (i % 3) + 1 }, (_, j) => ({ name: `Produk ${j}`, quantity: 1 })),
        } as never,
        { shop: profile as never, t, locale: 'id', publicUrl: 'https://hurtrock.example' },
      ),
    );
    const meta = { title: 'Label pengiriman', author: profile.name };
    await renderShippingLabelsPdf(inputs, meta);
    const drawing = [];
    for (let i = 0; i < RUNS; i++) drawing.push(await timed(() => renderShippingLabelsPdf(inputs, meta)));

    const row = (name: string, runs: { ms: number; value: Buffer }[]) => {
      const ms = median(runs.map((r) => r.ms));
      const kb = runs[0]!.value.length / 1024;
      return `| ${name} | ${ms.toFixed(0)} | ${(ms / ORDERS).toFixed(1)} | ${kb.toFixed(0)} KB | ${(kb / ORDERS).toFixed(1)} KB |`;
    };
    return [
      `| bulk shipping labels (${ORDERS} orders, ${url ? 'PostgreSQL' : 'PGlite'}) | median ms | per label ms | PDF size | per label |`,
      '|---|---:|---:|---:|---:|',
      row('POST /admin/pesanan/cetak (HTTP, queries, layout, drawing)', http),
      row('layout and drawing alone', drawing),
    ];
  } finally {
    await store.close();
  }
}

if (import.meta.filename === process.argv[1]) console.log((await labelsBench()).join('\n'));
