/**
 * `npm run bench:scale-out` (not in CI): the catalogue page and the product API through nginx with
 * one store instance and with two, in one run on one machine, on PostgreSQL with 10 000 products;
 * plus what one /metrics scrape costs (time, bytes, the store's CPU, and its effect on throughput).
 * The cluster is deploy/scale-out/start.sh's (two chat instances either way); autocannon runs here.
 *
 * Needs TEST_DATABASE_URL (or BENCH_DATABASE_URL), TEST_REDIS_URL and nginx.
 *
 *   BENCH_SECONDS       duration of each measurement (default 10)
 *   BENCH_CONNECTIONS   concurrent connections (default 50)
 *   BENCH_PRODUCTS      catalogue size (default 10000)
 *   BENCH_SCRAPES       sequential /metrics scrapes timed (default 200)
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { measure as measureLoad, type Row } from './measure';
import { type Cluster, createDatabase, missingPrerequisites, startCluster } from '../test/scale-out/cluster';
import { fillCatalog } from './fill-catalog';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const PRODUCTS = Number(process.env.BENCH_PRODUCTS ?? 10_000);
const SCRAPES = Number(process.env.BENCH_SCRAPES ?? 200);
const METRICS_TOKEN = 'bench-scale-out-metrics-token';
/** The listing index reloads every 15 s: after filling, every instance must have seen the 10 000 products. */
const CATALOGUE_REFRESH_MS = 16_000;

const measure = (name: string, url: string) => measureLoad(name, url, { connections: CONNECTIONS, seconds: SECONDS });

/** User + system CPU of a process so far, in ms (Linux /proc; clock ticks are 100 per second on Linux x64). */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function scrape(url: string): Promise<number> {
  const res = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  return (await res.arrayBuffer()).byteLength;
}

async function catalogueRows(cluster: Cluster, label: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, path] of [
    ['/produk', '/produk'],
    ['/api/v1/products', '/api/v1/products'],
  ]) {
    process.stdout.write(`measuring ${name} through nginx, ${label} …\n`);
    rows.push(await measure(`${name} via nginx, ${label}`, cluster.url + path));
  }
  return rows;
}

/** Scrapes one instance in a loop, `perSecond` times a second, until stopped. */
function scraper(url: string, perSecond: number): { stop(): Promise<number> } {
  let running = true;
  let count = 0;
  const loop = (async () => {
    while (running) {
      const started = performance.now();
      await scrape(url);
      count++;
      await new Promise((r) => setTimeout(r, Math.max(0, 1000 / perSecond - (performance.now() - started))));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return count;
    },
  };
}

async function main() {
  const missing = missingPrerequisites();
  if (process.env.BENCH_DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  if (missing.length > 0) throw new Error(`bench:scale-out needs: ${missing.join('; ')}`);
  const database = await createDatabase('hurtrock_bench_scale_out');
  const env = {
    SAMPLE_DATA: 'true',
    ADMIN_PASSWORD: 'bench-admin-passphrase',
    METRICS_TOKEN,
    LOG_LEVEL: 'warn',
    SUGGEST_RATE_LIMIT: '1000000000',
  };
  const rows: Row[] = [];
  const notes: string[] = [];
  try {
    // One store first: it seeds the sample catalogue, which is then grown to PRODUCTS.
    let cluster = await startCluster({ stores: 1, databaseUrl: database.url, env });
    let catalogSize = 0;
    try {
      process.stdout.write(`filling the catalogue to ${PRODUCTS} products …\n`);
      catalogSize = await fillCatalog(database.url, PRODUCTS);
      await new Promise((r) => setTimeout(r, CATALOGUE_REFRESH_MS));
      rows.push(...(await catalogueRows(cluster, '1 store')));
      process.stdout.write('measuring /produk on the store directly (no nginx) …\n');
      rows.push(await measure('/produk direct to the store, 1 store', `${cluster.stores[0]!.url}/produk`));
    } finally {
      await cluster.stop();
    }

    // The same database, two stores: each loads the full catalogue at start.
    cluster = await startCluster({ stores: 2, databaseUrl: database.url, env });
    try {
      const twoStores = await catalogueRows(cluster, '2 stores');
      rows.push(...twoStores);

      // One scrape: time and bytes (sequential, nothing else running), and the store's CPU per scrape.
      const store = cluster.stores[0]!;
      await scrape(store.url);
      const cpuBefore = cpuMs(store.pid);
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < SCRAPES; i++) {
        const started = performance.now();
        bytes = await scrape(store.url);
        times.push(performance.now() - started);
      }
      const cpuPerScrape = (cpuMs(store.pid) - cpuBefore) / SCRAPES;
      times.sort((a, b) => a - b);
      const median = percentile(times, 50);
      notes.push(
        `| one /metrics scrape of a store (${SCRAPES} in a row) | ${median.toFixed(2)} ms median, ` +
          `${percentile(times, 99).toFixed(2)} ms p99 | ${bytes} bytes | ${cpuPerScrape.toFixed(2)} ms store CPU per scrape |`,
      );

      // Its effect on throughput: /api/v1/products again while each instance is scraped 10 times a
      // second (Prometheus scrapes every 15 s, so this is 150 times the usual rate).
      process.stdout.write('measuring /api/v1/products through nginx, 2 stores, each scraped 10×/s …\n');
      const scrapers = cluster.stores.map((s) => scraper(s.url, 10));
      const scraped = await measure('/api/v1/products via nginx, 2 stores, each scraped 10×/s', `${cluster.url}/api/v1/products`);
      const scrapeCount = (await Promise.all(scrapers.map((s) => s.stop()))).reduce((a, b) => a + b, 0);
      rows.push(scraped);
      const without = twoStores[1]!.reqPerSec;
      notes.push(
        `| /api/v1/products with ${scrapeCount} scrapes during the run | ${scraped.reqPerSec.toFixed(0)} req/s vs ` +
          `${without.toFixed(0)} without | ${(((scraped.reqPerSec - without) / without) * 100).toFixed(1)} % | |`,
      );
    } finally {
      await cluster.stop();
    }

    console.log(
      `\n${catalogSize} products on PostgreSQL, ${CONNECTIONS} connections, ${SECONDS} s each, NODE_ENV=production, ` +
        `${os.cpus().length} cores (shared with nginx, PostgreSQL, Redis, the chats and autocannon)\n`,
    );
    console.log('| target | req/s | p50 ms | p99 ms | errors/non-2xx |');
    console.log('|---|---:|---:|---:|---:|');
    for (const r of rows) console.log(`| ${r.name} | ${r.reqPerSec.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.errors} |`);
    const ratio = (path: string) => {
      const one = rows.find((r) => r.name === `${path} via nginx, 1 store`)!.reqPerSec;
      const two = rows.find((r) => r.name === `${path} via nginx, 2 stores`)!.reqPerSec;
      return `${path}: ${(two / one).toFixed(2)}×`;
    };
    console.log(`\ntwo stores vs one: ${ratio('/produk')}, ${ratio('/api/v1/products')}`);
    console.log('\n| metrics | time | size | cost |');
    console.log('|---|---:|---:|---:|');
    for (const line of notes) console.log(line);
  } finally {
    await database.drop();
  }
}

await main();
