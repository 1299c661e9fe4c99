/**
 * The product search condition and its relevance, shared by the storefront's catalogue and the
 * back office's product list so both find the same products for the same words. Search combines
 * prefix full-text matching ("strat" → Stratocaster) with trigram word similarity for typos
 * ("ibanes" → Ibanez) and the products of categories whose name matched ("gitar").
 */
import { type SQL, sql } from 'drizzle-orm';
import { normalizeQuery, prefixTsQuery, searchTerms } from '../lib/search-terms';

export interface ProductSearchSql {
  where: SQL;
  rank: SQL;
}

/**
 * Condition and relevance for a query over the `products` table under the name `table` (the
 * catalog's raw SQL calls it `p`, Drizzle's builder `products`), or null when the query has no
 * searchable word. Every arm of the condition can use an index (full-text GIN, trigram GIN on
 * `search_text`, the category index), so PostgreSQL combines them with a bitmap OR instead of
 * scanning the table.
 */
export function productSearchSql(q: string, matchedCategoryIds: readonly number[], table = 'p'): ProductSearchSql | null {
  const normalized = normalizeQuery(q);
  const tsquery = prefixTsQuery(searchTerms(normalized));
  if (!tsquery) return null;
  const t = sql.identifier(table);
  const ts = sql`to_tsquery('simple', ${tsquery})`;
  const inMatchedCategory = matchedCategoryIds.length
    ? sql`${t}.category_id IN (${sql.join(
        matchedCategoryIds.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : sql`false`;
  return {
    where: sql`(${t}.search_document @@ ${ts} OR ${normalized} <% ${t}.search_text OR ${inMatchedCategory})`,
    rank: sql`(ts_rank(${t}.search_document, ${ts}) * 2 + word_similarity(${normalized}, ${t}.search_text)
      + CASE WHEN ${inMatchedCategory} THEN 0.5 ELSE 0 END)`,
  };
}
