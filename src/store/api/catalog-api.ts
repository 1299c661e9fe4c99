/**
 * Catalog operations (`/api/v1/products`, `/suggest`, `/categories`): the storefront's filters
 * with English parameter names; a bad parameter gets a 400 naming the field (`invalid_query`).
 */
import { z } from 'zod';
import { formatRupiah } from '../../lib/money';
import { keyedPerObject } from '../../lib/object-memo';
import { MAX_QUERY_LENGTH } from '../../lib/search-terms';
import { stockState } from '../catalog/model';
import { apiQuerySchema, catalogQueryOf, SORTS, withoutControls } from '../catalog/schema';
import type { CatalogService, CategoryNode, SuggestResult } from '../catalog/service';
import type { ProductCardRow } from '../catalog/types';
import { fallbackRendition, imageUrl } from '../ui/image-urls';
import type { ApiRegistry } from './registry';
import { type CategoryJson, categoryLinkSchema, categorySchema, type imageSchema, productSummarySchema } from './schemas';

export const SUGGEST_LIMIT = 6;

/** The 320 px rendition of a product's main image, or null without one. */
export function thumbnail(image: ProductCardRow['image'], name: string): z.input<typeof imageSchema> | null {
  const thumb = image ? fallbackRendition(image.sizes, 320) : undefined;
  if (!image || !thumb) return null;
  return {
    webp: imageUrl(image.storageKey, thumb.nominal, 'webp'),
    jpg: imageUrl(image.storageKey, thumb.nominal, 'jpg'),
    width: thumb.size.width,
    height: thumb.size.height,
    alt: image.alt || name,
  };
}

export function productSummary(p: ProductCardRow): z.input<typeof productSummarySchema> {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    brand: p.brand,
    model: p.model,
    price: p.price,
    price_formatted: formatRupiah(p.price),
    currency: 'IDR',
    stock_status: stockState(p.stock, p.lowStockThreshold).kind,
    url: `/produk/${p.slug}`,
    image: thumbnail(p.image, p.name),
  };
}

function categoryJson(node: CategoryNode): CategoryJson {
  return { slug: node.slug, name: node.name, url: `/produk?kategori=${node.slug}`, children: node.children.map(categoryJson) };
}

const listSchema = z.object({
  data: z.array(productSummarySchema),
  meta: z.object({
    page: z.int(),
    per_page: z.int(),
    total: z.int(),
    page_count: z.int(),
    sort: z.enum(SORTS),
  }),
});

const suggestQuery = z.object({
  q: z
    .string({ error: 'q is required' })
    .max(MAX_QUERY_LENGTH, `q must be at most ${MAX_QUERY_LENGTH} characters`)
    .describe('What the customer is typing; fewer than 2 characters give empty lists'),
});

const suggestSchema = z.object({
  query: z.string(),
  products: z.array(productSummarySchema),
  categories: z.array(categoryLinkSchema),
});

export function registerCatalogApi(api: ApiRegistry, deps: { catalog: CatalogService; suggestPerMinute: number }) {
  api.route({
    method: 'GET',
    path: '/api/v1/products',
    operationId: 'listProducts',
    tag: 'catalog',
    summary: 'List and search products',
    description: 'Active products with the same filters and sorts as the storefront catalog.',
    access: 'public',
    query: apiQuerySchema,
    invalidCode: 'invalid_query',
    success: { description: 'One page of products', schema: listSchema },
    handler: async ({ query }) => {
      const page = await deps.catalog.list(catalogQueryOf(query));
      return {
        data: page.products.map(productSummary),
        meta: { page: page.query.page, per_page: page.query.perPage, total: page.total, page_count: page.pageCount, sort: page.query.sort },
      };
    },
  });

  /**
   * The JSON of each cached suggestion result, by the query as typed: the autocomplete asks the
   * same few prefixes over and over, so the answer is built once for as long as the catalog
   * service keeps that result (a new result is a new object, and its old JSON goes with it).
   * Spellings of one query (case, spaces) share a result, so only a few answers are kept per result.
   */
  const suggestJson = keyedPerObject<SuggestResult, string>(20);
  api.route({
    method: 'GET',
    path: '/api/v1/products/suggest',
    operationId: 'suggestProducts',
    tag: 'catalog',
    summary: 'Autocomplete suggestions',
    description: `Up to ${SUGGEST_LIMIT} products and 3 categories for what the customer is typing. Rate limited per client.`,
    access: 'public',
    query: suggestQuery,
    invalidCode: 'invalid_query',
    rateLimited: true,
    config: { rateLimit: { max: deps.suggestPerMinute, timeWindow: 60_000 } },
    success: { description: 'Suggestions', schema: suggestSchema },
    handler: async ({ query, reply }) => {
      const q = withoutControls(query.q).trim();
      if (q.length < 2) return { query: q, products: [], categories: [] };
      const found = await deps.catalog.suggest(q, SUGGEST_LIMIT);
      const json = suggestJson.get(found, q, () =>
        JSON.stringify({
          query: q,
          products: found.products.map(productSummary),
          categories: found.categories.map((c) => ({ slug: c.slug, name: c.name, url: `/produk?kategori=${c.slug}` })),
        }),
      );
      return reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8').send(json);
    },
  });

  api.route({
    method: 'GET',
    path: '/api/v1/categories',
    operationId: 'listCategories',
    tag: 'catalog',
    summary: 'Category tree',
    access: 'public',
    success: {
      description: 'Active categories, top level first, with their sub-categories',
      schema: z.object({ data: z.array(categorySchema) }),
    },
    handler: async ({ reply }) => {
      const tree = await deps.catalog.categoryTree();
      reply.header('cache-control', 'public, max-age=60');
      return { data: tree.roots.map(categoryJson) };
    },
  });
}
