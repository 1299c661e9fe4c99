/**
 * The sample catalogue's writes: all rows in one transaction that re-checks emptiness under an
 * advisory lock, so two instances starting at once never seed twice.
 */
import { count, sql } from 'drizzle-orm';
import { categories, productImages, products, shopSettings, storeProfile, suppliers } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import type { StoredImage } from '../media/service';
import { sampleCategories, sampleProducts, sampleShopSettings, sampleStoreProfile, sampleSoldCount, sampleSuppliers } from './sample-data';
import type { SeedResult } from './types';

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

/** Inserts the whole sample catalogue with its images' rows; all zero when another process seeded first. */
export async function insertSampleCatalog(db: StoreDb, imagesBySku: Map<string, StoredImage[]>): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    if (!(await isStoreEmpty(tx))) return { categories: 0, products: 0, images: 0 };
    await ensureStoreProfile(tx);
    await tx
      .insert(shopSettings)
      .values({ id: 1, ...sampleShopSettings })
      .onConflictDoNothing({ target: shopSettings.id });

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
}

function mustGet<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Sample data refers to an unknown ${what}: ${String(key)}`);
  return value;
}
