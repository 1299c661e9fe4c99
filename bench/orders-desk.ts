/**
 * The orders desk (A6) with 50 000 orders (`BENCH_ORDERS`) over four years: p50/p99 of the list's
 * queries (page and tab counts, as the page runs them) filtered by status and a 30-day range, the
 * unfiltered newest page, a search, and the sidebar badge's count. PostgreSQL with
 * BENCH_DATABASE_URL / TEST_DATABASE_URL, else PGlite. Part of `npm run bench`; alone:
 * `npx tsx bench/orders-desk.ts`.
 */
import { sql } from 'drizzle-orm';
import { createDeskRepository } from '../src/store/orders/desk-repository';
import { createOrdersDesk } from '../src/store/orders/desk-service';
import { createOrdersRepository } from '../src/store/orders/repository';
import { parseDeskFilters } from '../src/store/orders/schema';
import { createTestStore } from '../test/helpers/store-app';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 50_000);
const RUNS = Number(process.env.BENCH_DESK_RUNS ?? 200);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function ordersDeskBench(): Promise<string[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const store = await createTestStore(url ? 'postgres' : 'pglite', { sampleData: false });
  try {
    const db = store.database.db;
    // One order every 45 minutes back from now: about four years; statuses in turn.
    await db.execute(sql`
      INSERT INTO orders (number, idempotency_key, email, customer_name, ship_recipient, ship_phone, ship_street, ship_city,
        ship_province, ship_postal_code, shipping_courier, shipping_service_name, shipping_min_days, shipping_max_days,
        billable_kg, shipping_cost, shipping_charge, subtotal, total, payment_method, expires_at, created_at, status)
      SELECT 'HR-B' || lpad(i::text, 8, '0'), 'bench-' || i, 'pelanggan' || i || '@bench.example', 'Pelanggan ' || i,
        'Pelanggan ' || i, '+62812' || lpad(i::text, 8, '0'), 'Jl. Braga ' || i, 'Bandung', 'Jawa Barat', '40111', 'JNE',
        'JNE Reguler', 2, 4, 1, 15000, 15000, 100000 + i, 115000 + i, 'bank_transfer',
        now() - i * interval '45 minutes' + interval '1 day', now() - i * interval '45 minutes',
        (ARRAY['awaiting_payment','paid','processing','shipped','delivered','cancelled','expired','refunded'])[1 + i % 8]::order_status
      FROM generate_series(1, ${ORDERS}) AS i`);
    // As autovacuum leaves a table in steady use: statistics and the visibility map (index-only counts).
    await db.execute(sql`VACUUM ANALYZE orders`);
    const desk = createOrdersDesk({
      repo: createDeskRepository(db),
      orders: createOrdersRepository(db),
      moveByStaff: async () => {},
    });
    const day = (offset: number) => new Date(Date.now() - offset * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const cases: [string, () => Promise<unknown>][] = [
      ['status "paid" + 30 days (page and tabs)', () => desk.list(parseDeskFilters({ status: 'paid', dari: day(40), sampai: day(10) }))],
      ['newest first, page 1 (page and tabs)', () => desk.list(parseDeskFilters({}))],
      ['status "delivered", page 40', () => desk.list(parseDeskFilters({ status: 'delivered', page: '40' }))],
      ['search "pelanggan4999"', () => desk.list(parseDeskFilters({ q: 'pelanggan4999' }))],
      ['sidebar badge count', () => desk.needsAction()],
    ];
    const lines = [
      `| orders desk (${ORDERS} orders, ${url ? 'PostgreSQL' : 'PGlite'}, ${RUNS} runs) | p50 ms | p99 ms |`,
      '|---|---:|---:|',
    ];
    for (const [name, run] of cases) {
      for (let i = 0; i < 10; i++) await run(); // warm the caches and the plan
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      lines.push(`| ${name} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 99).toFixed(1)} |`);
    }
    return lines;
  } finally {
    await store.close();
  }
}

if (import.meta.filename === process.argv[1]) console.log((await ordersDeskBench()).join('\n'));
