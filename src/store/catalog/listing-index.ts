/**
 * The listing index (catalog-facts.ts) this instance answers from, refreshed in the background every
 * `refreshMs` and at once after a back-office change (docs/decisions.md).
 *
 * A refresh first asks the database for the facts' fingerprint and reads the facts back only when
 * it changed, keeping the index (and the sort orders it made) otherwise. Reading every active
 * product into the process every 15 seconds cost the store's event loop ~0.1 s at 100 000 products,
 * and the first page of each sort after it paid for sorting them again; most refreshes find nothing
 * changed.
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
