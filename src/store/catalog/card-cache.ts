/**
 * Product cards (name, price, stock, main image) by id, kept as long as a listing page: a page no
 * cache has seen is mostly products other pages showed moments ago, so its cards need no query.
 * A card's price and stock may lag by `ttlMs`, as a cached page's may; the product page and
 * checkout read live stock. Cleared with the catalogue after a back-office change.
 */
import { lruCache } from '../../lib/cache';
import type { SearchRepository } from './search-repository';
import type { ProductCardRow } from './types';

/** Room for a large shop's catalogue (~0.5 KB each). */
const CARD_CACHE_ENTRIES = 20_000;

export function createCardCache(search: Pick<SearchRepository, 'cardsByIds'>, ttlMs: number) {
  const cards = lruCache<number, ProductCardRow>({ max: CARD_CACHE_ENTRIES, ttlMs });
  return {
    /** The cards of these products, in this order: the kept ones, and the rest read in one query. */
    async cardsFor(ids: readonly number[]): Promise<ProductCardRow[]> {
      const found = new Map<number, ProductCardRow>();
      for (const id of ids) {
        const card = cards.peek(id);
        if (card) found.set(id, card);
      }
      if (found.size < ids.length) {
        for (const card of await search.cardsByIds(ids.filter((id) => !found.has(id)))) {
          cards.set(card.id, card);
          found.set(card.id, card);
        }
      }
      // A product made inactive since the facts were taken is not read back: it is left out.
      return ids.flatMap((id) => found.get(id) ?? []);
    },
    clear: () => cards.clear(),
  };
}
