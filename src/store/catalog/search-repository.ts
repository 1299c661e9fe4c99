/**
 * Catalog listing and search queries: one SQL statement per page of results, the same on PGlite
 * and PostgreSQL. The search condition itself is shared with the back office (db/product-search.ts).
 */
import { type SQL, sql } from 'drizzle-orm';
import { rowsOf } from '../../db/connection';
import type { StoreDb } from '../../db/store-db';
import type { CatalogQuery } from './schema';
import { normalizeQuery } from '../../lib/search-terms';
import { productSearchSql, type ProductSearchScope, type ProductSearchSql } from '../../db/product-search';
import { correctSearch, type SearchCorrection } from '../../db/search-vocabulary';
import type { ProductCardRow } from './types';

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
  total: number | string;
}

export interface CategoryRow {
  id: number;
  parentId: number | null;
  slug: string;
  name: string;
  icon: string;
}

export interface BrandCount {
  brand: string;
  count: number;
}

export interface ListingPage {
  products: Omit<ProductCardRow, 'image'>[];
  total: number;
}

/** Active category ids: the given one and all its descendants. */
function categoryScope(slug: string): SQL {
  return sql`(WITH RECURSIVE scope AS (
      SELECT id FROM categories WHERE slug = ${slug} AND is_active
      UNION ALL
      SELECT c.id FROM categories c JOIN scope ON c.parent_id = scope.id WHERE c.is_active
    ) SELECT id FROM scope)`;
}

/** Filters shared by the listing and the brand facet (everything but the brand filter itself). */
function baseConditions(query: CatalogQuery, search: ProductSearchSql | null): SQL[] {
  const conditions: SQL[] = [sql`p.is_active`, sql`c.is_active`];
  if (query.categorySlug) conditions.push(sql`p.category_id IN ${categoryScope(query.categorySlug)}`);
  if (query.minPrice !== undefined) conditions.push(sql`p.price >= ${query.minPrice}`);
  if (query.maxPrice !== undefined) conditions.push(sql`p.price <= ${query.maxPrice}`);
  if (query.inStock) conditions.push(sql`p.stock > 0`);
  if (search) conditions.push(search.where);
  return conditions;
}

/** Brand filter, case-insensitive ("fender" selects Fender). */
function brandFilter(brands: string[]): SQL {
  return sql`lower(p.brand) IN (${sql.join(
    brands.map((b) => sql`${b.toLowerCase()}`),
    sql`, `,
  )})`;
}

/** Names sort case-insensitively and byte-wise, identically on every database and locale. */
const NAME = sql`lower(p.name) COLLATE "C"`;

function orderBy(query: CatalogQuery, search: ProductSearchSql | null): SQL {
  switch (query.sort) {
    case 'relevance':
      return search ? sql`${search.rank} DESC, p.sold_count DESC, p.id` : sql`p.is_featured DESC, p.sold_count DESC, ${NAME}, p.id`;
    case 'price_asc':
      return sql`p.price ASC, ${NAME}, p.id`;
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

const FROM = sql`FROM products p JOIN categories c ON c.id = p.category_id`;

/** A search of nothing but its own words. */
const PLAIN: ProductSearchScope = { matchedCategoryIds: [] };

export function createSearchRepository(db: StoreDb) {
  return {
    /** One page of products for the query, with the total number of matches. */
    async listProducts(query: CatalogQuery, scope: ProductSearchScope = PLAIN): Promise<ListingPage> {
      const search = productSearchSql(query.q, scope);
      const conditions = baseConditions(query, search);
      if (query.brands.length) conditions.push(brandFilter(query.brands));
      const result = await db.execute(sql`
        SELECT p.id, p.slug, p.name, p.brand, p.model, p.price, p.stock, p.low_stock_threshold, p.is_featured,
               count(*) OVER () AS total
        ${FROM}
        WHERE ${sql.join(conditions, sql` AND `)}
        ORDER BY ${orderBy(query, search)}
        LIMIT ${query.perPage} OFFSET ${(query.page - 1) * query.perPage}`);
      const rows = rowsOf<ListingSqlRow>(result);
      let total = rows.length ? Number(rows[0]!.total) : 0;
      if (rows.length === 0 && query.page > 1) total = await this.countProducts(query, scope);
      return {
        total,
        products: rows.map((r) => ({
          id: Number(r.id),
          slug: r.slug,
          name: r.name,
          brand: r.brand,
          model: r.model,
          price: Number(r.price),
          stock: Number(r.stock),
          lowStockThreshold: Number(r.low_stock_threshold),
          isFeatured: r.is_featured,
        })),
      };
    },

    async countProducts(query: CatalogQuery, scope: ProductSearchScope = PLAIN): Promise<number> {
      const search = productSearchSql(query.q, scope);
      const conditions = baseConditions(query, search);
      if (query.brands.length) conditions.push(brandFilter(query.brands));
      const result = await db.execute(sql`SELECT count(*) AS n ${FROM} WHERE ${sql.join(conditions, sql` AND `)}`);
      return Number(rowsOf<{ n: number | string }>(result)[0]?.n ?? 0);
    },

    /** Brands available under the other filters, with how many products each would show. */
    async brandCounts(query: CatalogQuery, scope: ProductSearchScope = PLAIN): Promise<BrandCount[]> {
      const search = productSearchSql(query.q, scope);
      const result = await db.execute(sql`
        SELECT p.brand, count(*) AS n ${FROM}
        WHERE ${sql.join(baseConditions(query, search), sql` AND `)}
        GROUP BY p.brand ORDER BY lower(p.brand)`);
      return rowsOf<{ brand: string; n: number | string }>(result).map((r) => ({ brand: r.brand, count: Number(r.n) }));
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
