/**
 * Catalog queries. The only catalog file that talks to the database.
 */
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';
import { mainImagesOf as sharedMainImagesOf, productCardColumns } from '../../db/product-cards';
import { categories, type ImageSize, products } from '../../db/schema';
import type { ProductCardRow, CategoryTileRow } from './types';

interface TileSqlRow {
  id: number;
  slug: string;
  name: string;
  icon: string;
  image_key: string | null;
  image_sizes: ImageSize[] | null;
  /** count() is a bigint: a string from node-postgres, a number from PGlite. */
  product_count: string | number;
}

export function createCatalogRepository(db: StoreDb) {
  /** Main image of each product (or its first image when none is marked main). */
  const mainImagesOf = (productIds: number[]) => sharedMainImagesOf(db, productIds);

  return {
    async findFeaturedProducts(limit: number): Promise<ProductCardRow[]> {
      const rows = await db
        .select(productCardColumns)
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(products.isActive, true), eq(products.isFeatured, true), eq(categories.isActive, true)))
        .orderBy(desc(sql`${products.stock} > 0`), asc(products.name))
        .limit(limit);
      const images = await mainImagesOf(rows.map((r) => r.id));
      return rows.map((r) => ({ ...r, image: images.get(r.id) ?? null }));
    },

    /** Top-level active categories with the number of active products beneath each. */
    async findTopCategoryTiles(): Promise<CategoryTileRow[]> {
      const result = await db.execute(sql`
        WITH RECURSIVE tree AS (
          SELECT id, id AS root_id FROM ${categories} WHERE parent_id IS NULL AND is_active
          UNION ALL
          SELECT c.id, tree.root_id FROM ${categories} c JOIN tree ON c.parent_id = tree.id WHERE c.is_active
        )
        SELECT r.id, r.slug, r.name, r.icon, r.image_key, r.image_sizes, count(p.id) AS product_count
        FROM ${categories} r
        LEFT JOIN tree ON tree.root_id = r.id
        LEFT JOIN ${products} p ON p.category_id = tree.id AND p.is_active
        WHERE r.parent_id IS NULL AND r.is_active
        GROUP BY r.id, r.slug, r.name, r.icon, r.image_key, r.image_sizes, r.position
        ORDER BY r.position, r.name`);
      return rowsOf<TileSqlRow>(result).map((r) => ({
        id: Number(r.id),
        slug: r.slug,
        name: r.name,
        icon: r.icon,
        productCount: Number(r.product_count),
        image: r.image_key && r.image_sizes ? { storageKey: r.image_key, sizes: r.image_sizes } : null,
      }));
    },
  };
}

export type CatalogRepository = ReturnType<typeof createCatalogRepository>;
