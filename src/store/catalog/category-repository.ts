/**
 * Category queries for the back office (A3): the whole tree with counts, one category, writes.
 * The only category-editing file that talks to the database; the rules are category-service.ts's.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import { categories } from '../../db/schema';
import type { AdminCategoryRow, CategoryFields, CategoryImage } from './types';

interface CountSqlRow {
  id: number;
  /** count() is a bigint: a string from node-postgres, a number from PGlite. */
  product_count: string | number;
}

export function createCategoryRepository(db: StoreDb) {
  return {
    /** Every category (active or not), in tree order within each parent, with its own product count. */
    async listAll(tx: StoreExecutor = db): Promise<AdminCategoryRow[]> {
      const rows = await tx
        .select({
          id: categories.id,
          parentId: categories.parentId,
          name: categories.name,
          slug: categories.slug,
          description: categories.description,
          icon: categories.icon,
          position: categories.position,
          isActive: categories.isActive,
          imageKey: categories.imageKey,
          imageSizes: categories.imageSizes,
        })
        .from(categories)
        .orderBy(asc(categories.position), asc(categories.name));
      const counts = rowsOf<CountSqlRow>(
        await tx.execute(sql`SELECT category_id AS id, count(*) AS product_count FROM products GROUP BY category_id`),
      );
      const byId = new Map(counts.map((c) => [Number(c.id), Number(c.product_count)]));
      return rows.map(({ imageKey, imageSizes, ...r }) => ({
        ...r,
        productCount: byId.get(r.id) ?? 0,
        image: imageKey && imageSizes ? { storageKey: imageKey, sizes: imageSizes } : null,
      }));
    },

    /**
     * Serialises changes to the tree: two moves checked at the same time could otherwise each
     * pass the cycle check and together make a loop. Call inside the transaction that writes.
     */
    async lockTree(tx: StoreExecutor): Promise<void> {
      await tx.execute(sql`LOCK TABLE categories IN SHARE ROW EXCLUSIVE MODE`);
    },

    async slugTaken(tx: StoreExecutor, slug: string, exceptId?: number): Promise<boolean> {
      const rows = rowsOf(
        await tx.execute(
          exceptId === undefined
            ? sql`SELECT 1 FROM categories WHERE slug = ${slug}`
            : sql`SELECT 1 FROM categories WHERE slug = ${slug} AND id <> ${exceptId}`,
        ),
      );
      return rows.length > 0;
    },

    async insert(tx: StoreExecutor, fields: CategoryFields): Promise<number> {
      const [row] = await tx.insert(categories).values(fields).returning({ id: categories.id });
      return row!.id;
    },

    async update(tx: StoreExecutor, id: number, fields: CategoryFields): Promise<boolean> {
      const rows = await tx.update(categories).set(fields).where(eq(categories.id, id)).returning({ id: categories.id });
      return rows.length > 0;
    },

    /** Products (active or not) and sub-categories directly under this category. */
    async usage(tx: StoreExecutor, id: number): Promise<{ products: number; children: number }> {
      const [row] = rowsOf<{ products: string | number; children: string | number }>(
        await tx.execute(sql`
          SELECT (SELECT count(*) FROM products WHERE category_id = ${id}) AS products,
                 (SELECT count(*) FROM categories WHERE parent_id = ${id}) AS children`),
      );
      return { products: Number(row?.products ?? 0), children: Number(row?.children ?? 0) };
    },

    /** Deletes the category; undefined when it did not exist, else its picture's key (null: none). */
    async remove(tx: StoreExecutor, id: number): Promise<{ imageKey: string | null } | undefined> {
      const [row] = await tx.delete(categories).where(eq(categories.id, id)).returning({ imageKey: categories.imageKey });
      return row;
    },

    /**
     * Sets (or clears, with null) the category's picture and returns the key it replaced, or
     * undefined when the category does not exist. The row is locked, so two uploads at once each
     * learn which key they replaced and no rendition is left behind.
     */
    async setImage(id: number, image: CategoryImage | null): Promise<{ replaced: string | null } | undefined> {
      return db.transaction(async (tx) => {
        const [old] = await tx.select({ key: categories.imageKey }).from(categories).where(eq(categories.id, id)).for('update');
        if (!old) return undefined;
        await tx
          .update(categories)
          .set({ imageKey: image?.storageKey ?? null, imageSizes: image?.sizes ?? null })
          .where(eq(categories.id, id));
        return { replaced: old.key };
      });
    },
  };
}

export type CategoryRepository = ReturnType<typeof createCategoryRepository>;
