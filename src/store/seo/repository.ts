/**
 * What the sitemap lists: visible products and active categories, with when they last changed.
 */
import { and, asc, eq, max, sql } from 'drizzle-orm';
import type { StoreDb } from '../../db/store-db';
import { categories, products, storeProfile } from '../../db/schema';
import type { SitemapRow } from './types';

export function createSeoRepository(db: StoreDb) {
  return {
    async findVisibleProducts(): Promise<SitemapRow[]> {
      return db
        .select({ slug: products.slug, updatedAt: products.updatedAt })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(and(eq(products.isActive, true), eq(categories.isActive, true)))
        .orderBy(asc(products.slug));
    },

    /** Active categories; a category changes when it is created or one of its products changes. */
    async findActiveCategories(): Promise<SitemapRow[]> {
      const rows = await db
        .select({ slug: categories.slug, createdAt: categories.createdAt, productsUpdatedAt: max(products.updatedAt) })
        .from(categories)
        .leftJoin(products, and(eq(products.categoryId, categories.id), eq(products.isActive, true)))
        .where(eq(categories.isActive, true))
        .groupBy(categories.id, categories.slug, categories.createdAt)
        .orderBy(asc(categories.slug));
      return rows.map((r) => {
        // max() of a timestamptz comes back as a string on some drivers.
        const updated = r.productsUpdatedAt ? new Date(r.productsUpdatedAt as unknown as string) : undefined;
        return { slug: r.slug, updatedAt: updated && updated > r.createdAt ? updated : r.createdAt };
      });
    },

    async findProfileUpdatedAt(): Promise<Date | undefined> {
      const [row] = await db.select({ updatedAt: storeProfile.updatedAt }).from(storeProfile).where(sql`${storeProfile.id} = 1`);
      return row?.updatedAt;
    },
  };
}

export type SeoRepository = ReturnType<typeof createSeoRepository>;
