import { lruCache, ttlCache } from '../../lib/cache';
import { type CatalogQuery, DEFAULT_QUERY } from './schema';
import { normalizeQuery, searchTerms } from '../../lib/search-terms';
import type { ProductSearchScope } from '../../db/product-search';
import type { CatalogRepository } from './repository';
import type { BrandCount, CategoryRow, SearchRepository } from './search-repository';
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

export interface HomeCatalog {
  featured: ProductCardRow[];
  bestSellers: ProductCardRow[];
  categories: CategoryTileRow[];
}

export interface SuggestResult {
  products: ProductCardRow[];
  categories: CategoryRow[];
}

export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
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

/** A search's words, their corrections and the categories it covers. */
export interface SearchPlan {
  /** Everything the search finds: the typed words, their corrections, matching categories. */
  scope: ProductSearchScope;
  /** Only what the words as typed find (for "did you mean"). */
  typedScope: ProductSearchScope;
  /** The query with its typos corrected, or null when no word was corrected. */
  corrected: string | null;
}

export interface CategoryTree {
  roots: CategoryNode[];
  bySlug: Map<string, CategoryNode>;
  byId: Map<number, CategoryNode>;
}

export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryTree {
  const byId = new Map<number, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    // A category under an inactive parent is hidden with it.
    if (parent) parent.children.push(node);
    else if (node.parentId === null) roots.push(node);
  }
  const bySlug = new Map([...byId.values()].map((n) => [n.slug, n]));
  return { roots, bySlug, byId };
}

/** The chain from the root down to `node`. */
export function ancestry(tree: CategoryTree, node: CategoryNode): CategoryRow[] {
  const chain: CategoryRow[] = [];
  for (
    let current: CategoryNode | undefined = node;
    current;
    current = current.parentId === null ? undefined : tree.byId.get(current.parentId)
  ) {
    chain.unshift(current);
    if (chain.length > 20) break; // defensive: the schema forbids cycles of one, not longer ones
  }
  return chain;
}

/** Ids of the given categories and everything below them. */
export function withDescendants(tree: CategoryTree, ids: readonly number[]): number[] {
  const result = new Set<number>();
  const visit = (node: CategoryNode) => {
    if (result.has(node.id)) return;
    result.add(node.id);
    node.children.forEach(visit);
  };
  for (const id of ids) {
    const node = tree.byId.get(id);
    if (node) visit(node);
  }
  return [...result];
}

export function createCatalogService(deps: { catalog: CatalogRepository; search: SearchRepository }) {
  const categories = ttlCache(async () => buildCategoryTree(await deps.search.activeCategories()), CATEGORY_CACHE_MS);
  const home = ttlCache(loadHome, LISTING_CACHE_MS);
  const pages = lruCache<string, CatalogPage>({ max: LISTING_CACHE_ENTRIES, ttlMs: LISTING_CACHE_MS });
  const suggestions = lruCache<string, SuggestResult>({ max: LISTING_CACHE_ENTRIES, ttlMs: LISTING_CACHE_MS });

  async function loadHome(): Promise<HomeCatalog> {
    const [featured, tiles, selling] = await Promise.all([
      deps.catalog.findFeaturedProducts(FEATURED_ON_HOME),
      deps.catalog.findTopCategoryTiles(),
      deps.search.listProducts({ ...DEFAULT_QUERY, sort: 'best_selling', inStock: true, perPage: BEST_SELLERS_ON_HOME }),
    ]);
    return { featured, bestSellers: await withImages(selling.products), categories: tiles };
  }

  /** Products in categories whose name matches the search ("drum" also finds cymbals under Drum). */
  async function searchCategoryIds(q: string, tree: CategoryTree): Promise<number[]> {
    return q ? withDescendants(tree, await deps.search.categoriesMatching(q)) : [];
  }

  /** The typed words, their corrections ("gitr" → gitar) and the categories either names. */
  async function planSearch(q: string, tree: CategoryTree): Promise<SearchPlan> {
    if (searchTerms(normalizeQuery(q)).length === 0) {
      const none = { matchedCategoryIds: [] };
      return { scope: none, typedScope: none, corrected: null };
    }
    const [typedIds, correction] = await Promise.all([searchCategoryIds(q, tree), deps.search.correct(q)]);
    const typedScope = { matchedCategoryIds: typedIds };
    if (!correction.corrected) return { scope: typedScope, typedScope, corrected: null };
    const correctedIds = await searchCategoryIds(correction.corrected, tree);
    const matchedCategoryIds = [...new Set([...typedIds, ...correctedIds])];
    return { scope: { matchedCategoryIds, alternatives: correction.alternatives }, typedScope, corrected: correction.corrected };
  }

  async function loadPage(requested: CatalogQuery): Promise<CatalogPage> {
    const tree = await categories.get();
    const category = requested.categorySlug ? tree.bySlug.get(requested.categorySlug) : undefined;
    const unknownCategory = requested.categorySlug !== undefined && !category;
    // An unknown category filter is dropped rather than showing an empty shop.
    const query = unknownCategory ? { ...requested, categorySlug: undefined } : requested;
    const plan = await planSearch(query.q, tree);

    const [listing, brands, typedTotal] = await Promise.all([
      deps.search.listProducts(query, plan.scope),
      deps.search.brandCounts(query, plan.scope),
      plan.corrected ? deps.search.countProducts(query, plan.typedScope) : undefined,
    ]);
    const pageCount = Math.max(1, Math.ceil(listing.total / query.perPage));
    const products = await withImages(listing.products);
    let suggestionCards: ProductCardRow[] = [];
    if (listing.total === 0) {
      const fallback = await deps.search.listProducts({
        ...DEFAULT_QUERY,
        perPage: SUGGESTIONS_WHEN_EMPTY,
        sort: 'best_selling',
        inStock: true,
      });
      suggestionCards = await withImages(fallback.products);
    }
    return {
      query,
      products,
      total: listing.total,
      pageCount,
      category,
      breadcrumbs: category ? ancestry(tree, category) : [],
      topCategories: tree.roots,
      brands,
      suggestions: suggestionCards,
      unknownCategory,
      didYouMean: plan.corrected && typedTotal !== undefined && listing.total > typedTotal ? plan.corrected : null,
    };
  }

  async function loadSuggestions(q: string, limit: number): Promise<SuggestResult> {
    if (searchTerms(normalizeQuery(q)).length === 0) return { products: [], categories: [] };
    const tree = await categories.get();
    const plan = await planSearch(q, tree);
    const listing = await deps.search.listProducts({ ...DEFAULT_QUERY, q, sort: 'relevance', perPage: limit }, plan.scope);
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
    return { products: await withImages(listing.products), categories: matchingCategories };
  }

  async function withImages(rows: Omit<ProductCardRow, 'image'>[]): Promise<ProductCardRow[]> {
    const images = await deps.catalog.mainImagesOf(rows.map((r) => r.id));
    return rows.map((r) => ({ ...r, image: images.get(r.id) ?? null }));
  }

  return {
    homeCatalog: () => home.get(),
    categoryTree: () => categories.get(),
    browse: (query: CatalogQuery) => pages.get(JSON.stringify(query), () => loadPage(query)),
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
      pages.clear();
      suggestions.clear();
    },
  };
}

export type CatalogService = ReturnType<typeof createCatalogService>;

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
