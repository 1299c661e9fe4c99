/**
 * `npm run bench`: measures the store against a bare Fastify route (the ceiling) in one run, so
 * results read as ratios that hold across machines. Each server runs in its own process; the
 * load generator (autocannon) runs here.
 *
 * With BENCH_DATABASE_URL (or TEST_DATABASE_URL) pointing at a PostgreSQL server whose user may
 * create databases, a fresh database is made and filled with 10 000 products; otherwise the
 * store runs on PGlite with the sample data only.
 *
 *   BENCH_SECONDS       duration of each measurement (default 10)
 *   BENCH_CONNECTIONS   concurrent connections (default 50)
 *   BENCH_PRODUCTS      catalogue size on PostgreSQL (default 10000)
 *   BENCH_EXPORT_ORDERS orders exported to XLSX, in steps (default 10000,50000; bench/order-export.ts)
 *   BENCH_ONLY=catalog  only the page table and the checkout race (for quick iterations on the catalogue)
 *   BENCH_PAYMENT_ORDERS Stripe events, each delivered BENCH_PAYMENT_COPIES times (default 1000 × 5; bench/payment-webhooks.ts)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type MeasureOptions as LoadOptions, measure as measureLoad, type Row } from './measure';
import { freePorts } from '../test/helpers/free-ports';
import { createTestDatabase, type TestDatabase } from '../test/helpers/databases';
import { missingRequests } from './catalog-misses';
import { checkoutRace } from './checkout-race';
import { fillCatalog } from './fill-catalog';
import { imagePipelineBench } from './image-pipeline';
import { labelsBench } from './labels';
import { ordersDeskBench } from './orders-desk';
import { paymentWebhooksBench } from './payment-webhooks';
import { productImportBench } from './product-import';
import { singleRequests } from './single-requests';
import { STORE_NODE_FLAGS } from '../src/lib/runtime-flags';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const RACE_BUYERS = Number(process.env.BENCH_RACE_BUYERS ?? 500);
const RACE_UNITS = Number(process.env.BENCH_RACE_UNITS ?? 10);
const root = path.resolve(import.meta.dirname, '..');
/**
 * Warm-up and measured runs number their never-seen URLs apart, so neither reuses the other's; the
 * compressed page run has ranges of its own (below 85 000, where every price floor still matches).
 */
const phaseStart = (phase: 'warm-up' | 'measured') => (phase === 'warm-up' ? 70_000 : 0);
const compressedPhaseStart = (phase: 'warm-up' | 'measured') => (phase === 'warm-up' ? 80_000 : 30_000);

async function waitFor(url: string, child: ChildProcess, timeoutMs = 180_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} not ready`);
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

type MeasureOptions = Partial<Omit<LoadOptions, 'seconds'>>;

const measure = (name: string, url: string, opts: MeasureOptions = {}) =>
  measureLoad(name, url, { connections: CONNECTIONS, seconds: SECONDS, ...opts });

/** What browsers send: the shared pages are kept compressed once per coding and answered as such. */
const BROWSER_ENCODING = { 'accept-encoding': 'gzip, deflate, br' };

/** The admin's session cookie, logged in through the form like a browser. */
async function adminCookie(base: string): Promise<string> {
  const page = await fetch(`${base}/masuk`);
  const cookie = (page.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0] ?? '').join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
  const login = await fetch(`${base}/masuk`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, email: 'admin@hurtrock.local', password: 'bench-admin-passphrase' }).toString(),
  });
  const sid = (login.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('sid='));
  if (login.status !== 303 || !sid) throw new Error(`admin login for the benchmark failed (${login.status})`);
  return sid;
}

/** The admin product list against the storefront's catalogue page, both at 10 connections, in the same run. */
async function adminListBench(base: string): Promise<string[]> {
  const cookie = await adminCookie(base);
  process.stdout.write('measuring the admin product list …\n');
  const shop = await measure('/produk (storefront, 10 connections)', `${base}/produk`, { connections: 10 });
  const admin = await measure('/admin/produk (admin, 10 connections)', `${base}/admin/produk`, { connections: 10, headers: { cookie } });
  const adminSearch = await measure('/admin/produk?q=ibanes&stok=menipis', `${base}/admin/produk?q=ibanes&stok=menipis`, {
    connections: 10,
    headers: { cookie },
  });
  const lines = [
    '| admin list | req/s | ratio to storefront /produk | p50 ms | p99 ms | errors/non-2xx |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of [shop, admin, adminSearch]) {
    lines.push(
      `| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${(r.reqPerSec / shop.reqPerSec).toFixed(2)} | ${r.p50} | ${r.p99} | ${r.errors} |`,
    );
  }
  return lines;
}

/**
 * The orders export measures its process's RSS, so it runs in a process of its own (this one holds
 * the load generator's results) with `--expose-gc`, to start each size from a collected heap.
 */
function orderExportBenchAlone(): Promise<string> {
  const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/order-export.ts')], {
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`bench/order-export.ts exited with ${code}`));
      resolve(
        output
          .split('\n')
          .filter((line) => line.startsWith('|'))
          .join('\n'),
      );
    });
  });
}

async function main() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-bench-'));
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) process.env.TEST_DATABASE_URL = adminUrl;
  const database: TestDatabase | undefined = adminUrl ? await createTestDatabase('postgres') : undefined;
  const [ceilingPort, storePort, chatPort] = await freePorts(3);
  const ceiling = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'bench/ceiling-server.ts')], {
    env: { ...process.env, PORT: String(ceilingPort) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const storeEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(storePort),
    CHAT_PORT: String(chatPort),
    DATA_DIR: dataDir,
    SAMPLE_DATA: 'true',
    SESSION_SECRET: 'bench-session-secret-'.padEnd(48, 'x'),
    CHAT_TOKEN_SECRET: 'bench-chat-secret-'.padEnd(48, 'y'),
    ADMIN_PASSWORD: 'bench-admin-passphrase',
    LOG_LEVEL: 'warn',
    // Production mode, over plain HTTP on the loopback interface.
    PUBLIC_URL: `http://127.0.0.1:${storePort}`,
    ALLOW_HTTP: 'true',
    // One client hammering the autocomplete is the point here, not an abuse to stop.
    SUGGEST_RATE_LIMIT: '1000000000',
  };
  delete storeEnv.REDIS_URL;
  if (database?.url) storeEnv.DATABASE_URL = database.url;
  else delete storeEnv.DATABASE_URL;
  const store = spawn(process.execPath, [...STORE_NODE_FLAGS, path.join(root, 'dist/store/main.js')], {
    env: storeEnv,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await Promise.all([waitFor(`http://127.0.0.1:${ceilingPort}/`, ceiling), waitFor(`http://127.0.0.1:${storePort}/healthz`, store)]);
    let catalogSize = 36;
    if (database?.url) {
      process.stdout.write(`filling the catalogue to ${PRODUCTS} products …\n`);
      catalogSize = await fillCatalog(database.url, PRODUCTS);
      // Let the store's short-lived caches (category tree) expire so it sees the new catalogue.
      await new Promise((r) => setTimeout(r, 11_000));
    }
    const base = `http://127.0.0.1:${storePort}`;
    const sample = (await (await fetch(`${base}/api/v1/products?q=ibanez&per_page=1`)).json()) as { data: { slug: string }[] };
    const productSlug = sample.data[0]?.slug ?? 'unknown';
    const storePid = { serverPid: store.pid };
    const targets: [string, string, MeasureOptions?][] = [
      ['ceiling: bare Fastify "ok"', `http://127.0.0.1:${ceilingPort}/`, { serverPid: ceiling.pid }],
      ['store /healthz', `${base}/healthz`, storePid],
      ['/ (home page)', `${base}/`, storePid],
      ['/ (home page), compressed as browsers ask', `${base}/`, { ...storePid, headers: BROWSER_ENCODING }],
      ['/produk page 1', `${base}/produk`, storePid],
      ['/produk page 1, compressed as browsers ask', `${base}/produk`, { ...storePid, headers: BROWSER_ENCODING }],
      [
        '/produk filtered (category+brand+price, sorted)',
        `${base}/produk?kategori=gitar&merek=Fender&merek=Ibanez&harga_min=1000000&urut=termurah`,
        storePid,
      ],
      [`/produk/${productSlug} (product page)`, `${base}/produk/${productSlug}`, storePid],
      ['/api/v1/products/suggest?q=ibanes', `${base}/api/v1/products/suggest?q=ibanes`, storePid],
      [
        '/produk, a never-seen filter each request',
        `${base}/produk`,
        { ...storePid, requests: (phase) => missingRequests('page', phaseStart(phase)) },
      ],
      [
        '/produk, a never-seen filter each request, compressed as browsers ask',
        `${base}/produk`,
        { ...storePid, headers: BROWSER_ENCODING, requests: (phase) => missingRequests('page', compressedPhaseStart(phase)) },
      ],
      [
        '/api/v1/products, a never-seen filter each request',
        `${base}/api/v1/products`,
        { ...storePid, requests: (phase) => missingRequests('api', phaseStart(phase)) },
      ],
    ];
    const rows: Row[] = [];
    for (const [name, url, options] of targets) {
      process.stdout.write(`measuring ${name} …\n`);
      rows.push(await measure(name, url, options));
    }
    const ceilingRate = rows[0]!.reqPerSec;
    const dbName = database ? 'PostgreSQL' : 'PGlite';
    console.log(
      `\n${catalogSize} products on ${dbName}, ${CONNECTIONS} connections, ${SECONDS} s each, ` +
        `NODE_ENV=production, ${os.cpus().length} cores\n`,
    );
    console.log('| target | req/s | ratio to ceiling | p50 ms | p99 ms | server CPU µs/req | errors/non-2xx |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    for (const r of rows) {
      const cpu = r.cpuMicros === undefined ? '–' : r.cpuMicros.toFixed(0);
      const ratio = (r.reqPerSec / ceilingRate).toFixed(2);
      console.log(`| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${ratio} | ${r.p50} | ${r.p99} | ${cpu} | ${r.errors} |`);
    }
    console.log('\n| one request at a time (300 in a row) | p50 ms | p99 ms |');
    console.log('|---|---:|---:|');
    for (const [name, target] of [
      ['/produk, a never-seen filter each request', 'page'],
      ['/api/v1/products, a never-seen filter each request', 'api'],
    ] as const) {
      const single = await singleRequests(base, target);
      console.log(`| ${name} | ${single.p50} | ${single.p99} |`);
    }
    const catalogOnly = process.env.BENCH_ONLY === 'catalog';
    if (!catalogOnly) console.log(`\n${(await adminListBench(base)).join('\n')}`);
    if (database?.url) {
      process.stdout.write(`\ncheckout race: ${RACE_BUYERS} buyers for ${RACE_UNITS} units …\n`);
      const race = await checkoutRace(base, database.url, RACE_BUYERS, RACE_UNITS, `http://127.0.0.1:${ceilingPort}`);
      console.log('\n| checkout race | buyers | units | orders created | stock after | refused | 5xx | p50 ms | p99 ms | req/s |');
      console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      console.log(
        `| POST /checkout at once | ${race.buyers} | ${race.units} | ${race.ordersCreated} | ${race.stockAfter} | ` +
          `${race.refused} | ${race.errors} | ${race.p50} | ${race.p99} | ${race.reqPerSec.toFixed(0)} |`,
      );
      if (race.floor) {
        console.log(
          `| the same POSTs to a bare Fastify redirect (the floor) | ${race.buyers} | – | – | – | – | – | ` +
            `${race.floor.p50} | ${race.floor.p99} | ${race.floor.reqPerSec.toFixed(0)} |`,
        );
      }
      if (race.ordersCreated !== race.units || race.stockAfter !== 0) console.log('!! the race oversold or undersold: this is a bug');
    } else {
      console.log('\n(checkout race skipped: it needs PostgreSQL, set BENCH_DATABASE_URL or TEST_DATABASE_URL)');
    }
    if (catalogOnly) return;
    console.log(`\n${(await imagePipelineBench()).join('\n')}`);
    console.log(`\n${(await productImportBench()).join('\n')}`);
    console.log(`\n${await orderExportBenchAlone()}`);
    console.log(`\n${(await labelsBench()).join('\n')}`);
    console.log(`\n${(await ordersDeskBench()).join('\n')}`);
    const webhooks = await paymentWebhooksBench();
    console.log(`\n${webhooks.lines.join('\n')}`);
    if (!webhooks.ok) process.exitCode = 1;
  } finally {
    await Promise.all([stop(ceiling), stop(store)]);
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
