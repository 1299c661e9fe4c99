/**
 * The catalogue's listing index (catalog/catalog-facts.ts) is a snapshot that may be a few
 * seconds old, and so may the cards it points at (kept as long as a listing page, 15 s). These
 * tests change the database behind the store's back (as another store instance or a script would)
 * and check what a shopper sees, then and once the 15 s have passed.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { queriesDuring } from '../helpers/query-log';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { createSearchRepository } from '../../src/store/catalog/search-repository';

interface ApiPage {
  data: { slug: string; price: number; stock_status: string }[];
  meta: { total: number };
}

describe.each(dbTargets)('catalogue listing index on %s', (target) => {
  let store: TestStore;
  let seq = 0;
  /** A URL no cache has seen: a price floor of a few rupiah that filters nothing (the test products cost Rp 50.000). */
  const fresh = (params = '') => `/api/v1/products?per_page=48&min_price=${++seq}${params}`;
  const list = async (url: string) => (await store.app.inject({ url })).json() as ApiPage;

  beforeAll(async () => {
    store = await createTestStore(target);
  });
  afterAll(() => store?.close());
  afterEach(() => vi.useRealTimers());

  it('a card changed behind the store’s back is as old as a cached page at most; then live, an inactive product left out', async () => {
    // A store of its own: this test moves the clock, which ages every cache of the store it uses.
    const own = await createTestStore(target);
    try {
      const ownList = async (url: string) => (await own.app.inject({ url })).json() as ApiPage;
      const [first, second] = (await ownList(fresh('&sort=name'))).data;
      const db = own.database.db;
      await db.update(products).set({ price: 1_234_000, stock: 0 }).where(eq(products.slug, first!.slug));
      await db.update(products).set({ isActive: false }).where(eq(products.slug, second!.slug));

      const soon = await ownList(fresh('&sort=name'));
      expect(soon.data[0]).toMatchObject({ slug: first!.slug, price: first!.price, stock_status: first!.stock_status });

      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 15_001 });
      const after = await ownList(fresh('&sort=name'));
      // (Out of stock now, it may move to the end once the snapshot is taken again.)
      expect(after.data.find((p) => p.slug === first!.slug)).toMatchObject({ price: 1_234_000, stock_status: 'out' });
      expect(after.data.map((p) => p.slug)).not.toContain(second!.slug);
    } finally {
      await own.close();
    }
  });

  it('the facts fingerprint changes with every fact the index holds, and only with them', async () => {
    const db = store.database.db;
    const version = () => createSearchRepository(db).productFactsVersion();
    const product = await productBySlug(db, 'yamaha-f310');
    const original = (await db.select().from(products).where(eq(products.id, product.id)))[0]!;
    const before = await version();
    const changeTo = async (values: Partial<typeof products.$inferInsert>) => {
      await db.update(products).set(values).where(eq(products.id, product.id));
      const changed = await version();
      await db
        .update(products)
        .set({
          description: original.description,
          price: original.price,
          stock: original.stock,
          name: original.name,
          isActive: original.isActive,
          soldCount: original.soldCount,
          isFeatured: original.isFeatured,
        })
        .where(eq(products.id, product.id));
      return changed;
    };
    // Not a fact: the description, and a stock that stays above zero.
    expect(await changeTo({ description: 'Another description' })).toBe(before);
    expect(await changeTo({ stock: original.stock + 7 })).toBe(before);
    for (const values of [
      { price: original.price + 1000 },
      { stock: 0 },
      { name: `${original.name} II` },
      { isActive: false },
      { soldCount: original.soldCount + 1 },
      { isFeatured: !original.isFeatured },
    ]) {
      expect(await changeTo(values), JSON.stringify(values)).not.toBe(before);
    }
    expect(await version()).toBe(before);
  });

  it('a storefront page without a search costs one query for its cards at most, none when other pages just read them', async () => {
    // Warm: categories and the facts snapshot are loaded by the first listing.
    await store.app.inject({ url: '/produk?harga_min=1' });
    const products = (seen: string[]) => seen.filter((q) => /\bfrom products\b/i.test(q));
    const page = async (floor: number) => {
      const res = await store.app.inject({
        url: `/produk?kategori=gitar&merek=Fender&merek=Ibanez&harga_min=${floor}&urut=termahal&hal=1`,
      });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('product-card');
    };
    // (None either if an earlier test has just listed these products.)
    expect(products(await queriesDuring(store, () => page(2))).length).toBeLessThanOrEqual(1);
    // The same products under a price floor nobody asked for yet: a page no cache has seen, its cards kept.
    expect(products(await queriesDuring(store, () => page(3)))).toHaveLength(0);
  });

  it('counts and lists a product the back office adds at once; one added behind the store’s back waits for the snapshot', async () => {
    const db = store.database.db;
    const total = (await list(fresh())).meta.total;
    // Behind the store's back (another instance, a script): the snapshot does not know it yet.
    await db.execute(sql`
      INSERT INTO products (category_id, name, slug, sku, brand, price, stock, weight_grams, length_cm, width_cm, height_cm)
      SELECT category_id, 'Listing Index Quiet Guitar', 'listing-index-quiet-guitar', 'LIT-0', brand, 50000, 5, weight_grams,
             length_cm, width_cm, height_cm
      FROM products ORDER BY id LIMIT 1`);
    expect((await list(fresh())).meta.total).toBe(total);
    // Through the back office: forgotten and reloaded at once.
    await createUser(db, { email: 'admin@listing-index.example', role: 'admin' });
    const admin = new TestBrowser(store.app, '192.0.2.201');
    await admin.login('admin@listing-index.example', PASSWORD);
    const categoryId = (await productBySlug(db, 'yamaha-f310')).categoryId;
    await admin.get('/admin/produk/baru');
    const created = await admin.post('/admin/produk/baru', {
      name: 'Listing Index Test Guitar',
      slug: '',
      sku: 'LIT-1',
      brand: 'Hurtrock',
      model: 'L1',
      categoryId: String(categoryId),
      supplierId: '',
      price: '50.000',
      stock: '5',
      minStock: '0',
      lowStockThreshold: '1',
      weightGrams: '3000',
      lengthCm: '100',
      widthCm: '40',
      heightCm: '12',
      description: 'Untuk pengujian.',
      isActive: 'on',
    });
    expect(created.status).toBe(303);
    const after = await list(fresh('&sort=price_asc'));
    expect(after.meta.total).toBe(total + 2);
    expect(
      after.data
        .slice(0, 2)
        .map((p) => p.slug)
        .sort(),
    ).toEqual(['listing-index-quiet-guitar', 'listing-index-test-guitar']);
  });
});
