/**
 * The catalogue's listing index (catalog/catalog-facts.ts) is a snapshot that may be a few
 * seconds old; the cards it points at are read live. These tests change the database behind the
 * store's back (as another store instance or a script would) and check what a shopper sees.
 */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { products } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { queriesDuring } from '../helpers/query-log';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';

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

  it('shows the live price and stock on the cards, and leaves out a product made inactive since the snapshot', async () => {
    const before = await list(fresh('&sort=name'));
    const [first, second] = before.data;
    const db = store.database.db;
    await db.update(products).set({ price: 1_234_000, stock: 0 }).where(eq(products.slug, first!.slug));
    await db.update(products).set({ isActive: false }).where(eq(products.slug, second!.slug));

    const after = await list(fresh('&sort=name'));
    expect(after.data[0]).toMatchObject({ slug: first!.slug, price: 1_234_000, stock_status: 'out' });
    expect(after.data.map((p) => p.slug)).not.toContain(second!.slug);
    await db.update(products).set({ isActive: true }).where(eq(products.slug, second!.slug));
  });

  it('a page of the storefront without a search costs one query for its cards, however it is filtered', async () => {
    // Warm: categories and the facts snapshot are loaded by the first listing.
    await store.app.inject({ url: '/produk?harga_min=1' });
    const seen = await queriesDuring(store, async () => {
      const res = await store.app.inject({ url: '/produk?kategori=gitar&merek=Fender&merek=Ibanez&harga_min=2&urut=termahal&hal=1' });
      expect(res.statusCode).toBe(200);
      expect(res.body).toContain('product-card');
    });
    expect(seen.filter((q) => /\bfrom products\b/i.test(q))).toHaveLength(1);
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
