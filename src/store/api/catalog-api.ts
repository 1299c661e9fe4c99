/**
 * Catalog JSON API (`/api/v1/…`), documented in openapi.ts. Same filters as the storefront, with
 * English parameter names; a bad parameter gets a 400 naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { formatRupiah } from '../../lib/money';
import { parseApiQuery, withoutControls } from '../catalog/schema';
import { MAX_QUERY_LENGTH } from '../../lib/search-terms';
import type { CategoryNode, CatalogService, SuggestResult } from '../catalog/service';
import { stockState } from '../catalog/model';
import { fallbackRendition, imageUrl } from '../ui/image-urls';
import { type ErrorBody, type ErrorFields, errorBody } from '../../lib/errors';
import type { ProductCardRow } from '../catalog/types';

export const SUGGEST_LIMIT = 6;

export function productSummary(p: ProductCardRow) {
  const thumb = p.image ? fallbackRendition(p.image.sizes, 320) : undefined;
  return {
    slug: p.slug,
    name: p.name,
    brand: p.brand,
    model: p.model,
    price: p.price,
    price_formatted: formatRupiah(p.price),
    currency: 'IDR',
    stock_status: stockState(p.stock, p.lowStockThreshold).kind,
    url: `/produk/${p.slug}`,
    image:
      p.image && thumb
        ? {
            webp: imageUrl(p.image.storageKey, thumb.nominal, 'webp'),
            jpg: imageUrl(p.image.storageKey, thumb.nominal, 'jpg'),
            width: thumb.size.width,
            height: thumb.size.height,
            alt: p.image.alt || p.name,
          }
        : null,
  };
}

interface CategoryJson {
  slug: string;
  name: string;
  url: string;
  children: CategoryJson[];
}

function categoryJson(node: CategoryNode): CategoryJson {
  return { slug: node.slug, name: node.name, url: `/produk?kategori=${node.slug}`, children: node.children.map(categoryJson) };
}

const invalid = (fields: ErrorFields): ErrorBody => errorBody('invalid_query', Object.values(fields)[0] ?? 'Invalid query', fields);

export function registerCatalogApi(app: FastifyInstance, deps: { catalog: CatalogService; suggestPerMinute: number }) {
  app.get('/api/v1/products', async (request, reply) => {
    const parsed = parseApiQuery(request.query as Record<string, unknown>);
    if (!parsed.ok) return reply.code(400).send(invalid(parsed.fields));
    const page = await deps.catalog.list(parsed.query);
    return {
      data: page.products.map(productSummary),
      meta: { page: page.query.page, per_page: page.query.perPage, total: page.total, page_count: page.pageCount, sort: page.query.sort },
    };
  });

  const suggestLimit = { rateLimit: { max: deps.suggestPerMinute, timeWindow: 60_000 } };
  /**
   * The JSON of each cached suggestion result, by the query as typed: the autocomplete asks the
   * same few prefixes over and over, so the answer is built once for as long as the catalog
   * service keeps that result (a new result is a new object, and its old JSON goes with it).
   */
  const suggestJson = new WeakMap<SuggestResult, Map<string, string>>();
  app.get('/api/v1/products/suggest', { config: suggestLimit }, async (request, reply) => {
    const raw = (request.query as Record<string, unknown>).q;
    if (typeof raw !== 'string') return reply.code(400).send(invalid({ q: 'q is required' }));
    if (raw.length > MAX_QUERY_LENGTH) return reply.code(400).send(invalid({ q: `q must be at most ${MAX_QUERY_LENGTH} characters` }));
    const q = withoutControls(raw).trim();
    if (q.length < 2) return { query: q, products: [], categories: [] };
    const found = await deps.catalog.suggest(q, SUGGEST_LIMIT);
    let answers = suggestJson.get(found);
    if (!answers) suggestJson.set(found, (answers = new Map()));
    let json = answers.get(q);
    if (json === undefined) {
      json = JSON.stringify({
        query: q,
        products: found.products.map(productSummary),
        categories: found.categories.map((c) => ({ slug: c.slug, name: c.name, url: `/produk?kategori=${c.slug}` })),
      });
      // Spellings of one query (case, spaces) share a result; keep only a few answers per result.
      if (answers.size < 20) answers.set(q, json);
    }
    return reply.header('cache-control', 'public, max-age=60').type('application/json; charset=utf-8').send(json);
  });

  app.get('/api/v1/categories', async (_request, reply) => {
    const tree = await deps.catalog.categoryTree();
    reply.header('cache-control', 'public, max-age=60');
    return { data: tree.roots.map(categoryJson) };
  });
}
