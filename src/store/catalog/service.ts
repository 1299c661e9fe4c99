import { lruCache, ttlCache } from '../../lib/cache';
import { createCardCache } from './card-cache';
import type { FactFilter } from './catalog-facts';
import { createListingIndex } from './listing-index';
import { ancestry, type CategoryNode, type CategoryTree, buildCategoryTree, everywhere, withDescendants } from './category-tree';
import { createSearchPlanner } from './search-plan';
import { type CatalogQuery, DEFAULT_QUERY } from './schema';
import { normalizeQuery, searchTerms } from '../../lib/search-terms';
import type { ProductSearchScope } from '../../db/product-search';
import type { CatalogRepository } from './repository';
import type { BrandCount, CategoryRow, ListingPage, ListingScope, SearchRepository } from './search-repository';
import type { CategoryTileRow, ProductCardRow } from './types';

export const FEATURED_ON_HOME = 8;
export const BEST_SELLERS_ON_HOME = 4;
const SUGGESTIONS_WHEN_EMPTY = 4;
/** Categories change rarely; every catalog page needs the tree. */
const CATEGORY_CACHE_MS = 10_000;
/**
 * Listing pages and suggestions are read far more often than the catalogue changes: keep them
 * briefly. Stock shown in a listing may lag by this much; the product page and checkout read
 * live stock.
 */
const LISTING_CACHE_MS = 15_000;
const LISTING_CACHE_ENTRIES = 500;
/**
 * How old the counts and brand facet of a never-cached page may be (CatalogFacts): as old as a
 * cached page, and reloaded in the background, so no request waits for the reload.
 */
const FACTS_REFRESH_MS = LISTING_CACHE_MS;

export interface HomeCatalog {
  featured: ProductCardRow[];
  bestSellers: ProductCardRow[];
  categories: CategoryTileRow[];
}

export interface SuggestResult {
  products: ProductCardRow[];
  categories: CategoryRow[];
}

export interface CatalogPage {
  query: CatalogQuery;
  products: ProductCardRow[];
  total: number;
  pageCount: number;
  /** The selected category, its ancestors (root first) and its sub-categories. */
  category: CategoryNode | undefined;
  breadcrumbs: CategoryRow[];
  /** Top-level categories, for the filter list. */
  topCategories: CategoryNode[];
  brands: BrandCount[];
  /** Shown when nothing matched: products worth a look instead. */
  suggestions: ProductCardRow[];
  /** A category slug in the URL that does not exist (or is inactive). */
  unknownCategory: boolean;
  /** The corrected query ("ibnez" → "ibanez") when it finds more than the words as typed. */
  didYouMean: string | null;
}

function factFilter(query: CatalogQuery, where: ListingScope): FactFilter {
  return {
    categoryIds: where.categoryIds,
    brands: query.brands.map((b) => b.toLowerCase()),
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    inStock: query.inStock,
  };
}

export function createCatalogService(deps: { catalog: CatalogRepository; search: SearchRepository }) {
  const categories = ttlCache(async () => buildCategoryTree(await deps.search.activeCategories()), CATEGORY_CACHE_MS);
  const home = ttlCache(loadHome, LISTING_CACHE_MS);
  // Listings are kept from their second request on: most combinations of filters are asked once.
  const listings = { max: LISTING_CACHE_ENTRIES, ttlMs: LISTING_CACHE_MS, admitOnSecondRequest: true };
  const pages = lruCache<string, CatalogPage>(listings);
  const lists = lruCache<string, CatalogPage>(listings);
  const suggestions = lruCache<string, SuggestResult>({ max: LISTING_CACHE_ENTRIES, ttlMs: LISTING_CACHE_MS });
  const cards = createCardCache(deps.search, LISTING_CACHE_MS);

  const facts = createListingIndex(deps.search, FACTS_REFRESH_MS);
  const planSearch = createSearchPlanner(deps.search);

  async function loadHome(): Promise<HomeCatalog> {
    const tree = await categories.get();
    const [featured, tiles, bestSellers] = await Promise.all([
      deps.catalog.findFeaturedProducts(FEATURED_ON_HOME),
      deps.catalog.findTopCategoryTiles(),
      inStockBestSellers(tree, BEST_SELLERS_ON_HOME),
    ]);
    return { featured, bestSellers, categories: tiles };
  }

  async function inStockBestSellers(tree: CategoryTree, count: number): Promise<ProductCardRow[]> {
    const query: CatalogQuery = { ...DEFAULT_QUERY, sort: 'best_selling', inStock: true, perPage: count };
    return (await listFromFacts(query, everywhere(tree))).products;
  }

  /** A listing without search words: CatalogFacts chooses and counts the page, the database reads its cards. */
  async function listFromFacts(query: CatalogQuery, where: ListingScope): Promise<ListingPage & { brands: BrandCount[] }> {
    const found = (await facts.get()).page(factFilter(query, where), query.sort, (query.page - 1) * query.perPage, query.perPage);
    return { products: await cards.cardsFor(found.ids), total: found.total, brands: found.brands };
  }

  /**
   * A page of the catalogue. Without search words CatalogFacts chooses the page, counts it and
   * gives the brand facet, and one query reads the page's cards; a search asks the database for
   * all three. `facets: false` skips the brand facet for callers that do not show it (the API).
   */
  async function loadPage(requested: CatalogQuery, options: { facets: boolean }): Promise<CatalogPage> {
    const tree = await categories.get();
    const category = requested.categorySlug ? tree.bySlug.get(requested.categorySlug) : undefined;
    const unknownCategory = requested.categorySlug !== undefined && !category;
    // An unknown category filter is dropped rather than showing an empty shop.
    const query = unknownCategory ? { ...requested, categorySlug: undefined } : requested;
    const where = category ? { categoryIds: withDescendants(tree, [category.id]) } : everywhere(tree);
    const plan = await planSearch(query.q, tree);

    const searching = searchTerms(normalizeQuery(query.q)).length > 0;
    const [listing, brands, typedTotal] = searching
      ? await Promise.all([
          deps.search.searchProducts(query, where, plan.scope),
          options.facets ? deps.search.brandCounts(query, where, plan.scope) : [],
          plan.corrected ? deps.search.countProducts(query, where, plan.typedScope) : undefined,
        ])
      : await listFromFacts(query, where).then((found) => [found, options.facets ? found.brands : [], undefined] as const);
    // A product added since the facts were taken still counts on the page that shows it.
    const shown = (query.page - 1) * query.perPage + listing.products.length;
    const total = Math.max(listing.total, listing.products.length ? shown : 0);
    const pageCount = Math.max(1, Math.ceil(total / query.perPage));
    const suggestions = total === 0 ? await inStockBestSellers(tree, SUGGESTIONS_WHEN_EMPTY) : [];
    return {
      query,
      products: listing.products,
      total,
      pageCount,
      category,
      breadcrumbs: category ? ancestry(tree, category) : [],
      topCategories: tree.roots,
      brands,
      suggestions,
      unknownCategory,
      didYouMean: plan.corrected && typedTotal !== undefined && total > typedTotal ? plan.corrected : null,
    };
  }

  async function loadSuggestions(q: string, limit: number): Promise<SuggestResult> {
    if (searchTerms(normalizeQuery(q)).length === 0) return { products: [], categories: [] };
    const tree = await categories.get();
    const plan = await planSearch(q, tree);
    const query: CatalogQuery = { ...DEFAULT_QUERY, q, sort: 'relevance', perPage: limit };
    const listing = await deps.search.searchProducts(query, everywhere(tree), plan.scope);
    const needle = normalizeQuery(q);
    // Exact names first, then names that start with the text, then the rest.
    const closeness = (name: string) => (name === needle ? 0 : name.startsWith(needle) ? 1 : 2);
    const named = (c: CategoryNode) =>
      normalizeQuery(c.name).includes(needle) || (!!plan.corrected && normalizeQuery(c.name).includes(plan.corrected));
    const matchingCategories =
      needle.length >= 2
        ? [...tree.byId.values()]
            .filter(named)
            .sort((a, b) => closeness(normalizeQuery(a.name)) - closeness(normalizeQuery(b.name)) || a.name.length - b.name.length)
            .slice(0, 3)
        : [];
    return { products: listing.products, categories: matchingCategories };
  }

  return {
    homeCatalog: () => home.get(),
    categoryTree: () => categories.get(),
    /** A catalogue page with everything the storefront shows (count, brand facet, suggestions). */
    browse: (query: CatalogQuery) => pages.get(JSON.stringify(query), () => loadPage(query, { facets: true })),
    /** The same page without the brand facet, for the JSON API (which does not return it). */
    list: (query: CatalogQuery) => lists.get(JSON.stringify(query), () => loadPage(query, { facets: false })),
    /** A few quick matches for the navbar's autocomplete. */
    suggest: (q: string, limit: number) => suggestions.get(`${limit}:${normalizeQuery(q)}`, () => loadSuggestions(q, limit)),
    /**
     * What a search also covers: the categories it names ("drum" → Drum and everything below it)
     * and its typos' corrections, for the back office's product list, which searches with the
     * same condition (db/product-search.ts).
     */
    async searchScope(q: string): Promise<ProductSearchScope> {
      return (await planSearch(q, await categories.get())).scope;
    },
    /** Forget everything cached (after the catalogue changes). */
    invalidate() {
      categories.invalidate();
      home.invalidate();
      facts.invalidate();
      pages.clear();
      lists.clear();
      suggestions.clear();
      cards.clear();
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;
export type { CategoryNode } from './category-tree';

// The back office's category editing (A3), reachable by other areas through this file.
export {
  type CategoryImageResult,
  type CategoryImageService,
  createCategoryImageService,
  MAX_CATEGORY_IMAGE_BYTES,
} from './category-images';
export {
  type AdminCategoryNode,
  type CategoryFormData,
  type CategoryInput,
  CategoryRuleError,
  type CategoryService,
  createCategoryService,
  flattenTree,
  selfAndDescendants,
  slugify,
} from './category-service';
