/**
 * What a search covers: the words as typed, their corrections ("gitr" → gitar) and the categories
 * either names, whose products count as found too ("drum" also finds cymbals under Drum).
 */
import type { ProductSearchScope } from '../../db/product-search';
import { normalizeQuery, searchTerms } from '../../lib/search-terms';
import { type CategoryTree, withDescendants } from './category-tree';
import type { SearchRepository } from './search-repository';

/** A search's words, their corrections and the categories it covers. */
export interface SearchPlan {
  /** Everything the search finds: the typed words, their corrections, matching categories. */
  scope: ProductSearchScope;
  /** Only what the words as typed find (for "did you mean"). */
  typedScope: ProductSearchScope;
  /** The query with its typos corrected, or null when no word was corrected. */
  corrected: string | null;
}

export function createSearchPlanner(search: Pick<SearchRepository, 'categoriesMatching' | 'correct'>) {
  /** Products in categories whose name matches the search ("drum" also finds cymbals under Drum). */
  async function searchCategoryIds(q: string, tree: CategoryTree): Promise<number[]> {
    return q ? withDescendants(tree, await search.categoriesMatching(q)) : [];
  }

  /** The typed words, their corrections ("gitr" → gitar) and the categories either names. */
  return async function planSearch(q: string, tree: CategoryTree): Promise<SearchPlan> {
    if (searchTerms(normalizeQuery(q)).length === 0) {
      const none = { matchedCategoryIds: [] };
      return { scope: none, typedScope: none, corrected: null };
    }
    const [typedIds, correction] = await Promise.all([searchCategoryIds(q, tree), search.correct(q)]);
    const typedScope = { matchedCategoryIds: typedIds };
    if (!correction.corrected) return { scope: typedScope, typedScope, corrected: null };
    const correctedIds = await searchCategoryIds(correction.corrected, tree);
    const matchedCategoryIds = [...new Set([...typedIds, ...correctedIds])];
    return { scope: { matchedCategoryIds, alternatives: correction.alternatives }, typedScope, corrected: correction.corrected };
  };
}
