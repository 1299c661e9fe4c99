/**
 * Catalogue import of 5 000 rows (`BENCH_IMPORT_ROWS`): time to preview and to apply a CSV of new
 * products with stock, and the process's peak RSS, on a fresh database (PGlite in memory, or
 * PostgreSQL with BENCH_DATABASE_URL / TEST_DATABASE_URL). Part of `npm run bench`; alone:
 * `npx tsx bench/product-import.ts`.
 */
import { transactionRunner } from '../src/db/store-db';
import { createProductImportRepository } from '../src/store/product-import/repository';
import { createProductImportService } from '../src/store/product-import/service';
import { readSheet } from '../src/store/product-import/sheet';
import { createStockRepository } from '../src/store/stock/repository';
import { createStockService } from '../src/store/stock/service';
import { createTestStore } from '../test/helpers/store-app';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5_000);

function catalogueCsv(rows: number): Buffer {
  const lines = ['sku,name,brand,category,price,stock,weight_grams,length_cm,width_cm,height_cm,description'];
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(5, '0');
    const price = 1_000_000 + i * 1000;
    lines.push(`BENCH-${n},Gitar Uji ${n},Merek ${i % 40},gitar-elektrik,${price},${i % 17},3500,100,40,12,"Deskripsi ${n}, untuk uji."`);
  }
  return Buffer.from(lines.join('\n'));
}

export async function productImportBench(): Promise<string[]> {
  const url = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  const store = await createTestStore(url ? 'postgres' : 'pglite');
  try {
    const db = store.database.db;
    const transaction = transactionRunner(db);
    const imports = createProductImportService({
      db,
      repo: createProductImportRepository(db),
      stock: createStockService({ repo: createStockRepository(), transaction }),
      transaction,
      catalogChanged: () => {},
    });
    const csv = catalogueCsv(ROWS);
    let started = performance.now();
    const preview = await imports.preview(csv);
    const previewMs = performance.now() - started;
    if (!preview.ok || preview.plan.issues.length > 0) throw new Error('the benchmark sheet should import cleanly');
    started = performance.now();
    const applied = await imports.apply(await readSheet(csv), { userId: 1, note: 'bench' });
    const applyMs = performance.now() - started;
    if (!applied.ok || applied.plan.counts.create !== ROWS) throw new Error('the benchmark sheet was not applied');
    const rssMb = process.resourceUsage().maxRSS / 1024;
    return [
      `| catalogue import (${ROWS} new rows, ${url ? 'PostgreSQL' : 'PGlite'}) | preview ms | apply ms | peak RSS MB |`,
      '|---|---:|---:|---:|',
      `| CSV of ${(csv.length / 1024).toFixed(0)} KB | ${previewMs.toFixed(0)} | ${applyMs.toFixed(0)} | ${rssMb.toFixed(0)} |`,
    ];
  } finally {
    await store.close();
  }
}

if (import.meta.filename === process.argv[1]) console.log((await productImportBench()).join('\n'));
