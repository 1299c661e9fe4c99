/**
 * Queries of the product page: the only product-page file that talks to the database.
 * A product is visible when it and its own category are active (same rule as the catalog).
 */
import { and, asc, desc, eq, ne, or, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';
import { categories, productImages, products } from '../../db/schema';
import { mainImagesOf as sharedMainImagesOf, productCardColumns } from '../../db/product-cards';
import type { ProductDetailRow, ProductImageRow, CategoryCrumb } from './types';
import type { ProductCardRow } from '../catalog/types';

export function createProductRepository(db: StoreDb) {
  // Asked on every product page view: its SQL is built once, and PostgreSQL plans it once per
  // connection (a named prepared statement).
  const liveState = db
    .select({ stock: products.stock, visible: sql<boolean>`${products.isActive} AND ${categories.isActive}` })
    .from(products)
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .where(eq(products.id, sql.placeholder('productId')))
    .prepare('product_live_state');
  return {
    async findActiveBySlug(slug: string): Promise<ProductDetailRow | undefined> {
      const [row] = await db
        .select({
          ...productCardColumns,
          categoryId: products.categoryId,
          sku: products.sku,
          description: products.description,
          weightGrams: products.weightGrams,
          lengthCm: products.lengthCm,
          widthCm: products.widthCm,
          heightCm: products.heightCm,
          updatedAt: products.updatedAt,
        })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(products.slug, slug), eq(products.isActive, true), eq(categories.isActive, true)))
        .limit(1);
      return row;
    },

    /** Stock and visibility right now, by primary key: the part of a product page never cached. */
    async findLiveState(productId: number): Promise<{ stock: number; visible: boolean } | undefined> {
      const [row] = await liveState.execute({ productId });
      return row;
    },

    /** The category and its ancestors, root first (for breadcrumbs). */
    async findCategoryChain(categoryId: number): Promise<CategoryCrumb[]> {
      const result = await db.execute(sql`
        WITH RECURSIVE chain AS (
          SELECT id, parent_id, slug, name, 0 AS depth FROM ${categories} WHERE id = ${categoryId}
          UNION ALL
          SELECT c.id, c.parent_id, c.slug, c.name, chain.depth + 1
          FROM ${categories} c JOIN chain ON c.id = chain.parent_id
          WHERE chain.depth < 10
        )
        SELECT id, slug, name FROM chain ORDER BY depth DESC`);
      return rowsOf<CategoryCrumb>(result).map((r) => ({ id: Number(r.id), slug: r.slug, name: r.name }));
    },

    /** Every image of a product: the main one first, then by position. */
    async findImages(productId: number): Promise<ProductImageRow[]> {
      return db
        .select({ id: productImages.id, storageKey: productImages.storageKey, alt: productImages.alt, sizes: productImages.sizes })
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .orderBy(desc(productImages.isMain), asc(productImages.position), asc(productImages.id));
    },

    /**
     * Other visible products of the same category or brand: same category first, then in stock
     * first, then by name, so the list is stable.
     */
    async findRelated(product: { id: number; categoryId: number; brand: string }, limit: number): Promise<ProductCardRow[]> {
      const rows = await db
        .select(productCardColumns)
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(
          and(
            ne(products.id, product.id),
            eq(products.isActive, true),
            eq(categories.isActive, true),
            or(eq(products.categoryId, product.categoryId), eq(products.brand, product.brand)),
          ),
        )
        .orderBy(
          desc(sql`${products.categoryId} = ${product.categoryId}`),
          desc(sql`${products.stock} > 0`),
          asc(products.name),
          asc(products.id),
        )
        .limit(limit);
      const images = await mainImagesOf(rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, image: images.get(r.id) ?? null }));
    },
  };

  function mainImagesOf(productIds: number[]) {
    return sharedMainImagesOf(db, productIds);
  }
}

export type ProductRepository = ReturnType<typeof createProductRepository>;
