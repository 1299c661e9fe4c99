/**
 * Orders export to XLSX (A10) at 10 000 and then 50 000 orders of two items each
 * (`BENCH_EXPORT_ORDERS`, comma-separated): time, size, and the process's RSS while exporting,
 * sampled every 10 ms, so "memory stays flat as rows grow" is a number. The orders are inserted
 * set-based (one `INSERT … SELECT FROM generate_series` for orders, one for items), on a fresh
 * database: PGlite in memory, or PostgreSQL with BENCH_DATABASE_URL / TEST_DATABASE_URL. On
 * PGlite the database lives in this process, so its own growth shows in RSS too: the "growth
 * while exporting" column is the export's. The workbook goes to a sink that takes each chunk on
 * the next tick, like a fast client. Part of `npm run bench`; alone: `npx tsx bench/order-export.ts`.
 */
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import type { StoreDb } from '../src/db/store-db';
import { createExportRepository } from '../src/store/reports/export-repository';
import { createReportsRepository } from '../src/store/reports/repository';
import { parseRange } from '../src/store/reports/schema';
import { createXlsxExports } from '../src/store/reports/service';
import { createTestStore } from '../test/helpers/store-app';

const SIZES = (process.env.BENCH_EXPORT_ORDERS ?? '10000,50000').split(',').map(Number);

/** Orders `first`..`last` (numbered by g), created through 2026, in every status, two lines each. */
export async function insertOrders(db: StoreDb, first: number, last: number): Promise<void> {
  await db.execute(
    sql.raw(`INSERT INTO orders (number, email, customer_name, status, idempotency_key, ship_recipient, ship_phone,
      ship_street, ship_city, ship_province, ship_postal_code, shipping_courier, shipping_service_name,
      shipping_min_days, shipping_max_days, billable_kg, shipping_cost, shipping_charge, subtotal, total,
      payment_method, expires_at, paid_at, created_at)
    SELECT 'HR-B' || lpad(g::text, 8, '0'), 'pembeli' || (g % 5000) || '@bench.example', 'Pembeli Bench ' || (g % 5000),
      (ARRAY['paid','processing','shipped','delivered','awaiting_payment','cancelled'])[1 + g % 6]::order_status,
      'bench-' || g, 'Penerima ' || g, '081234567890', 'Jl. Bench No. ' || g, 'Bandung', 'Jawa Barat', '40111',
      'JNE', 'REG', 1, 2, 1, 18000, 18000,
      100000 * (1 + g % 5) + 50000 * (1 + g % 3), 100000 * (1 + g % 5) + 50000 * (1 + g % 3) + 18000,
      'bank_transfer', c + interval '1 day', CASE WHEN g % 6 < 4 THEN c + interval '1 hour' END, c
    FROM generate_series(${first}, ${last}) AS g,
      LATERAL (SELECT timestamptz '2026-01-01 00:00+07' + (g % 330) * interval '1 day' + (g % 80000) * interval '1 second') AS t(c)`),
  );
  await db.execute(
    sql.raw(`INSERT INTO order_items (order_id, product_id, product_slug, name, sku, brand, unit_price, quantity, line_total)
    SELECT o.id, p.id, p.slug, p.name, p.sku, p.brand, x.price, 1, x.price
    FROM orders o
      CROSS JOIN LATERAL (SELECT substring(o.number from 5)::int AS g) n
      CROSS JOIN LATERAL (VALUES (0, 100000 * (1 + n.g % 5)), (1, 50000 * (1 + n.g % 3))) AS x(k, price)
      CROSS JOIN LATERAL (SELECT array_agg(id ORDER BY id) AS ids FROM products) a
      JOIN products p ON p.id = a.ids[1 + (n.g + x.k) % array_length(a.ids, 1)]
    WHERE o.number LIKE 'HR-B%' AND substring(o.number from 5)::int BETWEEN ${first} AND ${last}`),
  );
  // What autovacuum would do soon after a bulk load: without statistics the planner guesses the join.
  await db.execute(sql`ANALYZE orders, order_items`);
}

/** A sink that takes each chunk on the next tick and counts the bytes. */
function sink() {
  let bytes = 0;
  const out = new Writable({
    highWaterMark: 64 * 1024,
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      setImmediate(done);
    },
  });
  return { out, bytes: () => bytes };
}

export async function orderExportBench(): Promise<string[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const store = await createTestStore(url ? 'postgres' : 'pglite');
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
  const lines = [
    `| orders export to XLSX (${url ? 'PostgreSQL' : 'PGlite'}) | item rows | ms | file MB | ` +
      'RSS before MB | peak RSS MB | growth while exporting MB | peak heap MB |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  try {
    const db = store.database.db;
    const exports = createXlsxExports({ exports: createExportRepository(db), reports: createReportsRepository(db) });
    const range = parseRange({ dari: '2026-01-01', sampai: '2026-12-31' }, new Date('2026-12-31T00:00:00Z'));
    if (!range.ok) throw new Error('bench range');
    const text = { sheet: 'Pesanan', header: (key: string) => key, status: (status: string) => status };
    let inserted = 0;
    for (const size of SIZES) {
      process.stdout.write(`inserting orders ${inserted + 1}..${size} …\n`);
      await insertOrders(db, inserted + 1, size);
      inserted = size;
      global.gc?.();
      const before = process.memoryUsage.rss();
      let peak = before;
      let heap = 0;
      const sample = () => {
        const m = process.memoryUsage();
        peak = Math.max(peak, m.rss);
        heap = Math.max(heap, m.heapUsed);
      };
      const timer = setInterval(sample, 10);
      const target = sink();
      const started = performance.now();
      await exports.orders(target.out, range.range, text);
      const ms = performance.now() - started;
      clearInterval(timer);
      sample();
      lines.push(
        `| ${size.toLocaleString('en')} orders | ${(size * 2).toLocaleString('en')} | ${ms.toFixed(0)} | ` +
          `${(target.bytes() / 1024 / 1024).toFixed(1)} | ${mb(before)} | ${mb(peak)} | ${mb(peak - before)} | ${mb(heap)} |`,
      );
    }
    return lines;
  } finally {
    await store.close();
  }
}

if (import.meta.filename === process.argv[1]) console.log((await orderExportBench()).join('\n'));
