import { describe, expect, it } from 'vitest';
import { buildCatalogFacts, type FactFilter, type ProductFact } from '../../src/store/catalog/catalog-facts';
import { SORTS } from '../../src/store/catalog/schema';

const DAY = 86_400_000;

/** A small shelf with ties on every sort key, so tie-breaks show. */
function shelf(): ProductFact[] {
  const rows: Omit<ProductFact, 'nameRank'>[] = [
    { id: 1, categoryId: 10, brand: 'Fender', price: 5_000_000, inStock: true, isFeatured: false, soldCount: 3, createdAt: 5 * DAY },
    { id: 2, categoryId: 10, brand: 'Ibanez', price: 5_000_000, inStock: false, isFeatured: true, soldCount: 9, createdAt: 5 * DAY },
    { id: 3, categoryId: 11, brand: 'fender', price: 1_000_000, inStock: true, isFeatured: true, soldCount: 3, createdAt: 7 * DAY },
    { id: 4, categoryId: 12, brand: 'Boss', price: 2_500_000, inStock: true, isFeatured: false, soldCount: 0, createdAt: 1 * DAY },
    { id: 5, categoryId: 11, brand: 'Ibanez', price: 9_000_000, inStock: true, isFeatured: false, soldCount: 3, createdAt: 2 * DAY },
    { id: 6, categoryId: 12, brand: 'Boss', price: 1_000_000, inStock: false, isFeatured: false, soldCount: 1, createdAt: 7 * DAY },
  ];
  // Names in the database's order (lower(name) COLLATE "C", id): 4, 1, 6, 3, 5, 2.
  const nameOrder = [4, 1, 6, 3, 5, 2];
  return rows.map((r) => ({ ...r, nameRank: nameOrder.indexOf(r.id) + 1 }));
}

const everything: FactFilter = { categoryIds: [10, 11, 12], brands: [], minPrice: undefined, maxPrice: undefined, inStock: false };

/** The same order computed plainly, one comparator per sort, from the rules the storefront documents. */
function oracle(rows: ProductFact[], sort: (typeof SORTS)[number]): number[] {
  const name = (a: ProductFact, b: ProductFact) => a.nameRank - b.nameRank;
  const best = (a: ProductFact, b: ProductFact) => b.soldCount - a.soldCount || name(a, b);
  const featured = (a: ProductFact, b: ProductFact) => Number(b.isFeatured) - Number(a.isFeatured) || best(a, b);
  const compare = {
    recommended: (a: ProductFact, b: ProductFact) => Number(b.inStock) - Number(a.inStock) || featured(a, b),
    relevance: featured,
    price_asc: (a: ProductFact, b: ProductFact) => a.price - b.price || name(a, b),
    price_desc: (a: ProductFact, b: ProductFact) => b.price - a.price || name(a, b),
    name,
    newest: (a: ProductFact, b: ProductFact) => b.createdAt - a.createdAt || b.id - a.id,
    best_selling: best,
  }[sort];
  return [...rows].sort(compare).map((r) => r.id);
}

describe('catalogue facts: the listing without search words', () => {
  it.each(SORTS)('orders every product as the %s sort says, ties broken by name then id', (sort) => {
    const facts = buildCatalogFacts(shelf());
    expect(facts.page(everything, sort, 0, 100).ids).toEqual(oracle(shelf(), sort));
  });

  it('spells out the recommended order: in stock first, then featured, best-selling, name', () => {
    expect(buildCatalogFacts(shelf()).page(everything, 'recommended', 0, 10).ids).toEqual([3, 1, 5, 4, 2, 6]);
  });

  it('pages through the order and counts every match whatever the page', () => {
    const facts = buildCatalogFacts(shelf());
    const pages = [0, 2, 4, 6].map((offset) => facts.page(everything, 'price_asc', offset, 2));
    expect(pages.map((p) => p.ids)).toEqual([[6, 3], [4, 1], [2, 5], []]);
    expect(pages.every((p) => p.total === 6)).toBe(true);
  });

  it('filters by categories, price bounds (inclusive) and stock, and counts what is left', () => {
    const facts = buildCatalogFacts(shelf());
    const page = facts.page(
      { ...everything, categoryIds: [11, 12], minPrice: 1_000_000, maxPrice: 2_500_000, inStock: true },
      'name',
      0,
      10,
    );
    expect(page.ids).toEqual([4, 3]);
    expect(page.total).toBe(2);
  });

  it('matches brands case-insensitively, and the facet counts each brand under the other filters only', () => {
    const facts = buildCatalogFacts(shelf());
    const page = facts.page({ ...everything, brands: ['fender'] }, 'name', 0, 10);
    expect(page.ids).toEqual([1, 3]);
    expect(page.total).toBe(2);
    // Fender and fender are two spellings in the data: each keeps its own line, in the facet's order.
    expect(page.brands).toEqual([
      { brand: 'Boss', count: 2 },
      { brand: 'Fender', count: 1 },
      { brand: 'fender', count: 1 },
      { brand: 'Ibanez', count: 2 },
    ]);
    const inStock = facts.page({ ...everything, inStock: true, brands: ['boss', 'ibanez'] }, 'name', 0, 10);
    expect(inStock.ids).toEqual([4, 5]);
    expect(inStock.brands).toEqual([
      { brand: 'Boss', count: 1 },
      { brand: 'Fender', count: 1 },
      { brand: 'fender', count: 1 },
      { brand: 'Ibanez', count: 1 },
    ]);
  });

  it('finds nothing in categories it does not know, and an empty shelf answers every sort', () => {
    expect(buildCatalogFacts(shelf()).page({ ...everything, categoryIds: [99, -1] }, 'newest', 0, 10)).toEqual({
      ids: [],
      total: 0,
      brands: [],
    });
    const empty = buildCatalogFacts([]);
    for (const sort of SORTS) expect(empty.page(everything, sort, 0, 12)).toEqual({ ids: [], total: 0, brands: [] });
  });
});

describe('catalogue facts against a plain filter, on random shelves and filters', () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function random(seed: number) {
    let state = seed;
    return (n: number) => {
      state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
      return state % n;
    };
  }

  it('gives the same page, total and brand facet as filtering every product in order', () => {
    const brands = ['Boss', 'boss', 'Fender', 'Ibanez', 'Tama', 'Zildjian'];
    for (let seed = 1; seed <= 40; seed++) {
      const r = random(seed);
      const size = 1 + r(120);
      const rows: ProductFact[] = Array.from({ length: size }, (_, i) => ({
        id: i + 1,
        categoryId: [3, 7, 7, 12, 40][r(5)]!,
        brand: brands[r(brands.length)]!,
        // Few distinct prices: ties at the bounds.
        price: 100_000 * (1 + r(8)),
        inStock: r(3) > 0,
        isFeatured: r(6) === 0,
        soldCount: r(5),
        createdAt: r(4) * DAY,
        nameRank: 0,
      }));
      const byName = [...rows].sort((a, b) => a.brand.localeCompare(b.brand) || a.id - b.id);
      byName.forEach((row, i) => {
        row.nameRank = i + 1;
      });
      const facts = buildCatalogFacts(rows);
      for (let probe = 0; probe < 25; probe++) {
        const filter: FactFilter = {
          categoryIds: [[3], [7, 12], [7, 7, 40], [3, 7, 12, 40, 99], [99], []][r(6)]!,
          brands: [[], ['boss'], ['fender', 'tama'], ['nobody']][r(4)]!,
          minPrice: r(3) === 0 ? undefined : 100_000 * r(9),
          maxPrice: r(3) === 0 ? undefined : 100_000 * (1 + r(9)),
          inStock: r(2) === 0,
        };
        const sort = SORTS[r(SORTS.length)]!;
        const offset = r(4) * 5;
        const limit = 1 + r(12);
        const matchesBut = (row: ProductFact) =>
          filter.categoryIds.includes(row.categoryId) &&
          (filter.minPrice === undefined || row.price >= filter.minPrice) &&
          (filter.maxPrice === undefined || row.price <= filter.maxPrice) &&
          (!filter.inStock || row.inStock);
        const matches = (row: ProductFact) =>
          matchesBut(row) && (filter.brands.length === 0 || filter.brands.includes(row.brand.toLowerCase()));
        const ordered = oracle(rows, sort);
        const byId = new Map(rows.map((row) => [row.id, row]));
        const expectedIds = ordered.filter((id) => matches(byId.get(id)!));
        const facet = new Map<string, number>();
        for (const row of rows) if (matchesBut(row)) facet.set(row.brand, (facet.get(row.brand) ?? 0) + 1);
        const page = facts.page(filter, sort, offset, limit);
        const context = JSON.stringify({ seed, probe, filter, sort, offset, limit });
        expect(page.ids, context).toEqual(expectedIds.slice(offset, offset + limit));
        expect(page.total, context).toBe(expectedIds.length);
        expect(Object.fromEntries(page.brands.map((b) => [b.brand, b.count])), context).toEqual(Object.fromEntries(facet));
      }
    }
  });
});
