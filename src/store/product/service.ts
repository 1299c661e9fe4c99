/**
 * The product page: one visible product with its category chain, images and related products.
 * No HTTP here; routes.ts renders what this returns.
 *
 * Everything but the product's own stock and visibility may be 15 s stale (like the catalog
 * listings), so it is cached per slug; stock and visibility are read live on every request with
 * one primary-key lookup, so "only N left" and a withdrawn product are never out of date.
 */
import { lruCache } from '../../lib/cache';
import { isProductSlug } from './format';
import type { ProductRepository } from './repository';
import type { ProductCardRow } from '../catalog/types';
import type { CategoryCrumb, ProductDetailRow, ProductImageRow } from './types';

export const RELATED_LIMIT = 4;
const CACHE_TTL_MS = 15_000;
const CACHE_MAX = 2_000;

export interface ProductPageData {
  product: ProductDetailRow;
  /** Root category first, the product's own category last. */
  categories: CategoryCrumb[];
  images: ProductImageRow[];
  related: ProductCardRow[];
}

type Repository = Pick<ProductRepository, 'findActiveBySlug' | 'findLiveState' | 'findCategoryChain' | 'findImages' | 'findRelated'>;

export function createProductService(deps: { products: Repository; clock?: () => number }) {
  const cache = lruCache<string, ProductPageData | null>({ max: CACHE_MAX, ttlMs: CACHE_TTL_MS, clock: deps.clock });

  /**
   * Live state lookups in flight, by product id. Requests for the same product that arrive while
   * one lookup is running share its answer instead of each sending the same primary-key query:
   * under load (a product on the front page, a flash sale) that is one query per round trip
   * rather than one per visitor, and the answer is never older than the query itself.
   */
  const inflight = new Map<number, ReturnType<Repository['findLiveState']>>();
  function liveState(productId: number) {
    const running = inflight.get(productId);
    if (running) return running;
    const lookup = deps.products.findLiveState(productId).finally(() => inflight.delete(productId));
    inflight.set(productId, lookup);
    return lookup;
  }

  async function load(slug: string): Promise<ProductPageData | null> {
    const product = await deps.products.findActiveBySlug(slug);
    if (!product) return null;
    const [categories, images, related] = await Promise.all([
      deps.products.findCategoryChain(product.categoryId),
      deps.products.findImages(product.id),
      deps.products.findRelated(product, RELATED_LIMIT),
    ]);
    return { product, categories, images, related };
  }

  return {
    /** null when no visible product has this slug (unknown, malformed or inactive). */
    async productPage(slug: string): Promise<ProductPageData | null> {
      // A malformed slug cannot match a product: answer without asking the database.
      if (!isProductSlug(slug)) return null;
      const page = await cache.get(slug, () => load(slug));
      if (!page) return null;
      const live = await liveState(page.product.id);
      if (!live?.visible) return null;
      return live.stock === page.product.stock ? page : { ...page, product: { ...page.product, stock: live.stock } };
    },

    /** Forget cached pages (after an admin edit on this instance; others catch up within the TTL). */
    invalidate(): void {
      cache.clear();
    },
  };
}

export type ProductService = ReturnType<typeof createProductService>;

export {
  createProductAdminService,
  type ProductAdminService,
  type AdminListPage,
  type ProductInput,
  type FieldErrors as ProductFieldErrors,
  type ImageUpload,
  type UploadResult,
} from './admin-service';
