/**
 * Seeds an empty store with the sample catalogue: categories, suppliers, couriers, ~35 products
 * and their locally drawn images. Images are written to disk first (rendered a few at a time);
 * all rows go in one transaction, which re-checks emptiness under an advisory lock, so two
 * instances starting at once never seed twice. On failure the written images are removed.
 */
import { count, sql } from 'drizzle-orm';
import { categories, productImages, products, shippingServices, storeProfile, suppliers } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import { removeImageRenditions, type StoredImage } from '../media/image-pipeline';
import { renderSampleImage } from './image-cache';
import { productArtSvgs } from './product-art';
import { ensureShopSettings } from '../shop-settings/repository';
import {
  sampleCategories,
  sampleProducts,
  sampleShippingServices,
  sampleShopSettings,
  sampleStoreProfile,
  sampleSuppliers,
} from './sample-data';

export interface SeedOptions {
  uploadDir: string;
  log?: (msg: string) => void;
  /** Images rendered at once (default 4). */
  concurrency?: number;
  /** Folder where rendered sample images are kept and reused (tests seed many databases). */
  imageCacheDir?: string;
}

export interface SeedResult {
  categories: number;
  products: number;
  images: number;
}

/** Key for pg_advisory_xact_lock, shared by every instance seeding the same database. */
const SEED_LOCK_KEY = 720_431_994;

type Executor = Pick<StoreDb, 'select' | 'insert'>;

/** True when the catalogue has neither categories nor products. */
export async function isStoreEmpty(db: Executor): Promise<boolean> {
  const [cats] = await db.select({ n: count() }).from(categories);
  const [prods] = await db.select({ n: count() }).from(products);
  return Number(cats?.n ?? 0) === 0 && Number(prods?.n ?? 0) === 0;
}

/** Inserts the shop's profile (row id 1) when there is none. Returns true when it inserted it. */
export async function ensureStoreProfile(db: Executor): Promise<boolean> {
  const inserted = await db
    .insert(storeProfile)
    .values({ id: 1, ...sampleStoreProfile, social: {} })
    .onConflictDoNothing({ target: storeProfile.id })
    .returning({ id: storeProfile.id });
  return inserted.length > 0;
}

export async function seedSampleData(db: StoreDb, opts: SeedOptions): Promise<SeedResult> {
  const log = opts.log ?? (() => {});
  const none: SeedResult = { categories: 0, products: 0, images: 0 };
  if (!(await isStoreEmpty(db))) {
    log('Sample data skipped: the catalogue is not empty.');
    return none;
  }

  const started = performance.now();
  const written: StoredImage[] = [];
  const imagesBySku = new Map<string, StoredImage[]>();
  try {
    await mapLimit(sampleProducts, opts.concurrency ?? 4, async (p) => {
      const shots: StoredImage[] = [];
      for (const svg of productArtSvgs(p)) {
        const stored = await renderSampleImage(svg, opts.uploadDir, opts.imageCacheDir);
        written.push(stored);
        shots.push(stored);
      }
      imagesBySku.set(p.sku, shots);
    });
    log(`Rendered ${written.length} product images in ${Math.round(performance.now() - started)} ms.`);

    const result = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
      if (!(await isStoreEmpty(tx))) return none;
      await ensureStoreProfile(tx);
      await ensureShopSettings(tx, sampleShopSettings);

      const supplierRows = await tx
        .insert(suppliers)
        .values(sampleSuppliers.map(({ key: _key, ...s }) => s))
        .returning({ id: suppliers.id, name: suppliers.name });
      const supplierId = new Map(sampleSuppliers.map((s) => [s.key, supplierRows.find((r) => r.name === s.name)!.id]));

      const categoryId = new Map<string, number>();
      const parents = await tx
        .insert(categories)
        .values(sampleCategories.map((c, i) => ({ name: c.name, slug: c.slug, icon: c.icon, description: c.description, position: i })))
        .returning({ id: categories.id, slug: categories.slug });
      for (const r of parents) categoryId.set(r.slug, r.id);
      const childValues = sampleCategories.flatMap((c) =>
        (c.children ?? []).map((ch, i) => ({ ...ch, parentId: categoryId.get(c.slug)!, position: i })),
      );
      const children = await tx.insert(categories).values(childValues).returning({ id: categories.id, slug: categories.slug });
      for (const r of children) categoryId.set(r.slug, r.id);

      await tx
        .insert(shippingServices)
        .values(sampleShippingServices.map((s, i) => ({ ...s, position: i })))
        .onConflictDoNothing({ target: shippingServices.code });

      // Oldest first, one hour apart, so "newest" sorting has a stable order.
      const now = Date.now();
      const productRows = await tx
        .insert(products)
        .values(
          sampleProducts.map((p, i) => {
            const created = new Date(now - (sampleProducts.length - i) * 3_600_000);
            return {
              categoryId: mustGet(categoryId, p.categorySlug, 'category'),
              supplierId: mustGet(supplierId, p.supplier, 'supplier'),
              name: p.name,
              slug: p.slug,
              sku: p.sku,
              brand: p.brand,
              model: p.model,
              description: p.description,
              price: p.price,
              stock: p.stock,
              minStock: p.minStock,
              lowStockThreshold: p.lowStockThreshold,
              weightGrams: p.weightGrams,
              lengthCm: p.lengthCm,
              widthCm: p.widthCm,
              heightCm: p.heightCm,
              isFeatured: p.featured,
              createdAt: created,
              updatedAt: created,
              soldCount: sampleSoldCount(p.sku, p.price),
            };
          }),
        )
        .returning({ id: products.id, sku: products.sku });

      const imageRows = productRows.flatMap((row) => {
        const p = sampleProducts.find((s) => s.sku === row.sku)!;
        return (imagesBySku.get(row.sku) ?? []).map((img, position) => ({
          productId: row.id,
          storageKey: img.storageKey,
          alt: position === 0 ? p.name : `${p.name} — tampilan lain`,
          position,
          isMain: position === 0,
          sizes: img.sizes,
        }));
      });
      if (imageRows.length > 0) await tx.insert(productImages).values(imageRows);
      return { categories: parents.length + children.length, products: productRows.length, images: imageRows.length };
    });

    if (result.products === 0) {
      log('Sample data skipped: another process seeded the catalogue first.');
      await removeAll(opts.uploadDir, written);
      return none;
    }
    return result;
  } catch (error) {
    await removeAll(opts.uploadDir, written);
    throw error;
  }
}

function mustGet<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Sample data refers to an unknown ${what}: ${String(key)}`);
  return value;
}

async function removeAll(uploadDir: string, images: StoredImage[]): Promise<void> {
  await Promise.all(images.map((img) => removeImageRenditions(uploadDir, img.storageKey).catch(() => {})));
}

/** Runs `fn` over `items` with at most `limit` calls in flight; stops and rejects on the first failure. */
async function mapLimit<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  // Wait for every worker, so nothing is still writing files when the caller cleans up.
  const results = await Promise.allSettled(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}

/**
 * A plausible sales history for the sample catalogue so "best selling" has something to sort:
 * cheap accessories sell more than flagship guitars. Deterministic (from the SKU), no randomness.
 */
export function sampleSoldCount(sku: string, price: number): number {
  let hash = 0;
  for (const ch of sku) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const popularity = price < 500_000 ? 60 : price < 5_000_000 ? 25 : 8;
  return hash % popularity;
}
