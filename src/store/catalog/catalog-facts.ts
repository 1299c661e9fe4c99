/**
 * The catalogue's listing index: for every active product, what the storefront filters and sorts
 * on (category, brand, price, in stock, featured, sold count, age, name order), held in compact
 * arrays with one precomputed order per sort. A listing page the cache has not seen is answered
 * from counts kept per category and brand (brand-counts.ts: how many products match, and how many
 * of each brand match the other filters, the facet) and a walk along its sort's order that stops
 * when the page is full. The database then only reads the page's products by id (live price and
 * stock, their images).
 *
 * Why not the database's sort indexes: a page is a handful of rows, but choosing them well needs
 * the real filter values. PostgreSQL plans such a query in 0.5–0.9 ms, longer than it runs; a
 * prepared statement's generic plan skips that but walks a whole sort index for a selective
 * filter ("drum" + "Fender" has no match: 10 000 heap rows read, 5–50 ms), and PostgreSQL 15
 * cannot keep an index's order while using an array condition on a later column. Counting and
 * the facet read every matching row whatever the plan (~10 ms at 10 000 products). Here a page
 * costs a few µs at 10 000 products: the counts visit the products a price range cuts off, the walk
 * the products before the page's end (more for a rare brand, at most every product).
 *
 * The index is a snapshot: the service reloads it in the background at most every few seconds,
 * and at once after a back-office change on this instance, like its cached pages. Order and
 * counts may lag the live stock by that much, and so may the cards (kept as long as a listing).
 * Searches are not answered here: their words live in the database's full-text index.
 */
import { buildBrandCounter } from './brand-counts';
import type { CatalogSort } from './schema';
import type { BrandCount } from './types';

/** One active product, as the snapshot query returns it. */
export interface ProductFact {
  id: number;
  categoryId: number;
  brand: string;
  price: number;
  inStock: boolean;
  isFeatured: boolean;
  soldCount: number;
  /** Milliseconds since the epoch. */
  createdAt: number;
  /** Position in name order (`lower(name) COLLATE "C"`, then id), as the database sorts names. */
  nameRank: number;
}

/** What a listing filters on besides its words. */
export interface FactFilter {
  /** Categories whose products count: the chosen one and its descendants, or every active one. */
  categoryIds: readonly number[];
  /** Lower-cased brand names; empty means every brand. */
  brands: readonly string[];
  minPrice: number | undefined;
  maxPrice: number | undefined;
  inStock: boolean;
}

export interface FactPage {
  /** Product ids of the requested page, in order. */
  ids: number[];
  /** Products matching every filter. */
  total: number;
  /** Per brand, the products matching every filter but the brand filter (the facet's numbers). */
  brands: BrandCount[];
}

export interface CatalogFacts {
  readonly size: number;
  page(filter: FactFilter, sort: CatalogSort, offset: number, limit: number): FactPage;
}

type Comparator = (a: number, b: number) => number;

/** The columns a page filters on, in one sort's order. */
interface SortedColumns {
  id: Int32Array;
  category: Int32Array;
  brand: Uint32Array;
  price: Float64Array;
  inStock: Uint8Array;
}

export function buildCatalogFacts(facts: readonly ProductFact[]): CatalogFacts {
  const size = facts.length;
  // Brands are numbered in the facet's order (case-insensitive, as the filter matches them).
  const brandNames = [...new Set(facts.map((f) => f.brand))].sort(
    (a, b) => compareText(a.toLowerCase(), b.toLowerCase()) || compareText(a, b),
  );
  const brandIndex = new Map(brandNames.map((name, i) => [name, i]));
  const brandKeys = brandNames.map((name) => name.toLowerCase());
  const id = Int32Array.from(facts, (f) => f.id);
  const category = Int32Array.from(facts, (f) => f.categoryId);
  const brand = Uint32Array.from(facts, (f) => brandIndex.get(f.brand)!);
  const price = Float64Array.from(facts, (f) => f.price);
  const inStock = Uint8Array.from(facts, (f) => (f.inStock ? 1 : 0));
  const featured = Uint8Array.from(facts, (f) => (f.isFeatured ? 1 : 0));
  const sold = Float64Array.from(facts, (f) => f.soldCount);
  const created = Float64Array.from(facts, (f) => f.createdAt);
  const nameRank = Float64Array.from(facts, (f) => f.nameRank);
  const maxCategoryId = facts.reduce((max, f) => Math.max(max, f.categoryId), 0);
  const counter = buildBrandCounter({ category, brand, price, inStock }, brandNames.length);

  // Each mirrors the ORDER BY of the same sort in search-repository.ts (ties: name, then id).
  const byName: Comparator = (a, b) => nameRank[a]! - nameRank[b]!;
  const byNewest: Comparator = (a, b) => created[b]! - created[a]! || id[b]! - id[a]!;
  const byBestSelling: Comparator = (a, b) => sold[b]! - sold[a]! || byName(a, b);
  const byFeatured: Comparator = (a, b) => featured[b]! - featured[a]! || byBestSelling(a, b);
  const orders: Record<CatalogSort, Comparator> = {
    recommended: (a, b) => inStock[b]! - inStock[a]! || byFeatured(a, b),
    relevance: byFeatured,
    price_asc: (a, b) => price[a]! - price[b]! || byName(a, b),
    price_desc: (a, b) => price[b]! - price[a]! || byName(a, b),
    name: byName,
    newest: byNewest,
    best_selling: byBestSelling,
  };
  // Sorted when first asked for: a shop whose customers never sort by name never pays for it. Each
  // sort keeps its own copy of the filtered columns in its order, so a page reads them front to
  // back: following a permutation into the shared columns missed the CPU cache on most products
  // once a page's rendering had filled it (4× slower in the store than on its own).
  const sorted = new Map<CatalogSort, SortedColumns>();
  const columnsFor = (sort: CatalogSort): SortedColumns => {
    let columns = sorted.get(sort);
    if (!columns) {
      const order = Int32Array.from({ length: size }, (_, i) => i).sort(orders[sort]);
      columns = {
        id: order.map((i) => id[i]!),
        category: order.map((i) => category[i]!),
        brand: Uint32Array.from(order, (i) => brand[i]!),
        price: Float64Array.from(order, (i) => price[i]!),
        inStock: Uint8Array.from(order, (i) => inStock[i]!),
      };
      sorted.set(sort, columns);
    }
    return columns;
  };

  return {
    size,
    page(filter, sort, offset, limit) {
      const min = filter.minPrice ?? Number.NEGATIVE_INFINITY;
      const max = filter.maxPrice ?? Number.POSITIVE_INFINITY;
      const perBrand = counter.count(filter.categoryIds, min, max, filter.inStock);
      const wanted = new Set(filter.brands);
      const brandWanted = Uint8Array.from(brandKeys, (key) => (wanted.size === 0 || wanted.has(key) ? 1 : 0));
      const brands: BrandCount[] = [];
      let total = 0;
      perBrand.forEach((n, b) => {
        if (n > 0) brands.push({ brand: brandNames[b]!, count: n });
        if (brandWanted[b] === 1) total += n;
      });

      // The page itself: its sort's order, walked only until the page is full.
      const inCategory = new Uint8Array(maxCategoryId + 1);
      for (const c of filter.categoryIds) if (c >= 0 && c <= maxCategoryId) inCategory[c] = 1;
      const needStock = filter.inStock ? 1 : 0;
      const ids: number[] = [];
      const c = columnsFor(sort);
      // An indexed loop: a for-of over a typed array goes through the iterator protocol (3× slower here).
      for (let k = 0, matched = 0; k < size && ids.length < limit && matched < total; k++) {
        if (inCategory[c.category[k]!] !== 1 || c.price[k]! < min || c.price[k]! > max || c.inStock[k]! < needStock) continue;
        if (brandWanted[c.brand[k]!] !== 1) continue;
        if (matched >= offset) ids.push(c.id[k]!);
        matched += 1;
      }
      return { ids, total, brands };
    },
  };
}

/** Byte-wise order, the same on every machine and locale (as the listing's `COLLATE "C"`). */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
