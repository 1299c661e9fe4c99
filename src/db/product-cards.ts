/**
 * The query pieces every list of products shares (catalog, product page's related products,
 * cart): the columns a product card shows and each product's main image. They live with the
 * database code so each area's repository can use them without reaching into another area's.
 */
import { asc, desc, inArray } from 'drizzle-orm';
import { type ImageSize, productImages, products } from './schema';
import type { StoreExecutor } from './store-db';

/** The columns a product card shows (every list of products selects these). */
export const productCardColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  brand: products.brand,
  model: products.model,
  price: products.price,
  stock: products.stock,
  lowStockThreshold: products.lowStockThreshold,
  isFeatured: products.isFeatured,
};

export interface CardImage {
  storageKey: string;
  alt: string;
  sizes: ImageSize[];
}

/** Main image of each product (or its first image when none is marked main). */
export async function mainImagesOf(db: StoreExecutor, productIds: number[]): Promise<Map<number, CardImage>> {
  const map = new Map<number, CardImage>();
  if (productIds.length === 0) return map;
  const rows = await db
    .select({
      productId: productImages.productId,
      storageKey: productImages.storageKey,
      alt: productImages.alt,
      sizes: productImages.sizes,
    })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(desc(productImages.isMain), asc(productImages.position), asc(productImages.id));
  for (const row of rows) {
    if (!map.has(row.productId)) map.set(row.productId, { storageKey: row.storageKey, alt: row.alt, sizes: row.sizes });
  }
  return map;
}
