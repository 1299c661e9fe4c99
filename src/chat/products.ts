/**
 * Product cards in chat messages (C3 tagging, C4 recommending). The browser sends only a slug;
 * the card's name, price, image and link come from the store's own catalog API, so nobody can
 * post a card with a made-up price. Only paths on the store (`/produk/…`, `/media/…`) end up in
 * a card, and every field is checked before it is stored.
 */
import { z } from 'zod';
import { PRODUCT_SLUG_MAX_LENGTH, type ProductCard } from './contract';

export type { ProductCard } from './contract';

export type ProductLookup = (slug: string) => Promise<ProductCard | null>;

export const PRODUCT_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const apiAnswer = z.object({
  data: z.object({
    slug: z.string().regex(PRODUCT_SLUG).max(PRODUCT_SLUG_MAX_LENGTH),
    name: z.string().min(1).max(200),
    brand: z.string().max(80),
    price: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    price_formatted: z.string().max(40),
    url: z.string().regex(/^\/produk\/[a-z0-9-]+$/),
    image: z.object({ jpg: z.string().regex(/^\/media\/[\w./-]+$/) }).nullable(),
  }),
});

/** Looks a product up on the store (`GET /api/v1/products/:slug`); null when it is unknown or hidden. */
export function storeProductLookup(storeUrl: string, timeoutMs = 2_000): ProductLookup {
  return async (slug) => {
    if (!PRODUCT_SLUG.test(slug) || slug.length > PRODUCT_SLUG_MAX_LENGTH) return null;
    const res = await fetch(`${storeUrl}/api/v1/products/${slug}`, {
      signal: AbortSignal.timeout(timeoutMs),
      headers: { accept: 'application/json' },
    });
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) throw new Error(`store answered ${res.status} for product ${slug}`);
    const parsed = apiAnswer.safeParse(await res.json());
    if (!parsed.success) throw new Error(`store sent an unexpected product answer for ${slug}`);
    const p = parsed.data.data;
    return {
      slug: p.slug,
      name: p.name,
      brand: p.brand,
      price: p.price,
      priceText: p.price_formatted,
      url: p.url,
      image: p.image?.jpg ?? null,
    };
  };
}
