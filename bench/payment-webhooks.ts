/**
 * Stripe webhooks under duplicates (P3, P7): 1000 orders awaiting payment (`BENCH_PAYMENT_ORDERS`),
 * each with a real attempt started through the store (`POST /pesanan/:number/bayar`, which opens a
 * Checkout Session on the local Stripe server of test/helpers/payment-fakes); then one signed
 * `checkout.session.completed` per order, each delivered 5 times (`BENCH_PAYMENT_COPIES`), shuffled
 * so copies of one event overlap, with 50 requests in flight (`BENCH_PAYMENT_IN_FLIGHT`) to
 * `POST /webhooks/stripe` over HTTP on 127.0.0.1. The load runs in a worker thread, so the client
 * does not share the store's event loop. Reports deliveries/s, paid orders/s, p50/p99, and checks
 * that every order was paid exactly once: paid orders, 'paid' order events, stored provider events,
 * the 'applied' and 'duplicate' answers; a wrong count fails the run (exit code 1).
 * PostgreSQL with BENCH_DATABASE_URL / TEST_DATABASE_URL, else PGlite. Part of `npm run bench`;
 * alone: `npx tsx bench/payment-webhooks.ts`.
 */
import { Worker } from 'node:worker_threads';
import { and, count, eq, inArray } from 'drizzle-orm';
import { orderEvents, orderItems, orders, paymentAttempts, paymentEvents, products } from '../src/db/schema';
import { guestLinkKey } from '../src/store/orders/order-number';
import { type SignedDelivery, type StripeFake, startStripeFake } from '../test/helpers/payment-fakes';
import { printNumber } from '../test/helpers/print-orders';
import { createTestStore } from '../test/helpers/store-app';
import { TestBrowser } from '../test/integration/accounts-client';

const ORDERS = Number(process.env.BENCH_PAYMENT_ORDERS ?? 1000);
const COPIES = Number(process.env.BENCH_PAYMENT_COPIES ?? 5);
const IN_FLIGHT = Number(process.env.BENCH_PAYMENT_IN_FLIGHT ?? 50);
/** Attempts are started this many at a time (preparation, not measured). */
const START_BATCH = 20;
const SHIPPING = 18_000;

export interface PaymentWebhooksResult {
  lines: string[];
  /** False when a count is not what paying every order exactly once gives. */
  ok: boolean;
}

interface Answer {
  ms: number;
  status: number;
  outcome: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;

/** A small seeded generator: the same interleaving on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The load generator, in a worker of its own (plain JS: a worker made from a string knows no TypeScript). */
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, deliveries, sequence, inFlight } = workerData;
const answers = new Array(sequence.length);
let next = 0;
async function lane() {
  while (next < sequence.length) {
    const i = next++;
    const d = deliveries[sequence[i]];
    const t0 = performance.now();
    let status = 0;
    let outcome = '';
    try {
      const res = await fetch(url, { method: 'POST', headers: d.headers, body: d.raw });
      status = res.status;
      const text = await res.text();
      try { outcome = String(JSON.parse(text).outcome ?? text.slice(0, 200)); } catch { outcome = text.slice(0, 200); }
    } catch (error) {
      outcome = String(error);
    }
    answers[i] = { ms: performance.now() - t0, status, outcome };
  }
}
const started = performance.now();
Promise.all(Array.from({ length: inFlight }, lane)).then(() => {
  parentPort.postMessage({ answers, seconds: (performance.now() - started) / 1000 });
});
`;

function sendAll(
  url: string,
  deliveries: Pick<SignedDelivery, 'raw' | 'headers'>[],
  sequence: number[],
  inFlight: number,
): Promise<{ answers: Answer[]; seconds: number }> {
  const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { url, deliveries, sequence, inFlight } });
  return new Promise((resolve, reject) => {
    worker.once('message', (result: { answers: Answer[]; seconds: number }) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
  });
}

/** The fake's session as Stripe sends it in `checkout.session.completed` once the card was charged. */
function completedSession(stripe: StripeFake, sessionId: string, total: number, n: number): object {
  const session = stripe.sessions.get(sessionId);
  if (!session) throw new Error(`the Stripe fake has no session ${sessionId}`);
  const { line_items_input: _lines, ...publicPart } = session;
  return {
    ...publicPart,
    status: 'complete',
    payment_status: 'paid',
    amount_total: total * 100,
    payment_intent: `pi_bench_${n}`,
    url: null,
  };
}

export async function paymentWebhooksBench(): Promise<PaymentWebhooksResult> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (url) process.env.TEST_DATABASE_URL = url;
  const dbName = url ? 'PostgreSQL' : 'PGlite';
  const stripe = await startStripeFake();
  const store = await createTestStore(url ? 'postgres' : 'pglite', {
    env: { STRIPE_SECRET_KEY: stripe.secretKey, STRIPE_WEBHOOK_SECRET: stripe.webhookSecret, STRIPE_API_BASE: stripe.url },
  });
  try {
    const db = store.database.db;
    const base = await store.app.listen({ host: '127.0.0.1', port: 0 });
    const preparing = performance.now();

    // Preparation (not measured). Orders as checkout leaves them (awaiting payment, Stripe chosen),
    // written straight into the database with one to three of the sample catalogue's products.
    const catalogue = await db
      .select({
        id: products.id,
        slug: products.slug,
        name: products.name,
        sku: products.sku,
        brand: products.brand,
        price: products.price,
      })
      .from(products)
      .limit(30);
    const specs = Array.from({ length: ORDERS }, (_, i) => {
      const lines = Array.from({ length: (i % 3) + 1 }, (_, j) => ({
        product: catalogue[(i + j * 7) % catalogue.length]!,
        quantity: (j % 2) + 1,
      }));
      const subtotal = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
      return { number: printNumber(i, '270101'), lines, subtotal, total: subtotal + SHIPPING };
    });
    const ids = new Map<string, number>();
    for (let i = 0; i < specs.length; i += 200) {
      const rows = await db
        .insert(orders)
        .values(
          specs.slice(i, i + 200).map((o) => ({
            number: o.number,
            email: `${o.number.toLowerCase()}@webhooks.example`,
            customerName: 'Pelanggan Bench',
            idempotencyKey: `bench-webhooks-${o.number}`,
            shipRecipient: 'Pelanggan Bench',
            shipPhone: '0812 3456 7890',
            shipStreet: 'Jl. Dago No. 10, Coblong',
            shipCity: 'Bandung',
            shipProvince: 'Jawa Barat',
            shipPostalCode: '40135',
            shippingCourier: 'JNE',
            shippingServiceName: 'REG',
            shippingMinDays: 1,
            shippingMaxDays: 2,
            billableKg: 2,
            shippingCost: SHIPPING,
            shippingCharge: SHIPPING,
            subtotal: o.subtotal,
            total: o.total,
            paymentMethod: 'stripe',
            expiresAt: new Date(Date.now() + 12 * 3_600_000),
          })),
        )
        .returning({ id: orders.id, number: orders.number });
      for (const row of rows) ids.set(row.number, row.id);
    }
    const items = specs.flatMap((o) =>
      o.lines.map((l) => ({
        orderId: ids.get(o.number)!,
        productId: l.product.id,
        productSlug: l.product.slug,
        name: l.product.name,
        sku: l.product.sku,
        brand: l.product.brand,
        unitPrice: l.product.price,
        quantity: l.quantity,
        lineTotal: l.product.price * l.quantity,
      })),
    );
    for (let i = 0; i < items.length; i += 500) await db.insert(orderItems).values(items.slice(i, i + 500));

    // A real attempt per order, as the customer starts it from the order page: the store opens a
    // Checkout Session on the Stripe fake and sends the customer there.
    const guest = new TestBrowser(store.app, '203.0.113.77');
    const first = specs[0]!.number;
    await guest.get(`/pesanan/${first}?k=${guestLinkKey(store.config.sessionSecret, first)}`);
    if (!guest.csrf) throw new Error('the order page gave the guest no CSRF token');
    for (let i = 0; i < specs.length; i += START_BATCH) {
      await Promise.all(
        specs.slice(i, i + START_BATCH).map(async (o) => {
          const res = await guest.post(`/pesanan/${o.number}/bayar`, {
            k: guestLinkKey(store.config.sessionSecret, o.number),
            metode: 'stripe',
          });
          if (res.status !== 303 || !res.location?.startsWith(stripe.url)) {
            throw new Error(`starting the payment of ${o.number} answered ${res.status} → ${res.location ?? res.body.slice(0, 200)}`);
          }
        }),
      );
    }
    const attempts = await db
      .select({
        orderId: paymentAttempts.orderId,
        externalId: paymentAttempts.externalId,
        amount: paymentAttempts.amount,
        status: paymentAttempts.status,
      })
      .from(paymentAttempts)
      .where(eq(paymentAttempts.provider, 'stripe'));
    const totals = new Map(specs.map((o) => [ids.get(o.number)!, o.total]));
    if (attempts.length !== ORDERS || stripe.sessions.size !== ORDERS) {
      throw new Error(`expected ${ORDERS} attempts and sessions, found ${attempts.length} and ${stripe.sessions.size}`);
    }
    const deliveries = attempts.map((a, n) => {
      const total = totals.get(a.orderId)!;
      const session = stripe.sessions.get(a.externalId ?? '');
      if (a.status !== 'pending' || a.amount !== total || session?.amount_total !== total * 100) {
        throw new Error(`attempt of order ${a.orderId}: ${a.status}, ${a.amount} for ${total}, session ${session?.amount_total}`);
      }
      const { raw, headers } = stripe.signedEvent('checkout.session.completed', completedSession(stripe, session.id, total, n));
      return { raw, headers };
    });
    // Every event COPIES times (a retry carries the same bytes and signature), shuffled together.
    const sequence = shuffled(
      deliveries.flatMap((_, i) => Array.from({ length: COPIES }, () => i)),
      seeded(20_270_101),
    );
    const eventsBefore = (await db.select({ n: count() }).from(paymentEvents))[0]!.n;
    const preparation = (performance.now() - preparing) / 1000;

    // The measurement.
    const { answers, seconds } = await sendAll(`${base}/webhooks/stripe`, deliveries, sequence, IN_FLIGHT);

    const orderIds = [...ids.values()];
    const [paidOrders] = await db
      .select({ n: count() })
      .from(orders)
      .where(and(inArray(orders.id, orderIds), eq(orders.status, 'paid')));
    const [paidMoves] = await db
      .select({ n: count() })
      .from(orderEvents)
      .where(and(inArray(orderEvents.orderId, orderIds), eq(orderEvents.toStatus, 'paid')));
    const [storedEvents] = await db.select({ n: count() }).from(paymentEvents);
    const [paidAttempts] = await db.select({ n: count() }).from(paymentAttempts).where(eq(paymentAttempts.status, 'paid'));
    const by = (outcome: string) => answers.filter((a) => a.status === 200 && a.outcome === outcome);
    const applied = by('applied');
    const duplicates = by('duplicate');
    const failed = answers.filter((a) => a.status !== 200);
    const others = answers.length - applied.length - duplicates.length - failed.length;

    const checks: [string, number, number][] = [
      ['orders paid', ORDERS, paidOrders!.n],
      ["'paid' order_events", ORDERS, paidMoves!.n],
      ['payment_events stored', ORDERS, storedEvents!.n - eventsBefore],
      ["payment attempts 'paid'", ORDERS, paidAttempts!.n],
      ["answered 'applied'", ORDERS, applied.length],
      ["answered 'duplicate'", ORDERS * (COPIES - 1), duplicates.length],
      ['answered otherwise (other outcome)', 0, others],
      ['answered non-200', 0, failed.length],
    ];
    const ok = checks.every(([, expected, measured]) => expected === measured);

    const row = (name: string, set: Answer[]) => {
      const ms = set.map((a) => a.ms).sort((a, b) => a - b);
      return `| ${name} | ${set.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} |`;
    };
    const lines = [
      `| Stripe webhooks (${ORDERS} events × ${COPIES} deliveries, shuffled, ${dbName}, ${IN_FLIGHT} in flight, HTTP) | requests | ` +
        'p50 ms | p99 ms |',
      '|---|---:|---:|---:|',
      row('POST /webhooks/stripe, all deliveries', answers),
      row("first delivery (answered 'applied')", applied),
      row("later copies (answered 'duplicate')", duplicates),
      '',
      `| throughput (${answers.length} deliveries in ${seconds.toFixed(2)} s) | per second |`,
      '|---|---:|',
      `| deliveries (events/s, copies included) | ${(answers.length / seconds).toFixed(0)} |`,
      `| distinct events applied (orders paid) | ${(applied.length / seconds).toFixed(0)} |`,
      '',
      `(preparation, not measured: ${ORDERS} orders, attempts and Checkout Sessions in ${preparation.toFixed(1)} s)`,
      '',
      '| exactly once | expected | measured | |',
      '|---|---:|---:|---|',
      ...checks.map(
        ([name, expected, measured]) => `| ${name} | ${expected} | ${measured} | ${expected === measured ? 'ok' : '**WRONG**'} |`,
      ),
    ];
    if (failed.length > 0) lines.push(`\nfirst non-200 answers: ${JSON.stringify(failed.slice(0, 3))}`);
    if (!ok) lines.push('\n!! an event was applied more or less than once, or a delivery failed: this is a bug');
    return { lines, ok };
  } finally {
    await store.close();
    await stripe.close();
  }
}

if (import.meta.filename === process.argv[1]) {
  const { lines, ok } = await paymentWebhooksBench();
  console.log(lines.join('\n'));
  if (!ok) process.exitCode = 1;
}
