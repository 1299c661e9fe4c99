/**
 * The listing index (catalog-facts.ts) this instance answers from, refreshed in the background every
 * `refreshMs` and at once after a back-office change (docs/decisions.md).
 *
 * A refresh first asks the database for the facts' fingerprint and reads the facts back only when
 * it changed, keeping the index (and the sort orders it made) otherwise. At 100 000 products,
 * reading every active product back took 315–366 ms and building the index 80–95 ms, every 15 s,
 * and the first page of each sort after it paid for sorting them again (~50 ms each); most
 * refreshes find nothing changed.
 */
import { refreshingValue } from '../../lib/cache';
import { buildCatalogFacts, type CatalogFacts } from './catalog-facts';
import type { SearchRepository } from './search-repository';

export function createListingIndex(search: Pick<SearchRepository, 'productFacts' | 'productFactsVersion'>, refreshMs: number) {
  let built: { version: string; facts: CatalogFacts } | undefined;
  return refreshingValue(async () => {
    const version = await search.productFactsVersion();
    if (built?.version !== version) built = { version, facts: buildCatalogFacts(await search.productFacts()) };
    return built.facts;
  }, refreshMs);
}
