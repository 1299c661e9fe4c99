/**
 * The stored images the rendition upkeep completes (renditions.ts): product photos and category
 * pictures whose `sizes` list fewer widths than IMAGE_WIDTHS, because they were stored before a
 * width was added. Read in id order after a cursor, a few per run.
 */
import { and, asc, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { categories, type ImageSize, productImages } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';

export interface StoredImageRow {
  id: number;
  storageKey: string;
  sizes: ImageSize[];
}

/** One kind of stored image: where its renditions live and how its rows are read and updated. */
export interface ImageKind {
  subdir: string;
  /** Up to `limit` images with fewer than `widths` sizes, by id after `afterId`. */
  lacking(widths: number, afterId: number, limit: number): Promise<StoredImageRow[]>;
  /** Records the completed sizes; false when no image has that id and storage key any more. */
  saveSizes(id: number, storageKey: string, sizes: ImageSize[]): Promise<boolean>;
}

export function createImageKinds(db: StoreDb): ImageKind[] {
  const products: ImageKind = {
    subdir: 'products',
    lacking: (widths, afterId, limit) =>
      db
        .select({ id: productImages.id, storageKey: productImages.storageKey, sizes: productImages.sizes })
        .from(productImages)
        .where(and(gt(productImages.id, afterId), sql`jsonb_array_length(${productImages.sizes}) < ${widths}`))
        .orderBy(asc(productImages.id))
        .limit(limit),
    async saveSizes(id, storageKey, sizes) {
      const rows = await db
        .update(productImages)
        .set({ sizes })
        .where(and(eq(productImages.id, id), eq(productImages.storageKey, storageKey)))
        .returning({ id: productImages.id });
      return rows.length > 0;
    },
  };
  const categoryPictures: ImageKind = {
    subdir: 'categories',
    async lacking(widths, afterId, limit) {
      const rows = await db
        .select({ id: categories.id, storageKey: categories.imageKey, sizes: categories.imageSizes })
        .from(categories)
        .where(
          and(
            gt(categories.id, afterId),
            isNotNull(categories.imageKey),
            isNotNull(categories.imageSizes),
            sql`jsonb_array_length(${categories.imageSizes}) < ${widths}`,
          ),
        )
        .orderBy(asc(categories.id))
        .limit(limit);
      return rows.map((r) => ({ id: r.id, storageKey: r.storageKey!, sizes: r.sizes! }));
    },
    async saveSizes(id, storageKey, sizes) {
      const rows = await db
        .update(categories)
        .set({ imageSizes: sizes })
        .where(and(eq(categories.id, id), eq(categories.imageKey, storageKey)))
        .returning({ id: categories.id });
      return rows.length > 0;
    },
  };
  return [products, categoryPictures];
}
