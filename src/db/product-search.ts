/**
 * The product search condition and its relevance, shared by the storefront's catalogue and the
 * back office's product list so both find the same products for the same words. Search combines
 * prefix full-text matching ("strat" → Stratocaster) with trigram word similarity for typos
 * ("ibanes" → Ibanez), the catalogue words a typed word was corrected to ("ibnez" → ibanez, see
 * db/search-vocabulary.ts) and the products of categories whose name matched ("gitar").
 */
import { type SQL, sql } from 'drizzle-orm';
import { normalizeQuery, prefixTsQuery, searchTerms } from '../lib/search-terms';

export interface ProductSearchSql {
  where: SQL;
  rank: SQL;
}

/** What a search covers besides its own words. */
export interface ProductSearchScope {
  /** Categories whose name matched (with their descendants). */
  matchedCategoryIds: readonly number[];
  /** Per query word: the word, then the catalogue words it was corrected to (SearchCorrection). */
  alternatives?: readonly (readonly string[])[] | null;
}

/** Ranks products whose name, brand or model has every typed word above those found through a correction. */
const EXACT_MATCH_BONUS = 10;
/**
 * Trigram similarity of the whole query finds what the vocabulary cannot correct (a SKU, words
 * run together) but forgives a short query far more than one typo ("boos" ~ Boss): short queries
 * stay exact prefixes, as the typo rule says (lib/typo-tolerance.ts).
 */
const MIN_TRIGRAM_QUERY_LENGTH = 5;

/** `(word:* | correction:* …) & …`; null when no word was corrected. */
function correctedTsQuery(terms: readonly string[], alternatives: ProductSearchScope['alternatives']): string | null {
  if (!alternatives || alternatives.length !== terms.length || alternatives.every((a) => a.length <= 1)) return null;
  return alternatives.map((words) => `(${words.map((w) => `${w}:*`).join(' | ')})`).join(' & ');
}

/**
 * Condition and relevance for a query over the `products` table under the name `table` (the
 * catalog's raw SQL calls it `p`, Drizzle's builder `products`), or null when the query has no
 * searchable word. Every arm of the condition can use an index (full-text GIN, trigram GIN on
 * `search_text`, the category index), so PostgreSQL combines them with a bitmap OR instead of
 * scanning the table.
 */
export function productSearchSql(q: string, scope: ProductSearchScope, table = 'p'): ProductSearchSql | null {
  const normalized = normalizeQuery(q);
  const terms = searchTerms(normalized);
  const tsquery = prefixTsQuery(terms);
  if (!tsquery) return null;
  const t = sql.identifier(table);
  const ts = sql`to_tsquery('simple', ${tsquery})`;
  // One array parameter: the text stays the same whatever the categories (prepared statements).
  const inMatchedCategory = scope.matchedCategoryIds.length
    ? sql`${t}.category_id = ANY(${sql.param([...scope.matchedCategoryIds])}::int[])`
    : sql`false`;
  const similar = sql`word_similarity(${normalized}, ${t}.search_text)`;
  const resembles = normalized.length >= MIN_TRIGRAM_QUERY_LENGTH ? sql`${normalized} <% ${t}.search_text` : sql`false`;
  const categoryBonus = sql`CASE WHEN ${inMatchedCategory} THEN 0.5 ELSE 0 END`;
  const corrected = correctedTsQuery(terms, scope.alternatives);
  if (!corrected) {
    return {
      where: sql`(${t}.search_document @@ ${ts} OR ${resembles} OR ${inMatchedCategory})`,
      rank: sql`(ts_rank(${t}.search_document, ${ts}) * 2 + ${similar} + ${categoryBonus})`,
    };
  }
  // The typed words or their corrections: the exact match first, then by how well the corrected
  // words match (the typed ones often match nothing).
  const wide = sql`to_tsquery('simple', ${corrected})`;
  const typedInTitle = sql`to_tsquery('simple', ${terms.map((w) => `${w}:*A`).join(' & ')})`;
  const best = scope.alternatives!.map((words) => words[words.length > 1 ? 1 : 0]).join(' ');
  return {
    where: sql`(${t}.search_document @@ ${wide} OR ${resembles} OR ${inMatchedCategory})`,
    rank: sql`(CASE WHEN ${t}.search_document @@ ${typedInTitle} THEN ${sql.raw(String(EXACT_MATCH_BONUS))} ELSE 0 END
      + ts_rank(${t}.search_document, ${wide}) * 2 + greatest(${similar}, word_similarity(${best}, ${t}.search_text))
      + ${categoryBonus})`,
  };
}
