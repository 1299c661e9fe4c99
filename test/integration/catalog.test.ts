/**
 * Catalog listing over HTTP. The expected results come from an oracle written here in plain
 * TypeScript over the seeded rows, so every filter and sort is checked against an independent
 * computation, not against the SQL that produced it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { categories, products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

interface Row {
  id: number;
  slug: string;
  name: string;
  brand: string;
  price: number;
  stock: number;
  isFeatured: boolean;
  isActive: boolean;
  soldCount: number;
  createdAt: Date;
  categoryId: number;
}

type Sort = 'recommended' | 'price_asc' | 'price_desc' | 'name' | 'newest' | 'best_selling';
interface Filters {
  category?: string;
  brands?: string[];
  min?: number;
  max?: number;
  inStock?: boolean;
}

const byName = (a: Row, b: Row) =>
  a.name.toLowerCase() < b.name.toLowerCase() ? -1 : a.name.toLowerCase() > b.name.toLowerCase() ? 1 : a.id - b.id;
const comparators: Record<Sort, (a: Row, b: Row) => number> = {
  recommended: (a, b) =>
    Number(b.stock > 0) - Number(a.stock > 0) || Number(b.isFeatured) - Number(a.isFeatured) || b.soldCount - a.soldCount || byName(a, b),
  price_asc: (a, b) => a.price - b.price || byName(a, b),
  price_desc: (a, b) => b.price - a.price || byName(a, b),
  name: byName,
  newest: (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id,
  best_selling: (a, b) => b.soldCount - a.soldCount || byName(a, b),
};

describe.each(dbTargets)('catalog on %s', (target) => {
  let store: TestStore;
  let rows: Row[];
  let categoryRows: { id: number; parentId: number | null; slug: string }[];

  const descendants = (slug: string): Set<number> => {
    const root = categoryRows.find((c) => c.slug === slug)!;
    const ids = new Set([root.id]);
    let grew = true;
    while (grew) {
      grew = false;
      for (const c of categoryRows) {
        if (c.parentId !== null && ids.has(c.parentId) && !ids.has(c.id)) {
          ids.add(c.id);
          grew = true;
        }
      }
    }
    return ids;
  };

  const expected = (f: Filters, sort: Sort): string[] => {
    const scope = f.category ? descendants(f.category) : undefined;
    const brands = f.brands?.map((b) => b.toLowerCase());
    return rows
      .filter((r) => r.isActive)
      .filter((r) => !scope || scope.has(r.categoryId))
      .filter((r) => !brands || brands.includes(r.brand.toLowerCase()))
      .filter((r) => f.min === undefined || r.price >= f.min)
      .filter((r) => f.max === undefined || r.price <= f.max)
      .filter((r) => !f.inStock || r.stock > 0)
      .sort(comparators[sort])
      .map((r) => r.slug);
  };

  const api = async (params: Record<string, string | string[]>) => {
    const search = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) for (const value of [v].flat()) search.append(k, value);
    const res = await store.app.inject({ method: 'GET', url: `/api/v1/products?${search}` });
    return res;
  };

  /** Every slug of a query, walking all pages. */
  const allSlugs = async (params: Record<string, string | string[]>, perPage = 7): Promise<string[]> => {
    const slugs: string[] = [];
    for (let page = 1; page < 50; page++) {
      const res = await api({ ...params, page: String(page), per_page: String(perPage) });
      expect(res.statusCode, JSON.stringify(params)).toBe(200);
      const body = res.json();
      slugs.push(...body.data.map((p: { slug: string }) => p.slug));
      if (page >= body.meta.page_count) break;
    }
    return slugs;
  };

  beforeAll(async () => {
    store = await createTestStore(target);
    const db = store.database.db;
    // Make the data less uniform: an inactive product, and ties in price for stable-order checks.
    rows = (await db.select().from(products)) as Row[];
    const { eq } = await import('drizzle-orm');
    await db.update(products).set({ isActive: false }).where(eq(products.slug, rows[0]!.slug));
    await db.update(products).set({ price: 2_500_000 }).where(eq(products.slug, rows[1]!.slug));
    await db.update(products).set({ price: 2_500_000 }).where(eq(products.slug, rows[2]!.slug));
    rows = (await db.select().from(products)) as Row[];
    categoryRows = await db.select({ id: categories.id, parentId: categories.parentId, slug: categories.slug }).from(categories);
  });
  afterAll(() => store?.close());

  const filterSets: [string, Filters][] = [
    ['no filter', {}],
    ['category with descendants', { category: 'gitar' }],
    ['leaf category', { category: 'gitar-elektrik' }],
    ['two brands', { brands: ['Fender', 'Ibanez'] }],
    ['price range', { min: 1_000_000, max: 10_000_000 }],
    ['in stock', { inStock: true }],
    ['everything at once', { category: 'gitar', brands: ['fender', 'Ibanez', 'Yamaha'], min: 1_000_000, max: 20_000_000, inStock: true }],
  ];
  const sorts: Sort[] = ['recommended', 'price_asc', 'price_desc', 'name', 'newest', 'best_selling'];

  it.each(filterSets)('returns the right products in the right order for every sort: %s', async (_label, f) => {
    for (const sort of sorts) {
      const params: Record<string, string | string[]> = { sort };
      if (f.category) params.category = f.category;
      if (f.brands) params.brand = f.brands;
      if (f.min !== undefined) params.min_price = String(f.min);
      if (f.max !== undefined) params.max_price = String(f.max);
      if (f.inStock) params.in_stock = 'true';
      const want = expected(f, sort);
      expect(want.length, 'the oracle must have something to compare').toBeGreaterThan(0);
      // Walking pages of 7 also proves pagination is stable: no duplicates, nothing skipped.
      expect(await allSlugs(params), `${sort} ${JSON.stringify(f)}`).toEqual(want);
    }
  });

  it('storefront URL filters give the same products as the API', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/produk?kategori=gitar&merek=Fender&merek=Ibanez&urut=termurah' });
    expect(res.statusCode).toBe(200);
    const slugs = [...res.body.matchAll(/<h3 class="product-card-title"><a href="\/produk\/([^"]+)"/g)].map((m) => m[1]);
    expect(slugs).toEqual(expected({ category: 'gitar', brands: ['Fender', 'Ibanez'] }, 'price_asc').slice(0, 12));
    expect(res.body).toContain('<li class="breadcrumb-item active" aria-current="page">Gitar</li>');
    expect(res.body).toMatch(/class="chip" href="\/produk\?kategori=gitar-elektrik/);
  });

  it('paginates the storefront with links that keep the filters', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/produk?stok=1&hal=2' });
    expect(res.body).toContain('href="/produk?stok=1&amp;hal=3"');
    expect(res.body).toContain('href="/produk?stok=1"'); // page 1 has no hal parameter
    expect(res.body).toContain(`${expected({ inStock: true }, 'recommended').length} produk`);
  });

  it.each([
    ['ibanes', /^ibanez-/],
    ['strat', /stratocaster/],
    ['IBANEZ', /^ibanez-/],
    ['yamha', /^yamaha-/],
    ['les paul', /les-paul/],
  ])('search "%s" ranks the intended product first', async (q, slug) => {
    const res = await api({ q });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.length).toBeGreaterThan(0);
    expect(res.json().data[0]?.slug).toMatch(slug);
  });

  it('finds products by category name ("gitar")', async () => {
    const body = (await api({ q: 'gitar', per_page: '48' })).json();
    const guitarScope = descendants('gitar');
    const guitars = rows.filter((r) => r.isActive && guitarScope.has(r.categoryId)).map((r) => r.slug);
    expect(body.data.map((p: { slug: string }) => p.slug)).toEqual(expect.arrayContaining(guitars));
  });

  it('highlights matches on the results page and shows suggestions when nothing matches', async () => {
    const found = await store.app.inject({ method: 'GET', url: '/produk?q=strat' });
    expect(found.body).toContain('<mark>Strat</mark>ocaster');
    const none = await store.app.inject({ method: 'GET', url: '/produk?q=zzqxw' });
    expect(none.body).toContain('Tidak ada produk yang cocok');
    expect(none.body).toContain('Mungkin kamu suka');
    expect((none.body.match(/class="product-card h-100"/g) ?? []).length).toBe(4);
  });

  it.each([
    '/produk?hal=0',
    '/produk?hal=1000000000',
    '/produk?urut=bogus&harga_min=-5&harga_maks=99999999999999999999',
    '/produk?kategori=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    '/produk?kategori=tidak-ada',
    `/produk?q=${'x'.repeat(2048)}`,
    '/produk?q=%27%3B%20DROP%20TABLE%20products%3B--%20%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
    '/produk?merek=%00&stok=yes&q=%E2%80%AE',
  ])('bad input gives a normal page, never a 500 or reflected markup: %s', async (url) => {
    const res = await store.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('<script>alert(1)</script>');
    expect(res.body).not.toContain('<img src=x onerror');
  });

  it.each([
    [{ page: '0' }, 'page'],
    [{ page: '1000000000' }, 'page'],
    [{ per_page: '500' }, 'per_page'],
    [{ sort: 'cheapest' }, 'sort'],
    [{ min_price: '-5' }, 'min_price'],
    [{ max_price: '1e9' }, 'max_price'],
    [{ min_price: '9000', max_price: '10' }, 'min_price'],
    [{ category: '<script>' }, 'category'],
    [{ in_stock: 'maybe' }, 'in_stock'],
    [{ q: 'x'.repeat(2048) }, 'q'],
  ])('the API answers bad parameters with a 400 naming the field: %o', async (params, field) => {
    const res = await api(params);
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('invalid_query');
    expect(Object.keys(body.error.fields)).toContain(field);
  });

  it('suggests products with thumbnails and prices, and categories', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=ibanes' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.products[0].name).toMatch(/^Ibanez/);
    expect(body.products[0].price_formatted).toMatch(/^Rp\u00a0\d/);
    expect(body.products[0].image.webp).toMatch(/^\/media\/products\/.+-320\.webp$/);
    const img = await store.app.inject({ method: 'GET', url: body.products[0].image.jpg });
    expect(img.statusCode).toBe(200);
    expect((await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=gitar' })).json().categories[0].name).toBe('Gitar');
    expect((await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=a' })).json().products).toEqual([]);
    const nul = await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=%00%00%00' });
    expect(nul.statusCode).toBe(200);
    expect(nul.json().products).toEqual([]);
    expect((await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest?q=%21%21%21' })).json().products).toEqual([]);
    expect((await store.app.inject({ method: 'GET', url: '/api/v1/products/suggest' })).statusCode).toBe(400);
    expect(
      (await store.app.inject({ method: 'GET', url: `/api/v1/products/suggest?q=${'y'.repeat(300)}` })).json().error.fields.q,
    ).toBeTruthy();
  });

  it('answers a repeated suggestion with the same JSON, echoing each spelling of the query', async () => {
    const ask = (q: string) => store.app.inject({ method: 'GET', url: `/api/v1/products/suggest?q=${encodeURIComponent(q)}` });
    const first = await ask('fender');
    const again = await ask('fender');
    expect(again.body).toBe(first.body);
    expect(first.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(first.headers['cache-control']).toBe('public, max-age=60');
    const shouted = await ask('  FENDER ');
    expect(shouted.json().query).toBe('FENDER');
    expect(shouted.json().products).toEqual(first.json().products);
    expect(first.json().query).toBe('fender');
  });

  it('returns one product with details, images and related products', async () => {
    const res = await store.app.inject({ method: 'GET', url: '/api/v1/products/fender-player-stratocaster' });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    const row = rows.find((r) => r.slug === 'fender-player-stratocaster')!;
    expect(data).toMatchObject({ slug: row.slug, price: row.price, currency: 'IDR', stock: row.stock });
    expect(data.categories.map((c: { slug: string }) => c.slug)).toEqual(['gitar', 'gitar-elektrik']);
    expect(data.images.length).toBe(2);
    expect(data.images[0].webp_srcset).toMatch(/-320\.webp 320w, .*-640\.webp 640w, .*-1280\.webp 1280w$/);
    expect(data.related.map((p: { slug: string }) => p.slug)).not.toContain(row.slug);
    const missing = await store.app.inject({ method: 'GET', url: '/api/v1/products/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
    const inactive = await store.app.inject({ method: 'GET', url: `/api/v1/products/${rows.find((r) => !r.isActive)!.slug}` });
    expect(inactive.statusCode).toBe(404);
  });

  it('lists the category tree', async () => {
    const body = (await store.app.inject({ method: 'GET', url: '/api/v1/categories' })).json();
    const gitar = body.data.find((c: { slug: string }) => c.slug === 'gitar');
    expect(gitar.children.map((c: { slug: string }) => c.slug)).toEqual(expect.arrayContaining(['gitar-elektrik', 'gitar-akustik']));
  });
});
