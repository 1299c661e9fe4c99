/**
 * Catalogue requests the store's caches have never seen (issue 17): every request combines a
 * category, brands, a price floor, a sort and a page the way shoppers do, with a price floor
 * that never repeats, so no listing, facet or rendered page can come from a cache. The price
 * floors stay low enough that each query still matches most of its category (the expensive case
 * for counts and facets, not a shortcut through an empty result).
 */
import type autocannon from 'autocannon';

const CATEGORIES = ['', 'gitar', 'gitar-elektrik', 'bass', 'drum', 'efek', 'aksesoris', 'amplifier'];
const BRAND_SETS = [[], [], ['Fender'], ['Ibanez', 'Fender'], ['Yamaha'], ['Boss', 'Roland']];
const PAGE_SORTS = ['', 'termurah', 'termahal', 'terbaru', 'terlaris', 'nama'];
const API_SORTS = ['', 'price_asc', 'price_desc', 'newest', 'best_selling', 'name'];

export type MissTarget = 'page' | 'api';

/** The n-th never-seen catalogue URL (path and query) for the storefront page or the JSON API. */
export function catalogMissPath(target: MissTarget, n: number): string {
  const params = new URLSearchParams();
  const category = CATEGORIES[n % CATEGORIES.length]!;
  const brands = BRAND_SETS[Math.floor(n / 3) % BRAND_SETS.length]!;
  const sortIndex = Math.floor(n / 7) % PAGE_SORTS.length;
  // Unique per request and below the cheapest instrument (Rp 85.000) for the first 85 000 requests.
  const floor = String(1 + n);
  const page = 1 + (Math.floor(n / 11) % 3);
  if (target === 'page') {
    if (category) params.set('kategori', category);
    for (const b of brands) params.append('merek', b);
    params.set('harga_min', floor);
    if (PAGE_SORTS[sortIndex]) params.set('urut', PAGE_SORTS[sortIndex]!);
    if (page > 1) params.set('hal', String(page));
    return `/produk?${params}`;
  }
  if (category) params.set('category', category);
  for (const b of brands) params.append('brand', b);
  params.set('min_price', floor);
  if (API_SORTS[sortIndex]) params.set('sort', API_SORTS[sortIndex]!);
  if (page > 1) params.set('page', String(page));
  return `/api/v1/products?${params}`;
}

/** autocannon options that send a new never-seen URL with every request. */
export function missingRequests(target: MissTarget, start: number): Pick<autocannon.Options, 'requests'> {
  let n = start;
  return {
    requests: [
      {
        setupRequest: (request) => {
          n += 1;
          return { ...request, path: catalogMissPath(target, n) };
        },
      },
    ],
  };
}
