import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  varchar,
} from 'drizzle-orm/pg-core';

export const categories = pgTable(
  'categories',
  {
    id: serial('id').primaryKey(),
    parentId: integer('parent_id').references((): AnyPgColumn => categories.id, { onDelete: 'restrict' }),
    name: varchar('name', { length: 100 }).notNull(),
    slug: varchar('slug', { length: 120 }).notNull().unique(),
    description: text('description').notNull().default(''),
    /** Font Awesome icon name shown on category tiles, e.g. "guitar". */
    icon: varchar('icon', { length: 40 }).notNull().default('music'),
    position: integer('position').notNull().default(0),
    /** The category's picture (renditions under uploads/categories/), shown on the home page's tiles. */
    imageKey: varchar('image_key', { length: 100 }),
    /** Real dimensions of each rendition of `imageKey`, as for product images. */
    imageSizes: jsonb('image_sizes').$type<ImageSize[]>(),
    isActive: boolean('is_active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('categories_parent_idx').on(t.parentId),
    check('categories_not_own_parent', sql`${t.parentId} IS NULL OR ${t.parentId} <> ${t.id}`),
  ],
);

export const suppliers = pgTable('suppliers', {
  id: serial('id').primaryKey(),
  name: varchar('name', { length: 150 }).notNull(),
  contactPerson: varchar('contact_person', { length: 120 }),
  phone: varchar('phone', { length: 20 }),
  email: varchar('email', { length: 254 }),
  address: text('address'),
  notes: text('notes'),
  isActive: boolean('is_active').notNull().default(true),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const products = pgTable(
  'products',
  {
    id: serial('id').primaryKey(),
    categoryId: integer('category_id')
      .notNull()
      .references(() => categories.id, { onDelete: 'restrict' }),
    supplierId: integer('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    name: varchar('name', { length: 200 }).notNull(),
    slug: varchar('slug', { length: 220 }).notNull().unique(),
    sku: varchar('sku', { length: 60 }).notNull().unique(),
    brand: varchar('brand', { length: 80 }).notNull(),
    model: varchar('model', { length: 120 }).notNull().default(''),
    description: text('description').notNull().default(''),
    /** Whole rupiah. */
    price: bigint('price', { mode: 'number' }).notNull(),
    stock: integer('stock').notNull().default(0),
    /** Stock the shop wants to keep on hand (restock below it). */
    minStock: integer('min_stock').notNull().default(0),
    /** Stock at or below which the product counts as "low" (alerts, "only N left"). */
    lowStockThreshold: integer('low_stock_threshold').notNull().default(3),
    weightGrams: integer('weight_grams').notNull(),
    lengthCm: integer('length_cm').notNull(),
    widthCm: integer('width_cm').notNull(),
    heightCm: integer('height_cm').notNull(),
    isFeatured: boolean('is_featured').notNull().default(false),
    isActive: boolean('is_active').notNull().default(true),
    /** Units sold in paid orders; kept by the orders area, read by the "best-selling" sort. */
    soldCount: integer('sold_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('products_category_idx').on(t.categoryId),
    index('products_brand_idx').on(t.brand),
    index('products_price_idx').on(t.price),
    index('products_featured_idx').on(t.isFeatured).where(sql`${t.isActive} AND ${t.isFeatured}`),
    // The back office lists newest first and sorts by name or stock: pages read from an index
    // instead of sorting every product (10 000 products: 11 ms → 0.3 ms a page).
    // Ascending: read backwards it is exactly `created_at DESC, id DESC` (nulls first, as the ORDER BY says).
    index('products_created_idx').on(t.createdAt, t.id),
    index('products_name_sort_idx').on(sql`lower(${t.name}) COLLATE "C"`, t.id),
    index('products_stock_idx').on(t.stock),
    check('products_price_nonnegative', sql`${t.price} >= 0`),
    check('products_stock_nonnegative', sql`${t.stock} >= 0`),
    check('products_min_stock_nonnegative', sql`${t.minStock} >= 0 AND ${t.lowStockThreshold} >= 0`),
    check('products_dimensions_positive', sql`${t.weightGrams} > 0 AND ${t.lengthCm} > 0 AND ${t.widthCm} > 0 AND ${t.heightCm} > 0`),
  ],
);

/**
 * The catalogue's vocabulary for typo correction: every word of the products' names, brands and
 * models and of the categories' names (lower case, unaccented), with how many products and
 * categories use it. Kept by triggers (migration 0013), so every path that writes products or
 * categories (admin, import, seed, SQL) keeps it exact; a word used by nothing is deleted.
 */
export const searchWords = pgTable(
  'search_words',
  {
    word: text('word').primaryKey(),
    uses: integer('uses').notNull(),
  },
  (t) => [check('search_words_uses_nonnegative', sql`${t.uses} >= 0`)],
);

/** One rendition of an image: the pipeline writes `<key>-<width>.webp` and `<key>-<width>.jpg`. */
export interface ImageSize {
  width: number;
  height: number;
}

export const productImages = pgTable(
  'product_images',
  {
    id: serial('id').primaryKey(),
    productId: integer('product_id')
      .notNull()
      .references(() => products.id, { onDelete: 'cascade' }),
    /** Random storage name (never the uploaded file's name). */
    storageKey: varchar('storage_key', { length: 100 }).notNull().unique(),
    alt: varchar('alt', { length: 200 }).notNull().default(''),
    position: integer('position').notNull().default(0),
    isMain: boolean('is_main').notNull().default(false),
    sizes: jsonb('sizes').$type<ImageSize[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('product_images_product_idx').on(t.productId, t.position)],
);

export const shippingServices = pgTable(
  'shipping_services',
  {
    id: serial('id').primaryKey(),
    /** Stable code, e.g. "jne_reg". */
    code: varchar('code', { length: 40 }).notNull().unique(),
    courier: varchar('courier', { length: 40 }).notNull(),
    name: varchar('name', { length: 80 }).notNull(),
    /** Whole rupiah for the first kilogram. */
    basePrice: bigint('base_price', { mode: 'number' }).notNull(),
    /** Whole rupiah per additional kilogram, rounded up. */
    pricePerKg: bigint('price_per_kg', { mode: 'number' }).notNull(),
    /** Volumetric weight (kg) = L × W × H (cm) / divisor; 6000 is the common domestic rule. */
    volumeDivisor: integer('volume_divisor').notNull().default(6000),
    minDays: integer('min_days').notNull(),
    maxDays: integer('max_days').notNull(),
    /** Tracking page with `{awb}` where the tracking number goes. */
    trackingUrlTemplate: text('tracking_url_template'),
    isActive: boolean('is_active').notNull().default(true),
    position: integer('position').notNull().default(0),
  },
  (t) => [
    check('shipping_prices_nonnegative', sql`${t.basePrice} >= 0 AND ${t.pricePerKg} >= 0`),
    check('shipping_days_ordered', sql`${t.minDays} >= 0 AND ${t.maxDays} >= ${t.minDays}`),
    check('shipping_divisor_positive', sql`${t.volumeDivisor} > 0`),
  ],
);
