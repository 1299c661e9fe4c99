/** The catalogue import's and export's queries (reads take the caller's transaction when applying). */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import { categories, products, suppliers } from '../../db/schema';
import type { StoreDb, StoreExecutor } from '../../db/store-db';
import type { ProductWrite, SheetProduct } from './types';

const sheetColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  slug: products.slug,
  brand: products.brand,
  model: products.model,
  category: categories.slug,
  supplier: sql<string>`coalesce(${suppliers.name}, '')`,
  price: products.price,
  stock: products.stock,
  min_stock: products.minStock,
  low_stock_threshold: products.lowStockThreshold,
  weight_grams: products.weightGrams,
  length_cm: products.lengthCm,
  width_cm: products.widthCm,
  height_cm: products.heightCm,
  featured: products.isFeatured,
  active: products.isActive,
  description: products.description,
};

/** Rows written at once when creating products (keeps each statement's parameters well under the limit). */
const INSERT_CHUNK = 500;

export function createProductImportRepository(db: StoreDb) {
  const sheetQuery = (tx: StoreExecutor) =>
    tx
      .select(sheetColumns)
      .from(products)
      .innerJoin(categories, eq(categories.id, products.categoryId))
      .leftJoin(suppliers, eq(suppliers.id, products.supplierId));

  return {
    async productsBySku(skus: string[], tx: StoreExecutor = db): Promise<SheetProduct[]> {
      if (skus.length === 0) return [];
      return sheetQuery(tx).where(inArray(sql`upper(${products.sku})`, skus));
    },

    async allProducts(): Promise<SheetProduct[]> {
      return sheetQuery(db).orderBy(asc(products.sku));
    },

    async categoryIdsBySlug(tx: StoreExecutor = db): Promise<Map<string, number>> {
      const rows = await tx.select({ id: categories.id, slug: categories.slug }).from(categories);
      return new Map(rows.map((r) => [r.slug, r.id]));
    },

    /** Suppliers by lower-cased name. */
    async supplierIdsByName(tx: StoreExecutor = db): Promise<Map<string, number>> {
      const rows = await tx.select({ id: suppliers.id, name: suppliers.name }).from(suppliers);
      return new Map(rows.map((r) => [r.name.toLowerCase(), r.id]));
    },

    /** Which of these slugs are taken, and by which SKU. */
    async slugOwners(slugs: string[], tx: StoreExecutor = db): Promise<Map<string, string>> {
      if (slugs.length === 0) return new Map();
      const rows = await tx.select({ slug: products.slug, sku: products.sku }).from(products).where(inArray(products.slug, slugs));
      return new Map(rows.map((r) => [r.slug, r.sku.toUpperCase()]));
    },

    /** New products start with no stock: the stock area adds their units with a movement. */
    async insertProducts(tx: StoreExecutor, rows: ProductWrite[]): Promise<Map<string, number>> {
      const ids = new Map<string, number>();
      for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
        const inserted = await tx
          .insert(products)
          .values(rows.slice(i, i + INSERT_CHUNK).map((r) => ({ ...r, stock: 0 })))
          .returning({ id: products.id, sku: products.sku });
        for (const r of inserted) ids.set(r.sku.toUpperCase(), r.id);
      }
      return ids;
    },

    async updateProduct(tx: StoreExecutor, id: number, values: Partial<ProductWrite>): Promise<void> {
      await tx
        .update(products)
        .set({ ...values, updatedAt: new Date() })
        .where(eq(products.id, id));
    },
  };
}

export type ProductImportRepository = ReturnType<typeof createProductImportRepository>;
