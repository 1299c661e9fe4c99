/**
 * `npm run bench:lighthouse`: mobile Lighthouse (the default config: Moto G Power, simulated slow
 * 4G, 4× CPU slowdown) against the built store on an embedded database with the sample data, on the
 * three pages a shopper lands on: home, catalogue and a product page. Each page runs LH_RUNS times
 * (default 3) and the median run is printed, because one Lighthouse run varies by several points.
 *
 * Kept out of `npm run bench` and CI on purpose: it takes minutes, needs Chromium, and its score is
 * a simulation, so it is a tool for front-end changes, not a gate.
 *
 *   LH_RUNS        runs per page (default 3)
 *   LH_PAGES       comma-separated paths instead of the three defaults (e.g. "/,/produk")
 *   LH_JSON        a file to write every run's numbers to, as JSON
 *   CHROME_PATH    the browser (default Debian's /usr/bin/chromium; never a downloaded one)
 */
import { writeFile } from 'node:fs/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startStore } from '../test/e2e/helpers/server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/helpers/chromium';

const RUNS = Number(process.env.LH_RUNS ?? 3);
const CHROME = CHROMIUM_PATH;
// The same flags as the browser journeys, headless.
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

interface RunResult {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  fcpMs: number;
  cls: number;
  tbtMs: number;
  /** Bytes over the wire by resource type (Lighthouse's resource-summary audit). */
  bytes: Record<string, number>;
  /** The LCP element (its selector and a snippet) and the LCP phases in ms (TTFB, load delay…). */
  lcpElement: string;
  lcpPhases: Record<string, number>;
}

interface LcpElementDetails {
  items?: { items?: { node?: { selector?: string; snippet?: string }; phase?: string; timing?: number }[] }[];
}

/** Lighthouse's largest-contentful-paint-element audit: the element, then a table of phases. */
function lcpDetails(details: LcpElementDetails | undefined): { lcpElement: string; lcpPhases: Record<string, number> } {
  const [elementTable, phaseTable] = details?.items ?? [];
  const node = elementTable?.items?.[0]?.node;
  const lcpPhases: Record<string, number> = {};
  for (const row of phaseTable?.items ?? []) if (row.phase) lcpPhases[row.phase] = Math.round(row.timing ?? 0);
  return { lcpElement: node ? `${node.selector ?? ''} ${node.snippet ?? ''}`.trim() : '-', lcpPhases };
}

/** The first product page the catalogue links to, so the script works on any seed. */
async function firstProductPath(base: string): Promise<string> {
  const html = await (await fetch(`${base}/produk`)).text();
  const match = /href="(\/produk\/[a-z0-9-]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no product link on /produk');
  return match[1];
}

async function runOnce(url: string, port: number): Promise<RunResult> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
  });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { categories, audits } = result.lhr;
  const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100);
  const num = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  const bytes: Record<string, number> = {};
  const summary = audits['resource-summary']?.details as { items?: { resourceType: string; transferSize: number }[] } | undefined;
  for (const item of summary?.items ?? []) bytes[item.resourceType] = item.transferSize;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    lcpMs: num('largest-contentful-paint'),
    fcpMs: num('first-contentful-paint'),
    cls: num('cumulative-layout-shift'),
    tbtMs: num('total-blocking-time'),
    bytes,
    ...lcpDetails(audits['largest-contentful-paint-element']?.details as LcpElementDetails | undefined),
  };
}

/** The run with the median performance score (Lighthouse's own advice for picking one run). */
function medianRun(runs: RunResult[]): RunResult {
  const sorted = [...runs].sort((a, b) => a.performance - b.performance || a.lcpMs - b.lcpMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

const kb = (n: number | undefined) => (n === undefined ? '-' : (n / 1024).toFixed(1));

async function main() {
  const store = await startStore();
  const chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
  const all: Record<string, RunResult[]> = {};
  try {
    const paths = process.env.LH_PAGES?.split(',') ?? ['/', '/produk', await firstProductPath(store.url)];
    // One unmeasured visit per page, so the store's page cache and the OS file cache are warm.
    for (const p of paths) await (await fetch(store.url + p)).text();
    for (const p of paths) {
      all[p] = [];
      for (let i = 0; i < RUNS; i++) all[p].push(await runOnce(store.url + p, chrome.port));
    }
  } finally {
    chrome.kill();
    await store.stop();
  }

  const rows = Object.entries(all).map(([p, runs]) => ({ page: p, ...medianRun(runs) }));
  console.log(`\nLighthouse mobile, median of ${RUNS} (simulated throttling), ${new Date().toISOString()}`);
  console.table(
    rows.map((r) => ({
      page: r.page,
      perf: r.performance,
      a11y: r.accessibility,
      'best pr.': r.bestPractices,
      seo: r.seo,
      'FCP s': (r.fcpMs / 1000).toFixed(2),
      'LCP s': (r.lcpMs / 1000).toFixed(2),
      CLS: r.cls.toFixed(3),
      'TBT ms': Math.round(r.tbtMs),
    })),
  );
  console.log('Transfer sizes of the median run, KB (compressed, as the browser received them):');
  console.table(
    rows.map((r) => ({
      page: r.page,
      document: kb(r.bytes.document),
      script: kb(r.bytes.script),
      stylesheet: kb(r.bytes.stylesheet),
      font: kb(r.bytes.font),
      image: kb(r.bytes.image),
      other: kb(r.bytes.other),
      total: kb(r.bytes.total),
    })),
  );
  console.log('LCP element and phases of the median run, ms:');
  for (const r of rows) console.log(`  ${r.page}: ${r.lcpElement}\n    ${JSON.stringify(r.lcpPhases)}`);
  if (process.env.LH_JSON) await writeFile(process.env.LH_JSON, JSON.stringify(all, null, 2));
}

await main();
