/**
 * Queries of the back office's product pages (A2): the list with its filters, one product with its
 * images, inserts and updates. Stock is never written here (the stock area does that).
 */
import { and, asc, count, desc, eq, inArray, max, ne, type SQL, sql } from 'drizzle-orm';
import { mainImagesOf } from '../../db/product-cards';
import { productSearchSql, type ProductSearchSql } from '../../db/product-search';
import { alias } from 'drizzle-orm/pg-core';
import { categories, orderItems, productImages, products, suppliers } from '../../db/schema';
import type { StoreDb, StoreTx } from '../../db/store-db';
import type {
  AdminProduct,
  AdminProductFilters,
  AdminProductImage,
  AdminProductRow,
  BulkAction,
  ChoiceRow,
  ProductFields,
} from './admin-types';

/** Names sort case-insensitively and byte-wise, the same on every database (like the catalog). */
const NAME = sql`lower(${products.name}) COLLATE "C"`;
const NAME_OF = (column: typeof categories.name) => sql`lower(${column}) COLLATE "C"`;

/** The storefront's search condition over Drizzle's `products` table, archived products included. */
function searchOf(f: AdminProductFilters): ProductSearchSql | null {
  return f.search ? productSearchSql(f.search.q, f.search, 'products') : null;
}

function conditions(f: AdminProductFilters): SQL[] {
  const where: SQL[] = [];
  if (f.search) where.push(searchOf(f)?.where ?? sql`false`);
  if (f.categoryId !== undefined) {
    // The category and everything below it, active or not ("Gitar" lists electric and acoustic guitars).
    where.push(sql`${products.categoryId} IN (WITH RECURSIVE scope AS (
        SELECT id FROM categories WHERE id = ${f.categoryId}
        UNION ALL
        SELECT c.id FROM categories c JOIN scope ON c.parent_id = scope.id
      ) SELECT id FROM scope)`);
  }
  if (f.active !== undefined) where.push(eq(products.isActive, f.active));
  if (f.featured !== undefined) where.push(eq(products.isFeatured, f.featured));
  if (f.stock === 'out') where.push(sql`${products.stock} <= 0`);
  if (f.stock === 'low') where.push(sql`${products.stock} > 0 AND ${products.stock} <= ${products.lowStockThreshold}`);
  if (f.stock === 'ok') where.push(sql`${products.stock} > ${products.lowStockThreshold}`);
  return where;
}

function orderBy(f: AdminProductFilters): SQL[] {
  switch (f.sort) {
    case 'name':
      return [NAME, asc(products.id)];
    case 'price_asc':
      return [asc(products.price), NAME, asc(products.id)];
    case 'price_desc':
      return [desc(products.price), NAME, asc(products.id)];
    case 'stock_asc':
      return [asc(products.stock), NAME, asc(products.id)];
    case 'stock_desc':
      return [desc(products.stock), NAME, asc(products.id)];
    case 'relevance': {
      const search = searchOf(f);
      return search ? [sql`${search.rank} DESC`, asc(products.id)] : [desc(products.createdAt), desc(products.id)];
    }
    case 'newest':
      return [desc(products.createdAt), desc(products.id)];
  }
}

const productColumns = {
  id: products.id,
  name: products.name,
  slug: products.slug,
  sku: products.sku,
  brand: products.brand,
  model: products.model,
  categoryId: products.categoryId,
  supplierId: products.supplierId,
  price: products.price,
  stock: products.stock,
  minStock: products.minStock,
  lowStockThreshold: products.lowStockThreshold,
  weightGrams: products.weightGrams,
  lengthCm: products.lengthCm,
  widthCm: products.widthCm,
  heightCm: products.heightCm,
  description: products.description,
  isFeatured: products.isFeatured,
  isActive: products.isActive,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};

const imageColumns = {
  id: productImages.id,
  storageKey: productImages.storageKey,
  alt: productImages.alt,
  position: productImages.position,
  isMain: productImages.isMain,
  sizes: productImages.sizes,
};

export function isUniqueViolation(error: unknown): { constraint: string } | undefined {
  // node-postgres and PGlite both expose the SQLSTATE as `code`; Drizzle may wrap it in `cause`.
  const e = error as { code?: string; constraint?: string; cause?: { code?: string; constraint?: string } };
  if (e?.code === '23505') return { constraint: e.constraint ?? '' };
  if (e?.cause?.code === '23505') return { constraint: e.cause.constraint ?? '' };
  return undefined;
}

/** An order line refers to the product (it was ordered while being deleted). */
export function isForeignKeyViolation(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.code === '23503' || e?.cause?.code === '23503';
}

export function createProductAdminRepository(db: StoreDb) {
  return {
    async list(f: AdminProductFilters): Promise<{ rows: AdminProductRow[]; total: number }> {
      const where = conditions(f);
      const whereSql = where.length ? and(...where) : undefined;
      // Independent: the page and the total run at once on a pool (in turn on PGlite's one connection).
      const [[counted], rows] = await Promise.all([
        db.select({ n: count() }).from(products).where(whereSql),
        db
          .select({
            id: products.id,
            slug: products.slug,
            name: products.name,
            sku: products.sku,
            categoryName: categories.name,
            price: products.price,
            stock: products.stock,
            lowStockThreshold: products.lowStockThreshold,
            isActive: products.isActive,
            isFeatured: products.isFeatured,
          })
          .from(products)
          .innerJoin(categories, eq(categories.id, products.categoryId))
          .where(whereSql)
          .orderBy(...orderBy(f))
          .limit(f.perPage)
          .offset((f.page - 1) * f.perPage),
      ]);
      const images = await mainImagesOf(
        db,
        rows.map((r) => r.id),
      );
      return { total: Number(counted?.n ?? 0), rows: rows.map((r) => ({ ...r, image: images.get(r.id) ?? null })) };
    },

    async find(id: number): Promise<AdminProduct | undefined> {
      const [row] = await db.select(productColumns).from(products).where(eq(products.id, id)).limit(1);
      return row;
    },

    async images(productId: number): Promise<AdminProductImage[]> {
      return db
        .select(imageColumns)
        .from(productImages)
        .where(eq(productImages.productId, productId))
        .orderBy(asc(productImages.position), asc(productImages.id));
    },

    /** Every category (active or not), a sub-category named after its parent: "Gitar › Gitar Elektrik". */
    async categories(): Promise<ChoiceRow[]> {
      const parent = alias(categories, 'parent');
      const rows = await db
        .select({ id: categories.id, name: categories.name, parentName: parent.name, isActive: categories.isActive })
        .from(categories)
        .leftJoin(parent, eq(parent.id, categories.parentId))
        .orderBy(
          sql`lower(coalesce(${parent.name}, ${categories.name})) COLLATE "C"`,
          sql`${parent.name} IS NOT NULL`,
          NAME_OF(categories.name),
        );
      return rows.map((r) => ({ id: r.id, name: r.parentName ? `${r.parentName} › ${r.name}` : r.name, isActive: r.isActive }));
    },

    async suppliers(): Promise<ChoiceRow[]> {
      return db
        .select({ id: suppliers.id, name: suppliers.name, isActive: suppliers.isActive })
        .from(suppliers)
        .orderBy(asc(suppliers.name));
    },

    async categoryExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id)).limit(1);
      return row !== undefined;
    },

    async supplierExists(id: number): Promise<boolean> {
      const [row] = await db.select({ id: suppliers.id }).from(suppliers).where(eq(suppliers.id, id)).limit(1);
      return row !== undefined;
    },

    /** Whether another product (not `exceptId`) already uses this slug or SKU. */
    async taken(field: 'slug' | 'sku', value: string, exceptId?: number): Promise<boolean> {
      const column = field === 'slug' ? products.slug : products.sku;
      const where = exceptId === undefined ? eq(column, value) : and(eq(column, value), ne(products.id, exceptId));
      const [row] = await db.select({ id: products.id }).from(products).where(where).limit(1);
      return row !== undefined;
    },

    /** Slugs starting with `base` (to pick a free "base-2", "base-3" …). */
    async slugsLike(base: string): Promise<string[]> {
      const rows = await db
        .select({ slug: products.slug })
        .from(products)
        .where(sql`${products.slug} = ${base} OR ${products.slug} LIKE ${`${base}-%`}`);
      return rows.map((r) => r.slug);
    },

    /** A new product with no stock (the stock area adds the initial units, with a movement). */
    async insert(fields: ProductFields): Promise<number> {
      const [row] = await db
        .insert(products)
        .values({ ...fields, stock: 0 })
        .returning({ id: products.id });
      return row!.id;
    },

    /**
     * Saves the fields; when the price changes, `onPriceChange` runs in the same transaction (the
     * audit entry commits with the new price or not at all). The row is locked first, so two
     * saves racing each record the price they really replaced.
     */
    async update(
      id: number,
      fields: ProductFields,
      onPriceChange?: (tx: StoreTx, change: { before: number; after: number }) => Promise<void>,
    ): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [current] = await tx.select({ price: products.price }).from(products).where(eq(products.id, id)).for('update');
        if (!current) return false;
        await tx
          .update(products)
          .set({ ...fields, updatedAt: new Date() })
          .where(eq(products.id, id));
        if (onPriceChange && current.price !== fields.price) await onPriceChange(tx, { before: current.price, after: fields.price });
        return true;
      });
    },

    async hasOrders(id: number): Promise<boolean> {
      const [row] = await db.select({ id: orderItems.id }).from(orderItems).where(eq(orderItems.productId, id)).limit(1);
      return row !== undefined;
    },

    async setActive(id: number, active: boolean): Promise<void> {
      await db.update(products).set({ isActive: active, updatedAt: new Date() }).where(eq(products.id, id));
    },

    /** Deletes a product (its images, stock movements and cart lines go with it). */
    async delete(id: number): Promise<boolean> {
      const rows = await db.delete(products).where(eq(products.id, id)).returning({ id: products.id });
      return rows.length > 0;
    },

    async bulk(ids: number[], action: BulkAction): Promise<number> {
      if (ids.length === 0) return 0;
      const set =
        action === 'activate' || action === 'deactivate' ? { isActive: action === 'activate' } : { isFeatured: action === 'feature' };
      const rows = await db
        .update(products)
        .set({ ...set, updatedAt: new Date() })
        .where(inArray(products.id, ids))
        .returning({ id: products.id });
      return rows.length;
    },

    async addImage(productId: number, image: { storageKey: string; alt: string; sizes: AdminProductImage['sizes'] }): Promise<void> {
      await db.transaction(async (tx) => {
        const [agg] = await tx
          .select({ last: max(productImages.position), n: count() })
          .from(productImages)
          .where(eq(productImages.productId, productId));
        const n = Number(agg?.n ?? 0);
        await tx.insert(productImages).values({
          productId,
          storageKey: image.storageKey,
          alt: image.alt,
          sizes: image.sizes,
          position: n === 0 ? 0 : Number(agg?.last ?? 0) + 1,
          isMain: n === 0,
        });
      });
    },

    async setMainImage(productId: number, imageId: number): Promise<boolean> {
      return db.transaction(async (tx) => {
        const [found] = await tx
          .select({ id: productImages.id })
          .from(productImages)
          .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)));
        if (!found) return false;
        await tx
          .update(productImages)
          .set({ isMain: sql`${productImages.id} = ${imageId}` })
          .where(eq(productImages.productId, productId));
        return true;
      });
    },

    /** Writes positions 0…n-1 in the given order (ids of this product only). */
    async reorderImages(productId: number, orderedIds: number[]): Promise<void> {
      await db.transaction(async (tx) => {
        for (const [position, id] of orderedIds.entries()) {
          await tx
            .update(productImages)
            .set({ position })
            .where(and(eq(productImages.id, id), eq(productImages.productId, productId)));
        }
      });
    },

    /** Removes one image row; when it was the main one, the first remaining image becomes main. */
    async deleteImage(productId: number, imageId: number): Promise<string | undefined> {
      return db.transaction(async (tx) => {
        const [gone] = await tx
          .delete(productImages)
          .where(and(eq(productImages.id, imageId), eq(productImages.productId, productId)))
          .returning({ storageKey: productImages.storageKey, isMain: productImages.isMain });
        if (!gone) return undefined;
        if (gone.isMain) {
          const [next] = await tx
            .select({ id: productImages.id })
            .from(productImages)
            .where(eq(productImages.productId, productId))
            .orderBy(asc(productImages.position), asc(productImages.id))
            .limit(1);
          if (next) await tx.update(productImages).set({ isMain: true }).where(eq(productImages.id, next.id));
        }
        return gone.storageKey;
      });
    },
  };
}

export type ProductAdminRepository = ReturnType<typeof createProductAdminRepository>;
