import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProductFact } from '../../src/store/catalog/catalog-facts';
import { createListingIndex } from '../../src/store/catalog/listing-index';

const fact: ProductFact = {
  id: 1,
  categoryId: 10,
  brand: 'Fender',
  price: 5_000_000,
  inStock: true,
  isFeatured: false,
  soldCount: 3,
  createdAt: 0,
  nameRank: 1,
};

/** A repository whose fingerprint the test sets, counting how often the facts are read back. */
function repository() {
  const repo = {
    version: 'v1',
    reads: 0,
    productFactsVersion: async () => repo.version,
    productFacts: async () => {
      repo.reads++;
      return [fact];
    },
  };
  return repo;
}

/** Lets a background refresh (started by a get() past its time) finish. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('the listing index refresh', () => {
  afterEach(() => vi.useRealTimers());

  it('keeps the index (and its sorted orders) while the fingerprint is unchanged, and reads the facts again when it changes', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: 1_000_000 });
    const repo = repository();
    const index = createListingIndex(repo, 15_000);
    const first = await index.get();
    expect(repo.reads).toBe(1);

    vi.setSystemTime(1_000_000 + 15_001);
    await index.get();
    await settle();
    expect(repo.reads).toBe(1);
    expect(await index.get()).toBe(first);

    // A back-office change forgets the index; unchanged facts are still not read again.
    index.invalidate();
    expect(await index.get()).toBe(first);
    expect(repo.reads).toBe(1);

    repo.version = 'v2';
    vi.setSystemTime(1_000_000 + 30_002);
    await index.get();
    await settle();
    expect(repo.reads).toBe(2);
    expect(await index.get()).not.toBe(first);
  });
});
