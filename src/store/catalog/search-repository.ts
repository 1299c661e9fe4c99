/**
 * Catalog listing and search queries: one SQL statement per page of results, the same on PGlite
 * and PostgreSQL. The search condition itself is shared with the back office (db/product-search.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import { executePrepared } from '../../db/prepared';
import type { StoreDb } from '../../db/store-db';
import type { CatalogQuery, CatalogSort } from './schema';
import { normalizeQuery } from '../../lib/search-terms';
import { productSearchSql, type ProductSearchScope, type ProductSearchSql } from '../../db/product-search';
import { correctSearch, type SearchCorrection } from '../../db/search-vocabulary';
import type { ImageSize } from '../../db/schema';
import type { ProductFact } from './catalog-facts';
import type { BrandCount, ProductCardRow } from './types';

export type { BrandCount } from './types';

/** Category names must match closely: a short word resembles many names. */
const CATEGORY_SIMILARITY = 0.6;

interface ListingSqlRow {
  id: number;
  slug: string;
  name: string;
  brand: string;
  model: string;
  price: number | string;
  stock: number;
  low_stock_threshold: number;
  is_featured: boolean;
  image_key: string | null;
  image_alt: string | null;
  image_sizes: ImageSize[] | null;
  total?: number | string;
}

interface FactSqlRow {
  id: number;
  category_id: number;
  brand: string;
  price: number | string;
  in_stock: boolean;
  is_featured: boolean;
  sold_count: number;
  created_ms: number | string;
  name_rank: number | string;
}

export interface CategoryRow {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  icon: string;
}

export interface ListingPage {
  products: ProductCardRow[];
  total: number;
}

/**
 * Where a listing looks: the active categories it covers (the chosen one and its descendants, or
 * all of them), from the service's category tree. Naming them saves a join with `categories` and
 * a recursive query per page.
 */
export interface ListingScope {
  categoryIds: readonly number[];
}

/** Filters shared by the listing and the brand facet (everything but the brand filter itself). */
function baseConditions(query: CatalogQuery, where: ListingScope, search: ProductSearchSql | null): SQL[] {
  const conditions: SQL[] = [sql`p.is_active`, sql`p.category_id = ANY(${sql.param([...where.categoryIds])}::int[])`];
  if (query.minPrice !== undefined) conditions.push(sql`p.price >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) conditions.push(sql`p.price <= ${query.maxPrice}`);
  if (query.inStock) conditions.push(sql`p.stock > 0`);
  if (search) conditions.push(search.where);
  return conditions;
}

/** Brand filter, case-insensitive ("fender" selects Fender). */
function brandFilter(brands: string[]): SQL {
  return sql`lower(p.brand) = ANY(${sql.param(brands.map((b) => b.toLowerCase()))}::text[])`;
}

/** Names sort case-insensitively and byte-wise, identically on every database and locale. */
const NAME = sql`lower(p.name) COLLATE "C"`;

/** A search's order; the same sorts without a search are CatalogFacts' orders (catalog-facts.ts). */
function orderBy(sort: CatalogSort, search: ProductSearchSql): SQL {
  switch (sort) {
    case 'relevance':
      return sql`${search.rank} DESC, p.sold_count DESC, p.id`;
    case 'price_asc':
      return sql`p.price, ${NAME}, p.id`;
    case 'price_desc':
      return sql`p.price DESC, ${NAME}, p.id`;
    case 'name':
      return sql`${NAME}, p.id`;
    case 'newest':
      return sql`p.created_at DESC, p.id DESC`;
    case 'best_selling':
      return sql`p.sold_count DESC, ${NAME}, p.id`;
    case 'recommended':
      return sql`(p.stock > 0) DESC, p.is_featured DESC, p.sold_count DESC, ${NAME}, p.id`;
  }
}

/**
 * The columns of a product card and its main image (or its first image when none is marked
 * main), for the rows of one page only: the page is chosen first, its images joined after.
 */
function withImages(page: SQL): SQL {
  return sql`
    SELECT l.*, img.storage_key AS image_key, img.alt AS image_alt, img.sizes AS image_sizes
    FROM (SELECT page.*, row_number() OVER () AS position FROM (${page}) page) l
    LEFT JOIN LATERAL (
      SELECT i.storage_key, i.alt, i.sizes FROM product_images i
      WHERE i.product_id = l.id ORDER BY i.is_main DESC, i.position, i.id LIMIT 1
    ) img ON true
    ORDER BY l.position`;
}

const CARD_COLUMNS = sql`p.id, p.slug, p.name, p.brand, p.model, p.price, p.stock, p.low_stock_threshold, p.is_featured`;

function cardOf(r: ListingSqlRow): ProductCardRow {
  return {
    id: Number(r.id),
    slug: r.slug,
    name: r.name,
    brand: r.brand,
    model: r.model,
    price: Number(r.price),
    stock: Number(r.stock),
    lowStockThreshold: Number(r.low_stock_threshold),
    isFeatured: r.is_featured,
    image: r.image_key && r.image_sizes ? { storageKey: r.image_key, alt: r.image_alt ?? '', sizes: r.image_sizes } : null,
  };
}

/** A search of nothing but its own words. */
const PLAIN: ProductSearchScope = { matchedCategoryIds: [] };

export function createSearchRepository(db: StoreDb) {
  return {
    /**
     * One page of a search's results with their images, and how many products it finds (the
     * ranking reads every match anyway). Planned for its words each time: a prepared statement's
     * generic plan cannot know how many products a word finds.
     */
    async searchProducts(query: CatalogQuery, where: ListingScope, scope: ProductSearchScope): Promise<ListingPage> {
      const search = productSearchSql(query.q, scope);
      if (!search) return { products: [], total: 0 };
      const conditions = baseConditions(query, where, search);
      if (query.brands.length) conditions.push(brandFilter(query.brands));
      // The matches first, then their order: a search finds few products, and with the count of
      // all matches asked for, walking a sort index and testing every product against the words
      // (what the planner picks when it expects few matches) reads the whole table (35 ms for a
      // search with a category and a price sort at 10 000 products, 1 ms this way).
      const page = sql`
        WITH found AS MATERIALIZED (
          SELECT p.id, p.slug, p.name, p.brand, p.model, p.price, p.stock, p.low_stock_threshold, p.is_featured, p.sold_count,
                 p.created_at, p.category_id, p.search_document, p.search_text
          FROM products p
          WHERE ${sql.join(conditions, sql` AND `)}
        )
        SELECT ${CARD_COLUMNS}, count(*) OVER () AS total
        FROM found p
        ORDER BY ${orderBy(query.sort, search)}
        LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`;
      const rows = rowsOf<ListingSqlRow>(await db.execute(withImages(page)));
      let total = rows.length ? Number(rows[0]!.total) : 0;
      if (rows.length === 0 && query.page > 1) total = await this.countProducts(query, where, scope);
      return { total, products: rows.map(cardOf) };
    },

    /**
     * The cards of these products in this order (a page CatalogFacts chose), read now: a product
     * made inactive since is left out. One statement shape whatever the ids: prepared once per
     * connection (db/prepared.ts).
     */
    async cardsByIds(ids: readonly number[]): Promise<ProductCardRow[]> {
      if (ids.length === 0) return [];
      const page = sql`
        SELECT ${CARD_COLUMNS} FROM products p
        JOIN unnest(${sql.param([...ids])}::int[]) WITH ORDINALITY AS wanted(id, n) ON wanted.id = p.id
        WHERE p.is_active
        ORDER BY wanted.n`;
      return rowsOf<ListingSqlRow>(await executePrepared(db, withImages(page))).map(cardOf);
    },

    async countProducts(query: CatalogQuery, where: ListingScope, scope: ProductSearchScope = PLAIN): Promise<number> {
      const search = productSearchSql(query.q, scope);
      const conditions = baseConditions(query, where, search);
      if (query.brands.length) conditions.push(brandFilter(query.brands));
      const result = await db.execute(sql`SELECT count(*) AS n FROM products p WHERE ${sql.join(conditions, sql` AND `)}`);
      return Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
    },

    /** Brands available to a search under the other filters, with how many products each would show. */
    async brandCounts(query: CatalogQuery, where: ListingScope, scope: ProductSearchScope = PLAIN): Promise<BrandCount[]> {
      const search = productSearchSql(query.q, scope);
      const result = await db.execute(sql`
        SELECT p.brand, count(*) AS n FROM products p
        WHERE ${sql.join(baseConditions(query, where, search), sql` AND `)}
        GROUP BY p.brand ORDER BY lower(p.brand) COLLATE "C", p.brand COLLATE "C"`);
      return rowsOf<{ brand: string; n: number | string }>(result).map((r) => ({ brand: r.brand, count: Number(r.n) }));
    },

    /**
     * A fingerprint of everything productFacts() returns (their count and a sum of per-row
     * hashes): equal fingerprints, the same facts, so the listing index need not be read back.
     */
    async productFactsVersion(): Promise<string> {
      const result = await db.execute(sql`
        SELECT count(*) AS n,
               coalesce(sum(hashtextextended(concat_ws('|', id, category_id, brand, price, stock > 0, is_featured, sold_count,
                 created_at, name), 0)), 0) AS h
        FROM products WHERE is_active`);
      const row = rowsOf<{ n: number | string; h: number | string }>(result)[0];
      return `${row?.n ?? 0}:${row?.h ?? 0}`;
    },

    /** What CatalogFacts filters and sorts on, for every active product. */
    async productFacts(): Promise<ProductFact[]> {
      const result = await db.execute(sql`
        SELECT id, category_id, brand, price, stock > 0 AS in_stock, is_featured, sold_count,
               (extract(epoch FROM created_at) * 1000)::float8 AS created_ms,
               row_number() OVER (ORDER BY ${NAME}, p.id) AS name_rank
        FROM products p WHERE is_active`);
      return rowsOf<FactSqlRow>(result).map((r) => ({
        id: Number(r.id),
        categoryId: Number(r.category_id),
        brand: r.brand,
        price: Number(r.price),
        inStock: r.in_stock,
        isFeatured: r.is_featured,
        soldCount: Number(r.sold_count),
        createdAt: Number(r.created_ms),
        nameRank: Number(r.name_rank),
      }));
    },

    /** The catalogue words the query's words may stand for ("ibnez" → ibanez). */
    correct(q: string): Promise<SearchCorrection> {
      return correctSearch(db, q);
    },

    /** Active categories whose name resembles the search (tiny table: no index needed). */
    async categoriesMatching(q: string): Promise<number[]> {
      const normalized = normalizeQuery(q);
      if (!normalized) return [];
      const result = await db.execute(sql`
        SELECT id FROM categories
        WHERE is_active AND word_similarity(${normalized}, lower(hr_unaccent(name))) >= ${CATEGORY_SIMILARITY}`);
      return rowsOf<{ id: number }>(result).map((r) => Number(r.id));
    },

    /** Every active category (a shop has tens, not thousands): the service builds the tree. */
    async activeCategories(): Promise<CategoryRow[]> {
      const result = await db.execute(sql`SELECT id, parent_id, slug, name, icon FROM categories WHERE is_active ORDER BY position, name`);
      return rowsOf<{ id: number; parent_id: number | null; slug: string; name: string; icon: string }>(result).map((r) => ({
        id: Number(r.id),
        parentId: r.parent_id === null ? null : Number(r.parent_id),
        slug: r.slug,
        name: r.name,
        icon: r.icon,
      }));
    },
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;
