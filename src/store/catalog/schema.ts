/**
 * The catalog's state: what to search, filter, sort and which page. Storefront URLs use
 * Indonesian parameter names and are lenient (a bad value falls back to a sane default, since a
 * customer only ever gets there by editing a URL); the JSON API uses English names and answers a
 * bad value with a 400 that names the field.
 */
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../../lib/search-terms';

export const SORTS = ['recommended', 'relevance', 'price_asc', 'price_desc', 'name', 'newest', 'best_selling'] as const;
export type CatalogSort = (typeof SORTS)[number];

/** Highest price a filter accepts: far above any instrument, far below 2^53. */
export const MAX_PRICE = 1_000_000_000_000;
export const PAGE_SIZE = 12;
export const MAX_PAGE_SIZE = 48;
/** Deeper pages than this are never useful and only cost the database an OFFSET scan. */
export const MAX_PAGE = 1000;
const MAX_BRANDS = 20;
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface CatalogQuery {
  q: string;
  categorySlug: string | undefined;
  brands: string[];
  minPrice: number | undefined;
  maxPrice: number | undefined;
  inStock: boolean;
  sort: CatalogSort;
  page: number;
  perPage: number;
}

export const DEFAULT_QUERY: CatalogQuery = {
  q: '',
  categorySlug: undefined,
  brands: [],
  minPrice: undefined,
  maxPrice: undefined,
  inStock: false,
  sort: 'recommended',
  page: 1,
  perPage: PAGE_SIZE,
};

/** Storefront parameter names. */
const PAGE_PARAM = {
  q: 'q',
  category: 'kategori',
  brand: 'merek',
  min: 'harga_min',
  max: 'harga_maks',
  inStock: 'stok',
  sort: 'urut',
  page: 'hal',
} as const;
/** Storefront sort values, in the customer's language of the URL. */
const PAGE_SORT: Record<CatalogSort, string> = {
  recommended: 'rekomendasi',
  relevance: 'relevan',
  price_asc: 'termurah',
  price_desc: 'termahal',
  name: 'nama',
  newest: 'terbaru',
  best_selling: 'terlaris',
};
const SORT_FROM_PAGE = Object.fromEntries(Object.entries(PAGE_SORT).map(([k, v]) => [v, k as CatalogSort]));

type RawQuery = Record<string, unknown>;

/** Control characters (NUL among them) never reach the database: PostgreSQL rejects NUL in text. */
export const withoutControls = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, ' ');
const first = (value: unknown): string | undefined =>
  Array.isArray(value) ? first(value[0]) : typeof value === 'string' ? withoutControls(value) : undefined;
const all = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap(all) : typeof value === 'string' ? [withoutControls(value)] : [];

function lenientInt(value: unknown, min: number, max: number): number | undefined {
  const text = first(value)?.replace(/[.\s]/g, ''); // "1.500.000" is how people write rupiah
  if (!text || !/^\d{1,13}$/.test(text)) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

function cleanBrands(values: string[]): string[] {
  const brands = values.map((b) => b.trim()).filter((b) => b.length > 0 && b.length <= 80);
  return [...new Set(brands)].slice(0, MAX_BRANDS);
}

/** Effective sort: relevance needs a search; without one the default order is used. */
export function effectiveSort(sort: CatalogSort, q: string): CatalogSort {
  if (sort === 'relevance' && !q) return 'recommended';
  return sort;
}

/** Reads a storefront URL's query, never failing: unknown or bad values fall back to defaults. */
export function parsePageQuery(raw: RawQuery): CatalogQuery {
  const q = (first(raw[PAGE_PARAM.q]) ?? '').trim().slice(0, MAX_QUERY_LENGTH);
  const category = first(raw[PAGE_PARAM.category]);
  let minPrice = lenientInt(raw[PAGE_PARAM.min], 0, MAX_PRICE);
  let maxPrice = lenientInt(raw[PAGE_PARAM.max], 0, MAX_PRICE);
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  const sortValue = first(raw[PAGE_PARAM.sort]);
  const requested = (sortValue && SORT_FROM_PAGE[sortValue]) || (q ? 'relevance' : 'recommended');
  return {
    q,
    categorySlug: category && category.length <= 120 && SLUG.test(category) ? category : undefined,
    brands: cleanBrands(all(raw[PAGE_PARAM.brand])),
    minPrice,
    maxPrice,
    inStock: first(raw[PAGE_PARAM.inStock]) === '1',
    sort: effectiveSort(requested, q),
    page: lenientInt(raw[PAGE_PARAM.page], 1, MAX_PAGE) ?? 1,
    perPage: PAGE_SIZE,
  };
}

/** Storefront URL for a catalog state (only non-default values appear, in a stable order). */
export function pageUrl(query: CatalogQuery, changes: Partial<CatalogQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set(PAGE_PARAM.q, next.q);
  if (next.categorySlug) params.set(PAGE_PARAM.category, next.categorySlug);
  for (const brand of next.brands) params.append(PAGE_PARAM.brand, brand);
  if (next.minPrice !== undefined) params.set(PAGE_PARAM.min, String(next.minPrice));
  if (next.maxPrice !== undefined) params.set(PAGE_PARAM.max, String(next.maxPrice));
  if (next.inStock) params.set(PAGE_PARAM.inStock, '1');
  const defaultSort = next.q ? 'relevance' : 'recommended';
  if (next.sort !== defaultSort) params.set(PAGE_PARAM.sort, PAGE_SORT[next.sort]);
  if (next.page > 1) params.set(PAGE_PARAM.page, String(next.page));
  const search = params.toString();
  return search ? `/produk?${search}` : '/produk';
}

export const pageParam = PAGE_PARAM;
export const pageSortValue = (sort: CatalogSort) => PAGE_SORT[sort];

const int = (field: string, min: number, max: number) =>
  z
    .string()
    .regex(/^\d{1,13}$/, `${field} must be a whole number`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${field} must be between ${min} and ${max}`);

/** JSON API parameters: strict, every problem named; the API's document shows these descriptions. */
export const apiQuerySchema = z
  .object({
    q: z
      .string()
      .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
      .optional()
      .describe('Search text (name, brand, model, category, description); tolerates case, accents and small typos'),
    category: z
      .string()
      .max(120)
      .regex(SLUG, 'category must be a category slug')
      .optional()
      .describe('Category slug; includes its sub-categories'),
    brand: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .describe('Brand, repeatable (case-insensitive)'),
    min_price: int('min_price', 0, MAX_PRICE).optional().describe('Lowest price in whole rupiah'),
    max_price: int('max_price', 0, MAX_PRICE).optional().describe('Highest price in whole rupiah'),
    in_stock: z
      .enum(['true', 'false', '1', '0'], { message: 'in_stock must be true or false' })
      .optional()
      .describe('Only products in stock'),
    sort: z
      .enum(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
      .optional()
      .describe('`relevance` applies when `q` is given (its default then); otherwise `recommended` is the default'),
    page: int('page', 1, MAX_PAGE).optional().describe('Page number, from 1'),
    per_page: int('per_page', 1, MAX_PAGE_SIZE).optional().describe(`Products per page (default ${PAGE_SIZE})`),
  })
  .refine((v) => v.min_price === undefined || v.max_price === undefined || v.min_price <= v.max_price, {
    message: 'min_price must not exceed max_price',
    path: ['min_price'],
  });

export type ApiQueryResult = { ok: true; query: CatalogQuery } | { ok: false; fields: Record<string, string> };

/** The catalog state of valid API parameters. */
export function catalogQueryOf(v: z.output<typeof apiQuerySchema>): CatalogQuery {
  const q = withoutControls(v.q ?? '').trim();
  return {
    q,
    categorySlug: v.category,
    brands: cleanBrands(all(v.brand)),
    minPrice: v.min_price,
    maxPrice: v.max_price,
    inStock: v.in_stock === 'true' || v.in_stock === '1',
    sort: effectiveSort(v.sort ?? (q ? 'relevance' : 'recommended'), q),
    page: v.page ?? 1,
    perPage: v.per_page ?? PAGE_SIZE,
  };
}

export function parseApiQuery(raw: RawQuery): ApiQueryResult {
  const parsed = apiQuerySchema.safeParse(raw);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'query');
      fields[field] ??= issue.message;
    }
    return { ok: false, fields };
  }
  return { ok: true, query: catalogQueryOf(parsed.data) };
}

/** A checkbox: present ("on", "1", "true") when ticked, absent otherwise. */
const checkbox = z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean());

/** The back office's category form (A3); each message is a catalog key shown under its field. */
export const categoryFormSchema = z.object({
  name: z.string().trim().min(1, 'adminCatalog.category.error.name').max(100, 'adminCatalog.category.error.name'),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(120, 'adminCatalog.category.error.slugFormat')
    .refine((s) => s === '' || SLUG.test(s), 'adminCatalog.category.error.slugFormat')
    .default(''),
  parentId: z
    .string()
    .trim()
    .regex(/^\d{0,9}$/, 'adminCatalog.category.error.parentMissing')
    .transform((v) => (v === '' || v === '0' ? null : Number(v)))
    .default(null),
  description: z.string().trim().max(2000, 'adminCatalog.category.error.description').default(''),
  icon: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^([a-z0-9]+(-[a-z0-9]+)*)?$/, 'adminCatalog.category.error.icon')
    .max(40, 'adminCatalog.category.error.icon')
    .transform((v) => v || 'music')
    .default('music'),
  position: z
    .string()
    .trim()
    .regex(/^\d{0,4}$/, 'adminCatalog.category.error.position')
    .transform((v) => (v === '' ? 0 : Number(v)))
    .default(0),
  isActive: checkbox,
});
