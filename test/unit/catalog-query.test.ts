import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY, MAX_PAGE, pageUrl, parseApiQuery, parsePageQuery } from '../../src/store/catalog/schema';

describe('storefront catalog URLs', () => {
  it('reads every filter from Indonesian parameters', () => {
    expect(
      parsePageQuery({
        q: ' strat ',
        kategori: 'gitar-elektrik',
        merek: ['Fender', 'Ibanez', 'Fender'],
        harga_min: '1.500.000',
        harga_maks: '20000000',
        stok: '1',
        urut: 'termurah',
        hal: '3',
      }),
    ).toEqual({
      q: 'strat',
      categorySlug: 'gitar-elektrik',
      brands: ['Fender', 'Ibanez'],
      minPrice: 1_500_000,
      maxPrice: 20_000_000,
      inStock: true,
      sort: 'price_asc',
      page: 3,
      perPage: DEFAULT_QUERY.perPage,
    });
  });

  it('falls back to defaults for anything odd, never throwing', () => {
    const q = parsePageQuery({
      kategori: '<script>',
      harga_min: '-5',
      harga_maks: '1e99',
      urut: 'bogus',
      hal: String(MAX_PAGE + 1),
      stok: 'yes',
      merek: 'x'.repeat(81),
    });
    expect(q).toEqual({ ...DEFAULT_QUERY });
  });

  it('swaps a reversed price range and defaults to relevance when searching', () => {
    const q = parsePageQuery({ q: 'bass', harga_min: '5000000', harga_maks: '1000000' });
    expect([q.minPrice, q.maxPrice, q.sort]).toEqual([1_000_000, 5_000_000, 'relevance']);
    expect(parsePageQuery({ urut: 'relevan' }).sort).toBe('recommended');
  });

  it('writes URLs with only what differs from the defaults, and round-trips them', () => {
    expect(pageUrl(DEFAULT_QUERY)).toBe('/produk');
    const state = parsePageQuery({ kategori: 'bass', merek: ['Fender', 'Yamaha'], harga_maks: '9000000', urut: 'terbaru', hal: '2' });
    const url = pageUrl(state);
    expect(url).toBe('/produk?kategori=bass&merek=Fender&merek=Yamaha&harga_maks=9000000&urut=terbaru&hal=2');
    const params = new URL(url, 'http://x').searchParams;
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) raw[key] = params.getAll(key).length > 1 ? params.getAll(key) : params.get(key)!;
    expect(parsePageQuery(raw)).toEqual(state);
    expect(pageUrl(state, { page: 1 })).not.toContain('hal=');
  });
});

describe('API catalog parameters', () => {
  it('accepts valid parameters', () => {
    const result = parseApiQuery({
      q: 'ibanez',
      category: 'gitar',
      brand: ['Ibanez', 'ESP LTD'],
      min_price: '0',
      max_price: '9000000',
      in_stock: 'true',
      sort: 'price_desc',
      page: '2',
      per_page: '24',
    });
    expect(result).toEqual({
      ok: true,
      query: {
        q: 'ibanez',
        categorySlug: 'gitar',
        brands: ['Ibanez', 'ESP LTD'],
        minPrice: 0,
        maxPrice: 9_000_000,
        inStock: true,
        sort: 'price_desc',
        page: 2,
        perPage: 24,
      },
    });
  });

  it('names each bad field', () => {
    const result = parseApiQuery({ page: '0', per_page: '1000', sort: 'cheap', min_price: 'abc' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields).sort()).toEqual(['min_price', 'page', 'per_page', 'sort']);
  });

  it('drops relevance when there is nothing to search for', () => {
    const result = parseApiQuery({ sort: 'relevance' });
    expect(result.ok && result.query.sort).toBe('recommended');
  });
});
