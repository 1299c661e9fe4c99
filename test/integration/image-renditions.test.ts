import { rm } from 'node:fs/promises';
import { asc, eq } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, productImages, products } from '../../src/db/schema';
import { createFolderStorage } from '../../src/lib/storage/folder';
import { IMAGE_WIDTHS, imagePath, storeImageRenditions } from '../../src/store/media/service';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

/** Makes a stored image look like one stored when IMAGE_WIDTHS had its first `count` widths. */
async function forgetLaterWidths(uploadDir: string, storageKey: string, subdir: string, count: number) {
  for (const w of IMAGE_WIDTHS.slice(count)) {
    for (const format of ['webp', 'jpg'] as const) await rm(imagePath(uploadDir, storageKey, w, format, subdir));
  }
}

describe.each(dbTargets)('rendition upkeep on %s', (target) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(target);
  });
  afterAll(() => store?.close());

  it('completes product photos and category pictures stored before the 960 and 480 widths, and the shop links them', async () => {
    const { db } = store.database;
    const uploadDir = store.config.uploadDir;
    const [photo] = await db.select().from(productImages).orderBy(asc(productImages.id)).limit(1);
    await forgetLaterWidths(uploadDir, photo!.storageKey, 'products', 3);
    await db
      .update(productImages)
      .set({ sizes: photo!.sizes.slice(0, 3) })
      .where(eq(productImages.id, photo!.id));

    const picture = await storeImageRenditions(
      await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#ff6b35' } })
        .png()
        .toBuffer(),
      createFolderStorage(uploadDir),
      { subdir: 'categories' },
    );
    await forgetLaterWidths(uploadDir, picture.storageKey, 'categories', 4);
    const [category] = await db.select().from(categories).orderBy(asc(categories.id)).limit(1);
    await db
      .update(categories)
      .set({ imageKey: picture.storageKey, imageSizes: picture.sizes.slice(0, 4) })
      .where(eq(categories.id, category!.id));

    expect(await store.app.maintenance.completeRenditions()).toBe(2);
    const [photoAfter] = await db.select().from(productImages).where(eq(productImages.id, photo!.id));
    expect(photoAfter!.sizes).toEqual(photo!.sizes);
    const [categoryAfter] = await db.select().from(categories).where(eq(categories.id, category!.id));
    expect(categoryAfter!.imageSizes).toEqual(picture.sizes);
    for (const format of ['webp', 'jpg'] as const) {
      const meta = await sharp(imagePath(uploadDir, picture.storageKey, 480, format, 'categories')).metadata();
      expect({ width: meta.width, height: meta.height }).toEqual({ width: 480, height: 300 });
    }
    expect(await store.app.maintenance.completeRenditions()).toBe(0);

    // The product page (not yet cached) offers the new widths, and they are served.
    const [product] = await db.select({ slug: products.slug }).from(products).where(eq(products.id, photo!.productId));
    const page = await store.app.inject({ method: 'GET', url: `/produk/${product!.slug}` });
    expect(page.body).toContain(`/media/products/${photo!.storageKey}-480.webp 480w`);
    expect(page.body).toContain(`/media/products/${photo!.storageKey}-960.webp 960w`);
    const file = await store.app.inject({ method: 'GET', url: `/media/products/${photo!.storageKey}-480.webp` });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/webp');
  });
});
