import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages, products, shippingServices, storeProfile, suppliers } from '../../src/db/schema';
import { createFolderStorage } from '../../src/lib/storage/folder';
import { openStoreDatabase, type StoreDbHandle } from '../../src/db/store-db';
import { IMAGE_WIDTHS, imagePath } from '../../src/store/media/service';
import { sampleCategories, sampleProducts } from '../../src/store/seed/sample-data';
import { ensureStoreProfile, isStoreEmpty, seedSampleData } from '../../src/store/seed/seed';
import { createTestDatabase, dbTargets, type TestDatabase } from '../helpers/databases';

const noConfig = { store: { port: 0, publicUrl: '', databaseUrl: undefined }, pgliteDirs: { store: '', chat: '' } };

describe.each(dbTargets)('sample data on %s', (target) => {
  let testDb: TestDatabase;
  let handle: StoreDbHandle;
  let uploadDir: string;
  let seedMs = 0;
  let result: Awaited<ReturnType<typeof seedSampleData>>;

  beforeAll(async () => {
    testDb = await createTestDatabase(target);
    handle = await openStoreDatabase(noConfig, testDb.url ? { url: testDb.url } : { inMemory: true });
    await handle.migrate();
    uploadDir = await mkdtemp(path.join(os.tmpdir(), 'hurtrock-seed-'));
    expect(await isStoreEmpty(handle.db)).toBe(true);
    const started = performance.now();
    result = await seedSampleData(handle.db, { media: createFolderStorage(uploadDir) });
    seedMs = performance.now() - started;
  }, 120_000);

  afterAll(async () => {
    await handle?.close();
    await testDb?.drop();
    if (uploadDir) await rm(uploadDir, { recursive: true, force: true });
  });

  it('inserts every category, product and two images per product', async () => {
    const childCount = sampleCategories.reduce((n, c) => n + (c.children?.length ?? 0), 0);
    expect(result).toEqual({
      categories: sampleCategories.length + childCount,
      products: sampleProducts.length,
      images: sampleProducts.length * 2,
    });
    expect(await handle.db.$count(categories)).toBe(result.categories);
    expect(await handle.db.$count(products)).toBe(sampleProducts.length);
    expect(await handle.db.$count(productImages)).toBe(sampleProducts.length * 2);
    expect(await handle.db.$count(suppliers)).toBe(2);
    // The couriers come from the migrations (base data, there before any seeding); the seed adds none.
    expect(await handle.db.$count(shippingServices)).toBe(6);
    expect(sampleProducts.length).toBeGreaterThanOrEqual(30);
    expect(await handle.db.$count(products, eq(products.isFeatured, true))).toBe(8);
    console.info(`[${target}] seeded in ${Math.round(seedMs)} ms`);
  });

  it('builds the category hierarchy', async () => {
    const rows = await handle.db.select().from(categories);
    const bySlug = new Map(rows.map((c) => [c.slug, c]));
    expect(bySlug.get('gitar-elektrik')?.parentId).toBe(bySlug.get('gitar')?.id);
    expect(bySlug.get('cymbal')?.parentId).toBe(bySlug.get('drum')?.id);
    expect(bySlug.get('gitar')?.parentId).toBeNull();
    for (const row of rows) expect(row.icon).toMatch(/^[a-z-]+$/);
  });

  it('stores whole-rupiah prices and sensible stock', async () => {
    const rows = await handle.db.select().from(products);
    for (const p of rows) {
      expect(Number.isSafeInteger(p.price)).toBe(true);
      expect(p.price).toBeGreaterThan(0);
    }
    const f310 = rows.find((p) => p.sku === 'GTR-YMH-F310');
    expect(f310?.price).toBe(1_850_000);
    const ds1 = rows.find((p) => p.sku === 'EFX-BOS-DS1');
    expect(ds1).toMatchObject({ stock: 2, minStock: 3 });
    expect(rows.some((p) => p.stock === 0)).toBe(true);
  });

  it('gives every product a main image whose files exist', async () => {
    const images = await handle.db.select().from(productImages);
    const rows = await handle.db.select({ id: products.id }).from(products);
    for (const { id } of rows) {
      const own = images.filter((i) => i.productId === id);
      expect(own.filter((i) => i.isMain)).toHaveLength(1);
      expect(own.map((i) => i.position).sort()).toEqual([0, 1]);
    }
    for (const img of images) {
      expect(img.sizes).toEqual(IMAGE_WIDTHS.map((w) => ({ width: w, height: w })));
      for (const w of IMAGE_WIDTHS) {
        expect(existsSync(imagePath(uploadDir, img.storageKey, w, 'webp'))).toBe(true);
        expect(existsSync(imagePath(uploadDir, img.storageKey, w, 'jpg'))).toBe(true);
      }
    }
  });

  it('inserts the store profile once', async () => {
    const [profile] = await handle.db.select().from(storeProfile);
    expect(profile).toMatchObject({ name: 'Hurtrock Music Store', city: 'Kota Bandung', postalCode: '40153', whatsapp: '6282115558035' });
    expect(profile?.openingHours.find((p) => p.day === 0)).toBeUndefined();
    expect(await ensureStoreProfile(handle.db)).toBe(false);
    expect(await handle.db.$count(storeProfile)).toBe(1);
  });

  it('does nothing when the catalogue is not empty', async () => {
    expect(await isStoreEmpty(handle.db)).toBe(false);
    const again = await seedSampleData(handle.db, { media: createFolderStorage(uploadDir) });
    expect(again).toEqual({ categories: 0, products: 0, images: 0 });
    expect(await handle.db.$count(products)).toBe(sampleProducts.length);
  });
});
